#!/usr/bin/env python3
"""Issue 9's hostile-input classes at 1x, 10x, 100x and 1000x of a small size: prints, for each, the input size,
bklint's wall time, exit code, output size and peak memory (text and SARIF), and how time and output grew from
10x to 1000x (linear growth gives about 100; the verdict allows up to 300 to absorb start-up and timing noise).

Usage: bench/hostile.py [--jar target/bklint.jar] [--only NAME]. Builds nothing: run ./bklint --version first.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

POD = """steps:
  - label: build
    command: buildctl-daemonless.sh build --frontend dockerfile.v0
    plugins:
      - kubernetes:
          podSpec:
"""


def complex_keys(n):
    return "steps:\n" + "  - ? [a]\n    : b\n" * n


def astral_at_buffer_edge(n):
    # an emoji straddling every 1024-character boundary of a long line, n lines
    line = "  - label: " + ("x" * 1012 + "\U0001F600") * 3 + "\n    command: make\n"
    return "steps:\n" + line * n


def huge_exponents(n):
    c = "              - image: moby/buildkit:rootless\n                securityContext:\n" \
        "                  runAsUser: 1e99999999\n                  runAsGroup: 1E+2147483648\n"
    return POD + "            containers:\n" + c * n


def nested_interpolation(n):
    return "steps:\n  - command: echo " + "${A:-" * n + "x" + "}" * n + "\n"


def ignore_ids(n):
    ids = ",".join("BK%03d" % (100 + i % 700) for i in range(n))
    return "steps:\n  # bklint-ignore " + ids + " reason\n  - command: make\n"


def alias_fanout(n):
    # n steps, each the alias of a step whose commands are an alias fan-out of 10^4
    out = ["x0: &x0 [buildctl build, buildctl build]"]
    for i in range(1, 5):
        out.append("x%d: &x%d [%s]" % (i, i, ", ".join(["*x%d" % (i - 1)] * 10)))
    out.append("steps:")
    out.append("  - &s\n    commands: *x4\n    plugins: [{kubernetes: {podSpec: {containers: [{image: moby/buildkit}]}}}]")
    out += ["  - *s"] * n
    return "\n".join(out) + "\n"


def many_containers(n):
    c = "              - name: c%d\n                image: moby/buildkit:latest\n"
    return POD + "            containers:\n" + "".join(c % i for i in range(n))


def unknown_keys(n):
    return POD + "            containers: [{image: moby/buildkit:latest}]\n" + "".join(
        "            unknownKey%d: 1\n" % i for i in range(n))


def ignore_comments(n):
    return "steps:\n" + "".join("  # bklint-ignore BK%03d reason\n  - command: make\n" % (100 + i % 700)
                                for i in range(n))


def csv_keys(n):
    keys = ",".join("k%d=v" % i for i in range(n))
    return "steps:\n  - command: buildctl build --output type=image,name=r/a," + keys + \
        "\n    plugins: [{kubernetes: {podSpec: {containers: [{image: moby/buildkit:latest}]}}}]\n"


def long_line_many_findings(n):
    # n unknown podSpec keys on one 40 KB line: every finding quotes that line
    keys = ", ".join("k%d: 1" % i for i in range(n))
    return "steps:\n  - command: make\n    plugins: [{kubernetes: {podSpec: {containers: [{image: moby/buildkit:latest}], " \
        "priorityClassName: " + "x" * 40000 + ", " + keys + "}}}]\n"


def control_characters(n):
    # n unknown podSpec keys made of terminal escapes and a forged workflow command
    keys = "".join('            "\\e[2K\\e]0;t\\a\\n::error x%d": 1\n' % i for i in range(n))
    return POD + "            containers: [{image: moby/buildkit:latest}]\n" + keys


CLASSES = [
    ("complex-keys", complex_keys, 10),
    ("astral-at-buffer-edge", astral_at_buffer_edge, 1),
    ("huge-exponents", huge_exponents, 1),
    ("nested-interpolation", nested_interpolation, 10),
    ("ignore-ids", ignore_ids, 10),
    ("alias-fan-out", alias_fanout, 1),
    ("many-containers", many_containers, 10),
    ("unknown-keys", unknown_keys, 10),
    ("ignore-comments", ignore_comments, 10),
    ("csv-keys", csv_keys, 50),
    ("long-line-many-findings", long_line_many_findings, 10),
    ("control-characters", control_characters, 10),
]


def run(jar, path, fmt):
    """Wall time, exit code, output bytes and peak resident memory (MiB) of one run."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as mem:
        try:
            p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", mem.name, "java", "-Xmx1g", "-jar", jar,
                                "--no-config", "--color=never", "--fail-on", "never", "-f", fmt, path],
                               stdout=out, stderr=subprocess.PIPE, timeout=120)
            code = p.returncode
        except subprocess.TimeoutExpired:
            code = "timeout"
        size = out.tell()
        kib = mem.read().strip().splitlines()
    return time.monotonic() - start, code, size, int(kib[-1]) // 1024 if kib and kib[-1].isdigit() else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/bklint.jar")
    ap.add_argument("--only")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="bklint-hostile-")
    print("%-24s %6s %10s %8s %5s %11s %11s %8s" % ("class", "x", "input B", "time s", "exit", "text B", "sarif B",
                                                   "peak MiB"))
    for name, make, unit in CLASSES:
        if args.only and args.only != name:
            continue
        rows = []
        for scale in (1, 10, 100, 1000):
            path = os.path.join(work, "%s-%d.yml" % (name, scale))
            with open(path, "w", encoding="utf-8") as f:
                f.write(make(unit * scale))
            t, code, text, peak = run(args.jar, path, "text")
            _, code_sarif, sarif, peak_sarif = run(args.jar, path, "sarif")
            rows.append((t, text, sarif, code in (0, 1, 2) and code_sarif in (0, 1, 2)))
            code = code if code == code_sarif else "%s/%s" % (code, code_sarif)
            print("%-24s %6d %10d %8.2f %5s %11d %11d %8d" % (name, scale, os.path.getsize(path), t, code, text, sarif,
                                                             max(peak, peak_sarif)))
            sys.stdout.flush()
        # growth from 10x to 1000x, start-up (the 1x time) taken off the time
        base = rows[0][0]
        tg = (rows[3][0] - base) / max(rows[1][0] - base, 0.05)
        og = max(rows[3][1], rows[3][2]) / max(rows[1][1], rows[1][2], 1)
        if not all(r[3] for r in rows):
            verdict = "FAILS (exit 3 or a timeout)"
        else:
            verdict = "linear" if tg <= 300 and og <= 300 else "SUPERLINEAR"
        print("%-24s growth 10x->1000x: time %.0fx, output %.0fx: %s" % (name, tg, og, verdict))


if __name__ == "__main__":
    main()
