#!/usr/bin/env bash
# Incremental index build benchmark (issue 5): a clean build of a generated corpus against a
# rebuild after one source changed, and a check that the two give byte-identical indexes.
#
#   bash Benchmarks/incremental.sh                  # 100,000 episodes; figures in Benchmarks/results/incremental.txt
#   EPISODES=10000 bash Benchmarks/incremental.sh   # smaller
#
# Corpus: gen_corpus.py --episodes N --seed 1 (its txt/ folder), copied so it can be edited.
# Runs: (1) clean build with --incremental, empty cache (it fills the cache, which later
# builds of that index use); (2) clean build without a cache (what a fresh clone does); (3) rebuild with nothing changed; (4–6) rebuilds after one
# file changed (the first, the middle and the last source in stored-path order: where the
# change falls decides how much of the index moves); after each, a --no-cache build of the
# same sources into another folder must give the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
EPISODES=${EPISODES:-100000}
CORPUS=${CORPUS:-/tmp/c$((EPISODES / 1000))k}
WORK=${WORK:-/tmp/shownotes-incremental}
GENERATOR=${GENERATOR:-../shared/bench/gen_corpus.py}
OUT=${OUT:-Benchmarks/results/incremental.txt}
BIN=${BIN:-.build-ci/release}

if [ ! -d "$CORPUS/txt" ]; then
    python3 "$GENERATOR" --episodes "$EPISODES" --seed 1 --out "$CORPUS" --quiet
fi
# NO_BUILD=1 takes the binaries already in $BIN as they are.
[ "${NO_BUILD:-0}" = 1 ] || swift build -c release --scratch-path "${BIN%/release}" >&2

rm -rf "$WORK"
mkdir -p "$WORK/bin"
# A copy of the binaries: a rebuild during the run must not change the program (the cache
# trusts only the program that wrote it).
cp "$BIN/shownotes" "$BIN/shownotes-tools" "$WORK/bin/"
SHOWNOTES="$WORK/bin/shownotes"
cp -r "$CORPUS/txt" "$WORK/txt"
: > "$WORK/log"
log() { echo "$*" | tee -a "$WORK/log"; }
mapfile -t files < <(find "$WORK/txt" -type f -name '*.txt' | LC_ALL=C sort)
count=${#files[@]}
first=${files[0]}; middle=${files[$((count / 2))]}; last=${files[$((count - 1))]}

# Runs `shownotes index` with the arguments given; prints "WALL s (CPU s cpu)": wall time, and
# user + system CPU time (the fairer figure on a shared machine).
timed() {
    /usr/bin/time -f '%e %U %S' -o "$WORK/time" "$SHOWNOTES" index "$WORK/txt" "$@" 2>>"$WORK/stderr"
    awk '{ printf "%.2f s (%.1f s cpu)", $1, $2 + $3 }' "$WORK/time"
}
seconds() { cut -d' ' -f1 <<< "$1"; }
same() { cmp -s "$WORK/Index/shownotes.idx" "$WORK/$1/shownotes.idx" && echo yes || echo NO; }

log "incremental build benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
log "corpus: gen_corpus.py --episodes $EPISODES --seed 1, txt/: $count files, $(du -sh "$WORK/txt" | cut -f1)"
log "command: shownotes index $WORK/txt --index $WORK/Index   (release build; cache: $WORK/.shownotes-cache/Index)"
clean=$(timed --index "$WORK/Index" --incremental)
log "clean build, --incremental:      $clean   ($(tail -1 "$WORK/stderr"))"
nocache=$(timed --index "$WORK/Clean" --no-cache)
log "clean build, --no-cache:         $nocache   byte-identical to the above: $(same Clean)"
unchanged=$(timed --index "$WORK/Index")
log "rebuild, nothing changed:        $unchanged   byte-identical: $(same Clean)"
for which in first middle last; do
    file=${!which}
    printf 'One more takeaway line for the benchmark.\n' >> "$file"
    incremental=$(timed --index "$WORK/Index")
    summary=$(tail -1 "$WORK/stderr")
    reference=$(timed --index "$WORK/Clean" --no-cache)
    ratio=$(awk -v a="$(seconds "$reference")" -v b="$(seconds "$incremental")" 'BEGIN { printf "%.1f", a / b }')
    cpu=$(awk -v a="$reference" -v b="$incremental" 'BEGIN { split(a, x, "[(]"); split(b, y, "[(]"); printf "%.1f", x[2] / y[2] }')
    log "rebuild, $which file changed:   $incremental   ${ratio}x faster than a clean --no-cache build ($reference; ${cpu}x less CPU), byte-identical to it: $(same Clean)"
    log "    ${file#"$WORK/"}; $summary"
done
mkdir -p "$(dirname "$OUT")"
cp "$WORK/log" "$OUT"
