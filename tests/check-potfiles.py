#!/usr/bin/env python3
"""Every file with translatable strings is in po/POTFILES.in, and every listed file exists."""
import os
import re
import sys

root = sys.argv[1]
listed = set()
with open(os.path.join(root, "po", "POTFILES.in")) as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

marker = re.compile(r'\b(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"|translatable="yes"')
found = set()
for top in ("src", "ui"):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for name in files:
            if not name.endswith((".c", ".ui")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                if marker.search(f.read()):
                    found.add(os.path.relpath(path, root))

ok = True
for path in sorted(found - listed):
    print("missing from po/POTFILES.in: " + path)
    ok = False
for path in sorted(listed):
    if not os.path.exists(os.path.join(root, path)):
        print("listed in po/POTFILES.in but absent: " + path)
        ok = False
sys.exit(0 if ok else 1)
