#!/usr/bin/python3
"""Writes special-functions.tsv: gamma, lgamma, erf and erfc at P = 20, 50 and 1000 digits, with
the reference value computed by mpmath 1.3 at P + 40 digits (and more where the function loses
digits to cancellation) and rounded to P significant digits, halves away from zero. The tests
read only the .tsv; run this with python3-mpmath installed to regenerate it."""
import sys
from decimal import Decimal, ROUND_HALF_UP, getcontext
import mpmath
from mpmath import mp, mpf

getcontext().prec = 5000

def rounded(value, p):
    """value rounded to p significant digits as 'd.ddd…e±x'."""
    d = Decimal(mpmath.nstr(value, p + 30, strip_zeros=False, min_fixed=1, max_fixed=0))
    exponent = d.adjusted()
    q = d.scaleb(-exponent).quantize(Decimal(1).scaleb(-(p - 1)), rounding=ROUND_HALF_UP)
    if abs(q) >= 10:
        q = (q / 10).quantize(Decimal(1).scaleb(-(p - 1)), rounding=ROUND_HALF_UP)
        exponent += 1
    return f"{q}e{exponent:+d}"

# Arguments as calc reads them, and as mpmath computes them (exact rationals stay exact).
args = {
    "1/3": lambda: mpf(1) / 3, "0.5": lambda: mpf(1) / 2, "2.5": lambda: mpf(5) / 2,
    "-0.5": lambda: -mpf(1) / 2, "-2.5": lambda: -mpf(5) / 2, "7/3": lambda: mpf(7) / 3,
    "-7/3": lambda: -mpf(7) / 3, "100.5": lambda: mpf(201) / 2, "1000/7": lambda: mpf(1000) / 7,
    "1e-10": lambda: mpf(10) ** -10, "sqrt(2)": lambda: mpmath.sqrt(2), "pi": lambda: +mpmath.pi,
    "10^30": lambda: mpf(10) ** 30, "1000.5": lambda: mpf(2001) / 2, "3": lambda: mpf(3),
    "1.5": lambda: mpf(3) / 2, "10^6+1/3": lambda: mpf(10) ** 6 + mpf(1) / 3, "-10^5-1/3": lambda: -(mpf(10) ** 5) - mpf(1) / 3,
    "1": lambda: mpf(1), "2": lambda: mpf(2), "3.5": lambda: mpf(7) / 2, "6": lambda: mpf(6),
    "-2": lambda: mpf(-2), "10": lambda: mpf(10), "30": lambda: mpf(30), "100": lambda: mpf(100),
    "sqrt(200)": lambda: mpmath.sqrt(200), "2000": lambda: mpf(2000), "0.999": lambda: mpf(999) / 1000,
    "5.25": lambda: mpf(21) / 4, "-1.75": lambda: -mpf(7) / 4,
}

functions = {
    "gamma": (mpmath.gamma, ["1/3", "0.5", "2.5", "-0.5", "-2.5", "7/3", "-7/3", "100.5", "1000/7", "1e-10", "sqrt(2)", "pi", "-10^5-1/3"]),
    "lgamma": (lambda x: mpmath.log(abs(mpmath.gamma(x))), ["1/3", "0.5", "-2.5", "-7/3", "10^30", "1000.5", "3", "1.5", "10^6+1/3", "-10^5-1/3", "sqrt(2)", "0.999"]),
    "erf": (mpmath.erf, ["1/3", "1", "2", "-0.5", "3.5", "1e-10", "6", "sqrt(2)", "pi", "5.25"]),
    "erfc": (mpmath.erfc, ["1/3", "1", "3.5", "30", "100", "-2", "10", "sqrt(200)", "2000", "-1.75", "5.25"]),
}

rows = []
for p in (20, 50, 1000):
    for name, (f, names) in functions.items():
        if p == 1000 and name in ("gamma", "lgamma"):
            names = [a for a in names if a not in ("-10^5-1/3", "10^6+1/3")]
        for a in names:
            # lgamma near its zeros and erfc's 1 − erf need digits beyond P; 3P + 100 covers every row.
            mp.dps = 3 * p + 100
            rows.append((p, f"{name}({a})", rounded(f(args[a]()), p)))

with open(sys.argv[1] if len(sys.argv) > 1 else "special-functions.tsv", "w") as out:
    out.write("# digits\texpression\tvalue rounded to that many significant digits (mpmath 1.3, dps = 3·digits + 100; special-functions.py)\n")
    for p, expression, value in rows:
        out.write(f"{p}\t{expression}\t{value}\n")
