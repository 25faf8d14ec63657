#!/usr/bin/env python3
"""Relevance benchmark for `shownotes search`: runs every query of queries.tsv through the real
CLI (`--json`, the default options unless --args says otherwise) over an index of collection/,
and scores the results against qrels.tsv.

Metrics, per query type and overall:
  nDCG@10   gain = grade (0-3), discount log2(rank + 1), ideal from all judged grades;
  MRR@10    1 / rank of the first result graded 2 or more;
  S@1       whether the first result is graded 2 or more;
  zero      share of queries with no result at all.
A no-answer query scores 1 (nDCG, MRR, S@1) when it returns nothing, else 0.

Usage:
  python3 Benchmarks/relevance/evaluate.py [--shownotes PATH] [--index DIR] [--args "--per-episode 0"]
                                           [--report Benchmarks/results/relevance.md] [--unjudged]
The index is rebuilt from collection/ unless --reuse-index is given.
"""
import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TYPES = ["known-item", "topical", "person", "variant", "typo", "no-answer"]


def read_queries(path):
    queries = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        qid, kind, text = line.rstrip("\n").split("\t")
        assert kind in TYPES, (qid, kind)
        queries.append((qid, kind, text))
    return queries


def read_qrels(path):
    judged = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        qid, grade, source, kind, title = line.rstrip("\n").split("\t")
        judged.setdefault(qid, []).append((int(grade), source, kind, title))
    return judged


def grade_of(hit, judgments):
    for grade, source, kind, title in judgments:
        if hit["source"] != source or hit["kind"] != kind:
            continue
        if title.endswith("*") and hit["title"].startswith(title[:-1]) or hit["title"] == title:
            return grade
    return None


def search(shownotes, index, text, extra):
    command = [shownotes, "search", "--index", index, "--json", "--limit", "10"] + extra + ["--", text]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"error: {' '.join(command)} exited {run.returncode}: {run.stderr}")
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()], run.stderr.strip()


def episodes_of_moments(shownotes, collection):
    """(source, kind, title) → the episode it belongs to, from `shownotes parse --json`."""
    run = subprocess.run([shownotes, "parse", collection, "--json"], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"error: shownotes parse failed: {run.stderr}")
    owner = {}
    for number, line in enumerate(run.stdout.splitlines()):
        episode = json.loads(line)
        source = os.path.relpath(episode["source"], collection)
        keys = [("summary", "Summary")] if episode["summary"] else []
        keys += [("takeaway", t) for t in episode["takeaways"]] + [("chapter", c["title"]) for c in episode["chapters"]]
        keys += [("section", s["heading"]) for s in episode["sections"]]
        for kind, title in keys:
            owner[(source, kind, title)] = number
    return owner


def ideal_gains(judgments, per_episode, owner):
    """The best gains a list can show: every judged grade, or at most `per_episode` per episode."""
    ranked = sorted(judgments, key=lambda j: -j[0])
    if per_episode <= 0:
        return [g for g, *_ in ranked][:10]
    shown, gains = {}, []
    for grade, source, kind, title in ranked:
        episode = owner.get((source, kind, title.rstrip("*")), (source, kind, title))
        if title.endswith("*"):
            episode = next((e for (s, k, t), e in owner.items() if s == source and k == kind and t.startswith(title[:-1])), episode)
        if shown.get(episode, 0) < per_episode:
            shown[episode] = shown.get(episode, 0) + 1
            gains.append(grade)
    return gains[:10]


def dcg(gains):
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def score(kind, grades, judgments, grouped_ideal):
    """nDCG@10 against all judgments, nDCG@10 against what a grouped list can show, MRR@10, S@1."""
    if kind == "no-answer":
        ok = 1.0 if not grades else 0.0
        return ok, ok, ok, ok
    gains = [g or 0 for g in grades[:10]]
    ideal = dcg(sorted((g for g, *_ in judgments), reverse=True)[:10])
    grouped = dcg(grouped_ideal)
    first = next((i for i, g in enumerate(gains) if g >= 2), None)
    mrr = 1.0 / (first + 1) if first is not None else 0.0
    return (dcg(gains) / ideal if ideal else 0.0, dcg(gains) / grouped if grouped else 0.0, mrr,
            1.0 if first == 0 else 0.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shownotes", default=os.path.join(ROOT, ".build", "release", "shownotes"))
    parser.add_argument("--index", help="index folder (default: a temporary one)")
    parser.add_argument("--reuse-index", action="store_true", help="do not rebuild the index")
    parser.add_argument("--args", default="", help="extra search options, e.g. '--per-episode 0'")
    parser.add_argument("--report", help="write the Markdown report here")
    parser.add_argument("--label", default="default options", help="what this run is, for the report")
    parser.add_argument("--unjudged", action="store_true", help="list unjudged results in each top 10 (for judging)")
    options = parser.parse_args()

    queries = read_queries(os.path.join(HERE, "queries.tsv"))
    qrels = read_qrels(os.path.join(HERE, "qrels.tsv"))
    index = options.index or tempfile.mkdtemp(prefix="shownotes-relevance-")
    if not options.reuse_index:
        build = subprocess.run([options.shownotes, "index", os.path.join(HERE, "collection"), "--index", index],
                               capture_output=True, text=True)
        if build.returncode != 0:
            sys.exit(f"error: building the index failed: {build.stderr}")
    extra = shlex.split(options.args)
    per_episode = 3
    for position, argument in enumerate(extra):
        if argument == "--per-episode" and position + 1 < len(extra):
            per_episode = int(extra[position + 1])
        elif argument.startswith("--per-episode="):
            per_episode = int(argument.split("=", 1)[1])
    owner = episodes_of_moments(options.shownotes, os.path.join(HERE, "collection"))

    rows = []
    for qid, kind, text in queries:
        judgments = qrels.get(qid, [])
        if kind != "no-answer" and not judgments:
            sys.exit(f"error: query {qid} has no judgments")
        hits, note = search(options.shownotes, index, text, extra)
        grades = [grade_of(hit, judgments) for hit in hits]
        ndcg, grouped, mrr, s1 = score(kind, grades, judgments, ideal_gains(judgments, per_episode, owner))
        rows.append(dict(qid=qid, kind=kind, text=text, hits=len(hits), ndcg=ndcg, grouped=grouped, mrr=mrr, s1=s1, note=note,
                         unjudged=[h for h, g in zip(hits, grades) if g is None]))

    summary = []
    for kind in TYPES + ["all"]:
        chosen = [r for r in rows if kind in (r["kind"], "all")]
        if not chosen:
            continue
        mean = lambda key: sum(r[key] for r in chosen) / len(chosen)
        zero = sum(1 for r in chosen if r["hits"] == 0) / len(chosen)
        summary.append((kind, len(chosen), mean("ndcg"), mean("grouped"), mean("mrr"), mean("s1"), zero))

    cap = f"at most {per_episode} per episode" if per_episode > 0 else "no per-episode limit"
    lines = [f"Run: `{options.label}`" + (f" (`{options.args}`)" if options.args else "") + f"; ideal for nDCG@10 (grouped): {cap}", "",
             "| type | queries | nDCG@10 | nDCG@10 (grouped) | MRR@10 | S@1 | zero-result rate |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for kind, count, ndcg, grouped, mrr, s1, zero in summary:
        name = "**all**" if kind == "all" else kind
        lines.append(f"| {name} | {count} | {ndcg:.3f} | {grouped:.3f} | {mrr:.3f} | {s1:.3f} | {zero:.3f} |")
    lines += ["", "| query | type | text | hits | nDCG@10 | nDCG@10 (grouped) | MRR@10 | stderr |",
              "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        text = r["text"].replace("|", "\\|")
        note = r["note"].replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {r['qid']} | {r['kind']} | `{text}` | {r['hits']} | {r['ndcg']:.3f} | {r['grouped']:.3f} | {r['mrr']:.3f} | {note} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if options.unjudged:
        for r in rows:
            for hit in r["unjudged"]:
                print(f"UNJUDGED {r['qid']}\t?\t{hit['source']}\t{hit['kind']}\t{hit['title']}", file=sys.stderr)
    if options.report:
        with open(options.report, "w", encoding="utf-8") as out:
            out.write(report)


if __name__ == "__main__":
    main()
