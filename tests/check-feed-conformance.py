#!/usr/bin/env python3
"""Runs the shared feed conformance corpus against accords-cli parse --json.

Passes when at least 97% of the checks outside wellformed/sanitize/acceptable_*
pass and no file crashes or times out anywhere.  Prints the runner's table."""
import csv
import os
import subprocess
import sys
import tempfile

runner, cli = sys.argv[1], sys.argv[2]
TARGET = 0.97

with tempfile.TemporaryDirectory() as tmp:
    report = os.path.join(tmp, "report.tsv")
    proc = subprocess.run([sys.executable, runner, "--cmd", cli + " parse --json {file}",
                           "--report", report, "--timeout", "10"],
                          capture_output=True, text=True)
    print(proc.stdout)
    if proc.returncode not in (0, 1):
        print(proc.stderr)
        sys.exit(1)
    passed = total = 0
    unusable = set()
    with open(report, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            reason = row["reason"]
            if reason.startswith(("killed by signal", "timed out", "stdout is not", "JSON is not", "cannot start")):
                unusable.add(row["path"] + ": " + reason)
            if "/sanitize/acceptable_" in row["path"]:
                continue
            total += 1
            passed += row["result"] == "pass"

rate = passed / total if total else 0
print("outside sanitize/acceptable_*: %d of %d checks pass (%.2f%%), target %.0f%%"
      % (passed, total, 100 * rate, 100 * TARGET))
for u in sorted(unusable):
    print("crashed or timed out: " + u)
ok = rate >= TARGET and not unusable
print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
sys.exit(0 if ok else 1)
