#!/usr/bin/env bash
# Races 1M evaluations of a*x^2 + b*x + c with x changing: calc's Session against NCalc 7.4
# (cached Expression, Parameters dictionary), in one process, three rounds, wall-clock and CPU time
# (docs/hosting.md, docs/performance.md).
#   bash bench/host.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project Calculator.Benchmarks -- --host-race "${1:-1000000}"
