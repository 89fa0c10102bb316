#!/usr/bin/env bash
# Hostile statements at their limits (issue 12; docs/robustness.md): .ci/stress.py generates
# valid but expensive statements and runs each in the published binary, checking the 60 s
# statement limit (plus 1 s), the memory budget, the exit status and the error text.
#   bash .ci/stress.sh                 CI's short run (STRESS_SECONDS, default 120)
#   STRESS_SECONDS=1800 bash .ci/stress.sh    the 30-minute campaign
#   CALC=path/to/calc bash .ci/stress.sh      an existing binary instead of a new publish
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.ci-work/stress"
mkdir -p "$work"

calc="${CALC:-}"
if [ -z "$calc" ]; then
  echo "publishing calc (Native AOT, linux-x64)"
  dotnet publish Calculator.Cli -c Release -r linux-x64 -o "$work/publish" -v quiet -nologo >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; echo "FAIL: stress: publish failed"; exit 1; }
  calc="$work/publish/calc"
fi

# One fixed seed, so a regression shows the same way every run, and one fresh seed.
half=$(( ${STRESS_SECONDS:-120} / 2 ))
status=0
python3 .ci/stress.py "$calc" --seconds "$half" --seed 20261206 || status=1
python3 .ci/stress.py "$calc" --seconds "$half" || status=1
exit $status
