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
swift build -c release --static-swift-stdlib --scratch-path .build-static >/dev/null
bin="$PWD/.build-static/release/shownotes"
rm -rf "$work"
python3 "$shared/bench/peers.py" --corpus "$corpus" --work "$work" \
    --ours-build "$bin index {corpus}/txt --index {index} --quiet" \
    --ours-query "$bin search --index {index} {query}" | tee "$work/report.md"
python3 Benchmarks/compare_peers.py "$work/results.json" "$bin" "$work/ours-index" | tee -a "$work/report.md"
cp "$work/report.md" "Benchmarks/results/peers-$episodes.md"
