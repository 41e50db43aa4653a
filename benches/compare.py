#!/usr/bin/env python3
"""Times commands against each other on a noisy machine.

usage: compare.py RUNS 'NAME=COMMAND' ...

Runs the commands in turn, RUNS rounds after one warm-up round, so that
load from other processes hits them alike; prints for each the median wall
time, the median CPU time (user + system, of the command and its
children) and the median peak resident memory, with ratios to the first.
"""
import os
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    child = subprocess.Popen(["/bin/sh", "-c", "exec " + command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {command}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    runs = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    samples = {name: [] for name, _ in commands}
    for round_ in range(runs + 1):
        for name, command in commands:
            result = run(command)
            if round_ > 0:
                samples[name].append(result)
    first = None
    print(f"{runs} interleaved runs each, medians:")
    for name, command in commands:
        wall, cpu, rss = (statistics.median(x) for x in zip(*samples[name]))
        first = first or (wall, cpu)
        print(
            f"  {name:<22} wall {wall * 1000:8.0f} ms ({wall / first[0]:.2f}x)"
            f"   cpu {cpu * 1000:8.0f} ms ({cpu / first[1]:.2f}x)"
            f"   peak RSS {rss / 1024:6.0f} MiB"
        )
        print(f"  {'':<22} {command}")


if __name__ == "__main__":
    main()
