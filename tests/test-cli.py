#!/usr/bin/env python3
"""accords-cli end to end: a fresh database, the seed, JSON output, errors."""
import json
import os
import subprocess
import sys
import tempfile

from clitest import CLI, check, done, run, skip


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "cli.db")
    r = run("agreements", "--json", db=db)
    check("agreements --json exits 0", r.returncode == 0, r.stderr)
    data = json.loads(r.stdout) if r.returncode == 0 else []
    check("38 agreements", len(data) == 38, str(len(data)))
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
    status = {c["code"]: c["status"] for c in countries}
    # the most advanced live status: eight of ten US deals run, US–Rwanda too
    check("countries are coloured by their most advanced live status",
          [status.get(c) for c in ("US", "RW", "AU", "UG", "CA")]
          == ["implemented", "implemented", "implemented", "implemented", "in_force"], str(status))

    r = run("countries", "--json", "--on", "2024-05-01", db=db)
    then = {c["code"]: c for c in json.loads(r.stdout)} if r.returncode == 0 else {}
    check("countries --on gives each country's status on that date",
          then.get("GB", {}).get("status") == "ratified" and then.get("CA", {}).get("status") == "in_force"
          and then.get("GB", {}).get("on") == "2024-05-01", r.stderr + str(then.get("GB")))
    r = run("agreements", "--json", "--on", "2016-06-01", db=db)
    listed = {a["id"]: a for a in json.loads(r.stdout)} if r.returncode == 0 else {}
    check("agreements --on gives each agreement's status on that date",
          listed.get("us-ca-stca", {}).get("status_on") == "in_force"
          and listed.get("uk-rw-medp-2022", {}).get("status_on") == "none"
          and listed.get("uk-rw-medp-2022", {}).get("status") == "scrapped", r.stderr)
    app = os.path.join(os.path.dirname(CLI), "accords")
    r = subprocess.run([app, "--db", db, "--on", "2024-13-01"], capture_output=True, text=True, timeout=60)
    check("the window refuses a date that is not one, before it opens",
          r.returncode == 2 and "month 13" in r.stderr, r.stderr)
    r = run("countries", "--on", "2024-13-01", db=db)
    check("a date that is not one is refused", r.returncode == 2 and "month 13" in r.stderr, r.stderr)

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

    # link: what a text would be linked to
    seed = os.path.join(os.environ["G_TEST_SRCDIR"], "data", "seed-article.txt")
    r = run("link", "--file", seed, db=db)
    check("link --file exits 0", r.returncode == 0, r.stderr)
    links = json.loads(r.stdout) if r.returncode == 0 else {}
    codes = [c["code"] for c in links.get("countries", [])]
    check("seed article countries", codes == ["RW", "US", "GB", "SV", "PA", "CR", "IQ"], str(codes))
    rw = links.get("countries", [{}])[0]
    check("matched text and count", rw.get("matched") == "Rwanda, Rwandan" and rw.get("count") == 12, str(rw))
    ids = {a["id"] for a in links.get("agreements", [])}
    check("seed article agreements",
          ids == {"us-rw-2025", "uk-rw-medp-2022", "us-sv-cecot-2025", "us-pa-2025", "us-cr-2025"}, str(ids))
    first = links.get("agreements", [{}])[0]
    check("agreement fields", all(k in first for k in ("id", "score", "method", "reason", "signal", "signal_text"))
          and first.get("id") == "us-rw-2025" and first.get("signal") == "talks", str(first))

    with open(seed, encoding="utf-8") as f:
        text = f.read()
    r = subprocess.run([CLI, "--db", db, "link", "-"], input=text, capture_output=True, text=True, timeout=60)
    check("link - reads stdin", r.returncode == 0 and json.loads(r.stdout) == links, r.stderr)

    r = run("link", "Let", "us", "know", "what", "Britons", "think", db=db)
    data = json.loads(r.stdout) if r.returncode == 0 else {}
    check("link joins its arguments", r.returncode == 0 and [c["code"] for c in data.get("countries", [])] == ["GB"]
          and data.get("agreements") == [], r.stdout + r.stderr)

    r = run("link", db=db)
    check("link without text exits 2", r.returncode == 2 and "link" in r.stderr, r.stderr)
    missing = os.path.join(tmp, "missing.txt")
    r = run("link", "--file", missing, db=db)
    check("link of a missing file exits 1", r.returncode == 1 and "missing.txt" in r.stderr, r.stderr)

done()
