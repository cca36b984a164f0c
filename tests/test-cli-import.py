#!/usr/bin/env python3
"""accords-cli parse, import and items, end to end."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from clitest import CLI, check, done, run, skip

DATA = os.path.join(os.environ["G_TEST_SRCDIR"], "data", "feeds")


r = run("parse", "--json", os.path.join(DATA, "rss20.xml"))
check("parse exits 0", r.returncode == 0, r.stderr)
data = json.loads(r.stdout) if r.returncode == 0 else {}
check("parse keys in order", list(data.keys()) == ["bozo", "format", "feed", "items"], list(data.keys()))
check("feed keys", list(data.get("feed", {}).keys()) == ["title", "link", "subtitle", "language", "updated"])
items = data.get("items", [])
check("item keys", items and list(items[0].keys()) == ["id", "title", "link", "author", "published", "updated",
                                                      "summary", "content", "categories", "enclosure"])
check("not bozo", data.get("bozo") is False)
check("format", data.get("format") == "rss20")
check("dates in UTC", data.get("feed", {}).get("updated") == "2024-07-06T08:30:00Z")
check("categories", items and items[0]["categories"] == ["Rwanda", "United Kingdom"])

r = run("parse", "--json", os.path.join(DATA, "hostile", "truncated.xml"))
check("ill-formed but recovered exits 0", r.returncode == 0, r.stderr)
check("ill-formed is bozo", r.returncode == 0 and json.loads(r.stdout)["bozo"] is True)

for name, reason in (("empty.xml", "empty"), ("html-page.html", "HTML"), ("not-xml.txt", "not XML"),
                     ("other-xml.xml", "not a feed"), ("missing.xml", "No such file")):
    path = os.path.join(DATA, "hostile", name)
    r = run("parse", "--json", path)
    check("%s exits 1" % name, r.returncode == 1, r.returncode)
    check("%s: one line naming the file and why" % name,
          r.stderr.count("\n") == 1 and path in r.stderr and reason in r.stderr and r.stdout == "", r.stderr)

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "cli.db")
    feed = os.path.join(tmp, "rss20.xml")
    shutil.copy(os.path.join(DATA, "rss20.xml"), feed)
    atom = os.path.join(tmp, "atom10.xml")
    shutil.copy(os.path.join(DATA, "atom10.xml"), atom)

    r = run("import", feed, atom, db=db)
    check("import exits 0", r.returncode == 0, r.stderr)
    check("import counts", "rss20.xml: 2 new, 0 updated, 0 unchanged" in r.stdout
          and "atom10.xml: 2 new, 0 updated, 0 unchanged" in r.stdout, r.stdout)

    r = run("import", feed, db=db)
    check("re-import changes nothing", r.returncode == 0 and "0 new, 0 updated, 2 unchanged" in r.stdout, r.stdout)

    html = os.path.join(DATA, "hostile", "html-page.html")
    r = run("import", html, feed, db=db)
    check("a rejected file makes the exit non-zero", r.returncode == 1, r.returncode)
    check("the rejection names the file and why", html in r.stderr and "HTML" in r.stderr, r.stderr)
    check("the other file is still imported", "2 unchanged" in r.stdout, r.stdout)

    r = run("items", "--json", db=db)
    check("items --json exits 0", r.returncode == 0, r.stderr)
    listed = json.loads(r.stdout) if r.returncode == 0 else []
    check("four items", len(listed) == 4, len(listed))
    check("newest first", listed and listed[0]["title"] == "US and El Salvador: CECOT transfers", listed[:1])
    check("item fields", listed and all(k in listed[0] for k in ("id", "feed_id", "feed", "title", "link",
                                                                  "published", "summary", "categories")))

    r = run("items", "--json", "--search", "scheme", db=db)
    found = json.loads(r.stdout) if r.returncode == 0 else []
    check("items --search", len(found) == 1 and found[0]["guid"] == "urn:news:1001", r.stdout + r.stderr)

    r = run("items", "--search", '"unbalanced AND (', db=db)
    check("a query with FTS syntax errors is not an error", r.returncode == 0, r.stderr)

    feed_id = listed[0]["feed_id"] if listed else 0
    r = run("items", "--json", "--feed", str(feed_id), db=db)
    check("items --feed", r.returncode == 0 and len(json.loads(r.stdout)) == 2, r.stdout)

    r = run("items", "--limit", "1", db=db)
    check("items --limit", r.returncode == 0 and r.stdout.count("\n") == 1, r.stdout)

    r = run("items", "--limit", "x", db=db)
    check("a bad --limit is a usage error", r.returncode == 2, r.returncode)

done()
