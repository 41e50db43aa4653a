#!/usr/bin/env bash
# `argraph dot` (release build) on a synthetic 100k-node / 300k-edge JSON
# file, against Python's C-accelerated json.load of the same file.
#
#   benches/cli_vs_python.sh [NODES]      (default 100000; RUNS=15 by default)
#
# With PYDOT=1 (and pydot importable) it also times benches/pydot_dot.py,
# DOT through pydot, on the same file (3 runs: it takes tens of seconds).
#
# The file is the benchmark's synthetic graph (cargo bench --bench core --
# --write-json), written in the layout argraph::json::save uses, to a
# temporary directory that is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:-100000}
runs=${RUNS:-15}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cargo build --release --quiet --bin argraph
cargo bench --quiet --bench core -- --write-json "$tmp/graph.json" "$nodes"
target=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
argraph="$target/release/argraph"
# The interpreter itself, not a version manager's shim in front of it.
python=$(python3 -c 'import sys; print(sys.executable)')
if ! "$python" -c 'import json.decoder as d, sys; sys.exit(d.c_scanstring is None)'; then
    echo "this Python's json module has no C accelerator" >&2
    exit 1
fi
echo "$(du -h "$tmp/graph.json" | cut -f1) of JSON; $("$python" --version), C scanner: yes"

python3 benches/compare.py "$runs" \
    "python json.load=$python -c 'import json; json.load(open(\"$tmp/graph.json\"))'" \
    "argraph dot -o FILE=$argraph dot $tmp/graph.json -o $tmp/graph.dot" \
    "argraph dot (stdout)=$argraph dot $tmp/graph.json"

if [ "${PYDOT:-0}" = 1 ]; then
    python3 benches/compare.py 3 \
        "argraph dot -o FILE=$argraph dot $tmp/graph.json -o $tmp/graph.dot" \
        "pydot (pydot_dot.py)=$python benches/pydot_dot.py $tmp/graph.json $tmp/pydot.dot"
fi

if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs "$runs" \
        -n 'python json.load' "$python -c 'import json; json.load(open(\"$tmp/graph.json\"))'" \
        -n 'argraph dot -o FILE' "$argraph dot $tmp/graph.json -o $tmp/graph.dot"
fi
