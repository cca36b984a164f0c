#!/usr/bin/env python3
"""accords-cli mark and items: read and starred, kept across re-import and relink."""
import json
import os
import shutil
import tempfile

from clitest import check, done, run

NEWS = os.path.join(os.environ["G_TEST_SRCDIR"], "data", "news")


def items(db):
    r = run("items", "--json", db=db)
    check("items --json exits 0", r.returncode == 0, r.stderr)
    return {i["guid"]: i for i in json.loads(r.stdout)} if r.returncode == 0 else {}


def flags(db):
    return {guid: (i["read"], i["starred"]) for guid, i in items(db).items()}


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "reading.db")
    feed = os.path.join(tmp, "desk.rss")
    shutil.copy(os.path.join(NEWS, "desk.rss"), feed)

    r = run("import", feed, db=db)
    check("import exits 0", r.returncode == 0, r.stderr)
    stored = items(db)
    check("items --json says read and starred, before the enclosure",
          stored and list(stored["desk-1"].keys())[-3:] == ["read", "starred", "enclosure"],
          stored and list(stored["desk-1"].keys()))
    check("new items are unread and not starred",
          flags(db) == {g: (False, False) for g in ("desk-1", "desk-2", "desk-3")}, flags(db))
    ids = {guid: str(i["id"]) for guid, i in stored.items()}

    r = run("mark", ids["desk-1"], ids["desk-2"], "--read", db=db)
    check("mark --read exits 0", r.returncode == 0, r.stderr)
    check("mark prints each item's state",
          r.stdout == "%s\tread\t-\n%s\tread\t-\n" % (ids["desk-1"], ids["desk-2"]), r.stdout)
    r = run("mark", ids["desk-2"], "--star", db=db)
    check("mark --star exits 0", r.returncode == 0 and r.stdout == "%s\tread\tstarred\n" % ids["desk-2"],
          r.stdout + r.stderr)
    r = run("mark", ids["desk-3"], "--star", "--read", db=db)
    r = run("mark", ids["desk-3"], "--unread", db=db)
    check("mark --unread leaves the star", r.returncode == 0 and r.stdout == "%s\tunread\tstarred\n" % ids["desk-3"],
          r.stdout + r.stderr)
    marked = {"desk-1": (True, False), "desk-2": (True, True), "desk-3": (False, True)}
    check("the marks are stored", flags(db) == marked, flags(db))

    # usage errors and unknown items change nothing
    for args, status in ((["--read"], 2), ([ids["desk-1"]], 2), ([ids["desk-1"], "--read", "--unread"], 2),
                         ([ids["desk-1"], "--star", "--unstar"], 2), (["abc", "--read"], 2),
                         ([ids["desk-1"], "999999", "--unread"], 1)):
        r = run("mark", *args, db=db)
        check("mark %s exits %d" % (" ".join(args), status), r.returncode == status, r.returncode)
    check("a failed mark changes none of the items", flags(db) == marked, flags(db))

    # the same feed again: nothing new, nothing lost
    r = run("import", feed, db=db)
    check("re-import changes nothing", r.returncode == 0 and "0 new, 0 updated, 3 unchanged" in r.stdout, r.stdout)
    check("re-import keeps read and starred", flags(db) == marked, flags(db))

    # an updated version of the items (same guids, new text) keeps them too
    with open(feed, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("Rwanda confirms talks with the United States",
                        "Rwanda confirms talks with the United States on deportations")
    text = text.replace("Italy repurposed the Gjadër centre.", "Italy repurposed the Gjadër centre again.")
    text = text.replace("A first flight carried 135 people.", "A first flight carried 135 people from Kenya.")
    with open(feed, "w", encoding="utf-8") as f:
        f.write(text)
    r = run("import", feed, db=db)
    check("the updated items are updated", r.returncode == 0 and "0 new, 3 updated, 0 unchanged" in r.stdout,
          r.stdout + r.stderr)
    updated = items(db)
    check("the update is stored", updated.get("desk-1", {}).get("title", "").endswith("on deportations"),
          updated.get("desk-1"))
    check("the ids stay", {g: str(i["id"]) for g, i in updated.items()} == ids)
    check("an update keeps read and starred", flags(db) == marked, flags(db))

    # linked again from scratch, as after a gazetteer change
    r = run("relink", db=db)
    check("relink exits 0", r.returncode == 0 and "Linked 3 items again" in r.stdout, r.stdout + r.stderr)
    check("relink keeps read and starred", flags(db) == marked, flags(db))

    r = run("mark", ids["desk-2"], "--unstar", "--unread", db=db)
    check("mark --unstar --unread", r.returncode == 0 and r.stdout == "%s\tunread\t-\n" % ids["desk-2"],
          r.stdout + r.stderr)
    check("the other items keep their marks",
          flags(db) == {"desk-1": (True, False), "desk-2": (False, False), "desk-3": (False, True)}, flags(db))

done()
