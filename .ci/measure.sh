#!/usr/bin/env bash
# Start-up and throughput of calc against bc, with hyperfine (apt install hyperfine bc).
# Not part of CI: timings on a shared machine are noise for a pass/fail gate.
#
#   bash .ci/measure.sh [CALC_BINARY]     (default: publish one into .ci-work/measure)
#
# Prints the medians and the ratio calc/bc of medians for:
#   exec   both started directly, no shell (hyperfine -N): `calc 1+2` vs `bc FILE` (FILE holds
#          1+2; bc then reads stdin, which hyperfine connects to /dev/null)
#   shell  both through the same shell, as users type them: `calc 1+2` vs `echo 1+2 | bc`
#          (hyperfine subtracts its measured shell spawn time from both)
#   bulk   both reading the same 20,000-line file on stdin: `calc < FILE` vs `bc < FILE`
set -Eeuo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/.ci-work/measure
mkdir -p "$OUT"
for tool in hyperfine bc; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool missing (apt-get install -y hyperfine bc)"; exit 1; }
done

CALC=${1:-}
if [[ -z $CALC ]]; then
    dotnet publish "$ROOT/Calculator.Cli/Calculator.Cli.csproj" -c Release -r linux-x64 -o "$OUT/publish" -v q -nologo >/dev/null
    CALC=$OUT/publish/calc
fi
CALC=$(readlink -f -- "$CALC")
echo "calc: $CALC, $(stat -c %s "$CALC") bytes"
echo "$("$CALC" '1+2') = calc 1+2; $(echo 1+2 | bc) = bc"

printf '1+2\n' >"$OUT/one.bc"
seq 20000 | awk '{ printf "%d*3+%d/7\n", $1, $1 }' >"$OUT/bulk.txt"

median() { awk -F': ' '/"median"/ { gsub(/,/, "", $2); print $2; exit }' "$1"; }
compare() { # NAME JSON-CALC JSON-BC
    local c b; c=$(median "$2"); b=$(median "$3")
    awk -v n="$1" -v c="$c" -v b="$b" \
        'BEGIN { printf "%-6s calc %8.2f ms   bc %8.2f ms   calc/bc %.2f\n", n, c * 1000, b * 1000, c / b }'
}

H=(hyperfine --style basic --warmup 20 --min-runs 200)
"${H[@]}" -N --export-json "$OUT/exec-calc.json" "$CALC 1+2"
"${H[@]}" -N --export-json "$OUT/exec-bc.json" "bc $OUT/one.bc"
"${H[@]}" --export-json "$OUT/shell-calc.json" "$CALC 1+2"
"${H[@]}" --export-json "$OUT/shell-bc.json" 'echo 1+2 | bc'
B=(hyperfine --style basic --warmup 2 --min-runs 10)
"${B[@]}" --export-json "$OUT/bulk-calc.json" "$CALC < $OUT/bulk.txt"
"${B[@]}" --export-json "$OUT/bulk-bc.json" "bc < $OUT/bulk.txt"

echo "== medians"
compare exec "$OUT/exec-calc.json" "$OUT/exec-bc.json"
compare shell "$OUT/shell-calc.json" "$OUT/shell-bc.json"
compare bulk "$OUT/bulk-calc.json" "$OUT/bulk-bc.json"
