#!/usr/bin/env python3
"""accords-cli note, source and export: a fresh database, the US–Rwanda dossier
with a note citing the seed article, every format parsed by an independent
reader, and errors that name what is wrong and write nothing."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

from clitest import CLI, check, done, skip
import clitest


def run(*args, **kwargs):
    return clitest.run(*args, text=False, **kwargs)

SRCDIR = os.environ["G_TEST_SRCDIR"]
ARTICLE = os.path.join(SRCDIR, "data", "seed-article.txt")


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "notes.db")
    epoch = {"SOURCE_DATE_EPOCH": "1757937600"}   # 15 September 2025

    with open(ARTICLE, encoding="utf-8") as f:
        title = f.readline().strip()
    r = run("source", "add", "--url", "file://" + ARTICLE, "--title", title, "--type", "document",
            "--agreement", "us-rw-2025", "--accessed", "2025-09-01", "--json", db=db)
    check("source add exits 0", r.returncode == 0, r.stderr.decode())
    source = json.loads(r.stdout) if r.returncode == 0 else {}
    marker = source.get("marker", "")
    check("source add gives a marker", marker == "[@source:%d]" % source.get("id", -1), source)

    note_md = os.path.join(tmp, "talks.md")
    with open(note_md, "w", encoding="utf-8") as f:
        f.write("# Talks confirmed, May 2025\n\nNduhungirehe confirmed \"early stage\" talks %s.\n" % marker)
    r = run("note", "add", "--agreement", "us-rw-2025", "--file", note_md, "--json", db=db)
    check("note add exits 0", r.returncode == 0, r.stderr.decode())
    note = json.loads(r.stdout) if r.returncode == 0 else {}
    check("note add titles it from the first line", note.get("title") == "Talks confirmed, May 2025", note)
    check("note add lists its citation", note.get("citations") == [{"kind": "source", "id": source.get("id")}], note)

    free_md = os.path.join(tmp, "free.md")
    with open(free_md, "w", encoding="utf-8") as f:
        f.write("Reading list\n")
    r = run("note", "add", "--file", free_md, db=db)
    check("a free-standing note", r.returncode == 0 and r.stdout.strip().isdigit(), r.stderr.decode())

    r = run("note", "list", "--json", db=db)
    notes = json.loads(r.stdout) if r.returncode == 0 else []
    check("note list --json has both", r.returncode == 0 and len(notes) == 2, r.stdout.decode() + r.stderr.decode())
    r = run("note", "list", "--agreement", "us-rw-2025", "--json", "--body", db=db)
    notes = json.loads(r.stdout) if r.returncode == 0 else []
    check("note list per agreement", len(notes) == 1 and marker in notes[0].get("body", ""), notes)
    r = run("note", "list", db=db)
    check("note list as text", r.returncode == 0 and b"Talks confirmed, May 2025" in r.stdout, r.stdout)

    # errors name the file, the line and what is wrong; nothing is added
    bad_md = os.path.join(tmp, "bad.md")
    with open(bad_md, "w", encoding="utf-8") as f:
        f.write("# Draft\n\nSee [@item:424242].\n")
    r = run("note", "add", "--agreement", "us-rw-2025", "--file", bad_md, db=db)
    err = r.stderr.decode()
    check("a citation of nothing is refused", r.returncode == 1 and "bad.md, line 3" in err and "[@item:424242]" in err, err)
    with open(bad_md, "wb") as f:
        f.write(b"# Bad \xff bytes\n")
    r = run("note", "add", "--file", bad_md, db=db)
    check("non-UTF-8 is refused", r.returncode == 1 and "bad.md" in r.stderr.decode() and "UTF-8" in r.stderr.decode(),
          r.stderr.decode())
    r = run("note", "add", "--agreement", "nope", "--file", note_md, db=db)
    check("an unknown agreement is refused", r.returncode == 1 and "nope" in r.stderr.decode(), r.stderr.decode())
    r = run("note", "add", "--file", os.path.join(tmp, "missing.md"), db=db)
    check("a missing file is refused", r.returncode == 1 and "missing.md" in r.stderr.decode(), r.stderr.decode())
    r = run("note", "list", "--json", db=db)
    check("still two notes", len(json.loads(r.stdout)) == 2)

    # exports
    out = {}
    for fmt in ("md", "html", "pdf"):
        path = os.path.join(tmp, "dossier." + fmt)
        r = run("export", "--format", fmt, "--agreement", "us-rw-2025", "-o", path, db=db, env=epoch)
        check("export %s exits 0" % fmt, r.returncode == 0 and os.path.getsize(path) > 0, r.stderr.decode())
        out[fmt] = path
    md = open(out["md"], encoding="utf-8").read()
    check("the dossier's note cites the article as a numbered reference",
          "talks [" in md and "Rwanda in talks with U.S over deported migrants. <file://" in md, md[-2000:])
    check("exported on the given day", "Exported from Accords on 15 September 2025" in md)
    r = subprocess.run(["xmllint", "--html", "--noout", out["html"]], capture_output=True)
    check("the HTML is well-formed", r.returncode == 0 and r.stderr == b"", r.stderr.decode())
    r = subprocess.run(["pdftotext", "-layout", out["pdf"], "-"], capture_output=True)
    text = r.stdout.decode()
    check("the PDF holds the headings and references",
          all(h in text for h in ("Timeline", "Parties", "Notes", "References", "Talks confirmed, May 2025")) and
          "Rwanda in talks with U.S over deported migrants." in text, text[-1500:])
    path = os.path.join(tmp, "letter.pdf")
    r = run("export", "--format", "pdf", "--paper", "letter", "--note", str(note.get("id")), "-o", path, db=db)
    info = subprocess.run(["pdfinfo", path], capture_output=True).stdout.decode()
    check("a note as a Letter PDF", r.returncode == 0 and "612 x 792 pts (letter)" in info, r.stderr.decode() + info)

    for table, key in (("agreements", "id"), ("parties", "role"), ("events", "date"), ("items", "item")):
        path = os.path.join(tmp, table + ".csv")
        r = run("export", "--format", "csv", "--table", table, "--all", "-o", path, db=db)
        ok = r.returncode == 0
        rows = []
        if ok:
            with open(path, newline="", encoding="utf-8") as f:
                raw = f.read()
            rows = list(csv.DictReader(io.StringIO(raw, newline=""), strict=True))
            ok = raw.endswith("\r\n") and key in (rows[0].keys() if rows else raw.split("\r\n")[0].split(","))
        check("CSV %s parses" % table, ok, r.stderr.decode())
        if table == "agreements":
            check("38 agreements in CSV", len(rows) == 38, len(rows))
        if table == "events":
            check("US–Rwanda events in CSV", sum(1 for x in rows if x["agreement"] == "us-rw-2025") == 5)
    path = os.path.join(tmp, "all.json")
    r = run("export", "--format", "json", "-o", path, db=db)
    data = json.load(open(path, encoding="utf-8")) if r.returncode == 0 else {}
    check("JSON parses, 38 agreements", len(data.get("agreements", [])) == 38, r.stderr.decode())
    path = os.path.join(tmp, "all.geojson")
    r = run("export", "--format", "geojson", "--all", "-o", path, db=db)
    geo = json.load(open(path, encoding="utf-8")) if r.returncode == 0 else {}
    feats = geo.get("features", [])
    ok = geo.get("type") == "FeatureCollection" and "crs" not in geo and len(feats) > 0
    for feat in feats:
        g = feat.get("geometry", {})
        coords = g.get("coordinates")
        positions = [coords] if g.get("type") == "Point" else coords if g.get("type") == "LineString" else []
        ok = ok and feat.get("type") == "Feature" and isinstance(feat.get("properties"), dict) and positions
        for lon, lat in positions:
            ok = ok and -180 <= lon <= 180 and -90 <= lat <= 90
    check("GeoJSON is an RFC 7946 FeatureCollection", ok, r.stderr.decode())
    usrw = [x for x in feats if x["properties"]["agreement"] == "us-rw-2025"]
    check("US–Rwanda: a point per party, a line US to RW",
          sum(1 for x in usrw if x["geometry"]["type"] == "Point") == 2 and
          [(x["properties"]["from"], x["properties"]["to"]) for x in usrw if x["geometry"]["type"] == "LineString"]
          == [("US", "RW")], usrw)
    # the works cited, for reference managers
    sid = "source:%d" % source.get("id", -1)
    path = os.path.join(tmp, "dossier-references.json")
    r = run("export", "--format", "csl-json", "--agreement", "us-rw-2025", "-o", path, db=db)
    csl = json.load(open(path, encoding="utf-8")) if r.returncode == 0 else []
    ok = isinstance(csl, list) and len(csl) > 1
    for item in csl:
        ok = ok and isinstance(item.get("id"), str) and isinstance(item.get("type"), str)
        for d in ("issued", "accessed"):
            if d in item:
                parts = item[d].get("date-parts", [[]])[0]
                ok = ok and 1 <= len(parts) <= 3 and all(isinstance(x, int) for x in parts)
    check("CSL-JSON of the dossier: items with id, type and date-parts", ok, r.stderr.decode())
    article = [x for x in csl if x.get("id") == sid]
    check("the cited article is in it, with its access date",
          len(article) == 1 and article[0].get("title") == title and
          article[0].get("accessed") == {"date-parts": [[2025, 9, 1]]}, article)
    r = run("export", "--format", "bibtex", "--note", str(note.get("id")), "-o", "-", db=db)
    bib = r.stdout.decode()
    check("BibTeX of a note: one entry, keyed by its marker",
          r.returncode == 0 and bib.count("\n@") == 1 and ("@misc{%s," % sid) in bib and "urldate = {2025-09-01}" in bib,
          bib + r.stderr.decode())
    r = run("export", "--format", "ris", "--note", str(note.get("id")), "-o", "-", db=db)
    ris = r.stdout.decode()
    check("RIS of a note: TY to ER, CRLF",
          r.returncode == 0 and ris.startswith("TY  - GEN\r\n") and ("ID  - %s\r\n" % sid) in ris and
          "Y2  - 2025/09/01/\r\n" in ris and ris.rstrip().endswith("ER  -"), ris + r.stderr.decode())
    r = run("export", "--format", "md", "--style", "author-date", "--note", str(note.get("id")), "-o", "-", db=db)
    md = r.stdout.decode()
    check("--style author-date cites by who and when",
          r.returncode == 0 and "talks (“Rwanda in talks with…” n.d.)." in md and
          "\n- Rwanda in talks with U.S over deported migrants (n.d.). <file://" in md, md + r.stderr.decode())
    r = run("export", "--format", "csv", "--style", "author-date", "-o", os.path.join(tmp, "x.csv"), db=db)
    check("--style goes with reports only", r.returncode == 2 and "--style" in r.stderr.decode(), r.stderr.decode())
    r = run("export", "--format", "md", "--style", "apa", "-o", os.path.join(tmp, "x.md"), db=db)
    check("an unknown style is a usage error", r.returncode == 2 and "author-date" in r.stderr.decode(), r.stderr.decode())

    r = run("export", "--format", "md", "--all", "-o", "-", db=db)
    check("export to standard output", r.returncode == 0 and r.stdout.startswith(b"# Migration agreements"), r.stderr.decode())

    # failures write nothing and say why
    target = os.path.join(tmp, "keep.md")
    with open(target, "w") as f:
        f.write("old\n")
    r = run("export", "--format", "md", "--note", "999999", "-o", target, db=db)
    check("an unknown note fails", r.returncode == 1 and "999999" in r.stderr.decode(), r.stderr.decode())
    check("and the old file is untouched", open(target).read() == "old\n")
    r = run("export", "--format", "csv", "--note", str(note.get("id")), "-o", target, db=db)
    check("CSV of a note is refused", r.returncode == 1 and "CSV" in r.stderr.decode().upper(), r.stderr.decode())
    nowhere = os.path.join(tmp, "no", "such", "dir", "x.pdf")
    r = run("export", "--format", "pdf", "-o", nowhere, db=db)
    check("a missing folder is named", r.returncode == 1 and "no/such/dir" in r.stderr.decode(), r.stderr.decode())
    check("nothing left behind", not os.path.exists(os.path.join(tmp, "no")) and
          not any(name.startswith(".") for name in os.listdir(tmp)), os.listdir(tmp))
    r = run("export", "--format", "docx", "-o", target, db=db)
    check("an unknown format is a usage error", r.returncode == 2 and "--format" in r.stderr.decode(), r.stderr.decode())
    r = run("export", "--format", "md", "--note", "1", "--all", "-o", target, db=db)
    check("two scopes are a usage error", r.returncode == 2, r.stderr.decode())

done()
