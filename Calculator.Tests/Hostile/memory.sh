#!/usr/bin/env bash
# Peak memory of calc streaming 100k and 1M lines from stdin (SPEC §7: memory stays flat).
# Usage: bash Calculator.Tests/Hostile/memory.sh [path to calc]; builds Release calc if none given.
# Prints one line per run: lines, format, peak RSS (MiB), wall time. A report, not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=.ci-work/memory
mkdir -p "$work"
if ! [ -x /usr/bin/time ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
calc="${1:-}"
if [ -z "$calc" ]; then
  dotnet build Calculator.Cli/Calculator.Cli.csproj -c Release -v quiet -nologo >/dev/null
  calc=Calculator.Cli/bin/Release/net10.0/calc
fi

# A mix like a real log: assignments, exact and approximate results, and one error in ten lines.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def line(i):
    k = i % 10
    return [f"x = {i}", f"x * 3 + {i % 7}", f"{i}/7", "sqrt(x)", f"2^{i % 200}",
            "1+*2", f"gcd(x, {i % 97 + 1})", f"(x + 1)^2 - x^2", f"{i}.25 * 4", "x % 13"][k]
for n in (100_000, 1_000_000):
    with open(f"{work}/lines-{n}.txt", "w") as f:
        f.write("\n".join(line(i) for i in range(n)) + "\n")
PY

for n in 100000 1000000; do
  for format in plain json; do
    /usr/bin/time -v "$calc" --format "$format" <"$work/lines-$n.txt" >"$work/out.txt" 2>"$work/err.txt" || true
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/err.txt")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/err.txt")
    printf '%8d lines  %-5s  peak RSS %6.1f MiB  wall %s  (%d output lines)\n' \
      "$n" "$format" "$(echo "$rss / 1024" | bc -l)" "$wall" "$(wc -l <"$work/out.txt")"
  done
done
