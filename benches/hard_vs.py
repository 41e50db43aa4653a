#!/usr/bin/env python3
"""argraph's ICCMA interface against another ICCMA 2023 solver on the hard tasks.

    python3 benches/hard_vs.py /path/to/scalop_iccma23 [--runs 3] [--timeout 120] [--quick]

Generates the frameworks with `examples/gen_af.rs` (fixed seeds) into a
temporary directory: grid-like and scale-free ones of 10^3 and 5·10^3
arguments, random ones of 10^2, 3·10^2 and 5·10^2 arguments with 5 attacks
per argument, and uniform random ones of 10^3 arguments at densities 4.5 to
4.9 (seed 1), where SAT-based solvers find these tasks hardest (at density
5, and for some other seeds at 4.6 already, neither solver answers within
minutes). For each it runs SE-PR, DC-PR, DS-PR and SE-ST with both solvers,
alternating, `--runs` times, or once when a solver's first run takes over
5 s (both solvers are deterministic, so a repeat only measures the
machine's noise); the DC/DS query is the middle argument the grounded
labelling leaves undecided.

Prints one Markdown row per case: the answers (which must agree; witnesses
of SE are checked for conflict-freeness and admissibility, and stability
for SE-ST), the median wall-clock and CPU seconds of each solver and the
ratio ours / reference of both. A case where either solver times out shows
the time-out. The machine is noisy: compare ratios from the same run.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))


def load(path):
    lines = [l.split() for l in open(path) if l.strip() and not l.startswith("#")]
    n = int(lines[0][2])
    return n, [(int(a), int(b)) for a, b in lines[1:]]


def middle_undecided(path, ours):
    out = subprocess.run([ours, "iccma", "-p", "SE-GR", "-f", path],
                         capture_output=True, text=True, check=True).stdout.split()
    grounded = {int(x) for x in out[1:]}
    n, att = load(path)
    out_args = {b for a, b in att if a in grounded}
    undec = [a for a in range(1, n + 1) if a not in grounded and a not in out_args]
    return undec[len(undec) // 2] if undec else 1


def check(path, task, stdout):
    toks = stdout.split()
    if not toks:
        return "(no answer)"
    if toks[0] != "w":
        return toks[0]
    ext = {int(x) for x in toks[1:]}
    n, att = load(path)
    if any(a in ext and b in ext for a, b in att):
        return "w (NOT conflict-free)"
    hit = {b for a, b in att if a in ext}
    if any(a in ext and b not in hit for b, a in att):
        return "w (NOT admissible)"
    if task == "SE-ST" and len(ext | hit) != n:
        return "w (NOT stable)"
    return "w"


def run(cmd, timeout):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, r.stdout


def main():
    p = argparse.ArgumentParser()
    p.add_argument("reference", help="the other solver's ICCMA 2023 command (one word)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--quick", action="store_true", help="only the uniform 10^3 frameworks")
    p.add_argument("--tasks", default="SE-PR,DC-PR,DS-PR,SE-ST", help="comma-separated")
    args = p.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "argraph",
                    "--example", "gen_af"], cwd=ROOT, check=True)
    ours = os.path.join(target_dir(), "release", "argraph")
    gen = os.path.join(target_dir(), "release", "examples", "gen_af")

    specs = [] if args.quick else [
        ("grid_1000", ["grid", "1000", "1"]),
        ("grid_5000", ["grid", "5000", "1"]),
        ("scalefree_1000", ["scalefree", "1000", "1"]),
        ("scalefree_5000", ["scalefree", "5000", "1"]),
        ("random_100", ["random", "100", "5", "1"]),
        ("random_300", ["random", "300", "5", "1"]),
        ("random_500", ["random", "500", "5", "1"]),
    ]
    for d in ["4.5", "4.6", "4.7", "4.8", "4.9"]:
        specs.append((f"uniform_1000_d{d}", ["uniform", "1000", d, "1"]))

    tmp = tempfile.mkdtemp(prefix="argraph-hard-")
    print(f"files in {tmp}; load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    print("| framework | task | answer | ours wall s | ref wall s | wall ours/ref | ours CPU s | ref CPU s | CPU ours/ref |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, gen_args in specs:
        path = os.path.join(tmp, name + ".i23")
        with open(path, "w") as f:
            subprocess.run([gen] + gen_args, stdout=f, check=True)
        query = str(middle_undecided(path, ours))
        for task in args.tasks.split(","):
            extra = ["-a", query] if task[:2] != "SE" else []
            cmds = {"ours": [ours, "iccma", "-p", task, "-f", path] + extra,
                    "ref": [args.reference, "-p", task, "-f", path] + extra}
            times = {"ours": [], "ref": []}
            answers = {"ours": None, "ref": None}
            timed_out = set()
            for i in range(args.runs):
                for who, cmd in cmds.items():
                    if who in timed_out or (i > 0 and times[who][0][0] > 5):
                        continue
                    wall, cpu, out = run(cmd, args.timeout)
                    if wall is None:
                        timed_out.add(who)
                        continue
                    times[who].append((wall, cpu))
                    answers[who] = check(path, task, out)
            if answers["ours"] and answers["ref"] and answers["ours"] != answers["ref"]:
                print(f"DISAGREE on {name} {task}: {answers}", file=sys.stderr)

            def med(who, k):
                return statistics.median(t[k] for t in times[who]) if times[who] and who not in timed_out else None

            cells = []
            for k in (0, 1):
                o, r = med("ours", k), med("ref", k)
                fmt = lambda v: f"> {args.timeout:.0f}" if v is None else f"{v:.3f}"
                ratio = f"{o / r:.2f}" if o is not None and r is not None else "—"
                cells += [fmt(o), fmt(r), ratio]
            answer = answers["ours"] or answers["ref"] or "—"
            if query and task[:2] != "SE":
                answer += f" (arg {query})"
            print(f"| {name} | {task} | {answer} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
