#!/usr/bin/env bash
# Start-up and throughput of calc against bc, with hyperfine (apt install hyperfine bc).
# Not part of CI: timings on a shared machine are noise for a pass/fail gate.
#
#   bash .ci/measure.sh [CALC_BINARY]     (default: publish one into .ci-work/measure)
#
# Prints, per round, the medians and their ratio calc/bc, then the median ratio, for:
#   exec   both started directly, no shell (hyperfine -N): `calc 1+2` vs `bc FILE` (FILE holds
#          `1+2` and `quit`)
#   shell  both through the same shell, as users type them: `sh -c 'calc 1+2'` vs
#          `sh -c 'echo 1+2 | bc'`, run with -N too (hyperfine's own shell-time subtraction is
#          unreliable below 5 ms and gave negative bc times here)
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

printf '1+2\nquit\n' >"$OUT/one.bc"   # quit: bc must not wait on stdin
seq 20000 | awk '{ printf "%d*3+%d/7\n", $1, $1 }' >"$OUT/bulk.txt"

# Median wall times of every command in one hyperfine export, one line per command.
medians() { awk -F': ' '/"median"/ { gsub(/,/, "", $2); print $2 }' "$1"; }
ratio() { awk -v c="$1" -v b="$2" 'BEGIN { printf "%.2f", c / b }'; }

# The machine is shared: load moves medians by tens of percent from minute to minute. Each
# pair is measured ROUNDS times (calc and bc back to back in one hyperfine run, order
# alternating), and the median of the per-round ratios is the result.
ROUNDS=${ROUNDS:-5}
H=(hyperfine --style none --warmup 20 --min-runs 300)
pair() { # NAME SHELL-FLAG CALC-COMMAND BC-COMMAND
    local name=$1 flag=$2 calc=$3 bc=$4 r c b ratios=()
    for r in $(seq "$ROUNDS"); do
        if ((r % 2)); then
            "${H[@]}" $flag --export-json "$OUT/$name.json" "$calc" "$bc" >/dev/null 2>&1
            { read -r c; read -r b; } < <(medians "$OUT/$name.json")
        else
            "${H[@]}" $flag --export-json "$OUT/$name.json" "$bc" "$calc" >/dev/null 2>&1
            { read -r b; read -r c; } < <(medians "$OUT/$name.json")
        fi
        ratios+=("$(ratio "$c" "$b")")
        awk -v n="$name" -v r="$r" -v c="$c" -v b="$b" \
            'BEGIN { printf "%-6s round %d: calc %6.2f ms  bc %6.2f ms  calc/bc %.2f\n", n, r, c * 1000, b * 1000, c / b }'
    done
    printf '%-6s median calc/bc over %d rounds: %s\n' "$name" "$ROUNDS" \
        "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')"
}

uptime
pair exec -N "$CALC 1+2" "bc $OUT/one.bc"
pair shell -N "sh -c '$CALC 1+2'" "sh -c 'echo 1+2 | bc'"
ROUNDS=1
H=(hyperfine --style none --warmup 2 --min-runs 15)
pair bulk -N "sh -c '$CALC < $OUT/bulk.txt'" "sh -c 'bc < $OUT/bulk.txt'"
