#!/usr/bin/env python3
"""argraph against scalop and mu-toksia on families of ICCMA-style frameworks.

    python3 benches/iccma_families.py gen DIR [--small]
    python3 benches/iccma_families.py real DIR [--from CHECKOUT]
    python3 benches/iccma_families.py rename DIR OUT [--copies 7] [--only REGEX]
    python3 benches/iccma_families.py run DIR --scalop S --mutoksia M [--runs 3]
            [--timeout 60] [--tasks SE-PR,DC-PR,DS-PR,SE-ST,DC-CO] [--only REGEX]
            [--ours PATH] [--cpu 1 | --cpu 0,1] [--clock cpu|wall]

`gen` writes the frameworks (i23) into DIR, outside the repository. None of
them is a competition original: the ICCMA 2017/2019 benchmark archives are
not in any public repository this script could fetch them from, so the
families are regenerated, deterministically (fixed seeds), from the
generators' published descriptions:

- `er_N_P`, `ba_N_C`, `ws_N_K_B_C`: AFBenchGen2's three graph models
  (Cerutti, Giacomin & Vallati, COMMA 2016; the generator of ICCMA 2017's
  sets A-C), re-implemented here: Erdős–Rényi (every ordered pair an attack
  with probability P%), Barabási–Albert (preferential attachment, one link
  per new argument, attacks pointing from new to old, and each argument
  made part of a cycle with probability C%), Watts–Strogatz (ring lattice
  of degree K, each edge rewired with probability B%, directed at random,
  mutual with probability C%).
- `nNpPqQ_s`: the naming of the `n160p5q2_ve` instances of ICCMA 2019 (N
  arguments; the class suffix there was the instance's empirical hardness).
  Their generator is not published; here every argument attacks each other
  argument with probability P% (mean out-degree P·N/100), each attack
  mutual with probability Q/10 (`q08` is 0.8/10), seed s. The class (`ve`, `e`,
  `n`, `h`, `vh`) is given after the run, from the faster reference's
  SE-PR time, as ICCMA 2017 classified instances (below 0.1 s, 0.5 s, 2 s,
  10 s, above).
- `uniform_1000_dD`, `random_N`: the project's own `gen_af` frameworks
  (the former hard-task table's).

`real` puts into DIR the competition instances that a public repository
holds (36298liu/Solvers-for-ICCMA-2025, pinned to one commit, each file
checked against its git blob hash): ICCMA 2019's `admbuster` family (1,000
to 50,000 arguments), one of ICCMA 2017's traffic-network instances
(`a1210993_20150717_0403.gml.80`, 7,346 arguments) and
`st_890_86_9_572` (890 arguments). It downloads them from GitHub, or with
`--from` copies them out of a local clone of that repository.

`rename` writes into OUT isomorphic copies of each file of DIR: `NAME~0`
is the file itself, `NAME~1`... its arguments renamed by a seeded random
permutation, each with its DC/DS query (the original's, renamed) in
`NAME~k.query`, which `run` then asks. A SAT solver's variable order and
tie-breaking follow the numbering, so the copies sample how much of a
solver's time on a file is the framework and how much the numbering's luck.
Run on such a directory (`--runs 1` suffices: the copies are the sample),
`run` also prints each solver's median over a file's copies and their range,
and the family rows from those medians.

`run` times every task on every file with argraph (`--ours`, default the
release build), scalop and mu-toksia, one run of each in turn (so the
machine's load hits all three alike), `--runs` times, or once when a run
took over 5 s (the solvers are deterministic). Timed processes are pinned
with `taskset -c CPU` (default 1). Answers must agree (YES/NO; for SE the
existence of an extension), and every SE witness and DC-YES/DS-NO
certificate argraph prints is checked (conflict-free, admissible, stable
for ST, holding / lacking the query). The DC/DS query is the middle
argument the grounded labelling leaves undecided.

Prints a Markdown row per (file, task): medians of the seconds of each
solver (by default CPU time, user + system, which the other work on a
shared machine inflates less than the wall clock; `--clock wall`) and argraph's ratio to the faster reference; then one row per
(family, task): the median of the per-file ratios and the worst one.
"""

import argparse
import math
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time

# The i23 reader and the DC/DS query (the middle undecided argument) are
# hard_vs.py's, so that both benches ask the same questions.
from hard_vs import load, middle_undecided

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_i23(path, n, attacks):
    with open(path, "w") as f:
        f.write(f"p af {n}\n")
        for a, b in sorted(set(attacks)):
            f.write(f"{a + 1} {b + 1}\n")


def er(n, p, rng):
    return [(a, b) for a in range(n) for b in range(n) if a != b and rng.random() < p]


def ba(n, cycle_prob, rng):
    """Barabási–Albert tree (one link per new node), attacks new -> old; an
    argument chosen with probability `cycle_prob` also gets an attack back
    from one of its attackers' targets, closing a cycle through it."""
    att, degree = [], [0] * n
    ends = []
    for v in range(1, n):
        u = rng.choice(ends) if ends and rng.random() < 0.9 else rng.randrange(v)
        att.append((v, u))
        degree[u] += 1
        degree[v] += 1
        ends += [u, v]
    targets = {}
    for a, b in att:
        targets.setdefault(a, []).append(b)
    for v in range(n):
        if rng.random() < cycle_prob and v in targets:
            # v -> u -> w: add w -> v, or u -> v when u attacks nothing.
            u = rng.choice(targets[v])
            w = rng.choice(targets[u]) if u in targets else u
            att.append((w, v))
    return att


def ws(n, k, beta, mutual, rng):
    edges = set()
    for a in range(n):
        for j in range(1, k // 2 + 1):
            b = (a + j) % n
            if rng.random() < beta:
                b = rng.randrange(n)
                while b == a:
                    b = rng.randrange(n)
            edges.add((min(a, b), max(a, b)))
    att = []
    for a, b in edges:
        if rng.random() < 0.5:
            a, b = b, a
        att.append((a, b))
        if rng.random() < mutual:
            att.append((b, a))
    return att


def npq(n, p, q, rng):
    att = []
    for a in range(n):
        for b in range(n):
            if a != b and rng.random() < p / 100:
                att.append((a, b))
                if rng.random() < q / 10:
                    att.append((b, a))
    return att


def specs(small):
    out = []
    sizes = [160, 192, 224, 256] if not small else [160, 192]
    for n in sizes:
        for p, q, qs in [(5, 2, "2"), (3, 0.8, "08"), (4, 1, "1")]:
            for s in range(1, 4):
                out.append((f"n{n}p{p}q{qs}_s{s}", lambda r, n=n, p=p, q=q: (n, npq(n, p, q, r)), s))
    for n in ([150, 200, 250] if not small else [150]):
        for pc in [2, 3, 5]:
            out.append((f"er_{n}_{pc}", lambda r, n=n, pc=pc: (n, er(n, pc / 100, r)), n + pc))
    for n in ([200, 400] if not small else [200]):
        for c in [20, 60]:
            out.append((f"ba_{n}_{c}", lambda r, n=n, c=c: (n, ba(n, c / 100, r)), n + c))
    for n, k, b, c in ([(200, 20, 50, 50), (300, 16, 70, 30), (300, 16, 90, 30)]
                       if not small else [(200, 20, 50, 50)]):
        out.append((f"ws_{n}_{k}_{b}_{c}", lambda r, n=n, k=k, b=b, c=c: (n, ws(n, k, b / 100, c / 100, r)), n + k))
    return out


def gen_af_specs(small):
    if small:
        return [("random_300", ["random", "300", "5", "1"])]
    return [("random_300", ["random", "300", "5", "1"]), ("random_500", ["random", "500", "5", "1"])] + [
        (f"uniform_1000_d{d}", ["uniform", "1000", d, "1"]) for d in ["4.5", "4.6", "4.7", "4.8", "4.9"]]


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))


def cmd_gen(args):
    os.makedirs(args.dir, exist_ok=True)
    for name, make, seed in specs(args.small):
        n, att = make(random.Random(seed))
        write_i23(os.path.join(args.dir, name + ".i23"), n, att)
    gen = os.path.join(target_dir(), "release", "examples", "gen_af")
    if not os.path.exists(gen):
        subprocess.run(["taskset", "-c", "0", "cargo", "build", "--release", "--quiet",
                        "--example", "gen_af"], cwd=ROOT, check=True)
    for name, gen_args in gen_af_specs(args.small):
        # gen_af may draw an attack twice, which mu-toksia refuses: written
        # again without the repeats (the same framework).
        path = os.path.join(args.dir, name + ".i23")
        with open(path, "w") as f:
            subprocess.run([gen] + gen_args, stdout=f, check=True)
        n, att = load(path)
        write_i23(path, n, [(a - 1, b - 1) for a, b in att])
    print(f"wrote {len(os.listdir(args.dir))} files to {args.dir}", file=sys.stderr)


def check(path, task, query, stdout):
    """The answer as the solvers must agree on it: YES/NO (SE: w or NO), and
    a checked certificate where argraph prints one."""
    toks = stdout.split()
    if not toks:
        return "(no answer)", None
    answer = toks[0]
    wline = [l for l in stdout.splitlines() if l.startswith("w")]
    if not wline:
        return answer, None
    ext = {int(x) for x in wline[0].split()[1:]}
    n, att = load(path)
    if any(a in ext and b in ext for a, b in att):
        return answer, "NOT conflict-free"
    hit = {b for a, b in att if a in ext}
    if any(a in ext and b not in hit for b, a in att):
        return answer, "NOT admissible"
    if task.endswith("ST") and len(ext | hit) != n:
        return answer, "NOT stable"
    if task.startswith("DC") and answer == "YES" and query not in ext:
        return answer, "certificate lacks the query"
    if task.startswith("DS") and answer == "NO" and query in ext:
        return answer, "counter-example holds the query"
    return answer, None


def run_one(cmd, timeout, clock, env=None):
    """Seconds by `clock` ("cpu": user + system of the process, which other
    work on the CPU does not inflate; "wall") and the standard output;
    (None, None) after `timeout` seconds. `env`: the process's environment
    (default this one's)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return (cpu if clock == "cpu" else wall), r.stdout


def fmt(v, timeout):
    return f"> {timeout:.0f}" if v is None else f"{v:.3f}"


def family_of(name, best_sepr):
    if re.match(r"n\d+p", name):
        t = best_sepr.get(name)
        if t is None:
            return "npq_vh"
        for limit, cls in [(0.1, "ve"), (0.5, "e"), (2, "n"), (10, "h")]:
            if t < limit:
                return "npq_" + cls
        return "npq_vh"
    return re.sub(r"_[^_]*$", "", name) if not name.startswith(("uniform", "random")) else name.split("_")[0]


def cmd_run(args):
    ours = args.ours or os.path.join(target_dir(), "release", "argraph")
    solvers = {"ours": [ours, "iccma"], "scalop": [args.scalop], "mutoksia": [args.mutoksia]}
    pin = ["taskset", "-c", str(args.cpu)]
    files = sorted(f for f in os.listdir(args.dir) if f.endswith(".i23") and re.search(args.only, f))
    tasks = args.tasks.split(",")
    results = {}  # (name, task) -> {who: median or None}
    print(f"load average {os.getloadavg()[0]:.2f}; {len(files)} files", file=sys.stderr)
    print("| file | task | answer | argraph s | scalop s | mu-toksia s | argraph / faster |")
    print("|---|---|---|---|---|---|---|")
    disagreements = 0
    for f in files:
        path = os.path.join(args.dir, f)
        name = f[:-4]
        query = query_of(path, ours)
        for task in tasks:
            extra = ["-a", str(query)] if task[:2] != "SE" else []
            times = {w: [] for w in solvers}
            answers, dead = {}, set()
            for i in range(args.runs):
                for who, base in solvers.items():
                    if who in dead or (i > 0 and times[who] and times[who][0] > 5):
                        continue
                    wall, out = run_one(pin + base + ["-p", task, "-f", path] + extra, args.timeout, args.clock)
                    if wall is None:
                        dead.add(who)
                        continue
                    answer, bad = check(path, task, query, out)
                    if answer not in ("w", "YES", "NO"):
                        print(f"NO ANSWER from {who} on {name} {task}", file=sys.stderr)
                        dead.add(who)
                        continue
                    times[who].append(wall)
                    answers[who] = "w" if answer == "w" else answer
                    if bad and who == "ours":
                        print(f"BAD CERTIFICATE {name} {task}: {bad}", file=sys.stderr)
                        disagreements += 1
            if len(set(answers.values())) > 1:
                print(f"DISAGREE {name} {task}: {answers}", file=sys.stderr)
                disagreements += 1
            med = {w: (statistics.median(times[w]) if times[w] and w not in dead else None) for w in solvers}
            results[(name, task)] = med
            refs = [v for k, v in med.items() if k != "ours" and v is not None]
            best = min(refs) if refs else None
            ratio = (f"{med['ours'] / best:.2f}" if med["ours"] is not None and best
                     else ("—" if best is None else "timeout"))
            ans = answers.get("ours") or next(iter(answers.values()), "—")
            print(f"| {name} | {task} | {ans} | {fmt(med['ours'], args.timeout)} | "
                  f"{fmt(med['scalop'], args.timeout)} | {fmt(med['mutoksia'], args.timeout)} | {ratio} |",
                  flush=True)
    summarise(results, tasks, args.timeout)
    if disagreements:
        print(f"{disagreements} disagreements or bad certificates", file=sys.stderr)
        sys.exit(1)


def query_of(path, ours):
    """The DC/DS query for the file at `path`: the one `rename` wrote beside
    a renamed copy (the original's query, renamed), else the middle argument
    the grounded labelling leaves undecided."""
    try:
        with open(path[:-4] + ".query") as f:
            return int(f.read())
    except FileNotFoundError:
        return middle_undecided(path, ours)


def cmd_rename(args):
    """Isomorphic copies of each file: `NAME~0` is the file itself, `NAME~k`
    its arguments renamed by a random permutation (seeded by NAME and k),
    each with its DC/DS query (the original's, renamed) in `NAME~k.query`.
    The framework and the question are the same; only the numbering that
    every solver's variable order and tie-breaking follow differs."""
    ours = args.ours or os.path.join(target_dir(), "release", "argraph")
    os.makedirs(args.out, exist_ok=True)
    files = sorted(f for f in os.listdir(args.dir) if f.endswith(".i23") and re.search(args.only, f))
    for f in files:
        name = f[:-4]
        n, att = load(os.path.join(args.dir, f))
        query = middle_undecided(os.path.join(args.dir, f), ours)
        for k in range(args.copies):
            perm = list(range(1, n + 1))
            if k:
                random.Random(f"{name}~{k}").shuffle(perm)
            to = {a: perm[a - 1] for a in range(1, n + 1)}
            write_i23(os.path.join(args.out, f"{name}~{k}.i23"), n, [(to[a] - 1, to[b] - 1) for a, b in att])
            with open(os.path.join(args.out, f"{name}~{k}.query"), "w") as q:
                q.write(f"{to[query]}\n")
        print(f"{name}: {args.copies} copies", file=sys.stderr)


def collapse_renamings(results):
    """Per (original file, task), each solver's median over its renamed
    copies (None if it failed on any), and the range of its times."""
    groups = {}
    for (name, task), med in results.items():
        groups.setdefault((name.split("~")[0], task), []).append(med)
    collapsed, spread = {}, {}
    for key, meds in groups.items():
        collapsed[key], spread[key] = {}, {}
        for who in meds[0]:
            ts = [m[who] for m in meds]
            ok = all(t is not None for t in ts)
            collapsed[key][who] = statistics.median(ts) if ok else None
            spread[key][who] = (min(ts), max(ts)) if ok else None
    return collapsed, spread


def summarise(results, tasks, timeout):
    if any("~" in name for name, _ in results):
        collapsed, spread = collapse_renamings(results)
        print()
        print("Per file, over its renamed copies: median seconds (fastest-slowest)")
        print()
        print("| file | task | argraph | scalop | mu-toksia | argraph / faster median |")
        print("|---|---|---|---|---|---|")
        for (name, task), med in sorted(collapsed.items()):
            cells = [f"{med[w]:.3f} ({spread[(name, task)][w][0]:.3f}-{spread[(name, task)][w][1]:.3f})"
                     if med[w] is not None else "—" for w in ("ours", "scalop", "mutoksia")]
            refs = [v for k, v in med.items() if k != "ours" and v is not None]
            ratio = f"{med['ours'] / min(refs):.2f}" if refs and med["ours"] is not None else "—"
            print(f"| {name} | {task} | " + " | ".join(cells) + f" | {ratio} |")
        results = collapsed
    best_sepr = {}
    for (name, task), med in results.items():
        if task == "SE-PR":
            refs = [v for k, v in med.items() if k != "ours" and v is not None]
            best_sepr[name] = min(refs) if refs else None
    fams = {}
    for (name, task), med in results.items():
        refs = [v for k, v in med.items() if k != "ours" and v is not None]
        best = min(refs) if refs else None
        if best is None:
            continue  # neither reference answered: no ratio
        ratio = med["ours"] / best if med["ours"] is not None else math.inf
        fams.setdefault((family_of(name, best_sepr), task), []).append((ratio, name, med["ours"], best))
    print()
    print("| family | task | files | median argraph s | median faster ref s | median ratio | worst ratio (file) |")
    print("|---|---|---|---|---|---|---|")
    for (fam, task) in sorted(fams, key=lambda k: (k[0], tasks.index(k[1]) if k[1] in tasks else 0)):
        rows = fams[(fam, task)]
        ratios = [r for r, *_ in rows]
        worst = max(rows)
        ours_t = [o for _, _, o, _ in rows if o is not None]
        print(f"| {fam} | {task} | {len(rows)} | "
              f"{statistics.median(ours_t) if ours_t else math.inf:.3f} | "
              f"{statistics.median(b for *_, b in rows):.3f} | {statistics.median(ratios):.2f} | "
              f"{worst[0]:.2f} ({worst[1]}) |")


# Competition instances in a public repository: (name, git blob hash of the file).
REAL_REPO = "36298liu/Solvers-for-ICCMA-2025"
REAL_COMMIT = "ec0b528c13be6c63eda92a9b8b134df01714cfe0"
REAL_DIR = "ASSAT_Amsat/example"
REAL_FILES = [
    ("a1210993_20150717_0403.gml.80", "ecc4c6f1d28b1b94a4818a966ad6df92245ec9f5"),
    ("admbuster_1000", "fc23ad7314b60cf1d1d845884edc7a609fe45cd9"),
    ("admbuster_8000", "985a9580830919d7c4dba697a0a378d5f6fae3cb"),
    ("admbuster_10000", "265c6c7247a2c3c92471ec8914e5855146e8b43a"),
    ("admbuster_50000", "e32ba9a1335d92d04bb7766420f73ce2cf53ed5d"),
    ("st_890_86_9_572", "a4b4e4142f608cd7e1588da336b67f7ce46f4422"),
]


def cmd_real(args):
    """The competition instances of REAL_FILES into args.dir as .i23 (they
    are ICCMA 2023 files already), each checked against its blob hash."""
    import hashlib
    import urllib.request
    os.makedirs(args.dir, exist_ok=True)
    for name, blob in REAL_FILES:
        rel = f"{REAL_DIR}/{name}.af"
        if args.source:
            with open(os.path.join(args.source, rel), "rb") as f:
                data = f.read()
        else:
            url = f"https://raw.githubusercontent.com/{REAL_REPO}/{REAL_COMMIT}/{rel}"
            try:
                with urllib.request.urlopen(url, timeout=60) as f:
                    data = f.read()
            except OSError as e:
                sys.exit(f"{url}: {e} (or copy from a clone with --from)")
        got = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        if got != blob:
            sys.exit(f"{rel}: git blob hash {got}, expected {blob}")
        with open(os.path.join(args.dir, name + ".i23"), "wb") as f:
            f.write(data)
        print(f"{name}.i23: {len(data)} bytes", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen")
    g.add_argument("dir")
    g.add_argument("--small", action="store_true", help="a few files of each family")
    real = sub.add_parser("real")
    real.add_argument("dir")
    real.add_argument("--from", dest="source", help="a local clone of " + REAL_REPO + " to copy from")
    rn = sub.add_parser("rename")
    rn.add_argument("dir")
    rn.add_argument("out")
    rn.add_argument("--copies", type=int, default=7, help="copies per file, the file itself included")
    rn.add_argument("--only", default="", help="a regular expression the file names must match")
    rn.add_argument("--ours")
    r = sub.add_parser("run")
    r.add_argument("dir")
    r.add_argument("--scalop", required=True)
    r.add_argument("--mutoksia", required=True)
    r.add_argument("--ours")
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--timeout", type=float, default=60)
    r.add_argument("--tasks", default="SE-PR,DC-PR,DS-PR,SE-ST,DC-CO")
    r.add_argument("--only", default="", help="a regular expression the file names must match")
    r.add_argument("--cpu", default="1",
                   help="the CPUs of `taskset -c`: 1, or 0,1 for argraph's two-thread portfolio (with --clock wall)")
    r.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                   help="CPU time (default: the machine is shared) or wall-clock time")
    args = p.parse_args()
    {"gen": cmd_gen, "real": cmd_real, "rename": cmd_rename, "run": cmd_run}[args.cmd](args)


if __name__ == "__main__":
    main()
