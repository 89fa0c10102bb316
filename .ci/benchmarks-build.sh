#!/usr/bin/env bash
# The benchmark project is not in Calculator.slnx (a newcomer's `dotnet test` need not download
# BenchmarkDotNet and NCalc); this build keeps it from rotting.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Calculator.Benchmarks -c Release --no-restore 2>&1 | tail -n 3
