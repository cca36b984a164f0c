#!/usr/bin/env python3
"""accords-cli search and searches: grouped results with counts and marks, saved searches and their unread counts."""
import json
import os
import sqlite3
import tempfile

from clitest import check, done, run

ITEM = ("<item><title>{title}</title><guid>{guid}</guid><pubDate>{date}</pubDate>"
        "<description>{text}</description></item>\n")


def feed(path, items):
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
                '<link>https://example.org/</link>\n')
        for i, (title, date, text) in enumerate(items):
            f.write(ITEM.format(title=title, guid="g%d" % i, date=date, text=text))
        f.write("</channel></rss>\n")


ITEMS = [
    ("Flight of deported men lands in Kigali", "Mon, 05 May 2025 10:00:00 +0000",
     "The United States deported seven men to Rwanda &amp; more."),
    ("Deportation plan challenged", "Tue, 06 May 2025 10:00:00 +0000",
     "Lawyers say the deportation of migrants to Rwanda breaks the law."),
    ("Deportees describe the first flight", "Wed, 07 May 2025 10:00:00 +0000",
     "Deportees held in Kigali spoke of a long first flight."),
    ("Uganda talks stall", "Mon, 08 Jan 2024 10:00:00 +0000", "No agreement in Kampala."),
]

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "search.db")
    path = os.path.join(tmp, "feed.rss")
    feed(path, ITEMS)
    r = run("import", path, db=db)
    check("import", r.returncode == 0, r.stderr)

    r = run("search", "deport", "--json", db=db)
    check("search --json runs", r.returncode == 0, r.stderr)
    out = json.loads(r.stdout) if r.returncode == 0 else {}
    items = out.get("items", {})
    check("stemmed and prefixed: deported, deportation, deportees", items.get("total") == 3, out)
    check("newest first", [h["title"] for h in items.get("hits", [])][:1] == ["Deportees describe the first flight"],
          items)
    first = (items.get("hits") or [{}])[0]
    check("title matches in characters", first.get("title_matches") == [[0, 9]], first)
    check("snippet is plain text with its matches",
          "\u0002" not in first.get("snippet", "") and len(first.get("snippet_matches", [])) >= 1, first)
    check("agreements grouped with a total", out.get("agreements", {}).get("total", 0) >= 1 and
          any(h["id"] == "us-rw-2025" for h in out["agreements"]["hits"]), out.get("agreements"))
    check("notes group present", out.get("notes", {}).get("total") == 0, out.get("notes"))
    check("query as FTS5", out.get("fts") == '"deport"*', out.get("fts"))

    r = run("search", "deport", "--limit", "1", db=db)
    check("text: counts and [marks] off a terminal",
          r.returncode == 0 and "News items: 3 (the first 1)" in r.stdout and "[Deportees]" in r.stdout, r.stdout)

    r = run("search", '"first flight" OR title:uganda', "--json", db=db)
    check("phrase, OR, title:", r.returncode == 0 and json.loads(r.stdout)["items"]["total"] == 2, r.stdout)
    r = run("search", "deport NOT kigali", "--json", db=db)
    check("NOT", r.returncode == 0 and json.loads(r.stdout)["items"]["total"] == 1, r.stdout)
    r = run("search", '"unbalanced AND (Kigali', "--json", db=db)
    check("malformed: plain words", r.returncode == 0 and json.loads(r.stdout)["items"]["total"] == 0, r.stderr)
    r = run("search", "kigali OR kampala", "--json", "--since", "2025", "--until", "2025-05-05", db=db)
    got = json.loads(r.stdout) if r.returncode == 0 else {}
    check("date range; news alone", got.get("items", {}).get("total") == 1 and got["agreements"]["total"] == 0,
          r.stdout + r.stderr)
    r = run("search", "kigali", "--country", "UG", "--json", db=db)
    check("--country", r.returncode == 0 and json.loads(r.stdout)["items"]["total"] == 0, r.stdout)
    r = run("search", "kigali", "--since", "May 2025", db=db)
    check("a bad date is a usage error", r.returncode == 2 and "--since" in r.stderr, r.stderr)
    r = run("search", "kigali", "--country", "ZZ", db=db)
    check("an unknown country is refused", r.returncode == 1 and "ZZ" in r.stderr, r.stderr)
    r = run("search", db=db)
    check("no query: usage", r.returncode == 2, r.stderr)

    # saved searches
    r = run("searches", "add", "Deportations to Rwanda", "deport", "--country", "rw", db=db)
    check("searches add", r.returncode == 0, r.stderr)
    r = run("searches", "add", "Kigali", "kigali", "--since", "2025-05", db=db)
    check("searches add with dates", r.returncode == 0, r.stderr)
    r = run("searches", "add", "Kigali", "kampala", db=db)
    check("a name is taken once", r.returncode == 1 and "Kigali" in r.stderr, r.stderr)
    r = run("searches", "--json", db=db)
    listed = {s["name"]: s for s in json.loads(r.stdout)} if r.returncode == 0 else {}
    check("searches --json", set(listed) == {"Deportations to Rwanda", "Kigali"}, r.stdout + r.stderr)
    check("counts", listed.get("Deportations to Rwanda", {}).get("unread") == 3 and
          listed["Deportations to Rwanda"]["country"] == "RW" and listed["Kigali"]["items"] == 2, listed)

    con = sqlite3.connect(db)
    con.execute("UPDATE item SET read = 1")
    con.commit()
    con.close()
    feed(path, ITEMS + [("More deportees reach Rwanda", "Fri, 09 May 2025 10:00:00 +0000",
                         "A second group was deported to Kigali.")])
    r = run("import", path, db=db)
    check("import of one more", r.returncode == 0, r.stderr)
    r = run("searches", "--json", db=db)
    listed = {s["name"]: s for s in json.loads(r.stdout)} if r.returncode == 0 else {}
    check("the unread count rises after an import",
          listed.get("Deportations to Rwanda", {}).get("unread") == 1 and
          listed["Deportations to Rwanda"]["items"] == 4 and listed["Kigali"]["unread"] == 1, listed)
    r = run("searches", db=db)
    check("searches as text", r.returncode == 0 and "Kigali\t1 unread of 3\tkigali --since 2025-05" in r.stdout,
          r.stdout)

    r = run("searches", "rename", "Kigali", "Kigali news", db=db)
    check("searches rename", r.returncode == 0, r.stderr)
    r = run("searches", "remove", "Kigali news", db=db)
    check("searches remove", r.returncode == 0, r.stderr)
    r = run("searches", "remove", "Kigali news", db=db)
    check("removing what is not there fails", r.returncode == 1 and "Kigali news" in r.stderr, r.stderr)
    r = run("searches", "--json", db=db)
    check("one left", r.returncode == 0 and [s["name"] for s in json.loads(r.stdout)] == ["Deportations to Rwanda"],
          r.stdout)
    r = run("searches", "frobnicate", db=db)
    check("unknown subcommand", r.returncode == 2, r.stderr)

done()
