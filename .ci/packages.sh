#!/usr/bin/env bash
# Packaging cannot silently break (issue 14): pack the libraries and the calc .NET tool into a
# local feed, install the tool into a temporary tool path and run it, and run samples/HostSample
# against the packed libraries. Uses its own NuGet package folder, so no package of an earlier
# run (same version number) is reused. Packing restores with other graphs than the locked ones
# and may rewrite packages.lock.json files: run it in a clean clone (as CI does).
#   bash .ci/packages.sh        (needs clang and lld for the Native AOT tool package)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${CALC_CI_WORK:-$(pwd)/.ci-work}/packages
rm -rf "$work"
mkdir -p "$work"
feed="$work/feed"
export NUGET_PACKAGES="$work/nuget"
failed=0
check() { if "$@"; then echo "PASS: $*"; else echo "FAIL: $*"; failed=1; fi; }

dotnet pack Calculator.Parser -c Release -o "$feed" -p:CI=true | tail -n 2
dotnet pack Calculator.Evaluator -c Release -o "$feed" -p:CI=true | tail -n 2
# The tool's pointer package lists its runtime packages, so its restore needs the linux-x64 graph.
dotnet pack Calculator.Cli -c Release -o "$feed" -p:CI=true -p:RuntimeIdentifiers=linux-x64 | tail -n 2
dotnet pack Calculator.Cli -c Release -r linux-x64 -o "$feed" -p:CI=true | tail -n 2
ls -l "$feed"

for p in Calculator.Parser Calculator.Evaluator; do
  nuspec=$(unzip -p "$feed/$p.0.1.0.nupkg" "$p.nuspec")
  check grep -q '<license type="expression">MIT</license>' <<<"$nuspec"
  check grep -q '<readme>README.md</readme>' <<<"$nuspec"
  check grep -q '<tags>' <<<"$nuspec"
  check test -f "$feed/$p.0.1.0.snupkg"
done

dotnet tool install --tool-path "$work/tools" --add-source "$feed" Calculator.Cli
check test "$("$work/tools/calc" 1+2)" = 3
check test "$(echo '2^64 - 1' | "$work/tools/calc")" = 18446744073709551615

out=$(dotnet run --project samples/HostSample -p:RestoreAdditionalProjectSources="$feed")
echo "$out"
check grep -q '^total = 138.115 (exact: True, as decimal: 138.115)$' <<<"$out"
check grep -q '^20! = 2432902008176640000$' <<<"$out"
check grep -q '^cancelled: Limit$' <<<"$out"
check grep -q '^ok$' <<<"$out"
exit $failed
