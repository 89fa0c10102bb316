#!/usr/bin/env bash
# Whole-process comparison of the Native AOT calc against GNU bc, side by side in one run.
#
#   bash bench/compare.sh            # from a clean clone: installs tools, builds, measures
#
# Environment: CALC=path (skip the build and use this binary), ROUNDS (throughput rounds, 5),
# LINES (arithmetic corpus, 1000000), FUNC_LINES (100000), BC_TIMEOUT (seconds one bc -l run
# may take at 10 000 digits, 60; beyond it the ratio is reported as a lower bound),
# WORK (scratch directory, bench/out), DIGITS (precisions to compare, "2000 10000"),
# PARTS (which sections run: "agree arith func memory startup digits"; e.g. PARTS=arith for a
# short throughput-only run, or under taskset -c 0 for one core).
# Ratios are bc time / calc time (above 1: calc is faster) and medians over rounds whose
# order alternates (calc first, then bc first), because the machine is shared and noisy.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$ROOT/bench/out}
ROUNDS=${ROUNDS:-5}
LINES=${LINES:-1000000}
FUNC_LINES=${FUNC_LINES:-100000}
BC_TIMEOUT=${BC_TIMEOUT:-60}
PARTS=" ${PARTS:-agree arith func memory startup digits} "
part() { [[ $PARTS == *" $1 "* ]]; }
export BC_LINE_LENGTH=0
mkdir -p "$WORK"

# --- tools -------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v bc >/dev/null || missing+=(bc)
command -v perl >/dev/null || missing+=(perl)
if [ -z "${CALC:-}" ]; then
    command -v clang >/dev/null || missing+=(clang)
    command -v ld.lld >/dev/null || missing+=(lld)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- the AOT binary ----------------------------------------------------------------------
if [ -z "${CALC:-}" ]; then
    . "$ROOT/bench/publish-aot.sh"
    publish_aot "$WORK/calc-aot"
fi
echo "calc: $CALC" >&2

# --- corpora -----------------------------------------------------------------------------
gen() { # kind lines name
    [ -s "$WORK/$3.calc" ] && [ "$(wc -l <"$WORK/$3.calc")" -eq "$2" ] && return
    perl "$ROOT/bench/gen-corpus.pl" "$1" "$2" "$WORK/$3.calc" "$WORK/$3.bc"
}
gen arith "$LINES" arith
gen arith 100000 arith100k
gen func "$FUNC_LINES" func

# --- helpers -----------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# hyperfine_median RUNS SHELLFLAG CMD -> median seconds of CMD
hf() {
    local runs=$1; shift
    hyperfine --style none --runs "$runs" --export-csv "$WORK/hf.csv" "$@" >/dev/null 2>&1
    awk -F, 'NR > 1 { print $4 }' "$WORK/hf.csv"
}
peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }

TABLE=$WORK/results.md
{
    echo "| measurement | calc | bc | ratio (bc / calc) |"
    echo "|---|---|---|---|"
} >"$TABLE"
row() { echo "| $1 | $2 | $3 | $4 |" | tee -a "$TABLE"; }

# --- agreement -------------------------------------------------------------------------------
AGREE="values not compared"
if part agree; then
    echo "checking that calc and bc agree on every line of the arithmetic corpus ..." >&2
    "$CALC" <"$WORK/arith.calc" | awk -f "$ROOT/bench/normalize.awk" >"$WORK/arith.calc.out"
    bc <"$WORK/arith.bc" | awk -f "$ROOT/bench/normalize.awk" >"$WORK/arith.bc.out"
    if cmp -s "$WORK/arith.calc.out" "$WORK/arith.bc.out"; then
        AGREE="all $LINES values agree"
    else
        AGREE="DISAGREE: $(cmp "$WORK/arith.calc.out" "$WORK/arith.bc.out" | head -1)"
    fi
    echo "$AGREE" >&2
fi

# --- throughput --------------------------------------------------------------------------
throughput() { # name calc-args corpus bc-args
    local name=$1 calcargs=$2 corpus=$3 bcargs=$4 lines
    lines=$(wc -l <"$WORK/$corpus.calc")
    local ratios=() tc=() tb=()
    for ((r = 1; r <= ROUNDS; r++)); do
        local c="$CALC $calcargs <$WORK/$corpus.calc >/dev/null" b="bc $bcargs <$WORK/$corpus.bc >/dev/null" t
        if ((r % 2)); then mapfile -t t < <(hf 1 "$c" "$b"); tc+=("${t[0]}"); tb+=("${t[1]}")
        else mapfile -t t < <(hf 1 "$b" "$c"); tb+=("${t[0]}"); tc+=("${t[1]}"); fi
        ratios+=("$(ratio "${tb[-1]}" "${tc[-1]}")")
    done
    local mc mb mr
    mc=$(printf '%s\n' "${tc[@]}" | median); mb=$(printf '%s\n' "${tb[@]}" | median); mr=$(printf '%s\n' "${ratios[@]}" | median)
    row "$name: $lines lines from stdin" \
        "$(awk -v n="$lines" -v s="$mc" 'BEGIN { printf "%.0f lines/s", n / s }')" \
        "$(awk -v n="$lines" -v s="$mb" 'BEGIN { printf "%.0f lines/s", n / s }')" "**$mr**"
}
echo "throughput ($ROUNDS alternating rounds) ..." >&2
if part arith; then throughput "arithmetic" "" arith ""; fi
if part func; then throughput "functions (bc -l)" "" func "-l"; fi

# --- memory ----------------------------------------------------------------------------------
for corpus in arith100k arith; do
    part memory || break
    n=$(wc -l <"$WORK/$corpus.calc")
    kc=$(peak_kb "$CALC" <"$WORK/$corpus.calc"); kb=$(peak_kb bc <"$WORK/$corpus.bc")
    row "peak RSS, $n arithmetic lines" "$(awk -v k="$kc" 'BEGIN { printf "%.1f MB", k / 1024 }')" \
        "$(awk -v k="$kb" 'BEGIN { printf "%.1f MB", k / 1024 }')" "(target: calc <= 16 MB)"
done

# --- start-up --------------------------------------------------------------------------------
# Two fair forms: both through the same shell (hyperfine subtracts the shell's own start-up), and
# both started directly (-N), where bc reads the same line from a file instead of a pipe.
part startup && echo "start-up ..." >&2
echo "1+2" >"$WORK/one.bc"
startup() { # label calc-command bc-command hyperfine-flags...
    local label=$1 c=$2 b=$3; shift 3
    local sc=() sb=() sr=() t
    for ((r = 1; r <= ROUNDS; r++)); do
        if ((r % 2)); then mapfile -t t < <(hf 60 --warmup 5 "$@" "$c" "$b"); sc+=("${t[0]}"); sb+=("${t[1]}")
        else mapfile -t t < <(hf 60 --warmup 5 "$@" "$b" "$c"); sb+=("${t[0]}"); sc+=("${t[1]}"); fi
        sr+=("$(ratio "${sb[-1]}" "${sc[-1]}")")
    done
    row "$label" "$(ms "$(printf '%s\n' "${sc[@]}" | median)")" "$(ms "$(printf '%s\n' "${sb[@]}" | median)")" \
        "**$(printf '%s\n' "${sr[@]}" | median)** (target >= 0.5)"
}
if part startup; then
    startup "start-up, via the shell: \`calc 1+2\` vs \`echo 1+2 \| bc\`" "$CALC 1+2 >/dev/null" "echo 1+2 | bc >/dev/null"
    startup "start-up, direct (-N): \`calc 1+2\` vs \`bc one.bc\`" "$CALC 1+2" "bc $WORK/one.bc" -N
fi

# --- digits ----------------------------------------------------------------------------------
part digits && echo "precision (bc -l runs once per item, capped at ${BC_TIMEOUT}s for 10 000 digits) ..." >&2
digits_of() { tr -d '\\\n.-' | sed 's/^0*//'; }
part digits || DIGITS=" "
for p in ${DIGITS:-2000 10000}; do
    for item in "pi:pi:4*a(1)" "e:e:e(1)" "ln 2:ln(2):l(2)" "sqrt 2:sqrt(2):sqrt(2)"; do
        IFS=: read -r label cexpr bexpr <<<"$item"
        tcalc=$(hf 10 -N --warmup 1 "$CALC -p $p $cexpr")
        limit=$((p > 2000 ? BC_TIMEOUT : 100000))
        start=$(date +%s.%N)
        if timeout "$limit" sh -c "echo 'scale=$p; $bexpr' | bc -l >'$WORK/bc.digits'"; then
            tbc=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }'); bound=""
            # The first p-3 digits must agree (bc truncates, calc rounds).
            a=$("$CALC" -p "$p" "$cexpr" | digits_of | cut -c1-$((p - 3))); b=$(digits_of <"$WORK/bc.digits" | cut -c1-$((p - 3)))
            [ "$a" = "$b" ] && same="digits agree" || same="DIGITS DIFFER"
        else
            tbc=$limit; bound="> "; same="bc stopped after ${limit}s"
        fi
        row "$label, $p digits ($same)" "$(ms "$tcalc")" "$bound$(awk -v s="$tbc" 'BEGIN { printf "%.2f s", s }')" \
            "**$bound$(ratio "$tbc" "$tcalc")**"
    done
done

echo
echo "$AGREE (arithmetic corpus, values compared after normalising)."
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "table written to $TABLE"
