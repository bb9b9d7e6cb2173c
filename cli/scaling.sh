#!/usr/bin/env bash
# Throughput of `chidao convert` with one worker against two, measured in
# alternating pairs so that drift in the machine's speed hits both alike.
# Prints each pair (seconds with --jobs 1, with --jobs 2, ratio) and the
# median ratio.
#   B=target/release/chidao A=ARCHIVE_FOLDER N=8 cli/scaling.sh
set -euo pipefail
B=${B:-target/release/chidao}
A=${A:?name the archive folder in A}
N=${N:-8}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
secs() {
    local s e
    s=$(date +%s.%N)
    "$@" 2>/dev/null || true
    e=$(date +%s.%N)
    echo "$e - $s" | bc
}
"$B" convert "$A" -o "$out/warm.jsonl" --jobs 2 -q 2>/dev/null || true
for _ in $(seq "$N"); do
    one=$(secs "$B" convert "$A" -o "$out/1.jsonl" --jobs 1 -q)
    two=$(secs "$B" convert "$A" -o "$out/2.jsonl" --jobs 2 -q)
    echo "$one $two $(echo "scale=3; $one / $two" | bc)"
done | tee "$out/pairs"
cut -d' ' -f3 "$out/pairs" | sort -n |
    awk '{r[NR] = $1} END {print "median ratio", (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2)}'
