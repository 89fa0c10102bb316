#!/usr/bin/env bash
# Differential test: random programs evaluated by calc and by Python's fractions (all cases)
# and GNU bc (integer-only cases), compared exactly, plus approximate results against Python's
# decimal (docs/robustness.md). A fixed seed and one fresh seed per run, DIFF_CASES exact cases
# each (default 20000) and a quarter as many approximate ones; the fresh seed is printed, and
# DIFF_SEED=n replays it. Prints PASS/FAIL and exits non-zero on any disagreement.
set -uo pipefail
cd "$(dirname "$0")/.."
work=.ci-work/differential
mkdir -p "$work"

missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v bc >/dev/null || missing+=(bc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; } >/dev/null || { echo "FAIL: differential: cannot install ${missing[*]}"; exit 1; }
fi

export DIFF_CASES="${DIFF_CASES:-20000}"
start=$(date +%s)
timeout 900 dotnet test Calculator.Tests/Calculator.Tests.csproj --filter "FullyQualifiedName~Differential" \
  --logger "console;verbosity=detailed" >"$work/test.log" 2>&1
status=$?
# Each line appears twice in the detailed log (live and in the summary): print it once.
grep -E '^ ?(differential seed=|approximate differential seed=|case [0-9]+:|seed [0-9]+ case [0-9]+:|    python:|replay:)' "$work/test.log" \
  | sed 's/^ //' | awk '!seen[$0]++'
grep -E 'error [A-Z]+[0-9]+:|Passed!|Failed!|Total tests' "$work/test.log" | head -n 20
if [ $status -eq 0 ] && grep -q 'differential seed=' "$work/test.log"; then
    total=$(grep -oE '(approximate )?differential seed=[0-9]*: [0-9]* cases' "$work/test.log" | sort -u | awk '{s += $(NF-1)} END {print s}')
  echo "PASS: differential: $total cases agree with python3 (fractions, decimal) and bc ($(( $(date +%s) - start ))s)"
  exit 0
fi
tail -n 30 "$work/test.log"
echo "FAIL: differential: calc disagrees with an oracle, or the test did not run (log: $work/test.log)"
exit 1
