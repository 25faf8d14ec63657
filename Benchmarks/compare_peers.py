#!/usr/bin/env python3
"""Reads a peers.py results.json that includes our run and checks the index issue's targets:
same hit counts as FTS5 and tantivy through `search --count`, index size against tantivy's
text-once ("split") builds, build time against tantivy's split build with default threads,
and whole-process query medians against the best peer (geometric mean too)."""
import json, math, subprocess, sys

QUERIES = [("common", "people"), ("rare", "cathedral"), ("and2", "injury recovery"),
           ("phrase", '"team culture"'), ("prefix", "nutri*"), ("and4", "mental health sleep habits"),
           ("zero", "kombucha")]

def main():
    results, binary, index = sys.argv[1], sys.argv[2], sys.argv[3]
    R = json.load(open(results))
    Q, ours = R["queries"], R["ours"]
    print("\n## Checks against the index issue's targets\n")
    print("| query | ours --count | fts5 hits | tantivy hits | same |")
    print("|---|---|---|---|---|")
    same_all = True
    for name, query in QUERIES:
        # One argument, quotes included: what peers.py's template passes (shlex.quote of the query).
        out = subprocess.run([binary, "search", "--index", index, "--count", query],
                             capture_output=True, text=True).stdout.strip()
        ours_hits = int(out or -1)
        f, t = Q["fts5"][name]["hits"], Q["tantivy"][name]["hits"]
        same = ours_hits == f == t
        same_all &= same
        print(f"| `{query}` | {ours_hits:,} | {f:,} | {t:,} | {'yes' if same else 'NO'} |")
    B = R["builds"]
    split = min(B[k]["bytes"] for k in B if k.startswith("tantivy/split"))
    size = ours["build"]["bytes"]
    tantivy_split_default = B.get("tantivy/split/default", {}).get("build_s")
    print()
    print(f"- index size: {size / 1e6:.1f} MB = {size / split:.2f} x the smaller tantivy split index "
          f"({split / 1e6:.1f} MB); target <= 0.75 x: {'met' if size <= 0.75 * split else 'NOT met'}")
    if tantivy_split_default:
        b = ours["build"]["build_s"]
        print(f"- build: {b:.2f} s vs tantivy split (default threads) {tantivy_split_default:.2f} s = "
              f"{b / tantivy_split_default:.2f} x; target <= 1.0 x: {'met' if b <= tantivy_split_default else 'NOT met'}")
    ratios = []
    worst_ok = True
    for name, query in QUERIES:
        o = ours["queries"][name]["cli"]["median_ms"]
        best = min(Q[e][name]["cli"]["median_ms"] for e in ("fts5", "tantivy") if name in Q.get(e, {}))
        ratios.append(o / best)
        limit = 1.25 if name == "zero" else 1.0
        worst_ok &= o <= limit * best and o <= 10
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"- whole-process queries: geometric mean of ours / best peer = {geo:.2f} (target <= 0.5): "
          f"{'met' if geo <= 0.5 else 'NOT met'}; every query <= best peer (1.25 x for zero hits) and <= 10 ms: "
          f"{'met' if worst_ok else 'NOT met'}")
    print(f"- hit counts identical to both peers on all 7 queries: {'yes' if same_all else 'NO'}")

main()
