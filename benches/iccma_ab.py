#!/usr/bin/env python3
"""A/B timing of argraph variants on ICCMA files: binaries, flags, environment.

    python3 benches/iccma_ab.py DIR OUT.jsonl --variant NAME=BINARY[,--flags][,VAR=VALUE]... \\
            [--variant ...] [--only REGEX] [--tasks SE-PR,...] [--runs 3] [--cpu 1] [--clock cpu|wall]

Runs `BINARY iccma -p TASK -f FILE [-a QUERY] FLAGS` for every variant in
turn, `--runs` times (once after a run over 3 s), pinned with `taskset -c
CPU`, and appends one JSON line per (file, task) with each variant's median
seconds (CPU time, user + system, or wall clock). The query and the answer
checks are iccma_families.py's; differing answers and bad certificates are
reported on standard error. For example, the portfolio against one thread
on two cores:

    python3 benches/iccma_ab.py /tmp/fam /tmp/ab.jsonl --only '^(?!uniform)' --runs 5 \\
        --cpu 0,1 --clock wall --variant "t1=target/release/argraph,--threads 1" \\
        --variant "t2=target/release/argraph,--threads 2"
"""
import argparse
import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iccma_families as fam  # noqa: E402


def variant(spec):
    name, rest = spec.split("=", 1)
    binary, *parts = rest.split(",")
    env, flags = dict(os.environ), []
    for p in parts:
        if p.startswith("--"):
            flags += p.split()
        else:
            k, v = p.split("=", 1)
            env[k] = v
    return name, binary, env, flags


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("out")
    ap.add_argument("--variant", action="append", required=True, type=variant)
    ap.add_argument("--only", default="")
    ap.add_argument("--tasks", default="SE-PR,DC-PR,DS-PR,SE-ST,DC-CO")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cpu", default="1")
    ap.add_argument("--clock", default="cpu", choices=["cpu", "wall"])
    a = ap.parse_args()
    files = sorted(f for f in os.listdir(a.dir) if f.endswith(".i23") and re.search(a.only, f))
    with open(a.out, "a") as out:
        for f in files:
            path = os.path.join(a.dir, f)
            query = fam.query_of(path, a.variant[0][1])
            for task in a.tasks.split(","):
                extra = ["-a", str(query)] if task[:2] != "SE" else []
                times = {v[0]: [] for v in a.variant}
                answers = {}
                for i in range(a.runs):
                    for name, binary, env, flags in a.variant:
                        if i > 0 and times[name][0] > 3:
                            continue
                        cmd = ["taskset", "-c", a.cpu, binary, "iccma", "-p", task, "-f", path]
                        t, stdout = fam.run_one(cmd + extra + flags, 600, a.clock, env)
                        if t is None:
                            sys.exit(f"{name} on {f} {task}: over 600 s")
                        answer, bad = fam.check(path, task, query, stdout)
                        if bad:
                            print(f"BAD CERTIFICATE {name} {f} {task}: {bad}", file=sys.stderr)
                        answers[name] = answer
                        times[name].append(t)
                if len(set(answers.values())) > 1:
                    print(f"DISAGREE {f} {task}: {answers}", file=sys.stderr)
                row = {"file": f[:-4], "task": task, **{n: statistics.median(v) for n, v in times.items()}}
                out.write(json.dumps(row) + "\n")
                out.flush()


if __name__ == "__main__":
    main()
