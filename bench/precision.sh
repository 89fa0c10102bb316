#!/usr/bin/env bash
# calc against mpmath (pure-Python backend), bc -l and apcalc at 1 000, 10 000 and 100 000
# digits: see "High precision" in docs/performance.md. Settings by environment: CALC (measure
# this binary, skip the build), DIGITS ("1000 10000 100000"), ROUNDS (3; LARGE_ROUNDS, 1, at
# 100 000 digits), MPMATH_TIMEOUT (120 s), BC_TIMEOUT (20 s per
# bc -l or apcalc run; they are not run at 100 000 digits), WORK (bench/out).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$ROOT/bench/out}
mkdir -p "$WORK"

# mpmath for the system Python; clang and lld for the AOT link.
missing=()
/usr/bin/python3 -c 'import mpmath' 2>/dev/null || missing+=(python3-mpmath)
command -v bc >/dev/null || missing+=(bc)
if [ -z "${CALC:-}" ]; then
    command -v clang >/dev/null || missing+=(clang)
    command -v ld.lld >/dev/null || missing+=(lld)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -z "${CALC:-}" ]; then
    . "$ROOT/bench/publish-aot.sh"
    publish_aot "$WORK/calc-aot"
fi

CALC=$CALC OUT=$WORK/precision.md PYTHON=/usr/bin/python3 MPMATH_NOGMPY=1 \
    /usr/bin/python3 "$ROOT/bench/precision.py"
