#!/usr/bin/env python3
"""Plain-text parse throughput benchmark (a benchmark, not a test).

    python3 Benchmarks/parse_throughput.py            # writes Benchmarks/results/parse_throughput.txt

1. Builds release: `swift build -c release --scratch-path .build-perf` (skip with --no-build).
2. Generates the corpus with ../shared/bench/gen_corpus.py (--episodes 10000 --seed 1) into
   --corpus (default /tmp/c10k) unless it is already there (needs wordfreq 3.1.1 from pip).
3. Times, on ONE core (`taskset -c 0`), --runs times each, and reports the median MB/s over
   the bytes of the corpus's `txt/` folder:
   - pure parse: `parse-bench DIR/txt` — files read into memory first, then decoded and
     parsed exactly as `shownotes parse` does (`SourceReader.readNotes`), nothing printed;
   - parse from disk: `parse-bench DIR/txt --from-disk` — the same, file reading included;
   - the CLI: `shownotes parse DIR/txt --json > /dev/null` — wall time of the process
     (start-up, folder walk, reading, parsing, JSON output).
   parse-bench also gives MB/s by the thread's CPU time: on a shared, saturated machine
   (where even a niced process pinned to a core gets about half of it) that is the figure
   that measures the code; the wall-clock median measures the machine as well.
4. Checks the JSON output against DIR/ground_truth.jsonl: every chapter (start time and
   title), and of every episode the title, the takeaways, the summary (intro first), the
   podcast, the date and the people (the guest, and nobody else); mismatches are listed.

The report is printed and written to --report (default Benchmarks/results/parse_throughput.txt).
Exit status 1 when a ground-truth chapter is missing.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GENERATOR = os.path.join(os.path.dirname(REPO), "shared", "bench", "gen_corpus.py")


def build(scratch):
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", scratch], cwd=REPO, check=True)


def ensure_corpus(corpus):
    if os.path.exists(os.path.join(corpus, "ground_truth.jsonl")) and os.path.isdir(os.path.join(corpus, "txt")):
        return
    subprocess.run([sys.executable, GENERATOR, "--episodes", "10000", "--seed", "1", "--out", corpus], check=True)


def folder_bytes(folder):
    total = 0
    for root, _, files in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(root, name)) for name in files if name.endswith(".txt"))
    return total


def pinned(command):
    """`command` on core 0."""
    return ["taskset", "-c", "0"] + command


def bench_runs(binary, folder, extra, runs):
    """MB/s of each run of parse-bench, as it reports them: wall time and the thread's CPU time."""
    rates, cpu_rates = [], []
    for _ in range(runs):
        line = subprocess.run(pinned([binary, folder, *extra]), check=True,
                              capture_output=True, text=True).stdout.strip()
        rates.append(float(re.search(r" mbps=([0-9.]+)", line).group(1)))
        cpu_rates.append(float(re.search(r"cpu_mbps=([0-9.]+)", line).group(1)))
    return rates, cpu_rates, line


def cli_runs(binary, folder, runs, size):
    """MB/s of each `shownotes parse --json > /dev/null` run (wall time of the whole process)."""
    rates = []
    for _ in range(runs):
        with open(os.devnull, "w") as null:
            started = time.perf_counter()
            subprocess.run(pinned([binary, "parse", folder, "--json"]), stdout=null, check=True)
            rates.append(size / 1e6 / (time.perf_counter() - started))
    return rates


def check_ground_truth(binary, corpus, folder):
    """Compares `parse --json` with ground_truth.jsonl; returns (report lines, missing chapters)."""
    output = subprocess.run([binary, "parse", folder, "--json"], check=True, capture_output=True, text=True).stdout
    parsed = {}
    for line in output.splitlines():
        episode = json.loads(line)
        parsed[os.path.relpath(episode["source"], corpus)] = episode
    episodes = chapters = missing = extra = 0
    fields = {}
    examples = []
    with open(os.path.join(corpus, "ground_truth.jsonl"), encoding="utf-8") as truth_file:
        for line in truth_file:
            truth = json.loads(line)
            episodes += 1
            episode = parsed.get(truth["file"])
            if episode is None:
                missing += len(truth["chapters"])
                examples.append(f"  not parsed: {truth['file']}")
                continue
            found = [(round(c["startTime"], 3), c["title"]) for c in episode["chapters"]]
            expected = [(round(float(c["seconds"]), 3), c["title"]) for c in truth["chapters"]]
            chapters += len(expected)
            for chapter in expected:
                if chapter not in found:
                    missing += 1
                    if len(examples) < 20:
                        examples.append(f"  missing chapter: {truth['file']}: {chapter}")
            extra += sum(1 for chapter in found if chapter not in expected)
            summary = "\n\n".join(([truth["intro"]] if truth.get("intro") else []) + (truth["summary"] or []))
            people = [person["name"] for person in episode["people"]]
            for field, ours, theirs in [
                ("title", episode["title"], truth["title"]),
                ("takeaways", episode["takeaways"], truth["takeaways"]),
                ("summary", episode["summary"], summary),
                ("podcast", episode["podcast"], truth["podcast"]),
                ("date", (episode["published"] or "")[:10], truth["published"]),
                ("people", people, [truth["guest"]] if truth.get("guest") else []),
            ]:
                if ours != theirs:
                    fields[field] = fields.get(field, 0) + 1
                    if fields[field] <= 3:
                        examples.append(f"  {field}: {truth['file']}: expected {theirs!r}, got {ours!r}"[:300])
    lines = [
        f"ground truth: {episodes} episodes, {chapters} chapters",
        f"  chapters recovered (start time and title): {chapters - missing}/{chapters}; missing {missing}; "
        f"extra (not in ground truth) {extra}",
    ] + [f"  {field} matching: {episodes - fields.get(field, 0)}/{episodes}"
         for field in ["title", "takeaways", "summary", "podcast", "date", "people"]]
    if examples:
        lines.append("  first mismatches:")
        lines += examples
    return lines, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="/tmp/c10k")
    parser.add_argument("--scratch-path", default=".build-perf")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--baseline", help="another build's parse-bench (say, of the parser before a change), "
                                           "timed the same way for comparison")
    parser.add_argument("--report", default=os.path.join(HERE, "results", "parse_throughput.txt"))
    args = parser.parse_args()

    if not args.no_build:
        build(args.scratch_path)
    ensure_corpus(args.corpus)
    release = os.path.join(REPO, args.scratch_path, "release")
    bench, shownotes = os.path.join(release, "parse-bench"), os.path.join(release, "shownotes")
    folder = os.path.join(args.corpus, "txt")
    size = folder_bytes(folder)

    load_before = os.getloadavg()[0]
    pure, pure_cpu, last = bench_runs(bench, folder, [], args.runs)
    base, base_cpu, _ = bench_runs(args.baseline, folder, [], args.runs) if args.baseline else ([], [], None)
    disk, disk_cpu, _ = bench_runs(bench, folder, ["--from-disk"], args.runs)
    cli = cli_runs(shownotes, folder, args.runs, size)
    load_after = os.getloadavg()[0]
    check, missing = check_ground_truth(shownotes, args.corpus, folder)

    def row(name, rates, command, cpu_rates=None):
        runs = " ".join(f"{rate:.1f}" for rate in rates)
        cpu = f"; by CPU time {statistics.median(cpu_rates):.1f} MB/s median" if cpu_rates else ""
        return f"{name:<24}{statistics.median(rates):7.1f} MB/s median   (runs: {runs}{cpu})\n    {command}"

    report = [
        "parse throughput, plain text, one core",
        f"corpus: {folder} ({size / 1e6:.1f} MB; gen_corpus.py --episodes 10000 --seed 1)",
        f"machine: {os.cpu_count()} cores, shared (load average {load_before:.1f} before, {load_after:.1f} after); "
        f"every command pinned with taskset -c 0; {args.runs} runs each",
        f"parse-bench: {last}",
        "",
        row("pure parse", pure, " ".join(pinned([f"{args.scratch_path}/release/parse-bench", folder])), pure_cpu),
        *([row("baseline pure parse", base, " ".join(pinned([args.baseline, folder])), base_cpu)] if base else []),
        row("parse from disk", disk, " ".join(pinned([f"{args.scratch_path}/release/parse-bench", folder, "--from-disk"])), disk_cpu),
        row("shownotes parse --json", cli, " ".join(pinned([f"{args.scratch_path}/release/shownotes", "parse", folder, "--json"])) + " > /dev/null"),
        "",
        *check,
    ]
    text = "\n".join(report) + "\n"
    print(text, end="")
    os.makedirs(os.path.dirname(args.report), exist_ok=True)
    with open(args.report, "w", encoding="utf-8") as out:
        out.write(text)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
