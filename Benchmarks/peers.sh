#!/usr/bin/env bash
# Side-by-side benchmark with the peers (SQLite FTS5, tantivy, grep) in ONE run of the shared
# harness, then checks our --count against the peers' hit counts and the issue's targets.
#
#   bash Benchmarks/peers.sh 10000     # develop at 10k (a few minutes)
#   bash Benchmarks/peers.sh 100000    # the reference run (~6 GB of disk, ~25 minutes)
#
# Needs: pip install wordfreq==3.1.1 tantivy==0.27.0; the sqlite3 CLI; hyperfine is not needed.
set -euo pipefail
cd "$(dirname "$0")/.."
episodes="${1:-10000}"
shared="${SHARED:-../shared}"
corpus="${CORPUS:-/tmp/shownotes-corpus-$episodes}"
work="${WORK:-/tmp/shownotes-peers-$episodes}"

[ -f "$corpus/ground_truth.jsonl" ] || python3 "$shared/bench/gen_corpus.py" --episodes "$episodes" --seed 1 --out "$corpus"
# The search binary as a user would deploy it: fully static (no dynamic loader work at start-up).
# The builder (shownotes-tools: libxml2, ICU) links the Swift runtime statically.
swift build -c release --static-swift-stdlib --scratch-path .build-static --product shownotes-tools >/dev/null
swift build -c release -Xswiftc -static-executable --scratch-path .build-fullstatic --product shownotes >/dev/null 2>&1
tools="$PWD/.build-static/release/shownotes-tools"
bin="$PWD/.build-fullstatic/release/shownotes"
rm -rf "$work" && mkdir -p "$work"
python3 "$shared/bench/peers.py" --corpus "$corpus" --work "$work" \
    --ours-build "$tools index {corpus}/txt --index {index} --quiet" \
    --ours-query "$bin search --index {index} {query}" | tee "$work/report.md"
python3 Benchmarks/compare_peers.py "$work/results.json" "$bin" "$work/ours-index" | tee -a "$work/report.md"
cp "$work/report.md" "Benchmarks/results/peers-$episodes.md"
