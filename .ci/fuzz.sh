#!/usr/bin/env bash
# Fuzz campaign: SharpFuzz-instrumented parser and evaluator under AFL++ (docs/robustness.md).
# Runs as root on a fresh Debian 12 with the .NET SDK. FUZZ_SECONDS (default 180) bounds the
# campaign. Exits non-zero when afl-fuzz found a crash or a hang (see below); every such input
# is copied into Calculator.Tests/Data/fuzz-regressions/ so that the regression test replays it.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.ci-work/fuzz"
seconds="${FUZZ_SECONDS:-180}"
regressions="$root/Calculator.Tests/Data/fuzz-regressions"

fail() { echo "FAIL: fuzz: $*"; exit 1; }

if ! command -v afl-fuzz >/dev/null; then
  echo "installing afl++"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq afl++ >/dev/null || fail "cannot install afl++"
fi

tools="$root/.ci-work/tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null || fail "cannot install the sharpfuzz tool"
fi

rm -rf "$work"
mkdir -p "$work/seeds"
echo "publishing Calculator.Fuzz"
dotnet publish Calculator.Fuzz/Calculator.Fuzz.csproj -c Release -o "$work/bin" -v quiet -nologo >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; fail "publish failed"; }
cp -r "$work/bin" "$work/plain"
for dll in Calculator.Parser.dll Calculator.Evaluator.dll Pidgin.dll; do
  "$tools/sharpfuzz" "$work/bin/$dll" >/dev/null || fail "cannot instrument $dll"
done

# Seeds: each distinct expression of the peers corpus in its own file, and the saved crash
# inputs (so the campaign starts where the last one left off). Saved hang inputs are slow by
# nature: as splice partners they bog afl down in timeouts, so they only run in the tests.
python3 - "$root/Calculator.Tests/Data/peers.tsv" "$work/seeds" <<'PY'
import hashlib, sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]
seen = set()
for row in rows:
    fields = row.split("\t")
    if len(fields) < 2:
        continue
    text = fields[1].replace("\\n", "\n")
    if text in seen or len(text.encode()) > 4096:
        continue
    seen.add(text)
    name = hashlib.sha1(text.encode()).hexdigest()[:16]
    open(f"{sys.argv[2]}/peer-{name}", "w", encoding="utf-8").write(text + "\n")
PY
if [ -d "$regressions" ]; then
  find "$regressions" -type f ! -name '*.md' ! -name 'hangs-*' -size -64k -exec cp {} "$work/seeds/" \;
fi
echo "seeds: $(ls "$work/seeds" | wc -l) files"

# A dictionary of the language's tokens helps afl build valid statements.
{
  for t in '+' '-' '*' '/' '%' '^' '!' '(' ')' ',' '=' '==' '!=' '<' '<=' '>' '>=' '&&' '||' '?' ':' ';' '#' \
           '0x' '0b' '0o' 'e-' '1_0' '.5' '\xcf\x80' 'pi' 'e' 'tau' 'phi' 'true' 'false' 'ans' \
           sqrt cbrt abs sign floor ceil round trunc exp ln log log10 log2 sin cos tan asin acos atan atan2 \
           sinh cosh tanh asinh acosh atanh min max gcd lcm hypot mod factorial \
           '&' '|' '<<' '>>' '~' '//' '**' 'to' 'hex' 'bin' 'oct' 'dec' \
           '\xc3\x97' '\xc2\xb7' '\xc3\xb7' '\xe2\x88\x92' '\xe2\x88\x9a' '\xc2\xb2' '\xc2\xb3' '\xc2\xb0' \
           powmod modinv isprime nextprime prevprime xor binomial perm sum prod mean median var stdev \
           gamma lgamma erf erfc deg rad; do
    printf '"%s"\n' "$t"
  done
} >"$work/calc.dict"

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1
echo "fuzzing for ${seconds}s"
timeout -k 10 $((seconds + 120)) afl-fuzz -i "$work/seeds" -o "$work/findings" -x "$work/calc.dict" \
  -t 1000 -m none -V "$seconds" -- dotnet "$work/bin/Calculator.Fuzz.dll" >"$work/afl.log" 2>&1
status=$?
out="$work/findings/default"
if [ ! -f "$out/fuzzer_stats" ]; then
  tail -n 40 "$work/afl.log"
  fail "afl-fuzz did not run (status $status)"
fi

stat() { sed -n "s/^$1 *: *//p" "$out/fuzzer_stats"; }

# Crashes are exceptions (or a dead process) and always count. afl's hangs (over 1 s) are
# candidates: a statement within the SPEC §8 limits may legitimately take seconds (a
# 900 000-digit factorial, printed; nextprime of a 1000-digit number, up to its time limit), a
# loaded machine or a child that afl just restarted (cold JIT) misses the bound too. Each is
# replayed in a warm, uninstrumented process whose statements have a 5 s time limit
# (Calculator.Fuzz/Program.cs), and counts as a hang when one statement takes FUZZ_HANG_MS
# (default 10000) or more there, or the replay dies: a statement that outlasts its limit by
# seconds is one the budget does not stop. The margin covers printing an exact result, which
# the limit does not cover (a million digits take about 2 s), on a loaded CI machine. Candidates are replayed for at most
# FUZZ_REPLAY_SECONDS (default 60) in all: afl often saves dozens of variants of one slow
# statement. Crashes and hangs are copied into the regression folder; slow ones are only listed.
hang_ms="${FUZZ_HANG_MS:-10000}"
replay_seconds="${FUZZ_REPLAY_SECONDS:-60}"
crashes=() candidates=()
for f in "$out"/crashes/id:*; do [ -f "$f" ] && crashes+=("$f"); done
for f in "$out"/hangs/id:*; do [ -f "$f" ] && candidates+=("$f"); done
hangs=()
save() {
  local name="$1-$(sha1sum "$2" | cut -c1-16)"
  cp "$2" "$regressions/$name"
  echo "---- $1: $(basename "$2")"
  echo "     saved as Calculator.Tests/Data/fuzz-regressions/$name; its first 600 bytes, on one line:"
  # One line, so that a log cut to its last lines still shows the whole input.
  python3 -c 'import sys; print("     " + repr(open(sys.argv[1], "rb").read(600)))' "$2"
}
if [ ${#crashes[@]} -gt 0 ] || [ ${#candidates[@]} -gt 0 ]; then
  mkdir -p "$regressions"
  echo "replaying uninstrumented (total ms, slowest statement ms, file, verdict):"
  timeout -k 5 $((replay_seconds + hang_ms / 1000 + 30)) dotnet "$work/plain/Calculator.Fuzz.dll" --replay --budget "$replay_seconds" \
    "${crashes[@]}" "${candidates[@]}" >"$work/replay.txt" 2>&1
  sed 's/^/  /' "$work/replay.txt" | cut -c1-300 | head -n 60
  for f in "${crashes[@]}"; do save crashes "$f"; done
  for f in "${candidates[@]}"; do
    ms=$(awk -F'\t' -v f="$f" '$3 == f { print $2 }' "$work/replay.txt")
    if [ "$ms" = "-" ]; then
      echo "  not replayed (FUZZ_REPLAY_SECONDS spent): $(basename "$f")"
    elif [ -z "$ms" ] || [ "$ms" -ge "$hang_ms" ] || grep -qF "$f	EXCEPTION" "$work/replay.txt"; then
      hangs+=("$f")
      save hangs "$f"
    else
      echo "  slow, not hung: $(basename "$f") (slowest statement ${ms} ms < ${hang_ms} ms)"
    fi
  done
fi

echo "afl-fuzz stats: execs_done=$(stat execs_done) execs_per_sec=$(stat execs_per_sec) run_time=$(stat run_time)s paths=$(stat corpus_count) crashes=${#crashes[@]} hang_candidates=${#candidates[@]} hangs=${#hangs[@]}"
if [ ${#crashes[@]} -eq 0 ] && [ ${#hangs[@]} -eq 0 ]; then
  echo "PASS: fuzz: no crashes, no hangs in $(stat execs_done) executions ($(stat execs_per_sec)/s)"
  exit 0
fi
fail "${#crashes[@]} crashes, ${#hangs[@]} hangs; the inputs are in Calculator.Tests/Data/fuzz-regressions/: commit them and fix"
