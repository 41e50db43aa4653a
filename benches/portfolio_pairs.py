#!/usr/bin/env python3
"""Choosing the two solver configurations of `argraph iccma`'s portfolio.

    python3 benches/portfolio_pairs.py time DIR OUT.jsonl --scalop S --mutoksia M
            [--ours PATH] [--cpu 0] [--timeout 30] [--only REGEX] [--no-refs REGEX]
    python3 benches/portfolio_pairs.py pairs OUT.jsonl... [--delay 0.010] [--tasks T1,T2]
            [--refs-table TABLE.md] [--detail CONFIG1+CONFIG2]

`time` runs, on every file of DIR (made by `iccma_families.py gen`) and each
task, argraph single-threaded in each candidate configuration
(`--configuration`, a hidden flag of `argraph iccma`) and the two references,
once each, in turn, pinned to one CPU, timed by CPU time; it checks every
answer as `iccma_families.py run` does and appends one JSON line per (file,
task) to OUT.jsonl. Files matching `--no-refs` are not run with the
references (say, the uniform ones, where they take minutes): `pairs` then
takes their times from an `iccma_families.py run` table given with
`--refs-table`.

`pairs` (several OUT.jsonl: the mean of their times) prints, per
configuration and per pair of configurations, the family
medians and worst files of the ratio to the faster reference, where a pair's
time on a file is min(t1, t2 + delay): what the portfolio's wall clock would
be on two idle cores, the second configuration starting after `--delay`.
"""

import argparse
import itertools
import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from iccma_families import check, family_of, query_of, run_one, target_dir  # noqa: E402

TASKS = ["SE-PR", "DC-PR", "DS-PR", "SE-ST", "DC-CO"]
CONFIGS = ["sat", "default", "unsat", "plain"]
# The bare names encode stable semantics on one variable per argument (the
# default since the renaming measurement); `/2` on two.
STABLE_ONLY = ["sat/2", "default/2", "unsat/2"]
# The pairs `argraph iccma` runs (src/bin/argraph/iccma.rs, portfolio_pair).
SHIPPED = {"ST": ("sat", "default"), "other": ("sat", "plain")}


def cmd_time(args):
    ours = args.ours or os.path.join(target_dir(), "release", "argraph")
    pin = ["taskset", "-c", str(args.cpu)]
    files = sorted(f for f in os.listdir(args.dir) if f.endswith(".i23") and re.search(args.only, f))
    with open(args.out, "a") as out:
        for f in files:
            path = os.path.join(args.dir, f)
            query = query_of(path, ours)
            for task in TASKS:
                extra = ["-a", str(query)] if task[:2] != "SE" else []
                runs = {c: [ours, "iccma", "--configuration", c] for c in CONFIGS}
                if task.endswith("ST"):
                    runs.update({c: [ours, "iccma", "--configuration", c] for c in STABLE_ONLY})
                if not (args.no_refs and re.search(args.no_refs, f)):
                    runs.update({"scalop": [args.scalop], "mutoksia": [args.mutoksia]})
                times, answers = {}, {}
                for who, base in runs.items():
                    t, stdout = run_one(pin + base + ["-p", task, "-f", path] + extra, args.timeout, "cpu")
                    times[who] = t
                    if stdout is None:
                        continue
                    answer, bad = check(path, task, query, stdout)
                    answers[who] = answer
                    if bad and who not in ("scalop", "mutoksia"):
                        print(f"BAD CERTIFICATE {f} {task} {who}: {bad}", file=sys.stderr)
                if len(set(answers.values())) > 1:
                    print(f"DISAGREE {f} {task}: {answers}", file=sys.stderr)
                out.write(json.dumps({"file": f[:-4], "task": task, "times": times, "answers": answers}) + "\n")
                out.flush()
                print(f, task, {k: (None if v is None else round(v, 3)) for k, v in times.items()}, file=sys.stderr)


def refs_from_table(path):
    """(file, task) -> {scalop, mutoksia} seconds from `iccma_families.py run`'s table."""
    refs = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[1] in TASKS:
            num = lambda c: None if c.startswith(">") else float(c)  # noqa: E731
            refs[(cells[0], cells[1])] = {"scalop": num(cells[4]), "mutoksia": num(cells[5])}
    return refs


def merge(rows):
    """One row per (file, task): the mean of each solver's times over the
    runs given (None, a time-out, if one run timed out)."""
    runs = {}
    for r in rows:
        runs.setdefault((r["file"], r["task"]), []).append(r["times"])
    merged = []
    for (f, task), times in runs.items():
        who = {w for t in times for w in t}
        mean = {w: (None if any(t.get(w) is None for t in times) else statistics.mean(t[w] for t in times))
                for w in who}
        merged.append({"file": f, "task": task, "times": mean})
    return merged


def cmd_pairs(args):
    rows = merge(json.loads(line) for f in args.results for line in open(f))
    rows = [r for r in rows if r["task"] in args.tasks.split(",")]
    table = refs_from_table(args.refs_table) if args.refs_table else {}
    for r in rows:
        if "scalop" not in r["times"]:
            r["times"].update(table.get((r["file"], r["task"]), {}))
    best_ref = {}
    for r in rows:
        refs = [r["times"].get(w) for w in ("scalop", "mutoksia")]
        refs = [t for t in refs if t is not None]
        best_ref[(r["file"], r["task"])] = min(refs) if refs else None
    best_sepr = {f: t for (f, task), t in best_ref.items() if task == "SE-PR"}
    inf = float("inf")

    def t(r, c):
        v = r["times"].get(c)
        return inf if v is None else v

    def score(time_of):
        """Per (family, task): (median ratio, worst ratio, worst file)."""
        fams = {}
        for r in rows:
            ref = best_ref[(r["file"], r["task"])]
            if ref is None:
                continue
            fams.setdefault((family_of(r["file"], best_sepr), r["task"]), []).append((time_of(r) / ref, r["file"]))
        return {k: (statistics.median(x for x, _ in v), max(v)) for k, v in fams.items()}

    def summary(name, s):
        met = sum(1 for med, (worst, _) in s.values() if med <= 1.0 and worst <= 2.0)
        worst = max(w for _, (w, _) in s.values())
        meds = sorted(m for m, _ in s.values())
        print(f"| {name} | {met} / {len(s)} | {max(meds):.2f} | {worst:.2f} |")

    configs = [c for c in CONFIGS + STABLE_ONLY if any(c in r["times"] for r in rows)]
    print("| configuration (or pair, first + second) | cells met | worst family median | worst file |")
    print("|---|---|---|---|")
    scores = {}
    for c in configs:
        scores[(c, "")] = score(lambda r, c=c: t(r, c) if c in r["times"] else t(r, c.split("/")[0]))
        summary(c, scores[(c, "")])
    for a, b in itertools.permutations(configs, 2):
        def pair(r, a=a, b=b):
            ta = t(r, a) if a in r["times"] else t(r, a.split("/")[0])
            tb = t(r, b) if b in r["times"] else t(r, b.split("/")[0])
            return min(ta, tb + args.delay)
        scores[(a, b)] = score(pair)
        summary(f"{a} + {b}", scores[(a, b)])
    def shipped(r):
        a, b = SHIPPED["ST" if r["task"].endswith("ST") else "other"]
        return min(t(r, a), t(r, b) + args.delay)
    scores[("shipped", "")] = score(shipped)
    summary("as shipped (" + ", ".join(f"{k}: {a} + {b}" for k, (a, b) in SHIPPED.items()) + ")",
            scores[("shipped", "")])
    if args.detail:
        a, _, b = args.detail.partition("+")
        s = scores[(a, b)]
        print(f"\n{args.detail}, delay {args.delay}:\n")
        print("| family | task | median | worst (file) |\n|---|---|---|---|")
        for (fam, task), (med, (worst, f)) in sorted(s.items()):
            print(f"| {fam} | {task} | {med:.2f} | {worst:.2f} ({f}) |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("time")
    t.add_argument("dir")
    t.add_argument("out")
    t.add_argument("--scalop", required=True)
    t.add_argument("--mutoksia", required=True)
    t.add_argument("--ours")
    t.add_argument("--cpu", default="0")
    t.add_argument("--timeout", type=float, default=30)
    t.add_argument("--only", default="")
    t.add_argument("--no-refs", default="")
    q = sub.add_parser("pairs")
    q.add_argument("results", nargs="+")
    q.add_argument("--tasks", default=",".join(TASKS))
    q.add_argument("--delay", type=float, default=0.010)
    q.add_argument("--refs-table", help="an `iccma_families.py run` table for files timed without references")
    q.add_argument("--detail", help="CONFIG1+CONFIG2, CONFIG or `shipped`: its table by family and task")
    args = p.parse_args()
    cmd_time(args) if args.cmd == "time" else cmd_pairs(args)


if __name__ == "__main__":
    main()
