#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for SECONDS seconds (default 600), one process, one core.
#
#   Scripts/fuzz.sh TARGET [SECONDS]     TARGET: text markdown html feed query index
#   Scripts/fuzz.sh all [SECONDS]        every target in turn, SECONDS each
#
# Seeds come from the shared real corpus (../shared/corpus/real, or $SHOWNOTES_CORPUS), the
# test fixtures, Feeds/ and the kept regression inputs; the index target writes its own seed
# indexes. The growing corpus, the logs and any crashing input stay under the scratch folder
# (Fuzz/.build, or $FUZZ_SCRATCH). A crash or hang is kept as
# $SCRATCH/findings/TARGET/crash-… (or timeout-…, oom-…): copy it to
# Tests/ShowNotesCoreTests/Fixtures/regressions/TARGET/ and fix it; RegressionTests runs it.
set -euo pipefail

targets=(text markdown html feed query index)
usage() { echo "usage: $0 TARGET|all [SECONDS]   (TARGET: ${targets[*]})" >&2; exit 64; }
[[ $# -ge 1 && $# -le 2 ]] || usage
target=$1
seconds=${2:-600}
[[ $seconds =~ ^[0-9]+$ ]] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${FUZZ_SCRATCH:-$root/Fuzz/.build}
corpus=${SHOWNOTES_CORPUS:-$root/../shared/corpus/real}
fixtures=$root/Tests/ShowNotesCoreTests/Fixtures

if [[ $target == all ]]; then
    for each in "${targets[@]}"; do "$0" "$each" "$seconds"; done
    exit 0
fi
[[ " ${targets[*]} " == *" $target "* ]] || usage

# Optimised (-c release keeps Swift's overflow and bounds traps; it runs several times faster
# than -c debug), with libFuzzer's coverage and AddressSanitizer.
flags=(--package-path "$root/Fuzz" --scratch-path "$scratch" -c release
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
echo "fuzz: building fuzz-$target" >&2
swift build "${flags[@]}" --product "fuzz-$target" >&2
binary=$(swift build "${flags[@]}" --show-bin-path)/fuzz-$target

# Seeds: copies of the matching files (read-only for libFuzzer); the working corpus grows in $work.
seeds=$scratch/seeds/$target
work=$scratch/corpus/$target
# Not $scratch/artifacts: SwiftPM empties that folder (its binary artifacts) on every build.
artifacts=$scratch/findings/$target
logs=$scratch/logs
rm -rf "$seeds"
mkdir -p "$seeds" "$work" "$artifacts" "$logs"
copy() {   # copy FOLDER PATTERN...: every matching file below FOLDER, named by a hash of its path
    local folder=$1; shift
    [[ -d $folder ]] || return 0
    local expression=() pattern
    for pattern in "$@"; do expression+=(-o -name "$pattern"); done
    find "$folder" -type f \( "${expression[@]:1}" \) -print0 | while IFS= read -r -d '' file; do
        cp "$file" "$seeds/$(printf '%s' "$file" | cksum | cut -d' ' -f1)-$(basename "$file")"
    done
}
maxlen=32768
case $target in
    text) copy "$corpus" '*.txt' '*.vtt' '*.srt'; copy "$fixtures" '*.txt'; copy "$root/Feeds" '*.txt' ;;
    markdown) copy "$corpus" '*.md'; copy "$fixtures" '*.md'; copy "$root/Feeds" '*.md' ;;
    html) copy "$corpus" '*.html'; copy "$fixtures" '*.html'; copy "$root/Feeds" '*.html'; copy "$fixtures/feeds" '*.xml' ;;
    feed) copy "$corpus" '*.xml' '*.rss' '*.atom'; copy "$fixtures/feeds" '*.xml' '*.rss' '*.atom'; copy "$root/Feeds" '*.xml' ;;
    query) copy "$root/Fuzz/Seeds/query" '*' ;;
    index) ASAN_OPTIONS=detect_leaks=0 SHOWNOTES_FUZZ_WRITE_SEEDS=$seeds "$binary"; maxlen=131072 ;;
esac
copy "$fixtures/regressions/$target" '*'
echo "fuzz: $target for ${seconds}s from $(find "$seeds" -type f | wc -l) seeds; log in $logs/$target.log" >&2

status=0
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$binary" "$work" "$seeds" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len="$maxlen" \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$logs/$target.log" 2>&1 || status=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target.log" | tail -1)
took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$logs/$target.log" | tail -1)
found=$(find "$artifacts" -type f | wc -l)
echo "fuzz: $target: ${runs:-?} executions in ${took:-?}s; exit $status; $found crashing inputs in $artifacts"
exit "$status"
