#!/usr/bin/env python3
"""Big-feed benchmark for ShowNotes' streaming feed reader.

    swift build -c release --scratch-path .build-feed
    python3 Benchmarks/big_feed.py --binary .build-feed/release/shownotes

1. Generates an RSS corpus with ../shared/bench/gen_corpus.py (--format rss, --seed 1).
2. Merges every <item> of every feed into ONE <channel> (one well-formed XML document;
   concatenated feed files would not be one document) of at least --min-mb MB.
3. Runs `shownotes parse --json` on it under /usr/bin/time -v: wall time, MB/s, peak RSS.
4. Checks that every item came back and that every ground-truth chapter
   (DIR/ground_truth.jsonl: seconds and title) is among the episode's chapters.
Prints a report (also written to --report when given). Needs wordfreq (pip) for the generator.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GENERATOR = os.path.join(os.path.dirname(REPO), "shared", "bench", "gen_corpus.py")


def merge(rss_dir, out_path):
    """Writes one feed: the first feed's channel header, all items of all feeds, the footer."""
    files = sorted(f for f in os.listdir(rss_dir) if f.endswith(".xml"))
    items = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for index, name in enumerate(files):
            with open(os.path.join(rss_dir, name), encoding="utf-8") as f:
                text = f.read()
            start = text.index("<item>")
            end = text.rindex("</channel>")
            if index == 0:
                out.write(text[:start].replace("<title>", "<title>Merged: ", 1))
            body = text[start:end]
            items += body.count("<item>")
            out.write(body)
        out.write("</channel>\n</rss>\n")
    return items


def _spin(seconds, queue):
    start, cpu = time.time(), time.process_time()
    while time.time() - start < seconds:
        pass
    queue.put(time.process_time() - cpu)


def cores_free(seconds=1.0):
    """How many cores this process group gets now: on a shared machine a wall-clock speed
    says as much about the neighbours as about the parser."""
    import multiprocessing
    queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=_spin, args=(seconds, queue)) for _ in range(os.cpu_count() or 1)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(queue.get() for _ in workers) / seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(REPO, ".build-feed", "release", "shownotes"))
    ap.add_argument("--episodes", type=int, default=27000)
    ap.add_argument("--work", default="/tmp/shownotes-big-feed")
    ap.add_argument("--min-mb", type=float, default=100)
    ap.add_argument("--report")
    ap.add_argument("--runs", type=int, default=1, help="parse the feed this many times; report each run and the medians")
    ap.add_argument("--reuse", action="store_true", help="keep the merged feed from an earlier run when it exists")
    args = ap.parse_args()
    lines = []

    def say(text):
        print(text, flush=True)
        lines.append(text)

    corpus = os.path.join(args.work, "corpus")
    big = os.path.join(args.work, "big.xml")
    started = time.time()
    if args.reuse and os.path.exists(big) and os.path.exists(os.path.join(corpus, "ground_truth.jsonl")):
        with open(big, encoding="utf-8") as f:
            items = f.read().count("<item>")
        say(f"corpus: reused {big} and {corpus}")
    else:
        subprocess.run([sys.executable, GENERATOR, "--episodes", str(args.episodes), "--seed", "1", "--out", corpus,
                        "--format", "rss"], check=True, stdout=subprocess.DEVNULL)
        items = merge(os.path.join(corpus, "rss"), big)
        say(f"corpus: gen_corpus.py --episodes {args.episodes} --seed 1 --format rss ({time.time() - started:.1f} s)")
    size = os.path.getsize(big)
    say(f"merged feed: {big}: {size} bytes ({size / 1e6:.1f} MB), {items} items in one <channel>")
    if size < args.min_mb * 1e6:
        say(f"FAIL: the merged feed is under {args.min_mb} MB; raise --episodes")
        return 1

    out_path = os.path.join(args.work, "parse.jsonl")
    err_path = os.path.join(args.work, "parse.stderr")
    time_path = os.path.join(args.work, "time.txt")
    runs = []
    for run in range(max(1, args.runs)):
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            t0 = time.time()
            subprocess.run(["/usr/bin/time", "-v", "-o", time_path, args.binary, "parse", "--json", big],
                           stdout=out, stderr=err, check=False)
            wall = time.time() - t0
        timing = open(time_path).read()
        peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
        elapsed = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", timing).group(1)
        user = float(re.search(r"User time \(seconds\): (\S+)", timing).group(1))
        system = float(re.search(r"System time \(seconds\): (\S+)", timing).group(1))
        status = re.search(r"Exit status: (\d+)", timing).group(1)
        runs.append((wall, peak_kb, user + system))
        say(f"shownotes parse --json{f' (run {run + 1})' if args.runs > 1 else ''}: exit {status}, wall {wall:.2f} s "
            f"(time: {elapsed}; cpu {user + system:.2f} s), "
            f"{size / 1e6 / wall:.1f} MB/s, peak RSS {peak_kb / 1024:.1f} MiB "
            f"({peak_kb * 1024 / size * 100:.1f}% of the file)")
    if len(runs) > 1:
        wall = sorted(r[0] for r in runs)[len(runs) // 2]
        peak_kb = sorted(r[1] for r in runs)[len(runs) // 2]
        cpu = sorted(r[2] for r in runs)[len(runs) // 2]
        say(f"median of {len(runs)} runs: wall {wall:.2f} s, {size / 1e6 / wall:.1f} MB/s, cpu {cpu:.2f} s "
            f"({size / 1e6 / cpu:.1f} MB per cpu-second), peak RSS {peak_kb / 1024:.1f} MiB "
            f"({peak_kb * 1024 / size * 100:.1f}% of the file)")
    warnings = open(err_path, encoding="utf-8", errors="replace").read().splitlines()
    say(f"stderr lines: {len(warnings)}" + (f" (first: {warnings[0]})" if warnings else ""))

    truth = {}
    with open(os.path.join(corpus, "ground_truth.jsonl"), encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            truth[record["id"]] = record
    ours = {}
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            episode = json.loads(line)
            ours[episode["guid"]] = episode
    say(f"items: {len(ours)} read, {len(truth)} in the ground truth, {items} in the file")
    wanted = found = 0
    missing_examples = []
    episodes_missing = 0
    for guid, record in truth.items():
        episode = ours.get(guid)
        have = {(c["startTime"], c["title"]) for c in episode["chapters"]} if episode else set()
        lost = False
        for chapter in record["chapters"]:
            wanted += 1
            if (chapter["seconds"], chapter["title"]) in have:
                found += 1
            else:
                lost = True
                if len(missing_examples) < 5:
                    missing_examples.append(f"{guid}: {chapter['stamp']} {chapter['title']!r}")
        episodes_missing += lost
    say(f"ground-truth chapters recovered: {found} of {wanted}" + (f" ({episodes_missing} episodes incomplete)" if found != wanted else ""))
    for example in missing_examples:
        say(f"  missing: {example}")
    complete = len(ours) == len(truth) == items and found == wanted and status == "0"
    fast = size / 1e6 / wall >= 30
    small = peak_kb * 1024 < size / 2
    ok = complete and fast and small
    say(f"cores free: {cores_free():.1f} of {os.cpu_count()} (CPU-seconds two busy loops got per second just now)")
    say("RESULT: " + ("PASS" if ok else "FAIL") + f" (target: >= 30 MB/s, peak RSS well under {size / 1e6:.0f} MB; "
        f"items and chapters {'complete' if complete else 'INCOMPLETE'}, speed {'met' if fast else 'NOT met'}, "
        f"memory {'met' if small else 'NOT met'})")
    if args.report:
        os.makedirs(os.path.dirname(args.report), exist_ok=True)
        with open(args.report, "w") as f:
            f.write("\n".join(lines) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
