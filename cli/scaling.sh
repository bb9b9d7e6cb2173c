#!/usr/bin/env bash
# Throughput of `chidao convert` with one worker against two, measured in
# alternating pairs so that drift in the machine's speed hits both alike.
# Prints each pair (seconds with --jobs 1, with --jobs 2, ratio) and the
# median ratio. PIN=1 runs --jobs 1 on CPU 0 and --jobs 2 on CPUs 0 and 1
# (taskset), so that the one-worker run gets no help from a second core.
#   B=target/release/chidao A=ARCHIVE_FOLDER N=8 [PIN=1] cli/scaling.sh
set -euo pipefail
B=${B:-target/release/chidao}
A=${A:?name the archive folder in A}
N=${N:-8}
pin1=() pin2=()
if [ -n "${PIN:-}" ]; then
    pin1=(taskset -c 0) pin2=(taskset -c 0,1)
fi
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
    one=$(secs "${pin1[@]}" "$B" convert "$A" -o "$out/1.jsonl" --jobs 1 -q)
    two=$(secs "${pin2[@]}" "$B" convert "$A" -o "$out/2.jsonl" --jobs 2 -q)
    echo "$one $two $(echo "scale=3; $one / $two" | bc)"
done | tee "$out/pairs"
cut -d' ' -f3 "$out/pairs" | sort -n |
    awk '{r[NR] = $1} END {print "median ratio", (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2)}'
