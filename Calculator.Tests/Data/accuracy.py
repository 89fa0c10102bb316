#!/usr/bin/python3
"""Writes accuracy.tsv: expressions whose P-digit value calc must print, with the reference
value computed by mpmath at far more precision and rounded to P significant digits, halves
away from zero. Run once with python3-mpmath installed; the tests read only the .tsv.

Families (issue 13): cancel = cancellation past the precision cap (class A), tie = exact ties
reached through irrational operations (class B), trig = arguments up to the 2^(2^20) limit
(class D), floor = integer parts of large approximate values (class E)."""
import sys
from decimal import Decimal, ROUND_HALF_UP, getcontext
import mpmath
from mpmath import mp, mpf

getcontext().prec = 100000

def rounded(value, p, tie=None):
    """value rounded to p significant digits as 'd.ddd…e±x' (or the exact tie, if given)."""
    if tie is not None:
        # Recognised as exact with a terminating expansion: printed in full (SPEC §5), not rounded.
        d = Decimal(tie)
        exponent = d.adjusted()
        return f"{d.scaleb(-exponent)}e{exponent:+d}"
    else:
        d = Decimal(mpmath.nstr(value, p + 40, strip_zeros=False, min_fixed=1, max_fixed=0))
    if d == 0:
        return "0"
    exponent = d.adjusted()
    q = d.scaleb(-exponent).quantize(Decimal(1).scaleb(-(p - 1)), rounding=ROUND_HALF_UP)
    if abs(q) >= 10:
        q = (q / 10).quantize(Decimal(1).scaleb(-(p - 1)), rounding=ROUND_HALF_UP)
        exponent += 1
    return f"{q}e{exponent:+d}"

rows = []
only = set(sys.argv[2].split(",")) if len(sys.argv) > 2 else None

def add(family, p, expression, compute, tie=None, prec=None):
    if only is not None and family not in only:
        return
    mp.prec = prec or (p * 4 + 2000)
    rows.append((family, p, expression, rounded(None if tie else compute(), p, tie)))

# Class A: a nonzero value whose bits cancel beyond the cap of 4·P·log2(10) + 256 bits, yet
# above the zero threshold 10^-(3P+50) of SPEC §4 (below it a value may be taken to be zero).
cancel = {5: ([92, 95], [100, 120], 108), 20: ([140, 145, 150], [160, 200], 175), 50: ([230, 250, 270], [300, 380], 290)}
for p, (ks, roots, t) in cancel.items():
    for k in ks:
        add("cancel", p, f"exp(1e-{k})-1", lambda k=k: mpmath.expm1(mpf(10) ** -k))
        add("cancel", p, f"ln(1+1e-{k})", lambda k=k: mpmath.log1p(mpf(10) ** -k))
        add("cancel", p, f"sqrt(1+1e-{k})-1", lambda k=k: mpmath.sqrt(1 + mpf(10) ** -k) - 1, prec=4 * k + 800)
        add("cancel", p, f"1-cos(1e-{k // 2})", lambda k=k: 1 - mpmath.cos(mpf(10) ** -(k // 2)), prec=4 * k + 800)
    for k in roots:
        add("cancel", p, f"acosh(1+1e-{k})", lambda k=k: mpmath.acosh(1 + mpf(10) ** -k), prec=4 * k + 800)
        add("cancel", p, f"acos(1-1e-{k})", lambda k=k: mpmath.acos(1 - mpf(10) ** -k), prec=4 * k + 800)
    add("cancel", p, f"1-tanh({t})", lambda t=t: 1 - mpmath.tanh(t), prec=4000)

# Class B: exact ties reached through irrational operations.
ties = [
    (2, "sqrt(2)^2/16", "0.125"), (1, "exp(ln(2.5))", "2.5"), (3, "cosh(ln(4))", "2.125"),
    (2, "exp(ln(99.5))", "99.5"), (1, "sin(pi/6)*5", "2.5"), (2, "log2(2^(1/8))", "0.125"),
    (2, "sqrt(8)*sqrt(2)/32", "0.125"), (2, "sqrt(3)^2/8", "0.375"), (1, "tan(pi/4)*1.5", "1.5"),
    (2, "cos(pi/3)/4", "0.125"), (2, "e^ln(0.0625)", "0.0625"), (1, "sinh(ln(2))", "0.75"),
    (2, "-sqrt(2)^2/16", "-0.125"), (1, "ln(e^2)/4", "0.5"), (3, "ln(8)/ln(2)*0.0415", "0.1245"),
    (2, "sin(pi/4)^2/4", "0.125"), (1, "tan(pi/3)^2/2", "1.5"), (2, "(2^(1/3))^3*0.0625", "0.125"),
]
for p, expression, tie in ties:
    add("tie", p, expression, None, tie=tie)

# Class D: trigonometric arguments up to the limit 2^(2^20).
for k in (1000, 20000, 200000, 2 ** 20):
    for f in ("sin", "cos", "tan"):
        if k == 2 ** 20 and f == "cos":
            continue
        add("trig", 20, f"{f}(2^{k})", lambda f=f, k=k: getattr(mpmath, f)(mpf(2) ** k), prec=k + 400)

# Class E: integer parts of large approximate values, exactly.
add("floor", 20, "floor(pi*10^5000) % 1000", lambda: mpmath.floor(mpmath.pi * mpf(10) ** 5000) % 1000, prec=17000)
add("floor", 20, "floor(exp(1000)) % 10^6", lambda: mpmath.floor(mpmath.exp(1000)) % 10 ** 6, prec=3000)
add("floor", 20, "ceil(-exp(500)) % 10^6", lambda: mpmath.ceil(-mpmath.exp(500)) % 10 ** 6, prec=3000)
add("floor", 20, "round(sqrt(2)*10^300) % 10^6", lambda: mpmath.nint(mpmath.sqrt(2) * mpf(10) ** 300) % 10 ** 6, prec=3000)

with open(sys.argv[1] if len(sys.argv) > 1 else "accuracy.tsv", "w") as out:
    out.write("family\tprecision\texpression\texpected\n")
    for family, p, expression, value in rows:
        out.write(f"{family}\t{p}\t{expression}\t{value}\n")
