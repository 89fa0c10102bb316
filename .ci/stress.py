#!/usr/bin/env python3
"""Hostile-statement stress run (issue 12; docs/robustness.md, "Statements at their limits").

AFL++ (.ci/fuzz.sh) explores syntax from the token dictionary and the peers corpus; this
generator builds statements that are valid but as expensive as calc accepts: huge exponents,
nested powers, precision up to 100 000 digits, recursion over huge arguments, approximate
operands of huge exact values, integer parts of huge approximate values, cancellation. Each
statement runs in its own calc process (the published binary), so that its wall time and peak
resident memory are its own, and must:

  - end (a value or an error) within the 60 s statement limit plus 1 s;
  - keep its peak resident memory within the statement budget (1 GiB) plus the runtime's own;
  - exit 0 or 1, print one result or one positioned error, and never an internal error, a
    stack trace or a signal.

    python3 .ci/stress.py CALC [--seconds N] [--jobs J] [--seed S] [--show]
"""

import argparse
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, FIRST_COMPLETED, wait

TIME_LIMIT = 60.0          # Limits.StatementTimeLimit
TIME_SLACK = 1.0           # the "by more than 1 s"
MEMORY_BUDGET = 1 << 30    # Limits.StatementMemoryLimit
RUNTIME_ALLOWANCE = 128 << 20  # code, stacks and the runtime's own heap beside the statement's
KILL_AFTER = 150.0         # a process still running then is a hang


class Gen:
    """Random hostile statements: a small grammar whose leaves are expensive."""

    FUNCS1 = ["sqrt", "cbrt", "exp", "ln", "log10", "log2", "sin", "cos", "tan", "atan", "asin",
              "acos", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "floor", "ceil", "round",
              "trunc", "abs", "sign", "factorial", "isprime", "nextprime", "prevprime",
              "gamma", "lgamma", "erf", "erfc"]
    FUNCS2 = ["atan2", "hypot", "gcd", "lcm", "mod", "min", "max", "binomial", "perm", "round"]

    def __init__(self, rng):
        self.r = rng

    def small(self):
        return str(self.r.choice([0, 1, 2, 3, 7, 9, 10, 100, 999, 12345]))

    def decimal(self):
        r = self.r
        return r.choice(["0.5", "1.5", ".9", "0.1", "1.0001", "2.5", "70.9", "1e-9", "3.75e2"])

    def huge_exponent(self):
        r = self.r
        k = r.choice([3, 4, 5, 6, 7, 9, 12, 20, 100])
        return r.choice([f"10^{k}", f"10^(10^{min(k, 7)})", f"2^(2^{min(k, 30)})", f"{k}!",
                         f"9^9^{r.choice([2, 3])}", f"10^{k}+1"])

    def huge_exact(self):
        r = self.r
        return r.choice([
            f"10^({self.huge_exponent()})", f"2^({self.huge_exponent()})",
            f"({self.huge_exponent()})!", f"(10^{r.randint(100, 999999)}+1)/3",
            f"nextprime(10^{r.randint(10, 2000)})", f"{r.choice([7, 99, 12345])}^{r.randint(1000, 400000)}",
            f"1/10^{r.randint(100, 10**6)}", f"binomial(10^{r.randint(2, 7)}, 10^{r.randint(1, 6)})",
            f"0x{''.join(r.choice('0123456789abcdef') for _ in range(r.randint(20, 200)))}",
        ])

    def nested_power(self):
        r = self.r
        parts = [r.choice(["2", "3", "9", "0.9", ".9", "1.0001", "10", "-2", "1/2", "sqrt(2)", "pi", "e"])
                 for _ in range(r.randint(2, 5))]
        return "^".join(parts)

    def approximate(self):
        r = self.r
        return r.choice(["pi", "e", "sqrt(2)", "ln(3)", "exp(1/3)", "sin(1)", "atan(1/3)", "phi", "2^0.5",
                         "gamma(1/3)", "erf(1/3)"])

    def leaf(self):
        r = self.r
        choice = r.random()
        if choice < 0.25:
            return self.huge_exact()
        if choice < 0.40:
            return self.nested_power()
        if choice < 0.60:
            return self.approximate()
        if choice < 0.75:
            return self.decimal()
        return self.small()

    def expr(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.leaf()
        kind = r.random()
        a = self.expr(depth - 1)
        if kind < 0.35:
            b = self.expr(depth - 1)
            op = r.choice(["+", "-", "*", "/", "^", "%", "==", "<"])
            return f"({a}) {op} ({b})"
        if kind < 0.75:
            return f"{r.choice(self.FUNCS1)}({a})"
        if kind < 0.9:
            return f"{r.choice(self.FUNCS2)}({a}, {self.expr(depth - 1)})"
        return f"-({a})"

    def special(self):
        """Shapes known to be expensive, each with random sizes."""
        r = self.r
        n = r.randint(1, 10**r.randint(1, 6))
        big = self.huge_exact()
        return r.choice([
            # Approximate operands of huge exact values.
            f"sqrt(2) * {big}", f"pi + {big}", f"({big}) - ({big} + 10^-{r.randint(10, 10**6)})",
            f"sin({big})", f"exp({big})", f"exp(-({big}))", f"ln({big})", f"atan({big})",
            f"tan(2^(2^{r.randint(18, 22)}) + {r.randint(0, 3)})",
            # Integer parts and digits of huge approximate values.
            f"floor(exp({n}))", f"floor(pi * 10^{r.randint(100, 10**6)}) % 1000",
            f"round(e^{r.randint(1, 10**6)})", f"ceil(sqrt(10^{r.randint(10, 2 * 10**6)} + 1))",
            # Cancellation past the working precision.
            f"exp(1e-{r.randint(50, 10**6)}) - 1", f"ln(1 + 1e-{r.randint(50, 10**6)})",
            f"1 - tanh({r.randint(10, 10**6)})", f"acosh(1 + 1e-{r.randint(50, 10**5)})",
            f"sin(pi * 10^{r.randint(10, 10**5)})", f"(1 + 1e-{r.randint(10, 10**5)})^(10^{r.randint(10, 10**5)})",
            # Nested powers.
            self.nested_power(), f"({self.nested_power()}) - ({self.nested_power()})",
            # Huge factorials, binomials, primes.
            f"{r.randint(10**4, 10**7)}!", f"factorial({r.randint(10**4, 10**7)}) / {r.randint(1, 10**6)}!",
            f"isprime(2^{r.choice([4423, 9689, 11213, 21701, 86243])}-1)", f"nextprime(10^{r.randint(100, 3000)})",
        ])

    def recursion(self):
        """A definition and a call over huge arguments: the depth and digit limits meet."""
        r = self.r
        n = r.choice([10, 30, 100, 1000, 9999, 10000, 20000])
        body = r.choice([
            "n < 1 ? x : f(n - 1, x * x)",
            "n < 1 ? x : f(n - 1, x + sqrt(x))",
            "n < 1 ? x : f(n - 1, x^2 + 1)",
            "n < 1 ? 0 : f(n - 1, x) + 1",
            "n < 1 ? x : f(n - 1, exp(x))",
            "n < 1 ? x : f(n - 1, x / 3 + pi)",
        ])
        return f"f(n, x) = {body}\nf({n}, {self.leaf()})"

    def statement(self):
        r = self.r
        choice = r.random()
        if choice < 0.35:
            return self.special()
        if choice < 0.5:
            return self.recursion()
        return self.expr(r.randint(1, 4))

    def precision(self):
        return self.r.choices([5, 20, 50, 1000, 10000, 100000], weights=[2, 4, 2, 2, 2, 2])[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("calc")
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    print(f"stress seed={seed} seconds={args.seconds:g} jobs={args.jobs}")
    rng = random.Random(seed)
    gen = Gen(rng)

    # /usr/bin/time is not on every machine; the wrapper below prints the child's peak RSS itself.
    wrapper = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stress-rss.py")

    results = []
    failures = []
    deadline = time.monotonic() + args.seconds

    def one(case_id, precision, program):
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, wrapper, args.calc, "-p", str(precision)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(program.encode() + b"\n", timeout=KILL_AFTER)
            killed = False
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            killed = True
        wall = time.monotonic() - start
        err = err.decode(errors="replace")
        lines = err.splitlines()
        # The wrapper's last stderr line: "rss=KIB status=N time=S".
        stats = {}
        if lines and lines[-1].startswith("rss="):
            stats = dict(field.split("=", 1) for field in lines[-1].split())
            lines = lines[:-1]
        return case_id, precision, program, wall, killed, out.decode(errors="replace"), "\n".join(lines), stats

    def check(result):
        case_id, precision, program, wall, killed, out, err, stats = result
        problems = []
        status = int(stats.get("status", "-999"))
        rss = int(stats.get("rss", "0")) * 1024
        inner = float(stats.get("time", wall))
        statements = program.count("\n") + 1
        if killed:
            problems.append(f"still running after {KILL_AFTER:g} s")
        if inner > statements * TIME_LIMIT + TIME_SLACK:
            problems.append(f"ran {inner:.1f} s, past the {TIME_LIMIT:g} s limit by more than {TIME_SLACK:g} s")
        if rss > MEMORY_BUDGET + RUNTIME_ALLOWANCE:
            problems.append(f"peak RSS {rss / 2**20:.0f} MiB, past the budget")
        if status not in (0, 1):
            problems.append(f"exit status {status}")
        if "internal error" in err or "\n   at " in err or "Unhandled exception" in err:
            problems.append("internal error or stack trace")
        if status == 1 and "error:" not in err:
            problems.append("exit 1 without an error message")
        if status == 0 and not out.strip() and not program.startswith("f("):
            problems.append("no result printed")
        return problems

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        running = set()
        case_id = 0
        while True:
            while time.monotonic() < deadline and len(running) < args.jobs:
                case_id += 1
                running.add(pool.submit(one, case_id, gen.precision(), gen.statement()))
            if not running:
                break
            done, running = wait(running, return_when=FIRST_COMPLETED, timeout=5)
            for future in done:
                result = future.result()
                results.append(result)
                problems = check(result)
                if args.show:
                    print(f"[{result[0]}] -p {result[1]} {result[2]!r}: {result[3]:.2f} s, "
                          f"{int(result[7].get('rss', 0)) // 1024} MiB")
                if problems:
                    failures.append((result, problems))
                    print(f"FAILED case {result[0]} (-p {result[1]}): {result[2]!r}: {'; '.join(problems)}")
                    print("  stderr: " + result[6][:300].replace("\n", "\n          "))

    times = sorted(results, key=lambda res: float(res[7].get("time", res[3])), reverse=True)
    peaks = sorted(results, key=lambda res: int(res[7].get("rss", 0)), reverse=True)
    errors = sum(1 for res in results if res[7].get("status") == "1")
    limits = sum(1 for res in results if "limit:" in res[6])
    print(f"cases: {len(results)} ({errors} ended with an error, {limits} of them a limit error)")
    print("slowest:")
    for res in times[:5]:
        print(f"  {float(res[7].get('time', res[3])):7.2f} s  -p {res[1]:<6} {res[2][:90]!r}")
    print("largest peak resident memory:")
    for res in peaks[:3]:
        print(f"  {int(res[7].get('rss', 0)) / 1024:7.1f} MiB  -p {res[1]:<6} {res[2][:90]!r}")
    if failures:
        print(f"FAIL: stress: {len(failures)} of {len(results)} cases broke a rule (seed {seed})")
        return 1
    print(f"PASS: stress: {len(results)} hostile cases, every one within {TIME_LIMIT:g}+{TIME_SLACK:g} s "
          f"and {(MEMORY_BUDGET + RUNTIME_ALLOWANCE) >> 20} MiB (seed {seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
