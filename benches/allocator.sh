#!/usr/bin/env bash
# Two builds of `argraph` against each other on the commands where the
# allocator might matter: `convert` of the 10^5-node AIF nodeset to argraph
# JSON, `dot` of the 100k-node JSON graph, `iccma -p SE-GR` on a 10^6-
# argument i23 file, and `render` of the seed to SVG (runs Graphviz's dot).
#
#   benches/allocator.sh A B [I23]       (RUNS=21 by default)
#
# A and B are argraph binaries, e.g. target/release/argraph (mimalloc) and
# the same commit built without its #[global_allocator] lines (in a copy of
# the tree outside this repository). The files are made in a temporary
# directory (the i23 file with examples/gen_af.rs unless I23 names one).
# Each pair runs alternating (benches/compare.py: medians of wall and CPU
# time, peak resident memory, ratios B / A).
set -euo pipefail
cd "$(dirname "$0")/.."
a=$(realpath "$1")
b=$(realpath "$2")
runs=${RUNS:-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cargo bench --quiet --bench convert -- --write-aif "$tmp/nodeset.json"
cargo bench --quiet --bench core -- --write-json "$tmp/graph.json" 100000 2>/dev/null
if [ $# -ge 3 ]; then
    i23=$3
else
    i23=$tmp/random.i23
    cargo run --release --quiet --example gen_af -- random 1000000 5 1 >"$i23"
fi

pair() {
    python3 benches/compare.py "$runs" "A $1=$a $2" "B $1=$b $3"
}
pair "convert AIF -> JSON" "convert $tmp/nodeset.json $tmp/a.json" "convert $tmp/nodeset.json $tmp/b.json"
pair "dot -o FILE" "dot $tmp/graph.json -o $tmp/a.dot" "dot $tmp/graph.json -o $tmp/b.dot"
pair "iccma -p SE-GR" "iccma -p SE-GR -f $i23" "iccma -p SE-GR -f $i23"
pair "render seed .svg" "render graphs/russia_afghanistan.json -o $tmp/a.svg" \
    "render graphs/russia_afghanistan.json -o $tmp/b.svg"
for f in a.json:b.json a.dot:b.dot a.svg:b.svg; do
    cmp -s "$tmp/${f%:*}" "$tmp/${f#*:}" || echo "A and B wrote different ${f%:*} / ${f#*:}"
done
