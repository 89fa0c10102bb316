#!/usr/bin/env bash
# Fuzz campaign: SharpFuzz-instrumented parser and evaluator under AFL++ (docs/robustness.md).
# Runs as root on a fresh Debian 12 with the .NET SDK. FUZZ_SECONDS (default 180) bounds the
# campaign. Exits non-zero when afl-fuzz found a crash or a hang; every such input is copied
# into Calculator.Tests/Data/fuzz-regressions/ so that the regression test replays it.
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

# Seeds: each distinct expression of the peers corpus in its own file, and every input that
# ever crashed or hung before (so the campaign starts where the last one left off).
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
  find "$regressions" -type f ! -name '*.md' -size -64k -exec cp {} "$work/seeds/" \;
fi
echo "seeds: $(ls "$work/seeds" | wc -l) files"

# A dictionary of the language's tokens helps afl build valid statements.
{
  for t in '+' '-' '*' '/' '%' '^' '!' '(' ')' ',' '=' '==' '!=' '<' '<=' '>' '>=' '&&' '||' '?' ':' ';' '#' \
           '0x' '0b' '0o' 'e-' '1_0' '.5' '\xcf\x80' 'pi' 'e' 'tau' 'phi' 'true' 'false' 'ans' \
           sqrt cbrt abs sign floor ceil round trunc exp ln log log10 log2 sin cos tan asin acos atan atan2 \
           sinh cosh tanh asinh acosh atanh min max gcd lcm hypot mod factorial; do
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
echo "afl-fuzz: $(stat execs_done) executions, $(stat execs_per_sec) per second, $(stat corpus_count) paths, \
$(stat saved_crashes) crashes, $(stat saved_hangs) hangs, run time $(stat run_time)s"

found=()
for f in "$out"/crashes/id:* "$out"/hangs/id:*; do
  [ -f "$f" ] && found+=("$f")
done
if [ ${#found[@]} -eq 0 ]; then
  echo "PASS: fuzz: no crashes, no hangs in $(stat execs_done) executions"
  exit 0
fi

mkdir -p "$regressions"
for f in "${found[@]}"; do
  kind=$(basename "$(dirname "$f")")
  name="$kind-$(sha1sum "$f" | cut -c1-16)"
  cp "$f" "$regressions/$name"
  echo "---- $kind: $f (saved as Calculator.Tests/Data/fuzz-regressions/$name)"
  head -c 400 "$f" | od -c | head -n 12
done
echo "replaying without instrumentation timing:"
dotnet "$work/plain/Calculator.Fuzz.dll" --replay "${found[@]}" | head -n 40
fail "${#found[@]} inputs crashed or hung; commit them under Calculator.Tests/Data/fuzz-regressions/ and fix"
