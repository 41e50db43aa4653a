#!/usr/bin/env python3
"""Fills fuzz/corpus/<target>/ with seeds taken from the repository.

- Every data file under tests/data/ and graphs/ goes to the targets of its
  format.
- Every string literal in tests/it/*.rs and src/**/*.rs (plain "..." with
  Rust escapes, and raw r"..." / r#"..."#) that looks like one of the
  formats goes to that format's target: JSON documents by their keys,
  i23 by `p af`, apx by `arg(` / `att(`, tgf by a `#` line.
- argdown_text_read takes every .argdown file under graphs/ and tests/data/.
- dot_write and dot_labels take the short literals of the DOT and
  hostile-input tests (ids and texts with quotes, escapes, control
  characters); their bytes become strings through `arbitrary`.

Seeds are named by their content's hash, so running it again adds nothing
twice. The corpora are not committed (the repository's .gitignore lists
fuzz/corpus); run this after a clone:

    python3 fuzz/seed-corpora.py
"""

import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"

# The JSON targets, by the keys that tell the formats apart (first match wins).
JSON_KEYS = [
    ("ova_read", ['"AIF"', '"OVA"']),
    ("aif_read", ['"nodeID"', '"fromID"', '"toID"', '"locutions"']),
    ("argdown_read", ['"statements"', '"relations"', '"pcs"', '"equivalence-class"']),
    ("json_read", ['"argraph"', '"kind"', '"nodes"', '"edges"']),
]

DOT_TESTS = ["tests/it/dot.rs", "tests/it/bad_input.rs", "src/render/escape.rs"]


SAVED = {}  # target -> the seeds this run took from the repository


def save(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    SAVED.setdefault(target, []).append(data)
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    path = directory / name
    if not path.exists():
        path.write_bytes(data)
        return 1
    return 0


ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def unescape(body):
    """A Rust string literal's body (between the quotes) as its value."""
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1] if i + 1 < len(body) else ""
        if nxt in ESCAPES:
            out.append(ESCAPES[nxt])
            i += 2
        elif nxt == "x":
            out.append(chr(int(body[i + 2 : i + 4], 16)))
            i += 4
        elif nxt == "u":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3 : end], 16)))
            i = end + 1
        elif nxt == "\n":  # a line continuation skips the leading whitespace
            i += 2
            while i < len(body) and body[i] in " \t\n\r":
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


LITERAL = re.compile(r'(?P<raw>\br(?P<hashes>#*)")|(?P<plain>(?<![\w\'])")')


def literals(text):
    """The string literals of a Rust source file, decoded."""
    i = 0
    while True:
        m = LITERAL.search(text, i)
        if not m:
            return
        start = m.end()
        if m.group("raw") is not None:
            closing = '"' + m.group("hashes")
            end = text.find(closing, start)
            if end < 0:
                return
            yield text[start:end]
            i = end + len(closing)
        else:
            j = start
            while j < len(text) and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            try:
                yield unescape(text[start:j])
            except (ValueError, IndexError):
                pass
            i = j + 1


def code(path):
    """A Rust file's text with doc-comment markers removed, so that the
    literals of doctests read as code."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"(?m)^\s*//[/!] ?", "", text)


def classify(s):
    """The targets a literal is a seed for."""
    stripped = s.lstrip()
    if len(stripped) < 4:
        return []
    if re.match(r'[{\[]\s*["{\[}\]]', stripped):
        for target, keys in JSON_KEYS:
            if any(k in s for k in keys):
                return [target]
        return ["json_read"] if stripped[0] == "{" else []
    if re.search(r"(^|\n)\s*p\s+af\b", s):
        return ["i23_read"]
    if "arg(" in s or "att(" in s:
        return ["apx_read"]
    if re.search(r"(^|\n)#\s*(\n|$)", s):
        return ["tgf_read"]
    return []


def main():
    added = 0
    for path in sorted((ROOT / "tests" / "data").glob("*.json")) + sorted((ROOT / "graphs").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        for target in classify(text):
            added += save(target, path.read_bytes())
    # Argdown text: every .argdown document in the repository.
    for path in sorted(ROOT.glob("graphs/*.argdown")) + sorted((ROOT / "tests" / "data").rglob("*.argdown")):
        added += save("argdown_text_read", path.read_bytes())
    sources = sorted((ROOT / "tests" / "it").glob("*.rs")) + sorted((ROOT / "src").rglob("*.rs"))
    for path in sources:
        for s in literals(code(path)):
            for target in classify(s):
                added += save(target, s)
    for rel in DOT_TESTS:
        path = ROOT / rel
        if not path.exists():
            continue
        for s in literals(code(path)):
            if 0 < len(s) <= 200:
                added += save("dot_write", s)
                added += save("dot_labels", s)
    # OVA wraps AIF: each AIFdb seed that is JSON is also an OVA seed.
    for seed in SAVED.get("aif_read", []):
        try:
            doc = json.loads(seed)
        except ValueError:
            continue
        if isinstance(doc, dict):
            added += save("ova_read", json.dumps({"AIF": doc, "OVA": {}, "text": ""}, indent=1))
    for directory in sorted(CORPUS.iterdir()):
        print(f"{directory.relative_to(ROOT)}: {sum(1 for _ in directory.iterdir())} seeds")
    print(f"{added} new seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
