#!/usr/bin/env bash
# Kill test for `shownotes index` (issue 5): builds killed with SIGKILL at random moments.
#
# Sources: the repository's Feeds/ plus a generated corpus (gen_corpus.py), in two versions
# A and B that differ in one Feeds file (B adds a chapter "Flarbnik tempo drills"). Reference
# indexes of A and B are built first. Then, KILLS times, a build of A or B (alternating, with
# or without the build cache, 1 or 2 threads) is started and killed with SIGKILL after a
# random delay between 0 and 1.5 times that kind of build's duration, while searches run in
# a loop. Checked after every build (killed or not):
#   * the index file is byte-identical to reference A or reference B (old or new, never a mix);
#   * `shownotes search "team culture"` answers exactly as the references do;
#   * every search run during the build exited 0 with that same answer.
# At the end an uninterrupted build must remove all leftover temporary files and give the
# reference bytes, and `index --check` must report it up to date.
#
#   bash Scripts/kill_test.sh                 # KILLS=60 EPISODES=3000; output also in Benchmarks/results/kill_test.txt
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${KILLS:-60}
EPISODES=${EPISODES:-3000}
WORK=${WORK:-/tmp/shownotes-kill-test}
GENERATOR=${GENERATOR:-../shared/bench/gen_corpus.py}
OUT=${OUT:-Benchmarks/results/kill_test.txt}
BIN=${BIN:-.build-ci/release}

log() { echo "$*" | tee -a "$WORK/log"; }
searcher_pid=""
stop_searcher() { touch "$WORK/stop" 2>/dev/null || true; [ -z "$searcher_pid" ] || kill "$searcher_pid" 2>/dev/null || true; }
trap stop_searcher EXIT
rm -rf "$WORK"
mkdir -p "$WORK"
: > "$WORK/log"

if [ ! -x "$BIN/shownotes" ] || [ ! -x "$BIN/shownotes-tools" ]; then
    swift build -c release --scratch-path "${BIN%/release}" >&2
fi
mkdir -p "$WORK/bin"
cp "$BIN/shownotes" "$BIN/shownotes-tools" "$WORK/bin/"   # a rebuild during the run must not change the program
SHOWNOTES="$WORK/bin/shownotes"

log "kill test: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
log "sources: Feeds/ + gen_corpus.py --episodes $EPISODES --seed 2 (txt)"
python3 "$GENERATOR" --episodes "$EPISODES" --seed 2 --out "$WORK/corpus" --quiet
for version in A B; do
    mkdir -p "$WORK/$version/src"
    cp -r Feeds "$WORK/$version/src/Feeds"
    cp -r "$WORK/corpus/txt" "$WORK/$version/src/corpus"
done
printf 'Flarbnik tempo drills — 48:00\n' >> "$WORK/B/src/Feeds/the-long-run/04-the-comeback-season.txt"

# The live folder: sources are swapped between versions by renaming, so a build sees one whole version.
LIVE="$WORK/live"
mkdir -p "$LIVE"
cp -r "$WORK/A/src" "$LIVE/src"

reference() {   # version → index folder with a clean build of it
    local version=$1
    "$SHOWNOTES" index "$WORK/$version/src/Feeds" "$WORK/$version/src/corpus" --index "$WORK/ref-$version" --no-cache --quiet
    sha256sum < "$WORK/ref-$version/shownotes.idx" | cut -d' ' -f1
}
seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

t0=$(seconds); SHA_A=$(reference A); t1=$(seconds); SHA_B=$(reference B)
CLEAN=$(elapsed "$t0" "$t1")
# The same relative paths in the live folder as in the references (roots Feeds and corpus).
QUERY="team culture"
ANSWER=$("$SHOWNOTES" search "$QUERY" --index "$WORK/ref-A" --limit 5)
[ "$ANSWER" = "$("$SHOWNOTES" search "$QUERY" --index "$WORK/ref-B" --limit 5)" ] || { log "FAIL: references answer differently"; exit 1; }
"$SHOWNOTES" search flarbnik --index "$WORK/ref-A" --limit 1 >/dev/null && { log "FAIL: A should not know the flarbnik chapter"; exit 1; }
"$SHOWNOTES" search flarbnik --index "$WORK/ref-B" --limit 1 >/dev/null || { log "FAIL: B should know the flarbnik chapter"; exit 1; }
log "references: A $SHA_A, B $SHA_B ($(stat -c %s "$WORK/ref-A/shownotes.idx") bytes); clean build ${CLEAN} s"

INDEX="$LIVE/Index"
CACHE="$LIVE/cache"
build() { "$SHOWNOTES" index "$LIVE/src/Feeds" "$LIVE/src/corpus" --index "$INDEX" "$@"; }
build --cache "$CACHE" --quiet
t0=$(seconds); build --cache "$CACHE" --quiet; t1=$(seconds)
CACHED=$(elapsed "$t0" "$t1")
log "timing: cached build ${CACHED} s"

use_version() {   # swap the live sources to a version
    rm -rf "$LIVE/src.next"
    cp -r "$WORK/$1/src" "$LIVE/src.next"
    rm -rf "$LIVE/src.old"
    mv "$LIVE/src" "$LIVE/src.old"
    mv "$LIVE/src.next" "$LIVE/src"
    rm -rf "$LIVE/src.old"
}

searcher() {   # searches until told to stop; one line per run: ok or FAIL
    while [ ! -e "$WORK/stop" ]; do
        if out=$("$SHOWNOTES" search "$QUERY" --index "$INDEX" --limit 5 2>&1) && [ "$out" = "$ANSWER" ]; then
            echo ok
        else
            echo "FAIL $out"
        fi
    done
}

kills=0; attempts=0; old=0; new=0; searches=0; search_failures=0; finished=0; leftovers_seen=0
current=A; target=A
while [ "$kills" -lt "$KILLS" ] && [ "$attempts" -lt $((KILLS * 3)) ]; do
    attempts=$((attempts + 1))
    target=$([ "$current" = A ] && echo B || echo A)
    use_version "$target"
    if [ $((RANDOM % 2)) -eq 0 ]; then mode=(--no-cache); duration=$CLEAN; else mode=(--cache "$CACHE"); duration=$CACHED; fi
    jobs=$((RANDOM % 2 + 1))
    delay=$(awk -v d="$duration" -v r="$RANDOM" 'BEGIN { printf "%.3f", d * 1.5 * r / 32767 }')
    rm -f "$WORK/stop"
    searcher > "$WORK/searches" &
    searcher_pid=$!
    # The binary itself in the background (not a shell function: $! must be the build's own pid).
    "$SHOWNOTES" index "$LIVE/src/Feeds" "$LIVE/src/corpus" --index "$INDEX" "${mode[@]}" --jobs "$jobs" --quiet 2>>"$WORK/build-stderr" &
    pid=$!
    sleep "$delay"
    if kill -9 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || true
        kills=$((kills + 1))
        outcome=killed
    else
        wait "$pid" || { log "FAIL: build $attempts exited with an error"; exit 1; }
        finished=$((finished + 1))
        outcome=finished
    fi
    touch "$WORK/stop"
    wait "$searcher_pid" || true
    runs=$(wc -l < "$WORK/searches"); bad=$(grep -c '^FAIL' "$WORK/searches" || true)
    searches=$((searches + runs)); search_failures=$((search_failures + bad))
    [ "$bad" -eq 0 ] || { log "FAIL: a search during build $attempts failed: $(grep -m1 '^FAIL' "$WORK/searches")"; }

    sha=$(sha256sum < "$INDEX/shownotes.idx" | cut -d' ' -f1)
    if [ "$sha" = "$SHA_A" ]; then seen=A; elif [ "$sha" = "$SHA_B" ]; then seen=B; else
        log "FAIL: after build $attempts ($outcome after ${delay} s) the index is neither A nor B"; exit 1
    fi
    if [ "$seen" = "$target" ]; then new=$((new + 1)); else old=$((old + 1)); fi
    answer=$("$SHOWNOTES" search "$QUERY" --index "$INDEX" --limit 5) || { log "FAIL: search after build $attempts exited $?"; exit 1; }
    [ "$answer" = "$ANSWER" ] || { log "FAIL: wrong answer after build $attempts"; exit 1; }
    left=$(find "$INDEX" -name 'shownotes.idx.tmp-*' | wc -l)
    leftovers_seen=$((leftovers_seen + left))
    log "build $attempts: ${mode[*]} --jobs $jobs, $outcome after ${delay} s → index $seen ($([ "$seen" = "$target" ] && echo new || echo old)), $runs searches ok, $left temporary file(s) left"
    current=$seen   # the next build changes the index: it builds the other version
done

current=$target   # the live sources
summary=$(build --cache "$CACHE" 2>&1)
left=$(find "$INDEX" -name 'shownotes.idx.tmp-*' | wc -l)
sha=$(sha256sum < "$INDEX/shownotes.idx" | cut -d' ' -f1)
expected=$([ "$current" = A ] && echo "$SHA_A" || echo "$SHA_B")
check=0; "$SHOWNOTES" index "$LIVE/src/Feeds" "$LIVE/src/corpus" --index "$INDEX" --cache "$CACHE" --check > /dev/null || check=$?
log "final uninterrupted build: $summary"
log "final: $left temporary files left, bytes $([ "$sha" = "$expected" ] && echo "identical to reference $current" || echo DIFFERENT), index --check exit $check"

log ""
log "RESULT: $kills builds killed with SIGKILL ($attempts started, $finished finished before their kill moment)"
log "  after every build (killed or finished) the index was byte-identical to the old or the new reference: $old old, $new new"
log "  search \"$QUERY\" after every build: $attempts/$attempts correct; during builds: $searches searches, $search_failures failed"
log "  temporary files left by killed builds (seen after kills, removed by the next build): $leftovers_seen"
if [ "$kills" -ge 50 ] && [ "$search_failures" -eq 0 ] && [ "$left" -eq 0 ] && [ "$sha" = "$expected" ] && [ "$check" -eq 0 ]; then
    log "PASS"
    status=0
else
    log "FAIL"
    status=1
fi
mkdir -p "$(dirname "$OUT")"
cp "$WORK/log" "$OUT"
exit $status
