#!/usr/bin/env python3
"""Writes the benchmark inputs: a 500-step pipeline, a ~5 MB pipeline, and 1,000 small pipeline files."""
import os, sys

out = sys.argv[1]
os.makedirs(os.path.join(out, "many"), exist_ok=True)
step = open(os.path.join(os.path.dirname(__file__), "..", "fixtures", "pipelines", "privileged-pinned.yml")).read()
body = step.split("steps:\n", 1)[1]

def pipeline(n):
    return "steps:\n" + "".join(body.replace(':docker: build', f':docker: build {i}', 1) for i in range(n))

open(os.path.join(out, "steps-500.yml"), "w").write(pipeline(500))
big, n = "", 0
while len(big) < 5_000_000:
    n += 200
    big = pipeline(n)
open(os.path.join(out, "big-5mb.yml"), "w").write(big)
for i in range(1000):
    open(os.path.join(out, "many", f"pipeline-{i:04}.yml"), "w").write(pipeline(1))
