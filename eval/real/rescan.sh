#!/usr/bin/env bash
# Rescan a judged code base and diff the findings against its judgements.
#
#   eval/real/rescan.sh <slug> <codebase-folder> [cli-dll | report.json]
#
# <slug>            folder eval/real/<slug>/ holding findings.tsv and misses.tsv
# <codebase-folder> the code base's work tree (outside this repository)
# third argument    a Cadasto.Cli.dll to scan with, or an existing `scan --format json` report
#                   to diff without scanning; absent: src/Cadasto.Cli is built (Release) and used.
#
# Prints: still-reported true/false/doubtful, judged findings now gone, NEW findings with no
# judgement (to judge), misses now reported, misses still missed, false findings still reported,
# precision and recall. Always exits 0 unless the
# arguments are wrong (2). Not part of CI. Needs python3.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 <slug> <codebase-folder> [cli-dll | report.json]" >&2
  exit 2
fi

slug=$1
codebase=$2
third=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dir="$here/$slug"

[[ -f "$dir/findings.tsv" ]] || { echo "no $dir/findings.tsv" >&2; exit 2; }
[[ -d "$codebase" ]] || { echo "no folder $codebase" >&2; exit 2; }

report=""
if [[ "$third" == *.json ]]; then
  [[ -f "$third" ]] || { echo "no report $third" >&2; exit 2; }
  report=$third
else
  cli=$third
  if [[ -z "$cli" ]]; then
    echo "building src/Cadasto.Cli (Release)..." >&2
    dotnet build "$repo/src/Cadasto.Cli/Cadasto.Cli.csproj" -c Release -nologo -v q >&2
    cli=$(find "$repo/src/Cadasto.Cli/bin/Release" -name 'Cadasto.Cli.dll' -o -name 'cadasto.dll' | head -n 1)
  fi
  [[ -f "$cli" ]] || { echo "no CLI dll $cli" >&2; exit 2; }
  report=$(mktemp --suffix=.json)
  trap 'rm -f "$report"' EXIT
  echo "load: $(uptime)" >&2
  start=$(date +%s)
  # exit 1 means "error-severity findings": expected here, not a failure of the script
  dotnet "$cli" scan "$codebase" --format json --output "$report" --no-progress --no-prefilter || [[ $? -eq 1 ]]
  echo "scan wall time: $(( $(date +%s) - start )) s" >&2
fi

python3 - "$dir" "$report" <<'PY'
import csv, json, sys
from collections import Counter

folder, report = sys.argv[1], sys.argv[2]

def rows(name):
    try:
        with open(f"{folder}/{name}", newline="") as f:
            return list(csv.DictReader(f, delimiter="\t"))
    except FileNotFoundError:
        return []

# one expression can give several findings on one line (same path, rule, line): match them as multisets
judged = {}
for r in rows("findings.tsv"):
    judged.setdefault((r["path"], r["rule"], int(r["line"])), []).append(r)
misses = rows("misses.tsv")
with open(report) as f:
    found = json.load(f)["findings"]
now = {}
for f in found:
    now.setdefault((f["path"], f["ruleId"], int(f["line"])), []).append(f)

still, gone, new = Counter(), [], []
err = Counter()
for k in set(judged) | set(now):
    j, n = judged.get(k, []), now.get(k, [])
    for r, f in zip(j, n):
        still[r["verdict"]] += 1
        if f["severity"] == "error":
            err[r["verdict"]] += 1
    gone += j[len(n):]
    new += n[len(j):]
at = {(f["path"], int(f["line"])): f["ruleId"] for f in found}
judged_rows = [r for rs in judged.values() for r in rs]
# recall is over hard-coded credentials: true findings of the credential rules, plus the misses
CREDENTIAL_RULES = {"CDS1001", "CDS1002", "CDS1003", "CDS1004", "CDS2001"}
# A miss found by a later run and judged then (a findings.tsv row marked true on its line) is one credential, not two:
# counted once, as the judged row.
judged_true_lines = {(r["path"], int(r["line"])) for r in judged_rows if r["verdict"] == "true" and r["rule"] in CREDENTIAL_RULES}
listed_misses = misses
misses = [m for m in listed_misses if (m["path"], int(m["line"])) not in judged_true_lines]
found_misses = [m for m in misses if (m["path"], int(m["line"])) in at]

def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"

print(f"judged findings: {len(judged_rows)}; reported now: {len(found)}")
print(f"still reported: true {still['true']}, false {still['false']}, doubtful {still['doubtful']}")
print(f"judged findings now gone: {len(gone)}")
for g in sorted(gone, key=lambda r: (r["verdict"], r["path"], int(r["line"]))):
    print(f"  gone  {g['verdict']:8} {g['rule']} {g['path']}:{g['line']}  ({g['reason']})")
print(f"NEW findings with no judgement (to judge): {len(new)}")
for n in sorted(new, key=lambda f: (f["path"], int(f["line"]))):
    print(f"  new   {n['ruleId']} {n['severity']:7} {n['path']}:{n['line']}")
print(f"misses now reported: {len(found_misses)} of {len(misses)}"
      + (f" ({len(listed_misses) - len(misses)} listed misses left out: judged true in findings.tsv, counted there)"
         if len(listed_misses) != len(misses) else ""))
for m in found_misses:
    print(f"  found {at[(m['path'], int(m['line']))]} (expected {m['expected_rule']}) {m['path']}:{m['line']}")
missed_now = [m for m in misses if (m["path"], int(m["line"])) not in at]
print(f"misses still missed: {len(missed_now)}")
for m in sorted(missed_now, key=lambda m: (m["spec_covers"] != "yes", m["path"], int(m["line"]))):
    print(f"  missed spec={m['spec_covers']:3} {m['expected_rule']} {m['path']}:{m['line']}  ({m['reason']})")
false_now = [r for k in judged for r in judged[k][:len(now.get(k, []))] if r["verdict"] == "false"]
print(f"false findings still reported: {len(false_now)}")
for r in sorted(false_now, key=lambda r: (r["path"], int(r["line"]))):
    print(f"  false {r['rule']} {r['severity']:7} {r['path']}:{r['line']}  ({r['reason']})")

tp, fp, dq = still["true"], still["false"], still["doubtful"]
print(f"precision (judged findings only): {ratio(tp, tp + fp)} with doubtful apart; "
      f"{ratio(tp, tp + fp + dq)} doubtful as false; {ratio(tp + dq, tp + fp + dq)} doubtful as true")
print(f"precision over error-severity: {ratio(err['true'], err['true'] + err['false'])} "
      f"(true {err['true']}, false {err['false']}, doubtful {err['doubtful']})")
# One credential per line (one finding per literal): a line judged true under one rule and reported now under another
# (CDS1001 -> CDS1002 when a sink stops resolving; CDS1003 -> CDS1002 by precedence) is one credential, still found.
# CDS2001 also reports a secret a public client reads at run time: no hard-coded credential. Where the hunt was written
# before the scan (hunt.tsv), a CDS2001 line counts only if the hunt holds a secret on it.
hunted_secrets = {(h["path"], int(h["line"])) for h in rows("hunt.tsv") if h.get("kind") == "secret"}
def is_credential(r):
    if r["verdict"] != "true" or r["rule"] not in CREDENTIAL_RULES:
        return False
    return r["rule"] != "CDS2001" or not rows("hunt.tsv") or (r["path"], int(r["line"])) in hunted_secrets
true_lines = {(r["path"], int(r["line"])) for r in judged_rows if is_credential(r)}
reported_lines = {(f["path"], int(f["line"])) for f in found if f["ruleId"] in CREDENTIAL_RULES}
tp_cred = len(true_lines & reported_lines)
total_true = len(true_lines) + len(misses)
print(f"recall: {ratio(tp_cred + len(found_misses), total_true)} "
      f"(true credentials still reported {tp_cred} + misses now reported {len(found_misses)} "
      f"of {total_true} known hard-coded credentials, one per line)")
covered = [m for m in misses if m["spec_covers"] == "yes"]
covered_found = sum(1 for m in covered if (m["path"], int(m["line"])) in at)
total_cov = len(true_lines) + len(covered)
print(f"recall over what the SPEC covers: {ratio(tp_cred + covered_found, total_cov)} ({tp_cred + covered_found} of {total_cov})")
PY
exit 0
