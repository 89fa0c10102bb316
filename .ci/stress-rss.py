#!/usr/bin/env python3
"""Runs a command and reports, as its last stderr line, the child's own peak resident memory,
wall time and exit status: "rss=KIB status=N time=S" (a signal is status 128+N).
Used by .ci/stress.py, which needs these per statement; /usr/bin/time is not everywhere."""
import os
import sys
import time

start = time.monotonic()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.monotonic() - start
code = os.waitstatus_to_exitcode(status)
code = 128 - code if code < 0 else code
sys.stderr.write(f"rss={usage.ru_maxrss} status={code} time={wall:.3f}\n")
sys.exit(0)
