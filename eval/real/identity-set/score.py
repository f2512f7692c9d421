#!/usr/bin/env python3
"""Score a cadasto build on the identity-server sample set.

usage: score.py <scans-dir>
<scans-dir> holds one `cadasto scan <codebase> --format json --output <scans-dir>/<codebase>.json` per code base
named in cases.tsv (the `codebase` column is the folder name the code base was extracted to).
A secret counts as found when any finding lands on its (path, line); `rule-as-expected` also needs the expected rule.
A trap is hit when any finding lands on its line. Prints the figures; exit 0."""
import csv, json, os, sys
from collections import Counter, defaultdict

here = os.path.dirname(os.path.abspath(__file__))
cases = list(csv.DictReader(open(os.path.join(here, "cases.tsv")), delimiter="\t"))
scans = sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__)
found = defaultdict(set)
for cb in sorted({c["codebase"] for c in cases}):
    path = os.path.join(scans, cb + ".json")
    if not os.path.exists(path):
        print(f"no scan for {cb} ({path}): its cases count as not reported")
        continue
    for f in json.load(open(path))["findings"]:
        found[(cb, f["path"], int(f["line"]))].add(f["ruleId"])
secrets = [c for c in cases if c["expected"] != "trap"]
traps = [c for c in cases if c["expected"] == "trap"]
def rules(c): return found.get((c["codebase"], c["path"], int(c["line"])), set())
hit = [c for c in secrets if rules(c)]
exact = [c for c in secrets if c["expected"] in rules(c)]
spec = [c for c in secrets if c["spec_covers"] == "yes"]
spec_hit = [c for c in spec if rules(c)]
trap_hit = [c for c in traps if rules(c)]
print(f"secrets found: {len(hit)}/{len(secrets)} = {len(hit)/len(secrets):.3f} (rule as expected: {len(exact)})")
print(f"secrets the SPEC covers found: {len(spec_hit)}/{len(spec)} = {len(spec_hit)/len(spec):.3f}")
print(f"traps hit: {len(trap_hit)}/{len(traps)}")
print("missed by expected rule:", dict(Counter(c["expected"] for c in secrets if not rules(c))))
for c in trap_hit:
    print(f"  trap hit: {c['codebase']} {c['path']}:{c['line']} ({c['reason']})")
