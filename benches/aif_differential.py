#!/usr/bin/env python3
"""Differential check of the AIF reader and writer between two argraph builds.

    python3 benches/aif_differential.py gen DIR [--seed S] [--n 3000] [--bad 600]
    python3 benches/aif_differential.py run DIR OLD_BINARY NEW_BINARY [--jobs 2]

`gen` writes DIR/gen/*.json (random messy AIF documents: AIFdb nodesets,
OVA/OVA3 and xAIF wrappers, numeric and string ids, duplicate and conflicting
ids, missing and wrong-typed fields, every node type, locutions, schemes,
participants, preferences, unknown fields at every level, unicode, escapes,
empty documents) and DIR/bad/*.json (the same, corrupted: truncated, bytes
flipped, values swapped for wrong types), and copies tests/data/*.json to
DIR/real/.

`run` converts every file with both binaries, in the same relative paths so
that messages match, through these commands:

    convert IN out.json --from aif                 (AIF -> argraph JSON)
    convert IN out.aif.json --from aif --to aif    (AIF -> AIFdb)
    convert IN out.ova.json --from aif --to ova    (AIF -> OVA)
    convert out.json back.aif.json --to aif        (argraph JSON -> AIF, on the old output)
    convert back.aif.json again.json --from aif    (and back)

and compares exit codes, stdout, stderr and the bytes of every output. It
prints the counts, and the first differences in full. Differences that only
change serde's wording of a wrong-typed `nodes`/`edges` array ("expected an
array" before the derived reader, "expected a sequence" after) are counted
apart, as `wording`.
"""
import json
import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

TYPES = ["I", "RA", "CA", "MA", "PA", "L", "YA", "TA"]
WEIRD_TYPES = ["i", "ra", " RA ", "", "XX", "S", None, 5, "ca"]
TEXTS = [
    "Sales fell.", "The product is failing.", "Ünïcödé — “quotes” ✓ 漢字",
    "tab\there", "new\nline", "back\\slash", 'say "hi"', "", "   ", "\u0000ctl\u001f",
    "emoji 😀 and \ud7ff", "Default Inference", "Default Conflict", "Asserting",
    "Bob : I am hungry.", "<b>html</b> & stuff",
]
SCHEMES = [("Default Inference", "72"), ("Default Conflict", "71"), ("Default Rephrase", "144"),
           ("Default Preference", "161"), ("Argument From Sign", "35"), ("Asserting", "74"),
           ("Arguing", "80"), ("Default Transition", "82")]


def rand_scalar(r):
    return r.choice([1, -3, 0, 2.5, 1e300, -0.0, 12345678901234567890, True, False, None,
                     "x", "ünï", "", "a\"b", [], {}, [1, "two", {"k": None}], {"deep": {"er": [1.25]}}])


def rand_id(r, i, style):
    if style == "num":
        return i
    if style == "str":
        return str(i)
    if style == "mix":
        return r.choice([i, str(i)])
    if style == "alpha":
        return r.choice(["n%d" % i, "node-%d" % i, "ü%d" % i, str(i)])
    if style == "float":
        return r.choice([float(i), i, str(i)])
    return str(i)


def extra_fields(r, node, k):
    for _ in range(k):
        key = r.choice(["timestamp", "scheme", "schemeID", "color", "x", "y", "visible",
                        "nodeSetID", "üñkey", "a\"q", "participantID", "nested", "list"])
        if key == "timestamp":
            node[key] = r.choice(["2016-09-26 21:00:00", "", 0, None])
        elif key == "scheme":
            node[key] = r.choice([s[0] for s in SCHEMES] + [5, None])
        elif key == "schemeID":
            node[key] = r.choice([s[1] for s in SCHEMES] + [72, 71, "9999", None])
        else:
            node[key] = rand_scalar(r)


def make_node(r, i, style, ty=None):
    ty = ty or r.choice(TYPES + ["I", "I", "RA", "CA"])
    node = {}
    order = ["nodeID", "text", "type"]
    r.shuffle(order) if r.random() < 0.2 else None
    for key in order:
        if key == "nodeID" and r.random() > 0.02:
            node["nodeID"] = rand_id(r, i, style)
        elif key == "text" and r.random() > 0.05:
            if ty in ("RA", "CA", "MA", "PA", "YA", "TA") and r.random() < 0.6:
                node["text"] = r.choice([s[0] for s in SCHEMES])
            else:
                node["text"] = r.choice(TEXTS) + (" %d" % i if r.random() < 0.7 else "")
        elif key == "type":
            if r.random() < 0.03:
                node["type"] = r.choice(WEIRD_TYPES)
            elif r.random() > 0.01:
                node["type"] = ty if r.random() > 0.1 else ty.lower()
    if r.random() < 0.5:
        node["timestamp"] = "2016-09-26 21:00:%02d" % (i % 60)
    if ty in ("RA", "CA", "MA", "PA", "YA") and r.random() < 0.5:
        name, sid = r.choice(SCHEMES)
        node["scheme"] = name
        node["schemeID"] = sid if r.random() < 0.8 else int(sid)
    if r.random() < 0.15:
        extra_fields(r, node, r.randint(1, 4))
    return node


def make_doc(r):
    n = r.choice([0, 1, 2, 3, 5, 8, 12, 20, 40, 80])
    style = r.choice(["num", "str", "str", "mix", "alpha", "float"])
    nodes = [make_node(r, i + 1, style) for i in range(n)]
    # Structure: wire edges that make sense most of the time.
    by_ty = {}
    for nd in nodes:
        by_ty.setdefault(nd.get("type"), []).append(nd)
    edges = []

    def nid(nd):
        return nd.get("nodeID", "missing")

    def edge(a, b):
        e = {"edgeID": rand_id(r, len(edges) + 1, style), "fromID": a, "toID": b}
        if r.random() < 0.5:
            e["formEdgeID"] = None
        if r.random() < 0.05:
            e[r.choice(["weight", "extra", "ü"])] = rand_scalar(r)
        if r.random() < 0.02:
            del e["fromID"]
        if r.random() < 0.02:
            e["edgeID"] = None
        edges.append(e)

    inodes = by_ty.get("I", [])
    for nd in nodes:
        ty = nd.get("type")
        if ty in ("RA", "MA", "CA", "PA") and inodes:
            for _ in range(r.choice([0, 1, 1, 1, 2, 3])):
                src = r.choice(nodes if r.random() < 0.15 else inodes)
                edge(nid(src), nid(nd))
            for _ in range(r.choice([0, 1, 1, 1, 2])):
                dst = r.choice(nodes if r.random() < 0.15 else inodes)
                edge(nid(nd), nid(dst))
        elif ty == "YA":
            ls = by_ty.get("L", []) + by_ty.get("TA", [])
            if ls and r.random() < 0.9:
                edge(nid(r.choice(ls)), nid(nd))
            if nodes and r.random() < 0.9:
                edge(nid(nd), nid(r.choice(nodes)))
        elif ty == "TA":
            ls = by_ty.get("L", [])
            if len(ls) >= 2:
                edge(nid(ls[0]), nid(nd))
                edge(nid(nd), nid(ls[1]))
    for _ in range(r.choice([0, 0, 1, 3])):
        if nodes:
            edge(nid(r.choice(nodes)), r.choice([nid(r.choice(nodes)), "nope", 999999]))
    if edges and r.random() < 0.1:
        edges.append(dict(r.choice(edges)))
    # Duplicates of nodes: same content, or conflicting.
    if nodes and r.random() < 0.1:
        nodes.append(dict(r.choice(nodes)))
    if nodes and r.random() < 0.03:
        c = dict(r.choice(nodes))
        c["text"] = "conflicting"
        nodes.append(c)
    r.shuffle(nodes) if r.random() < 0.3 else None
    locutions = []
    for nd in by_ty.get("L", []):
        if r.random() < 0.8:
            loc = {"nodeID": nid(nd), "personID": r.choice([1, "2", None]),
                   "timestamp": "2016-09-26 21:00:00", "start": None, "end": None, "source": None}
            if r.random() < 0.2:
                loc["üx"] = rand_scalar(r)
            if r.random() < 0.1:
                loc["nodeID"] = r.choice([1.5, True, "zz", None, -4])
            locutions.append(loc)
    aif = {"nodes": nodes, "edges": edges}
    if r.random() < 0.8:
        aif["locutions"] = locutions if r.random() < 0.95 else None
    wrapper = r.choice(["aifdb", "aifdb", "ova", "ova3", "xaif", "lower"])
    if wrapper != "aifdb":
        aif["participants"] = [{"participantID": 1, "firstname": "Bob", "surname": "X"}] if r.random() < 0.5 else []
        if r.random() < 0.5:
            aif["schemefulfillments"] = [
                {"nodeID": nid(nd), "schemeID": r.choice([s[1] for s in SCHEMES] + [72])}
                for nd in nodes if nd.get("type") in ("RA", "CA", "MA", "PA") and r.random() < 0.7
            ]
        if r.random() < 0.3:
            aif["descriptorfulfillments"] = [{"x": 1}] * r.randint(0, 3)
        if r.random() < 0.2:
            aif["cqdescriptorfulfillments"] = [] if r.random() < 0.5 else None
    if r.random() < 0.1:
        aif[r.choice(["unknown", "nodeSetID", "ünï"])] = rand_scalar(r)
    if wrapper == "aifdb":
        doc = aif
    else:
        key = "aif" if wrapper == "lower" else "AIF"
        doc = {key: aif}
        if wrapper in ("ova", "ova3"):
            doc["OVA" if r.random() < 0.9 else "ova"] = {"firstname": "", "nodes": [], "edges": []}
            doc["text"] = r.choice(["", "the <span>analysed</span> text ✓", {"txt": "abc", "n": 1}, None, 5])
            doc["dialog"] = r.choice([True, False])
        if wrapper == "xaif":
            doc["text"] = r.choice(["speaker: hello", ""])
            doc["dialog"] = True
            if r.random() < 0.3:
                doc["schemes"] = []
        if r.random() < 0.05:
            doc["nodes"] = []
        if r.random() < 0.1:
            doc[r.choice(["meta", "ünï", "version"])] = rand_scalar(r)
    if r.random() < 0.03:
        doc = r.choice([{}, {"nodes": []}, {"nodes": [], "edges": []}, {"edges": []},
                        {"AIF": {}}, {"nodes": None}, {"AIF": {"AIF": {"nodes": []}}}])
    return doc


def dumps(r, doc):
    indent = r.choice([None, None, 1, 2, 4])
    ascii_ = r.random() < 0.2
    text = json.dumps(doc, indent=indent, ensure_ascii=ascii_)
    if r.random() < 0.03:
        text = "\ufeff" + text
    return text


def corrupt(r, text):
    b = bytearray(text.encode("utf-8"))
    how = r.choice(["truncate", "flip", "flip", "swap", "swap", "garbage", "invalid_utf8"])
    if not b:
        return b"{"
    if how == "truncate":
        return bytes(b[: r.randrange(len(b))])
    if how == "flip":
        for _ in range(r.randint(1, 3)):
            i = r.randrange(len(b))
            b[i] = r.choice(b'{}[]",:0a\\ \x00')
        return bytes(b)
    if how == "invalid_utf8":
        i = r.randrange(len(b))
        b[i:i] = r.choice([b"\xff", b"\xc3", b"\xed\xa0\x80"])
        return bytes(b)
    if how == "garbage":
        return bytes(b) + r.choice([b"}", b" x", b",", b"]"])
    # swap: replace one value by a wrong-typed one
    try:
        doc = json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return bytes(b[:-1])
    targets = []

    def walk(v, path):
        if isinstance(v, dict):
            for k in v:
                targets.append((v, k))
                walk(v[k], path + [k])
        elif isinstance(v, list):
            for i in range(len(v)):
                targets.append((v, i))
                walk(v[i], path + [i])
    walk(doc, [])
    for _ in range(r.randint(1, 2)):
        if targets:
            parent, k = r.choice(targets)
            parent[k] = r.choice([1.5, 7, "s", None, True, [], {}, [1, [2]], {"a": {"b": 1}}])
    return json.dumps(doc, ensure_ascii=r.random() < 0.5).encode("utf-8")


def gen(dirname, seed, n, bad):
    r = random.Random(seed)
    for sub in ("gen", "bad", "real"):
        os.makedirs(os.path.join(dirname, sub), exist_ok=True)
    for i in range(n):
        with open(os.path.join(dirname, "gen", "%04d.json" % i), "w", encoding="utf-8") as f:
            f.write(dumps(r, make_doc(r)))
    for i in range(bad):
        text = dumps(r, make_doc(r))
        with open(os.path.join(dirname, "bad", "%04d.json" % i), "wb") as f:
            f.write(corrupt(r, text))
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data")
    for name in sorted(os.listdir(data)):
        if name.endswith(".json"):
            shutil.copy(os.path.join(data, name), os.path.join(dirname, "real", name))


STEPS = [
    ["convert", "IN", "out.json", "--from", "aif"],
    ["convert", "IN", "out.aif.json", "--from", "aif", "--to", "aif"],
    ["convert", "IN", "out.ova.json", "--from", "aif", "--to", "ova"],
    ["convert", "out.json", "back.aif.json", "--to", "aif"],
    ["convert", "back.aif.json", "again.json", "--from", "aif"],
]
OUTPUTS = ["out.json", "out.aif.json", "out.ova.json", "back.aif.json", "again.json"]


def run_one(binary, path, work):
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work)
    shutil.copy(path, os.path.join(work, "in.json"))
    results = []
    for step in STEPS:
        args = [binary] + ["in.json" if a == "IN" else a for a in step]
        p = subprocess.run(args, cwd=work, capture_output=True, timeout=120)
        results.append((p.returncode, p.stdout, p.stderr))
    outs = {}
    for name in OUTPUTS:
        full = os.path.join(work, name)
        outs[name] = open(full, "rb").read() if os.path.exists(full) else None
    return results, outs


def only_wording(a, b):
    """Whether `a` and `b` differ only in how serde names an expected array."""
    def norm(result):
        steps, outs = result
        steps = [(rc, out, err.replace(b"expected an array", b"expected a sequence")) for rc, out, err in steps]
        return steps, outs
    return norm(a) == norm(b)


def run(dirname, old, new, jobs):
    files = []
    for sub in ("real", "gen", "bad"):
        d = os.path.join(dirname, sub)
        files += [(sub, os.path.join(d, f)) for f in sorted(os.listdir(d))]
    old, new = os.path.abspath(old), os.path.abspath(new)
    counts = {}
    shown = [0]

    def check(job):
        k, (sub, path) = job
        a = run_one(old, path, os.path.join(dirname, "work", "old%d" % (k % (jobs * 4))))
        b = run_one(new, path, os.path.join(dirname, "work", "new%d" % (k % (jobs * 4))))
        return sub, path, a, b

    # Work dirs are reused per slot: run in batches of jobs*4 at most at once.
    jobs_list = list(enumerate(files))
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        for sub, path, a, b in ex.map(check, jobs_list, chunksize=1):
            c = counts.setdefault(sub, {"files": 0, "same": 0, "differ": 0, "ok": 0, "error": 0})
            c["files"] += 1
            c["ok" if a[0][0][0] == 0 else "error"] += 1
            if a == b:
                c["same"] += 1
            elif only_wording(a, b):
                c["wording"] = c.get("wording", 0) + 1
            else:
                c["differ"] += 1
                if shown[0] < 8:
                    shown[0] += 1
                    print("DIFF", path)
                    for i, (x, y) in enumerate(zip(a[0], b[0])):
                        if x != y:
                            print("  step", STEPS[i], "\n   old:", x, "\n   new:", y)
                    for name in OUTPUTS:
                        if a[1][name] != b[1][name]:
                            print("  output", name, "differs")
    for sub, c in counts.items():
        print(sub, c)
    return 0 if all(c["differ"] == 0 for c in counts.values()) else 1


def main(argv):
    if len(argv) >= 3 and argv[1] == "gen":
        opts = dict(zip(argv[3::2], argv[4::2]))
        gen(argv[2], int(opts.get("--seed", 10)), int(opts.get("--n", 3000)), int(opts.get("--bad", 600)))
        return 0
    if len(argv) >= 5 and argv[1] == "run":
        opts = dict(zip(argv[5::2], argv[6::2]))
        return run(argv[2], argv[3], argv[4], int(opts.get("--jobs", 2)))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
