#!/usr/bin/env python3
"""The three speed floors of the project, measured in one run.

usage: SCALOP=/path/to/scalop_iccma23 python3 benches/floors.py [--runs N]
           [--i23 FILE] [--old BINARY] [--keep DIR]

  a. grounded (`argraph iccma -p SE-GR`) on a 10^6-argument i23 file at
     least 10x faster than scalop (`scalop_iccma23 -p SE-GR`);
  b. a 10^5-node AIF file -> argraph JSON (AIF read + pretty argraph JSON
     write) within 2x a serde_json::Value read + pretty write of the file;
  c. `argraph dot` of the 100k-node / 300k-edge JSON graph within 0.7x
     Python's json.load of that file.

It builds the release `argraph` and the convert and core benches, makes the
files in a temporary directory (the i23 file with examples/gen_af.rs,
random 10^6 5 1, unless --i23 names one; the AIF nodeset with the convert
bench; the JSON graph with the core bench), checks that argraph and scalop
give the same grounded extension, then runs every case as a process, one
of each per round, in an order shuffled each round from a seed printed with
the results, after one warm-up round. Every case starts from the same state,
because on these virtual machines what a process pays for fresh memory
depends on what ran before it: the kernel hands memory a process freed back
to the host within about two seconds, and touching it again then costs
system time (a 10^5-node `dot` took 0.1 s of system time right after another
process and 0.6-0.8 s three seconds later). Run back to back in a fixed
order, each case's cost would depend on the one before it.
  --state warm (the default): each case runs twice in a row and the second
    run is measured, as hyperfine measures a command after its warm-up;
  --state cold: each case runs once after --pause seconds (3) of rest, as a
    user's one command finds the machine.
--cpu N pins every case to CPU N.
Printed: medians of wall and CPU time (user + system, from wait4) and peak
resident memory per case, each floor's ratio by wall and by CPU time
against its baseline from the same rounds, and the load average before and
after. `--old` adds another argraph build's iccma, convert and dot rows
(with their ratio to this build's) for a before/after comparison.
"""
import argparse
import json
import json.decoder
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cargo(*args, capture=False):
    run = subprocess.run(["cargo", *args], cwd=ROOT, check=True, text=True,
                         stdout=subprocess.PIPE if capture else None)
    return run.stdout


def bench_executables():
    """Builds the convert and core benches; their executables by name."""
    out = cargo("bench", "--no-run", "--quiet", "--bench", "convert", "--bench", "core",
                "--message-format=json", capture=True)
    found = {}
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            found[message["target"]["name"]] = message["executable"]
    return found


def measure(argv, stdout=None):
    """Runs argv to completion: (wall s, CPU s, peak resident MB)."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if stdout:
        out.close()
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def extension(path):
    """The arguments of an ICCMA `w a b c` answer, as a set."""
    with open(path) as f:
        words = f.read().split()
    if not words or words[0] != "w":
        sys.exit(f"not a SE answer: {path}")
    return set(words[1:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--i23", help="the 10^6-argument i23 file (default: generate it)")
    parser.add_argument("--old", help="another argraph build to time beside this one")
    parser.add_argument("--keep", help="make the files in DIR and keep them")
    parser.add_argument("--state", choices=["warm", "cold"], default="warm",
                        help="measure each case after a run of itself (warm) or after a pause (cold)")
    parser.add_argument("--pause", type=float, default=3.0,
                        help="seconds of rest before every case in the cold state (default 3)")
    parser.add_argument("--cpu", type=int, help="run every case on this CPU")
    parser.add_argument("--seed", type=int, help="the order's seed (default: random)")
    opts = parser.parse_args()
    scalop = os.environ.get("SCALOP")
    if not scalop:
        print("SCALOP is not set: floor a (grounded vs scalop) is left out", file=sys.stderr)
    if json.decoder.c_scanstring is None:
        sys.exit("this Python's json module has no C accelerator")

    cargo("build", "--release", "--quiet", "--bin", "argraph")
    target = json.loads(cargo("metadata", "--format-version", "1", "--no-deps",
                              capture=True))["target_directory"]
    benches = bench_executables()
    tmp = opts.keep or tempfile.mkdtemp(prefix="argraph-floors-")
    os.makedirs(tmp, exist_ok=True)
    path = lambda name: os.path.join(tmp, name)
    i23 = make_files(opts.i23, benches, path)

    builds = [("argraph", os.path.join(target, "release", "argraph"))]
    builds += [("old", opts.old)] if opts.old else []
    cases = cases_for(scalop, builds, benches, i23, path)
    load_before = os.getloadavg()
    seed = opts.seed if opts.seed is not None else random.SystemRandom().randrange(1 << 32)
    samples = run_rounds(cases, opts, seed, lambda: check(builds, path, scalop))
    load_after = os.getloadavg()
    pinned = f", on CPU {opts.cpu}" if opts.cpu is not None else ""
    state = ("each case right after a run of itself" if opts.state == "warm"
             else f"each case after {opts.pause:g} s of rest")
    print(f"\n{opts.runs} rounds after a warm-up round (order seed {seed}, {state}{pinned}), "
          f"medians; load average "
          f"{load_before[0]:.2f} before, {load_after[0]:.2f} after ({os.cpu_count()} CPUs)\n")
    report(cases, samples, bool(opts.old))
    if not opts.keep:
        subprocess.run(["rm", "-rf", tmp], check=True)


def make_files(i23, benches, path):
    """The i23 file (generated unless given), the AIF nodeset, the JSON graph."""
    if not i23:
        i23 = path("random_1000000.i23")
        with open(i23, "w") as f:
            subprocess.run(["cargo", "run", "--release", "--quiet", "--example", "gen_af", "--",
                            "random", "1000000", "5", "1"], cwd=ROOT, check=True, stdout=f)
    subprocess.run([benches["convert"], "--write-aif", path("nodeset.json")], check=True)
    subprocess.run([benches["core"], "--write-json", path("graph.json"), "100000"], check=True,
                   stderr=subprocess.DEVNULL)
    mb = lambda p: os.path.getsize(p) / 1e6
    print(f"files: i23 {mb(i23):.1f} MB, AIF {mb(path('nodeset.json')):.1f} MB, "
          f"JSON graph {mb(path('graph.json')):.1f} MB; {sys.executable} {sys.version.split()[0]}")
    return i23


def cases_for(scalop, builds, benches, i23, path):
    """The timed cases: (name, argv, file for standard output or None)."""
    cases = []
    if scalop:
        cases.append(("scalop SE-GR", [scalop, "-p", "SE-GR", "-f", i23], path("scalop.txt")))
    for name, exe in builds:
        cases.append((f"{name} iccma SE-GR", [exe, "iccma", "-p", "SE-GR", "-f", i23],
                      path(f"{name}.txt")))
    aif = path("nodeset.json")
    cases += [
        ("Value read + pretty write",
         [benches["convert"], "--once", "baseline", aif, path("value.json")], None),
        ("AIF read + argraph JSON write",
         [benches["convert"], "--once", "argraph", aif, path("library.json")], None),
    ]
    for name, exe in builds:
        cases.append((f"{name} convert AIF -> JSON",
                      [exe, "convert", aif, path(f"{name}.json")], None))
    load = f"import json; json.load(open({path('graph.json')!r}))"
    cases.append(("python json.load", [sys.executable, "-c", load], None))
    for name, exe in builds:
        cases.append((f"{name} dot -o FILE",
                      [exe, "dot", path("graph.json"), "-o", path(f"{name}.dot")], None))
    return cases


def run_rounds(cases, opts, seed, after_warm_up):
    """A warm-up round, then `opts.runs` rounds of every case in a shuffled
    order, each case in the state `opts.state` says."""
    samples = {name: [] for name, _, _ in cases}
    shuffle = random.Random(seed).shuffle
    pin = ["taskset", "-c", str(opts.cpu)] if opts.cpu is not None else []
    for round_ in range(opts.runs + 1):
        order = list(cases)
        shuffle(order)
        for name, argv, stdout in order:
            if opts.state == "warm":
                measure(pin + argv, stdout)
            else:
                time.sleep(opts.pause)
            result = measure(pin + argv, stdout)
            if round_ > 0:
                samples[name].append(result)
        if round_ == 0:
            after_warm_up()
    return samples


FLOORS = [
    ("a. grounded, argraph / scalop", "argraph iccma SE-GR", "scalop SE-GR", 0.1),
    ("b. AIF -> JSON / Value round trip", "AIF read + argraph JSON write",
     "Value read + pretty write", 2.0),
    ("   (the `argraph convert` process)", "argraph convert AIF -> JSON",
     "Value read + pretty write", 2.0),
    ("c. argraph dot / python json.load", "argraph dot -o FILE", "python json.load", 0.7),
]


def report(cases, samples, old):
    """The medians of every case, then each floor's ratios."""
    med = {name: [statistics.median(x) for x in zip(*s)] for name, s in samples.items()}
    print("| case | wall ms | CPU ms | peak MB |\n|---|---|---|---|")
    for name, _, _ in cases:
        wall, cpu, peak = med[name]
        print(f"| {name} | {wall * 1e3:.0f} | {cpu * 1e3:.0f} | {peak:.0f} |")
    print("\n| floor | ratio by wall | by CPU | limit | |\n|---|---|---|---|---|")
    floors = list(FLOORS)
    if old:
        floors += [(f"old -> new: {what}", f"argraph {what}", f"old {what}", None)
                   for what in ("iccma SE-GR", "convert AIF -> JSON", "dot -o FILE")]
    for title, case, base, limit in floors:
        if case not in med or base not in med:
            continue
        wall = med[case][0] / med[base][0]
        cpu = med[case][1] / med[base][1]
        if limit is None:
            verdict, shown = "", ""
        else:
            verdict = "met" if wall <= limit and cpu <= limit else "NOT met"
            shown = f"<= {limit}"
        print(f"| {title} | {wall:.3f} | {cpu:.3f} | {shown} | {verdict} |")


def check(builds, path, scalop):
    """After the warm-up round: the same answers from every solver and build."""
    answers = {name: extension(path(f"{name}.txt")) for name, _ in builds}
    if scalop:
        answers["scalop"] = extension(path("scalop.txt"))
    if len({frozenset(a) for a in answers.values()}) != 1:
        sys.exit(f"grounded extensions differ: {sorted((k, len(v)) for k, v in answers.items())}")
    for name, _ in builds:
        for kind in ("json", "dot"):
            if os.path.getsize(path(f"{name}.{kind}")) == 0:
                sys.exit(f"{name}: empty {kind} output")
    # `argraph convert` ends the file with a newline; to_writer_pretty does not.
    read = lambda name: open(path(name), "rb").read().rstrip(b"\n")
    same = read("library.json") == read("argraph.json")
    print(f"checked: grounded extensions agree ({len(next(iter(answers.values())))} arguments); "
          f"the bench's AIF -> JSON and `argraph convert` wrote "
          f"{'the same bytes' if same else 'DIFFERENT bytes'}")


if __name__ == "__main__":
    main()
