#!/usr/bin/env bash
# Smoke test of the chidao CLI in release mode, the way a data team runs it:
# a folder of corpus copies plus three broken files, converted with one and
# with two workers. Checks the record counts, the exit status, byte-identical
# output, that no temporary file is left, and that a JSON run resumes.
# CHIDAO_BIN names a release binary already built; without it, one is built.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

copies=${CHIDAO_SMOKE_COPIES:-200}
bin=${CHIDAO_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release -p chidao-cli
    bin=${CARGO_TARGET_DIR:-target}/release/chidao
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/archive/docs"
i=0
while [ "$i" -lt "$copies" ]; do
    for f in fixtures/*.txt; do
        [ "$i" -lt "$copies" ] || break
        cp "$f" "$work/archive/docs/$(printf 'doc-%05d' "$i").txt"
        i=$((i + 1))
    done
done
: > "$work/archive/broken-empty.txt"
printf 'PK\003\004\000\000binary' > "$work/archive/broken-binary.txt"
head -c 50000 /dev/zero | tr '\0' 'x' > "$work/archive/broken-oversize.txt"

run() { # jobs output
    set +e
    "$bin" convert "$work/archive" --max-bytes 40000 --jobs "$1" -q -o "$2" 2> "$2.err"
    echo $?
    set -e
}
status1=$(run 1 "$work/one.jsonl")
status2=$(run 2 "$work/two.jsonl")
fail() { echo "cli-smoke: $*" >&2; exit 1; }

[ "$status1" = 1 ] || fail "exit status $status1 with --jobs 1, expected 1"
[ "$status2" = 1 ] || fail "exit status $status2 with --jobs 2, expected 1"
cmp -s "$work/one.jsonl" "$work/two.jsonl" || fail "--jobs 1 and --jobs 2 differ"
lines=$(wc -l < "$work/two.jsonl")
errors=$(grep -c '"error":{"code"' "$work/two.jsonl" || true)
[ "$lines" = $((copies + 3)) ] || fail "$lines records, expected $((copies + 3))"
[ "$errors" = 3 ] || fail "$errors error records, expected 3"
[ "$(wc -l < "$work/two.jsonl.err")" = 3 ] || fail "stderr should hold the 3 errors only"
if find "$work" -name '*.chidao-tmp' | grep -q .; then fail "temporary file left"; fi

# One file per input, then a resumed run that converts nothing again.
"$bin" convert "$work/archive/docs" --format json -o "$work/json" -q
out=$("$bin" convert "$work/archive/docs" --format json -o "$work/json" --skip-existing --summary 2>&1)
echo "$out" | grep -q "$copies skipped" || fail "resume did not skip: $out"

echo "cli-smoke: ok ($copies documents + 3 error records, --jobs 1 = --jobs 2, resume)"
