#!/usr/bin/env python3
"""Writes the cause catalogue's patterns for grep: usage bench/grep_patterns.py ERE_FILE PCRE_FILE.

ERE_FILE gets each pattern translated from Java syntax to POSIX extended syntax, one a line, for `grep -E -f`;
PCRE_FILE gets, joined by |, the patterns ERE cannot say (look-behind), for `grep -P`. Prints how many went where.
Only `patterns` are written: they are what bklint runs on every line (near and unless-near run on few).
"""
import glob
import os
import re
import sys

import yaml

here = os.path.dirname(os.path.abspath(__file__))
ere_out, pcre_out = sys.argv[1], sys.argv[2]
CLASSES = {"d": "0-9", "s": "[:space:]", "w": "[:alnum:]_"}
NEGATED = {"D": "0-9", "S": "[:space:]", "W": "[:alnum:]_"}
ERE_SPECIAL = set(".[]()*+?{}|^$\\")


def to_ere(p):
    """The pattern in ERE, or None when ERE has no equivalent."""
    if re.search(r"\(\?<?[=!]|\(\?[a-z]", p):
        return None  # look-around and inline flags
    out, i, in_class = [], 0, False
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            e = p[i + 1]
            i += 2
            if e in CLASSES:
                out.append(CLASSES[e] if in_class else "[" + CLASSES[e] + "]")
            elif e in NEGATED:
                if in_class:
                    return None
                out.append("[^" + NEGATED[e] + "]")
            elif e == "b":
                out.append("\\b")
            elif e == "n":
                out.append("\\n" if not in_class else "\n")  # [^\n]: lines hold no newline anyway
            elif e.isalnum():
                return None
            elif in_class:
                out.append("\\\\" if e == "\\" else ("]" if e == "]" else e))
            else:
                out.append("\\" + e if e in ERE_SPECIAL else e)
            continue
        if c == "(" and p.startswith("(?:", i):
            out.append("(")
            i += 3
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out).replace("[^\n]*", ".*")


ere, pcre = [], []
for path in sorted(glob.glob(os.path.join(here, "..", "src", "main", "resources", "dev", "bklint", "diagnose",
                                          "causes", "*.yaml"))):
    with open(path, encoding="utf-8") as f:
        for p in yaml.safe_load(f)["patterns"]:
            t = to_ere(p)
            (ere if t is not None else pcre).append(t if t is not None else p)
with open(ere_out, "w", encoding="utf-8") as f:
    f.write("".join(p + "\n" for p in ere))
with open(pcre_out, "w", encoding="utf-8") as f:
    f.write("|".join(pcre))
print(f"{len(ere)} patterns as grep -E, {len(pcre)} only as grep -P (look-behind)")
