#!/usr/bin/env python3
"""The database door, tried from the command line as a new user would: files
that are not Accords databases are refused and left byte for byte as they
were, reads never wait for a writer and write nothing, a writer that cannot
get the lock names the database, a full disk or a damaged file gets a message
of its own, and a read-only folder can still be read."""
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

CLI = os.environ["ACCORDS_CLI"]
failures = 0
n = 0


def run(*args, db=None, timeout=60, user=None, stdin=None):
    cmd = [CLI] + (["--db", db] if db is not None else []) + list(args)
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups", "--"] + cmd
    return subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=stdin)


def check(name, cond, detail=""):
    global failures, n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))
    if not cond:
        failures += 1
        if detail:
            print("# " + str(detail).replace("\n", "\n# "))


def skip(name, why):
    global n
    n += 1
    print("ok %d - %s # SKIP %s" % (n, name, why))


def snapshot(path):
    """The bytes of a file and the names beside it, to show nothing changed"""
    with open(path, "rb") as f:
        data = f.read()
    return data, sorted(os.listdir(os.path.dirname(path)))


def err(r):
    return r.stderr.decode("utf-8", "replace")


def count(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


with tempfile.TemporaryDirectory() as tmp:
    # --- paths that are not databases -------------------------------------
    r = run("countries", db="")
    check("--db \"\" is an error", r.returncode != 0 and "empty" in err(r), err(r))

    missing = os.path.join(tmp, "no-such-folder", "x.db")
    r = run("countries", db=missing)
    check("--db in a folder that does not exist is an error",
          r.returncode != 0 and "does not exist" in err(r) and not os.path.exists(os.path.dirname(missing)), err(r))

    fifo = os.path.join(tmp, "pipe.db")
    os.mkfifo(fifo)
    start = time.monotonic()
    r = run("countries", db=fifo, timeout=20)
    check("a FIFO as the database is refused at once",
          r.returncode != 0 and "pipe" in err(r) and time.monotonic() - start < 10, err(r))

    r = run("countries", db="/dev/null")
    check("a device as the database is refused",
          r.returncode != 0 and "device" in err(r) and stat.S_ISCHR(os.stat("/dev/null").st_mode), err(r))

    r = run("countries", db=tmp)
    check("a folder as the database is refused", r.returncode != 0 and "folder" in err(r), err(r))

    empty = os.path.join(tmp, "empty", "empty.db")
    os.mkdir(os.path.dirname(empty))
    open(empty, "wb").close()
    before = snapshot(empty)
    r = run("countries", db=empty)
    check("a zero-length file is refused with its own message",
          r.returncode != 0 and "empty file" in err(r) and empty in err(r), err(r))
    check("the zero-length file is left as it was", snapshot(empty) == before)

    text = os.path.join(tmp, "text", "notes.db")
    os.mkdir(os.path.dirname(text))
    with open(text, "w") as f:
        f.write("These are my research notes, not a database.\n" * 20)
    before = snapshot(text)
    r = run("countries", db=text)
    check("a text file is refused", r.returncode != 0 and "not a SQLite file" in err(r), err(r))
    check("the text file is left as it was", snapshot(text) == before)

    # Another application's SQLite file, user_version 0 with tables of its own
    other = os.path.join(tmp, "other", "places.sqlite")
    os.mkdir(os.path.dirname(other))
    con = sqlite3.connect(other)
    con.executescript("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                      "INSERT INTO moz_places (url) VALUES ('https://example.org/');")
    con.close()
    before = snapshot(other)
    r = run("countries", db=other)
    check("another application's SQLite file is refused",
          r.returncode != 0 and "another application" in err(r) and "moz_places" in err(r), err(r))
    check("another application's SQLite file is left byte for byte", snapshot(other) == before)
    r = run("import-dataset", os.devnull, db=other)
    check("a writing command refuses it too", r.returncode != 0 and snapshot(other) == before, err(r))

    # --- a real database ---------------------------------------------------
    db = os.path.join(tmp, "work", "accords.db")
    os.mkdir(os.path.dirname(db))
    r = run("agreements", "--json", db=db)
    check("a new database is made and seeded", r.returncode == 0 and len(json.loads(r.stdout)) > 0, err(r))
    n_agreements = count(db, "SELECT count(*) FROM agreement")

    # A newer Accords
    newer = os.path.join(tmp, "newer", "accords.db")
    os.mkdir(os.path.dirname(newer))
    shutil.copy(db, newer)
    con = sqlite3.connect(newer)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    con.execute("PRAGMA user_version = %d" % (version + 7))
    con.close()
    before = snapshot(newer)
    r = run("countries", db=newer)
    check("a database from a newer Accords is refused",
          r.returncode != 0 and "newer version" in err(r), err(r))
    check("the newer database is left as it was", snapshot(newer) == before)

    # A truncated file
    truncated = os.path.join(tmp, "truncated", "accords.db")
    os.mkdir(os.path.dirname(truncated))
    with open(db, "rb") as f:
        data = f.read()
    with open(truncated, "wb") as f:
        f.write(data[: len(data) // 3])
    before = snapshot(truncated)
    r = run("agreements", db=truncated)
    check("a truncated database is reported as damaged, naming it",
          r.returncode != 0 and "damaged" in err(r) and truncated in err(r), err(r))
    check("the truncated file is left as it was", snapshot(truncated) == before)

    # Random bytes in the middle of the file
    damaged = os.path.join(tmp, "damaged", "accords.db")
    os.mkdir(os.path.dirname(damaged))
    shutil.copy(db, damaged)
    size = os.path.getsize(damaged)
    with open(damaged, "r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(min(65536, size // 4)))
    before = snapshot(damaged)
    r = run("agreements", db=damaged)
    r2 = run("items", "--json", db=damaged)
    r3 = run("check", db=damaged)
    reported = [x for x in (r, r2, r3) if x.returncode != 0 and "damaged" in err(x) and damaged in err(x)]
    check("random bytes in the middle are reported as damage, naming the file",
          r3.returncode != 0 and len(reported) >= 1, "\n".join(err(x) for x in (r, r2, r3)))
    check("nothing says 'malformed' without saying damaged",
          all("malformed" not in err(x) or "damaged" in err(x) for x in (r, r2, r3)))
    check("the damaged file is left as it was", snapshot(damaged) == before)

    r = run("check", db=db)
    check("check says a sound database is sound", r.returncode == 0, err(r))

    # --- reads never wait for a writer, and write nothing ----------------------
    holder = sqlite3.connect(db, timeout=0, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO meta (key, value) VALUES ('held', 'yes')")
    for args in (["agreements", "--json"], ["countries"], ["items", "--json"],
                 ["export-dataset", "-o", os.path.join(tmp, "while-locked.json")]):
        start = time.monotonic()
        r = run(*args, db=db)
        took = time.monotonic() - start
        check("%s runs while another process holds the write lock" % args[0],
              r.returncode == 0 and took < 5, "%.1f s: %s" % (took, err(r)))

    # A writer waits for the busy timeout, then names the database
    note = os.path.join(tmp, "note.md")
    with open(note, "w") as f:
        f.write("# A note written while the database was locked\n")
    start = time.monotonic()
    r = run("note", "add", "--file", note, db=db, timeout=60)
    took = time.monotonic() - start
    check("a writer that cannot get the lock fails after waiting",
          r.returncode != 0 and took >= 5, "%.1f s: %s" % (took, err(r)))
    check("its message says busy and names the database",
          "busy" in err(r) and db in err(r) and "malformed" not in err(r), err(r))
    holder.execute("ROLLBACK")
    holder.close()
    check("the refused note is not there",
          count(db, "SELECT count(*) FROM note WHERE body LIKE '%while the database was locked%'") == 0)

    r = run("note", "add", "--file", note, db=db)
    check("once the lock is gone, the same note is written", r.returncode == 0, err(r))
    check("and it is there",
          count(db, "SELECT count(*) FROM note WHERE body LIKE '%while the database was locked%'") == 1)

    # --- a read-only folder: reading still works ---------------------------
    if os.geteuid() == 0 and shutil.which("setpriv"):
        ro = tempfile.mkdtemp(prefix="accords-ro-")
        try:
            ro_db = os.path.join(ro, "accords.db")
            shutil.copy(db, ro_db)
            os.chmod(ro_db, 0o644)
            ro_note = os.path.join(ro, "note.md")
            shutil.copy(note, ro_note)
            os.chmod(ro_note, 0o644)
            os.chmod(ro, 0o755)   # nobody may read, not write, here
            before = snapshot(ro_db)
            r = run("agreements", "--json", db=ro_db, user=65534)
            check("a database in a read-only folder can be read",
                  r.returncode == 0 and len(json.loads(r.stdout or b"[]")) == n_agreements, err(r))
            r = run("note", "add", "--file", ro_note, db=ro_db, user=65534)
            check("writing to it says it is read-only",
                  r.returncode != 0 and "read-only" in err(r) and ro_db in err(r), err(r))
            check("the read-only database is left as it was", snapshot(ro_db) == before)
        finally:
            shutil.rmtree(ro, ignore_errors=True)
    else:
        skip("a database in a read-only folder can be read", "needs root to act as another user")

    # --- a full disk ---------------------------------------------------------
    mnt = tempfile.mkdtemp(prefix="accords-full-")
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt], capture_output=True).returncode == 0
    if mounted:
        try:
            full_db = os.path.join(mnt, "accords.db")
            r = run("countries", db=full_db)
            check("a database on a small disk opens", r.returncode == 0, err(r))
            notes_before = count(full_db, "SELECT count(*) FROM note")
            with open(os.path.join(mnt, "filler"), "wb") as f:
                try:
                    while True:
                        f.write(b"\0" * 65536)
                        f.flush()
                except OSError:
                    pass
            big = os.path.join(tmp, "big.md")
            with open(big, "w") as f:
                f.write("# A long note\n\n" + ("Words that need room on the disk. " * 40 + "\n") * 400)
            r = run("note", "add", "--file", big, db=full_db)
            check("note add on a full disk fails", r.returncode != 0, r.stdout.decode() + err(r))
            check("and says the disk is full, naming the database",
                  "full" in err(r) and full_db in err(r), err(r))
            os.unlink(os.path.join(mnt, "filler"))
            check("nothing half-written was stored", count(full_db, "SELECT count(*) FROM note") == notes_before)
            check("the database is sound after the full disk",
                  count(full_db, "PRAGMA integrity_check") == "ok")
        finally:
            subprocess.run(["umount", mnt], capture_output=True)
            os.rmdir(mnt)
    else:
        os.rmdir(mnt)
        skip("note add on a full disk fails", "cannot mount a small tmpfs here")

print("1..%d" % n)
sys.exit(1 if failures else 0)
