#!/usr/bin/env python3
"""DOT through pydot, for comparison with `argraph dot`.

usage: pydot_dot.py GRAPH.json OUT.dot   (needs `pip install pydot`)

Reads an argraph JSON file and writes a DOT file with pydot: one node per
node (shape by kind, the text as label and tooltip) and one edge per edge
(style by kind), with the time each step took. A lighter diagram than
argraph's (no wrapping, clusters or legend), so a lower bound on what
pydot needs for the same work.
"""
import json
import sys
import time

import pydot

SHAPES = {"claim": "box", "evidence": "note", "framing": "hexagon", "argument": "ellipse"}
STYLES = {"supports": "solid", "attacks": "dashed", "frames": "dotted"}


def main():
    source, target = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    with open(source, encoding="utf-8") as f:
        doc = json.load(f)
    t1 = time.perf_counter()
    graph = pydot.Dot("argraph", graph_type="digraph", rankdir="BT")
    for n in doc["nodes"]:
        graph.add_node(
            pydot.Node(
                n["id"],
                shape=SHAPES[n["kind"]],
                label=n.get("label", n["text"]),
                tooltip=n["text"],
            )
        )
    for e in doc.get("edges", []):
        graph.add_edge(pydot.Edge(e["from"], e["to"], style=STYLES[e["kind"]]))
    t2 = time.perf_counter()
    text = graph.to_string()
    t3 = time.perf_counter()
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)
    t4 = time.perf_counter()
    print(
        f"json.load {t1 - t0:.2f} s, pydot build {t2 - t1:.2f} s, "
        f"to_string {t3 - t2:.2f} s, write {t4 - t3:.2f} s; total {t4 - t0:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
