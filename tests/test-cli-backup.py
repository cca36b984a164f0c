#!/usr/bin/env python3
"""accords-cli backup, backups and restore: the folder, rotation, restoring, a damaged database."""
import json
import os
import random
import re
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import time

from clitest import CLI, check, done, run, skip


def read(path):
    with open(path, "rb") as f:
        return f.read()


def agreement_ids(db):
    r = run("agreements", "--json", db=db)
    return {a["id"] for a in json.loads(r.stdout)} if r.returncode == 0 else None


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "research.db")
    folder = db + ".backups"

    r = run("backup", db=db)
    check("backup of a missing database is an error", r.returncode == 1 and db in r.stderr, r.stderr)
    check("and creates nothing", not os.path.exists(db) and not os.path.exists(folder))

    check("seeded", "us-rw-2025" in (agreement_ids(db) or set()))
    r = run("backup", db=db)
    first = r.stdout.strip()
    check("backup exits 0", r.returncode == 0, r.stderr)
    check("backup prints its path in the folder", os.path.dirname(first) == folder and os.path.isfile(first), first)
    check("named by its UTC time", re.fullmatch(r"\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z-manual\.db", os.path.basename(first)),
          first)
    with sqlite3.connect("file:%s?mode=ro" % first, uri=True) as con:
        check("the backup is whole", con.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        check("and holds the agreements", con.execute("SELECT count(*) FROM agreement").fetchone()[0] == 38)
    con.close()

    out = os.path.join(tmp, "copy.db")
    r = run("backup", "-o", out, db=db)
    check("backup -o FILE", r.returncode == 0 and r.stdout.strip() == out and os.path.isfile(out), r.stdout + r.stderr)

    r = run("backups", "--json", db=db)
    listed = json.loads(r.stdout) if r.returncode == 0 else []
    check("backups --json lists the one backup", [b["path"] for b in listed] == [first], r.stdout + r.stderr)
    check("with its date and reason", listed and listed[0]["date"].endswith("Z") and listed[0]["reason"] == "manual",
          str(listed))

    # restore brings back what was deleted, keeping what was there
    r = run("agreement", "delete", "us-rw-2025", "--force", db=db)
    check("delete an agreement", r.returncode == 0 and "us-rw-2025" not in agreement_ids(db), r.stderr)
    r = run("restore", first, db=db)
    check("restore exits 0", r.returncode == 0, r.stderr)
    check("restore brings the agreement back", "us-rw-2025" in (agreement_ids(db) or set()))
    m = re.search(r"kept as (\S+)", r.stdout)
    kept = m.group(1) if m else ""
    check("restore says where the database before it is kept", os.path.isfile(kept), r.stdout)
    with sqlite3.connect("file:%s?mode=ro" % kept, uri=True) as con:
        check("which lacks the deleted agreement",
              con.execute("SELECT count(*) FROM agreement WHERE slug = 'us-rw-2025'").fetchone()[0] == 0)
    con.close()

    r = run("restore", db=db)
    check("restore without a file exits 2", r.returncode == 2, r.stderr)

    # refusals leave the database as it was
    before = read(db)
    text = os.path.join(tmp, "notes.txt")
    with open(text, "w") as f:
        f.write("not a database\n")
    r = run("restore", text, db=db)
    check("restore refuses a file that is not SQLite", r.returncode == 1 and "not an Accords database" in r.stderr,
          r.stderr)
    other = os.path.join(tmp, "photos.db")
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, data BLOB)")
    con.close()
    r = run("restore", other, db=db)
    check("restore refuses another application's database", r.returncode == 1 and other in r.stderr, r.stderr)
    newer = os.path.join(tmp, "newer.db")
    with sqlite3.connect(newer) as con:
        con.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                          "CREATE TABLE agreement (id INTEGER PRIMARY KEY); PRAGMA user_version = 999;")
    con.close()
    r = run("restore", newer, db=db)
    check("restore refuses a newer schema", r.returncode == 1 and "newer version" in r.stderr, r.stderr)
    check("the database is untouched by refusals", read(db) == before)

    # rotation: the newest seven
    made = []
    for i in range(9):
        r = run("backup", db=db)
        made.append(r.stdout.strip())
    r = run("backups", "--json", db=db)
    listed = [b["path"] for b in json.loads(r.stdout)] if r.returncode == 0 else []
    check("seven backups are kept", len(listed) == 7, str(listed))
    check("the newest, newest first", listed == made[::-1][:7], "\n".join(listed))
    r = run("backups", db=db)
    check("backups lists one per line", r.returncode == 0 and len(r.stdout.splitlines()) == 7, r.stdout)

    # a backup killed at any moment leaves no file that looks like a backup
    random.seed(10)
    names_before = set(os.listdir(folder))
    for i in range(12):
        p = subprocess.Popen([CLI, "--db", db, "backup"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0.0, 0.15))
        p.kill()
        p.wait()
    r = run("backups", "--json", db=db)
    listed = [b["path"] for b in json.loads(r.stdout)] if r.returncode == 0 else []
    whole = True
    for path in listed:
        with sqlite3.connect("file:%s?mode=ro" % path, uri=True) as con:
            whole = whole and con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    check("after 12 kills every listed backup is whole", r.returncode == 0 and len(listed) == 7 and whole, str(listed))
    check("and what the kills left is hidden",
          all(name.startswith(".") and ".partial-" in name for name in set(os.listdir(folder)) - names_before
              if os.path.join(folder, name) not in listed), str(sorted(os.listdir(folder))))
    made = [run("backup", db=db).stdout.strip()]

    # a damaged database: the CLI says which backup to restore, and how
    with open(db, "r+b") as f:
        f.write(b"this header is damaged!")
    damaged = read(db)
    r = run("countries", db=db)
    lines = r.stderr.splitlines()
    check("a damaged database is an error", r.returncode == 1 and db in r.stderr, r.stderr)
    check("naming the newest backup", len(lines) == 2 and ("the newest backup is %s of " % made[-1]) in lines[1],
          r.stderr)
    m = re.search(r"restore it with (.*)$", lines[-1]) if lines else None
    command = shlex.split(m.group(1)) if m else []
    check("with the command to restore it", command == ["accords-cli", "--db", db, "restore", made[-1]], str(command))
    check("the damaged file is untouched", read(db) == damaged)

    r = subprocess.run([CLI] + command[1:], capture_output=True, text=True, timeout=60)
    check("the suggested command restores it", r.returncode == 0, r.stderr)
    m = re.search(r"kept as (\S+)", r.stdout)
    aside = m.group(1) if m else ""
    check("the damaged file is kept beside it", os.path.dirname(aside) == tmp and ".damaged-" in aside, r.stdout)
    check("byte for byte", os.path.isfile(aside) and read(aside) == damaged)
    check("and the database opens again", "us-rw-2025" in (agreement_ids(db) or set()))

done()
