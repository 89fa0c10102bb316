#!/usr/bin/env python3
"""Times calc against mpmath (pure-Python backend), bc -l and apcalc at high precision.

Run by bench/precision.sh, which installs what is missing and publishes the AOT binary.
Every measurement is a fresh process, so nothing is cached between rounds: calc is timed as
a whole process (start-up and printing included); mpmath from just before the computation to
just after its digits are formatted (interpreter start-up and import excluded), with its
caches of pi, e and ln 2 cold. Times are CPU seconds (user + system), medians over ROUNDS,
because the build machine is shared and wall time measures the other users as much as calc;
wall-time medians are printed beside them. Because mpmath's figure leaves out its
interpreter's start-up, calc's start-up (a run of `calc -p P 1`, same precision, medians) is
measured too and the last ratio compares mpmath with calc's time net of it.
"""

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

CALC = os.environ["CALC"]
DIGITS = [int(d) for d in os.environ.get("DIGITS", "1000 10000 100000").split()]
ROUNDS = int(os.environ.get("ROUNDS", "3"))
# At 100 000 digits and above one run each: mpmath alone takes tens of seconds there.
LARGE_ROUNDS = int(os.environ.get("LARGE_ROUNDS", "1"))
MPMATH_TIMEOUT = float(os.environ.get("MPMATH_TIMEOUT", "120"))
BC_TIMEOUT = float(os.environ.get("BC_TIMEOUT", "20"))
OUT = os.environ.get("OUT", "bench/out/precision.md")
PYTHON = os.environ.get("PYTHON", sys.executable)

# expression as calc reads it, mpmath code, bc -l code, apcalc code (with eps = 10^-P)
EXPRESSIONS = [
    ("exp(2)", "mpmath.exp(2)", "e(2)", "exp(2, eps)"),
    ("ln(3)", "mpmath.log(3)", "l(3)", "ln(3, eps)"),
    ("sin(1)", "mpmath.sin(1)", "s(1)", "sin(1, eps)"),
    ("atan(1/3)", "mpmath.atan(mpmath.mpf(1)/3)", "a(1/3)", "atan(1/3, eps)"),
    ("exp(sqrt(2))", "mpmath.exp(mpmath.sqrt(2))", "e(sqrt(2))", "exp(sqrt(2, eps), eps)"),
]

MPMATH_PROGRAM = r"""
import os, sys, time
import mpmath
digits = int(sys.argv[1])
mpmath.mp.dps = digits
cpu, wall = time.process_time(), time.perf_counter()
text = mpmath.nstr(%s, digits)
print(time.process_time() - cpu, time.perf_counter() - wall, mpmath.libmp.BACKEND + "-" + mpmath.__version__)
print(text)
"""


def run_timed(argv, stdin=None, timeout=None):
    """Runs argv; returns (cpu seconds, wall seconds, stdout) or None on timeout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    try:
        done = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def significant(text):
    """The significant digits of a printed number (sign, point, exponent and bc's line breaks dropped)."""
    text = text.replace("\\\n", "").strip().lower()
    mantissa = text.split("e")[0]
    return mantissa.replace("-", "").replace(".", "").lstrip("0")


def median(values):
    return statistics.median(values) if values else None


def fmt(seconds):
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def rounds(digits):
    return ROUNDS if digits < 100000 else LARGE_ROUNDS


def measure_calc(expr, digits):
    cpu, wall, text = [], [], ""
    for _ in range(rounds(digits)):
        c, w, text = run_timed([CALC, "-p", str(digits), expr])
        cpu.append(c)
        wall.append(w)
    return median(cpu), median(wall), text


def measure_mpmath(code, digits):
    env = dict(os.environ, MPMATH_NOGMPY="1")
    cpu, wall, backend, text = [], [], "", ""
    for _ in range(rounds(digits)):
        try:
            done = subprocess.run([PYTHON, "-c", MPMATH_PROGRAM % code, str(digits)], capture_output=True,
                                  text=True, env=env, check=True, timeout=MPMATH_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, None, backend, ""
        first, text = done.stdout.split("\n", 1)
        c, w, backend = first.split()
        cpu.append(float(c))
        wall.append(float(w))
    return median(cpu), median(wall), backend, text


def measure_bc(code, digits):
    if not shutil.which("bc"):
        return None, "not installed"
    result = run_timed(["bc", "-l"], stdin=f"scale={digits}\n{code}\n", timeout=BC_TIMEOUT)
    if result is None:
        return None, f"> {BC_TIMEOUT:g} s"
    return result[0], result[2]


def measure_apcalc(code, digits):
    apcalc = os.environ.get("APCALC", "/usr/bin/calc")
    if not os.path.exists(apcalc):
        return None, "not installed"
    program = f'config("display", {digits + 2}),; eps = 10^-{digits + 2},; print {code};'
    result = run_timed([apcalc, "-q", "--", program], timeout=BC_TIMEOUT)
    if result is None:
        return None, f"> {BC_TIMEOUT:g} s"
    return result[0], result[2]


def main():
    with open("/proc/loadavg", encoding="ascii") as f:
        load_before = f.read().split()[:3]
    rows = []
    backend = "?"
    for digits in DIGITS:
        start_cpu = median([run_timed([CALC, "-p", str(digits), "1"])[0] for _ in range(5)])
        for expr, mp_code, bc_code, ap_code in EXPRESSIONS:
            calc_cpu, calc_wall, calc_text = measure_calc(expr, digits)
            mp_cpu, mp_wall, backend, mp_text = measure_mpmath(mp_code, digits)
            agree = significant(calc_text) == significant(mp_text) if mp_text else None
            bc_cpu, bc_note = measure_bc(bc_code, digits) if digits <= 10000 else (None, "not run")
            ap_cpu, ap_note = measure_apcalc(ap_code, digits) if digits <= 10000 else (None, "not run")
            bc_cell = fmt(bc_cpu) if bc_cpu is not None else bc_note
            ap_cell = fmt(ap_cpu) if ap_cpu is not None else ap_note
            ratio = f"{mp_cpu / calc_cpu:.2f}" if mp_cpu else "—"
            net = max(calc_cpu - start_cpu, 1e-6)
            net_ratio = f"**{mp_cpu / net:.2f}**" if mp_cpu else "—"
            mp_cell = f"{fmt(mp_cpu)} ({fmt(mp_wall)})" if mp_cpu else f"stopped after {MPMATH_TIMEOUT:g} s wall"
            agree_cell = "not checked" if agree is None else "yes" if agree else "NO"
            rows.append(f"| {digits} | `{expr}` | {fmt(calc_cpu)} ({fmt(calc_wall)}) | {fmt(start_cpu)} | {mp_cell} "
                        f"| {ratio} | {net_ratio} | {bc_cell} | {ap_cell} | {agree_cell} |")
            print(rows[-1], file=sys.stderr)
    with open("/proc/loadavg", encoding="ascii") as f:
        load_after = f.read().split()[:3]
    header = [
        f"calc: {CALC}; mpmath backend: {backend}; rounds: {ROUNDS} (medians; {LARGE_ROUNDS} at 100 000 digits); "
        f"load average before {' '.join(load_before)}, after {' '.join(load_after)}.",
        "",
        "| digits | expression | calc CPU (wall) | calc start-up CPU | mpmath CPU (wall) | mpmath / calc "
        "| mpmath / calc net of start-up | bc -l | apcalc | digits agree |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    text = "\n".join(header + rows) + "\n"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    return 1 if any("| NO |" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
