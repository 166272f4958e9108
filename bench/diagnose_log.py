#!/usr/bin/env python3
"""Writes a big, realistic failed-job log for timing `bklint diagnose`: usage bench/diagnose_log.py OUT MB.

Most of a real job log is build noise, so the body is BuildKit plain progress (#N vertex lines with elapsed
times), package-manager output and agent group headers, every line behind the raw Buildkite timestamp
(ESC _bk;t=<ms> BEL) and some with ANSI colours or carriage-return progress redraws; one line in 200 is a line of
a sample log in ../shared/diagnose-samples (or fixtures/diagnose when that folder is absent), so the cause
patterns' literals do occur. The log ends with one sample's failure, so the run has a cause to name.
"""
import glob
import os
import random
import sys

out, mb = sys.argv[1], float(sys.argv[2])
here = os.path.dirname(os.path.abspath(__file__))
samples = sorted(glob.glob(os.path.join(here, "..", "..", "..", "shared", "diagnose-samples", "*.log"))) \
    or sorted(glob.glob(os.path.join(here, "..", "fixtures", "diagnose", "*.log")))
sample_lines = []
for path in samples:
    with open(path, encoding="utf-8") as f:
        sample_lines += [l.rstrip("\n") for l in f if not l.startswith("# ")]
rng = random.Random(12)
packages = ["libssl3", "ca-certificates", "curl", "git", "python3-pip", "build-essential", "zlib1g-dev", "tzdata"]
words = "resolve image config for docker.io/library/golang:1.22 load build context transferring context".split()


def noise(i, t):
    v = i % 40 + 1
    k = rng.randrange(12)
    if k < 5:
        return f"#{v} {t % 1000 / 10:.3f} Get:{i % 900} http://deb.debian.org/debian bookworm/main amd64 " \
               f"{rng.choice(packages)} amd64 3.0.{i % 17}-1 [{i % 5000} kB]"
    if k < 7:
        return f"#{v} {t % 1000 / 10:.3f} npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory"
    if k < 8:
        return f"#{v} [{v}/{v + 3}] RUN {' '.join(rng.sample(words, 4))}"
    if k < 9:
        return f"\x1b[32m#{v} DONE {t % 100 / 10:.1f}s\x1b[0m"
    if k < 10:
        return f"#{v} sha256:{i * 2654435761 % 16**16:016x}{i:048x} {i % 90}MB / 120MB\r#{v} sha256:{i:064x} 120MB / 120MB"
    if k < 11:
        return f"--- :docker: step {i % 7}"
    return f"#{v} {t % 1000 / 10:.3f} go: downloading github.com/moby/buildkit v0.{i % 20}.1"


target = int(mb * 1024 * 1024)
written, i, t = 0, 0, 1_700_000_000_000
with open(out, "w", encoding="utf-8", newline="") as f:
    chunk = []
    while written < target:
        i += 1
        t += rng.randrange(40)
        line = rng.choice(sample_lines) if i % 200 == 0 else noise(i, t)
        s = f"\x1b_bk;t={t}\x07{line}\n"
        chunk.append(s)
        written += len(s.encode("utf-8"))
        if len(chunk) >= 10000:
            f.write("".join(chunk))
            chunk = []
    with open(samples[-1], encoding="utf-8") as tail:
        chunk += [l for l in tail if not l.startswith("# ")]
    f.write("".join(chunk))
