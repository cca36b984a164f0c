#!/usr/bin/env python3
"""accords-cli end to end: a fresh database, the seed, JSON output, errors."""
import json
import os
import subprocess
import sys
import tempfile

CLI = os.environ["ACCORDS_CLI"]
failures = 0
n = 0


def run(*args, db=None):
    cmd = [CLI] + (["--db", db] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def check(name, cond, detail=""):
    global failures, n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))
    if not cond:
        failures += 1
        if detail:
            print("# " + detail.replace("\n", "\n# "))


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "cli.db")
    r = run("agreements", "--json", db=db)
    check("agreements --json exits 0", r.returncode == 0, r.stderr)
    data = json.loads(r.stdout) if r.returncode == 0 else []
    check("21 agreements", len(data) == 21, str(len(data)))
    ids = {a["id"] for a in data}
    check("UK–Rwanda listed", "uk-rw-medp-2022" in ids)
    uk = next((a for a in data if a["id"] == "uk-rw-medp-2022"), {})
    check("fields", all(k in uk for k in ("id", "title", "status", "types", "parties", "events")), str(uk.keys()))
    check("UK–Rwanda scrapped", uk.get("status") == "scrapped")
    check("parties GB and RW", {p["country"] for p in uk.get("parties", [])} == {"GB", "RW"})
    check("event 2024-07-06", any(e["date"] == "2024-07-06" for e in uk.get("events", [])))

    r = run("countries", "--json", db=db)
    check("countries --json exits 0", r.returncode == 0, r.stderr)
    countries = json.loads(r.stdout) if r.returncode == 0 else []
    rw = next((c for c in countries if c["code"] == "RW"), {})
    check("Rwanda has 4 agreements", rw.get("agreements") == 4, str(rw))
    check("Rwanda has numeric code", rw.get("numeric") == "646", str(rw))

    r = run("agreements", "--country", "sv", db=db)
    check("agreements --country filters", r.returncode == 0 and "us-sv-cecot-2025" in r.stdout
          and "uk-rw" not in r.stdout, r.stdout + r.stderr)

    r = run("agreements", "--country", "XX", db=db)
    check("unknown country is an error", r.returncode != 0 and "XX" in r.stderr, r.stderr)

    r = run("nonsense", db=db)
    check("unknown command exits 2", r.returncode == 2 and "nonsense" in r.stderr)

    notdb = os.path.join(tmp, "notes.txt")
    with open(notdb, "w") as f:
        f.write("not a database\n")
    r = run("agreements", db=notdb)
    check("non-database refused", r.returncode == 1 and notdb in r.stderr and r.stderr.count("\n") == 1, r.stderr)
    with open(notdb) as f:
        check("non-database untouched", f.read() == "not a database\n")

print("1..%d" % n)
sys.exit(1 if failures else 0)
