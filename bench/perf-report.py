#!/usr/bin/env python3
"""Self and inclusive time per method from `perf record -g` of the Native AOT calc.

perf cannot name the functions of a static-pie AOT binary by itself, so this maps the
dso-relative addresses of each sample to the binary's symbol table: the separate `calc.dbg` that publish
writes beside the binary when it is there, else the binary's own (-p:StripSymbols=false).

    perf record -F 10000 -g -o perf.data ./calc < corpus >/dev/null
    python3 bench/perf-report.py ./calc perf.data [--under NAME]
"""
import bisect
import collections
import os
import subprocess
import sys



def text_delta(binary):
    """perf reports file offsets within the executable segment; the symbol table holds virtual
    addresses. The difference is that segment's p_vaddr - p_offset (0x1000 for the static-pie
    build, 0x201000 for the fixed-address one)."""
    out = subprocess.run(['readelf', '-lW', binary], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == 'LOAD' and 'E' in parts[6:-1]:
            return int(parts[2], 16) - int(parts[1], 16)
    return 0


def symbols(binary):
    table = []
    out = subprocess.run(['nm', '--defined-only', binary], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] in 'tTwW':
            table.append((int(parts[0], 16), parts[2]))
    table.sort()
    return [a for a, _ in table], [n for _, n in table]


def samples(data):
    out = subprocess.run(['perf', 'script', '-i', data, '-F', 'ip,dso'], capture_output=True, text=True).stdout
    current = []
    for line in out.splitlines():
        line = line.strip()
        if not line:
            if current:
                yield current
            current = []
            continue
        parts = line.split(None, 1)
        try:
            current.append((int(parts[0], 16), parts[1] if len(parts) > 1 else ''))
        except ValueError:
            pass
    if current:
        yield current


def main():
    binary, data = sys.argv[1], sys.argv[2]
    under = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == '--under' else None
    debug = binary + '.dbg'
    addresses, names = symbols(debug if os.path.exists(debug) else binary)
    delta = text_delta(binary)
    own, inclusive, total = collections.Counter(), collections.Counter(), 0
    for sample in samples(data):
        frames = []
        for ip, dso in sample:
            if binary.split('/')[-1] not in dso:
                frames.append('[other]')
                continue
            i = bisect.bisect_right(addresses, ip + delta) - 1
            frames.append(names[i] if i >= 0 else '?')
        total += 1
        if under and not any(under in f for f in frames):
            continue
        own[frames[0]] += 1
        for name in set(frames):
            inclusive[name] += 1
    print(f'{total} samples' + (f', showing those under {under}' if under else ''))
    print('--- self')
    for name, count in own.most_common(40):
        print(f'{100 * count / total:6.2f}% {name[:140]}')
    print('--- inclusive')
    for name, count in inclusive.most_common(60):
        print(f'{100 * count / total:6.2f}% {name[:140]}')


if __name__ == '__main__':
    main()
