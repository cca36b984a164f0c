#!/usr/bin/env python3
"""accords-cli parse and import of NewsML-G2, news sitemaps, Atom entries and mapped XML."""
import json
import os
import shutil
import tempfile

from clitest import check, done, run

DATA = os.path.join(os.environ["G_TEST_SRCDIR"], "data", "formats")
MAPPING = "item=record;title=headline;published=meta/@date;link=url;summary=lead"


def parse_json(*args):
    r = run("parse", "--json", *args)
    try:
        return r, json.loads(r.stdout)
    except ValueError:
        return r, {}


for name, fmt, n in (("newsml-item.xml", "newsml-g2", 1), ("newsml-message.xml", "newsml-g2", 3),
                     ("newsml-prefixed.xml", "newsml-g2", 1), ("newsml-plain.xml", "newsml-g2", 1),
                     ("sitemap-news.xml", "sitemap-news", 2), ("atom-entry.xml", "atom10-entry", 1)):
    r, data = parse_json(os.path.join(DATA, name))
    check("%s: parse exits 0" % name, r.returncode == 0, r.stderr)
    check("%s: format %s" % (name, fmt), data.get("format") == fmt, data.get("format"))
    check("%s: %d items" % (name, n), len(data.get("items", [])) == n, data.get("items"))
    check("%s: the keys of a feed's JSON" % name, list(data.keys()) == ["bozo", "format", "feed", "items"]
          and all(list(i.keys()) == ["id", "title", "link", "author", "published", "updated", "summary",
                                     "content", "categories", "enclosure"] for i in data.get("items", [])))

r, data = parse_json(os.path.join(DATA, "newsml-item.xml"))
item = data.get("items", [{}])[0]
check("newsml: the guid is the id", item.get("id") == "urn:newsml:news.example.org:20250612:rwanda-talks")
check("newsml: the provider is the feed", data.get("feed", {}).get("title") == "Example News Agency")
check("newsml: dates in UTC", item.get("published") == "2025-06-12T07:30:00Z", item)
check("newsml: the body is sanitized", "<script" not in item.get("content", "x") and "<em>" in item.get("content", ""))

r, data = parse_json(os.path.join(DATA, "atom-entry.xml"))
check("atom entry: its feed is its source", data.get("feed", {}).get("title") == "Example News: Europe", data)

for name, reason in (("sitemap-plain.xml", "plain sitemap"), ("sitemap-index.xml", "sitemap index"),
                     ("newsml-concept.xml", "conceptItem")):
    path = os.path.join(DATA, name)
    r = run("parse", "--json", path)
    check("%s is refused" % name, r.returncode == 1 and r.stdout == "", r.returncode)
    check("%s: one line naming the file and why" % name,
          r.stderr.count("\n") == 1 and path in r.stderr and reason in r.stderr, r.stderr)

press = os.path.join(DATA, "press-releases.xml")
r = run("parse", "--json", press)
check("unknown XML is refused", r.returncode == 1, r.returncode)
check("the refusal says a mapping reads it, on its one line",
      r.stderr.count("\n") == 1 and "--map" in r.stderr and "<releases>" in r.stderr, r.stderr)

r, data = parse_json("--map", MAPPING, press)
check("parse --map exits 0", r.returncode == 0, r.stderr)
check("parse --map: format mapped", data.get("format") == "mapped")
items = data.get("items", [])
check("parse --map: the records with fields", len(items) == 2, items)
check("parse --map: fields where the mapping says",
      items and items[0]["title"] == "Minister signs memorandum with Rwanda"
      and items[0]["published"] == "2025-06-12T07:00:00Z"
      and items[0]["link"] == "https://ministry.example.org/press/2025/101"
      and "<script" not in items[0]["summary"], items[:1])

r = run("parse", "--map", "item=nothing;title=headline", press)
check("a mapping that matches nothing is an error", r.returncode == 1 and "matches nothing" in r.stderr, r.stderr)
r = run("parse", "--map", "title=headline", press)
check("a mapping without item is a usage error", r.returncode == 2 and "item=" in r.stderr, r.stderr)
r = run("parse", "--map", "item=record;colour=red", press)
check("a mapping naming no field is a usage error", r.returncode == 2 and "colour" in r.stderr, r.stderr)

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "cli.db")
    copy = os.path.join(tmp, "press.xml")
    shutil.copy(press, copy)
    newer = os.path.join(tmp, "press-2.xml")
    with open(press, encoding="utf-8") as f:
        text = f.read()
    with open(newer, "w", encoding="utf-8") as f:
        f.write(text.replace("PR-2025-102", "PR-2025-104").replace("2025/102", "2025/104")
                .replace("Statement on the court ruling", "Second statement"))

    r = run("import", copy, db=db)
    check("import of unknown XML is rejected", r.returncode == 1 and "--map" in r.stderr, r.stderr)
    r = run("import", "--map", "item=release;title=headline", copy, db=db)
    check("import with a mapping that matches nothing is rejected",
          r.returncode == 1 and "matches nothing" in r.stderr, r.stderr)
    r = run("import", "--map", MAPPING, copy, db=db)
    check("import --map exits 0", r.returncode == 0, r.stderr)
    check("import --map counts", "2 new, 0 updated, 0 unchanged" in r.stdout, r.stdout)
    r = run("import", copy, db=db)
    check("the mapping is remembered for the same root", r.returncode == 0 and "0 new, 0 updated, 2 unchanged"
          in r.stdout, r.stdout + r.stderr)
    r = run("import", newer, db=db)
    check("and serves another file with that root", r.returncode == 0 and "2 new" in r.stdout, r.stdout + r.stderr)
    r = run("items", "--json", db=db)
    check("mapped items are stored", r.returncode == 0 and "Minister signs memorandum with Rwanda" in r.stdout,
          r.stderr)

    r = run("import", os.path.join(DATA, "newsml-message.xml"), os.path.join(DATA, "sitemap-news.xml"),
            os.path.join(DATA, "atom-entry.xml"), db=db)
    check("NewsML-G2, sitemap and entry import", r.returncode == 0 and "newsml-message.xml: 3 new" in r.stdout
          and "sitemap-news.xml: 2 new" in r.stdout and "atom-entry.xml: 1 new" in r.stdout, r.stdout + r.stderr)
    r = run("import", os.path.join(DATA, "newsml-message.xml"), db=db)
    check("re-import changes nothing", "0 new, 0 updated, 3 unchanged" in r.stdout, r.stdout)

done()
