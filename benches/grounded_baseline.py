#!/usr/bin/env python3
"""Baseline for the grounded benchmark: a plain linear-time Python script.

Reads an ICCMA 2023 i23 file and prints the grounded extension as ICCMA
does (`w 1 4 7`), with the same O(n + m) propagation as argraph's grounded
(count of attackers not yet out; an argument whose count reaches zero is in,
what it attacks is out). Usage: grounded_baseline.py FILE.i23
"""
import sys


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    n = None
    src = []
    dst = []
    for line in data.split(b"\n"):
        line = line.strip()
        if not line or line.startswith(b"#"):
            continue
        if n is None:
            n = int(line.split()[2])
            continue
        a, b = line.split()
        src.append(int(a) - 1)
        dst.append(int(b) - 1)
    out = [[] for _ in range(n)]
    live = [0] * n
    for a, b in zip(src, dst):
        out[a].append(b)
        live[b] += 1
    label = [0] * n  # 0 undec, 1 in, 2 out
    stack = [a for a in range(n) if live[a] == 0]
    for a in stack:
        label[a] = 1
    while stack:
        a = stack.pop()
        for b in out[a]:
            if label[b]:
                continue
            label[b] = 2
            for c in out[b]:
                live[c] -= 1
                if live[c] == 0 and label[c] == 0:
                    label[c] = 1
                    stack.append(c)
    print("w " + " ".join(str(a + 1) for a in range(n) if label[a] == 1))


if __name__ == "__main__":
    main(sys.argv[1])
