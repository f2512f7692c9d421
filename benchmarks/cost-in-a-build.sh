#!/usr/bin/env bash
# The cost of the Cadasto analyzers in a real, cold compile: the compiler (csc, a fresh process each time, as in a
# build without the compiler server) run over the same sources with the SDK's own analyzers and generators, once
# without and once with Cadasto.Analyzers.dll, in alternating order, ROUNDS times. Each run's CPU time (user + sys)
# is measured with /usr/bin/time; a round's figure is (with - without) / without. Not part of .ci/run.
#
#   benchmarks/cost-in-a-build.sh <folder of .cs files> [rounds=8] [lang-version=latest] [define;define…]
#
# Newtonsoft.Json (its net8.0 constants), from the repository root:
#   defines=$(grep -A2 "'\$(TargetFramework)'=='net8.0'" <nj>/Src/Newtonsoft.Json/Newtonsoft.Json.csproj \
#     | grep -o '<DefineConstants>[^<]*' | sed 's/<DefineConstants>//; s/\$(AdditionalConstants)//')
#   benchmarks/cost-in-a-build.sh <nj>/Src/Newtonsoft.Json 8 9.0 "$defines"
# The generated 100,000 lines:
#   dotnet benchmarks/Cadasto.Analyzers.Benchmarks/bin/Release/net10.0/Cadasto.Analyzers.Benchmarks.dll -generate /tmp/gen100k
#   benchmarks/cost-in-a-build.sh /tmp/gen100k 8
# CADASTO_COMPARE_ANALYZER=<file> adds a third compile per round with that file in place of the build's assembly (e.g. a
# ReadyToRun image of it, docs/performance.md "Session 10"); the three runs of a round rotate their order.
# CADASTO_REPORT_ANALYZER=1 passes /reportanalyzer to every run and adds the compiler's own figure for Cadasto.Analyzers
# (its "Time (s)" line: the analyzer's callbacks, summed over threads) after each round.
set -euo pipefail

sources=$(cd "${1:?usage: cost-in-a-build.sh <folder> [rounds] [lang-version] [defines]}" && pwd)
rounds=${2:-8}
langversion=${3:-latest}
defines=${4:-}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/cadasto-cost.XXXXXX)

dotnet build "$root/src/Cadasto.Analyzers" -c Release -v:q -nologo >/dev/null
analyzer=$(ls "$root"/src/Cadasto.Analyzers/bin/Release/netstandard2.0/Cadasto.Analyzers.dll)

cat > "$work/Cost.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <LangVersion>$langversion</LangVersion>
    <Nullable>enable</Nullable>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <DefineConstants>\$(DefineConstants);$defines</DefineConstants>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS1591;SYSLIB0011;SYSLIB0050;SYSLIB0051</NoWarn>
    <UseSharedCompilation>false</UseSharedCompilation>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$sources/**/*.cs" Exclude="$sources/**/bin/**;$sources/**/obj/**" />
    <Analyzer Include="$analyzer" />
  </ItemGroup>
</Project>
EOF

# One build to learn the compiler's command line (references, the SDK's analyzers, options).
(cd "$work" && dotnet build -c Release -v:d -nologo > build.log 2>&1) || { echo "the build failed: $work/build.log" >&2; exit 2; }
csc=$(grep -o '/[^ ]*/Roslyn/bincore/csc ' "$work/build.log" | head -1 | sed 's/ $//').dll
python3 - "$work" <<'EOF'
import os, shlex, sys
work = sys.argv[1]
line = next(l for l in open(work + "/build.log") if "/Roslyn/bincore/csc " in l)
args = shlex.split(line.strip())[1:]
keep = [a for a in args if a != "/noconfig" and not a.startswith(("/out:", "/refout:", "/errorlog:", "/reportanalyzer"))]
if os.environ.get("CADASTO_REPORT_ANALYZER"):
    keep.append("/reportanalyzer")
quote = lambda a: '"' + a + '"' if " " in a else a
ours = lambda a: a.startswith("/analyzer:") and a.endswith("Cadasto.Analyzers.dll")
compare = os.environ.get("CADASTO_COMPARE_ANALYZER")
variants = {"with": keep, "without": [a for a in keep if not ours(a)]}
if compare:
    variants["other"] = [("/analyzer:" + os.path.abspath(compare)) if ours(a) else a for a in keep]
for name, chosen in variants.items():
    open(f"{work}/{name}.rsp", "w").write("\n".join(quote(a) for a in chosen + ["/out:" + work + "/out.dll"]) + "\n")
EOF

echo "sources: $sources ($(find "$sources" -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' | xargs cat | wc -l) lines); compiler: $csc"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
compare=${CADASTO_COMPARE_ANALYZER:-}
if [[ -n "$compare" ]]; then
  echo "other: $compare"
  echo "round | without (s CPU) | with (s CPU) | analyzers (s) | ratio | other (s CPU) | analyzers (s) | ratio"
else
  echo "round | without (s CPU) | with (s CPU) | analyzers (s) | ratio"
fi
run() { (cd "$work" && /usr/bin/time -f "%U %S" -o "$work/time" dotnet "$csc" "@$1.rsp" > "$work/$1.out" 2>&1) || true; awk '{ printf "%.2f", $1 + $2 }' "$work/time"; }
# The compiler's /reportanalyzer seconds for Cadasto.Analyzers in this round's runs (with, other), when asked for.
reported() {
  if [[ -n "${CADASTO_REPORT_ANALYZER:-}" ]]; then
    printf " | reported:"
    for name in with ${compare:+other}; do printf " %s %s s" "$name" "$(awk '/ Cadasto\.Analyzers, Version=/ { print $1; exit }' "$work/$name.out")"; done
  fi
  echo
}
for i in $(seq 0 $((rounds - 1))); do
  if [[ -n "$compare" ]]; then
    case $(( i % 3 )) in
      0) a=$(run without); b=$(run with); c=$(run other) ;;
      1) b=$(run with); c=$(run other); a=$(run without) ;;
      2) c=$(run other); a=$(run without); b=$(run with) ;;
    esac
    awk -v i="$i" -v a="$a" -v b="$b" -v c="$c" 'BEGIN { printf "%5d | %15.2f | %12.2f | %13.2f | %5.1f %% | %13.2f | %13.2f | %5.1f %%", i, a, b, b - a, 100 * (b - a) / a, c, c - a, 100 * (c - a) / a }'
    reported
    continue
  fi
  if (( i % 2 == 0 )); then a=$(run without); b=$(run with); else b=$(run with); a=$(run without); fi
  awk -v i="$i" -v a="$a" -v b="$b" 'BEGIN { printf "%5d | %15.2f | %12.2f | %13.2f | %5.1f %%", i, a, b, b - a, 100 * (b - a) / a }'
  reported
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h "error" "$work/with.out" ${compare:+"$work/other.out"} | head -3 || true
rm -rf "$work"
