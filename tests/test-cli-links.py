#!/usr/bin/env python3
"""accords-cli import, items and relink: news linked to countries and agreements, end to end."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from clitest import CLI, check, done, run, skip

FEED = os.path.join(os.environ["G_TEST_SRCDIR"], "data", "news", "seed-article.rss")


def items(db, *args):
    r = run("items", "--json", *args, db=db)
    if r.returncode != 0:
        return None, r
    return json.loads(r.stdout), r


def by_guid(listed, guid):
    return next((i for i in listed or [] if i["guid"] == guid), None)


def state_of(db, guid, slug):
    con = sqlite3.connect(db)
    try:
        row = con.execute("SELECT ia.state FROM item_agreement ia JOIN item i ON i.id = ia.item_id"
                          " JOIN agreement a ON a.id = ia.agreement_id WHERE i.guid = ? AND a.slug = ?",
                          (guid, slug)).fetchone()
    finally:
        con.close()
    return row[0] if row else None


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "links.db")
    feed = os.path.join(tmp, "seed-article.rss")
    shutil.copy(FEED, feed)

    r = run("import", feed, db=db)
    check("import exits 0", r.returncode == 0, r.stderr)

    listed, r = items(db)
    check("items --json exits 0", listed is not None, r.stderr)
    article = by_guid(listed, "seed-article")
    check("the seed article is there", article is not None, r.stdout)
    article = article or {"countries": [], "agreements": []}
    codes = sorted(c["code"] for c in article["countries"])
    check("the seed article mentions RW, US, GB, SV, PA, CR and IQ",
          codes == ["CR", "GB", "IQ", "PA", "RW", "SV", "US"], codes)
    rw = next((c for c in article["countries"] if c["code"] == "RW"), {})
    check("a country has its count and what was written",
          rw.get("count", 0) >= 10 and "Rwandan" in rw.get("matched", "") and list(rw.keys()) == ["code", "count", "matched"],
          rw)
    slugs = sorted(a["id"] for a in article["agreements"])
    check("the seed article is suggested for the five agreements",
          slugs == ["uk-rw-medp-2022", "us-cr-2025", "us-pa-2025", "us-rw-2025", "us-sv-cecot-2025"], slugs)
    us_rw = next((a for a in article["agreements"] if a["id"] == "us-rw-2025"), {})
    check("a suggestion has its score, reason, state and signal",
          all(k in us_rw for k in ("id", "score", "reason", "state", "signal"))
          and us_rw.get("state") == "suggested" and "deported" in us_rw.get("reason", "")
          and 0 < us_rw.get("score", 0) <= 1, us_rw)
    check("best suggestion first", article["agreements"] and article["agreements"][0]["id"] == "us-rw-2025",
          article["agreements"][:1])
    arrivals = by_guid(listed, "kigali-arrivals") or {"agreements": []}
    check("status language is flagged", any(a["id"] == "us-rw-2025" and a["signal"] == "first_transfer"
                                            for a in arrivals["agreements"]), arrivals["agreements"])

    # filters, alone and together
    for args, expected in ((("--country", "DK"), ["copenhagen-debate"]),
                           (("--country", "rw"), ["kigali-arrivals", "seed-article", "copenhagen-debate"]),
                           (("--agreement", "us-rw-2025"), ["kigali-arrivals", "seed-article"]),
                           (("--agreement", "us-rw-2025", "--country", "IQ"), ["seed-article"]),
                           (("--agreement", "us-rw-2025", "--search", "Kigali"), ["kigali-arrivals"]),
                           (("--country", "RW", "--limit", "1"), ["kigali-arrivals"]),
                           (("--country", "FR"), []),
                           (("--agreement", "it-al-protocol-2023"), [])):
        found, r = items(db, *args)
        guids = [i["guid"] for i in found] if found is not None else None
        check("items %s" % " ".join(args), guids == expected, (guids, r.stderr))
    r = run("items", "--agreement", "us-rw-2025", db=db)
    check("the plain listing filters too", r.returncode == 0 and r.stdout.count("\n") == 2, r.stdout)
    r = run("items", "--country", "ZZ", db=db)
    check("an unknown country is an error that names it", r.returncode == 1 and "ZZ" in r.stderr, r.stderr)
    r = run("items", "--agreement", "no-such-deal", db=db)
    check("an unknown agreement is an error that names it", r.returncode == 1 and "no-such-deal" in r.stderr,
          r.stderr)

    # the researcher's verdicts, as the window records them
    listed, r = items(db)
    kigali = by_guid(listed, "kigali-arrivals")
    seed = by_guid(listed, "seed-article")
    r = run("review", str(kigali["id"]), "us-rw-2025", "reject", db=db)
    check("review rejects a link", r.returncode == 0 and "rejected" in r.stdout, r.stdout + r.stderr)
    r = run("review", str(seed["id"]), "us-rw-2025", "confirm", db=db)
    check("review confirms a link", r.returncode == 0 and "confirmed" in r.stdout, r.stdout + r.stderr)
    check("the verdicts are stored", state_of(db, "kigali-arrivals", "us-rw-2025") == "rejected"
          and state_of(db, "seed-article", "us-rw-2025") == "confirmed")
    r = run("review", str(seed["id"]), "us-rw-2025", "maybe", db=db)
    check("an unknown verdict is a usage error", r.returncode == 2 and "maybe" in r.stderr, r.stderr)
    r = run("review", "999999", "us-rw-2025", "reject", db=db)
    check("an unknown item is an error that names it", r.returncode == 1 and "999999" in r.stderr, r.stderr)
    r = run("review", str(seed["id"]), "no-such-deal", "reject", db=db)
    check("an unknown agreement is an error that names it", r.returncode == 1 and "no-such-deal" in r.stderr,
          r.stderr)
    check("failed reviews change nothing", state_of(db, "seed-article", "us-rw-2025") == "confirmed")

    found, r = items(db, "--agreement", "us-rw-2025")
    check("a rejected link leaves the agreement's items", [i["guid"] for i in found or []] == ["seed-article"],
          r.stdout)

    with open(feed, encoding="utf-8") as f:
        text = f.read()
    with open(feed, "w", encoding="utf-8") as f:
        f.write(text.replace("landed in Kigali", "landed in Kigali on Friday"))
    r = run("import", feed, db=db)
    check("the updated item is imported again", r.returncode == 0 and "0 new, 1 updated, 2 unchanged" in r.stdout,
          r.stdout + r.stderr)
    check("a rejected link stays rejected after re-import",
          state_of(db, "kigali-arrivals", "us-rw-2025") == "rejected")
    r = run("relink", db=db)
    check("relink exits 0", r.returncode == 0 and "Linked 3 items again" in r.stdout, r.stdout + r.stderr)
    check("relink says what kept its state", "2 links confirmed or rejected by hand kept their state" in r.stdout,
          r.stdout)
    check("a rejected link stays rejected after relink",
          state_of(db, "kigali-arrivals", "us-rw-2025") == "rejected")
    check("a confirmed link stays confirmed after relink",
          state_of(db, "seed-article", "us-rw-2025") == "confirmed")
    listed, r = items(db)
    article = by_guid(listed, "seed-article") or {"agreements": []}
    check("items --json shows the state",
          any(a["id"] == "us-rw-2025" and a["state"] == "confirmed" for a in article["agreements"]),
          article["agreements"])

    # a change of an agreement's aliases makes the links out of date
    r = run("relink", "--if-needed", "--json", db=db)
    report = json.loads(r.stdout) if r.returncode == 0 else {}
    check("relink --if-needed: nothing to do", report.get("was_up_to_date") is True and report.get("items") == 0,
          r.stdout + r.stderr)
    r = run("agreement", "show", "dk-rw-2021", "--json", db=db)
    dk = json.loads(r.stdout)
    dk["aliases"] = dk["aliases"] + ["Folketing"]
    edited = os.path.join(tmp, "dk.json")
    with open(edited, "w", encoding="utf-8") as f:
        json.dump(dk, f)
    r = run("agreement", "edit", "dk-rw-2021", "--json", edited, db=db)
    check("agreement edit exits 0", r.returncode == 0, r.stderr)
    found, r = items(db, "--agreement", "dk-rw-2021")
    check("items says when the links are out of date", found is not None and "relink" in r.stderr, r.stderr)
    r = run("relink", "--if-needed", "--json", db=db)
    report = json.loads(r.stdout) if r.returncode == 0 else {}
    check("relink --if-needed after an alias: the agreements only",
          report.get("was_up_to_date") is False and report.get("items") == 3
          and report.get("countries_redone") is False, r.stdout + r.stderr)
    listed, r = items(db, "--agreement", "dk-rw-2021")
    check("and is quiet once they are", r.stderr == "", r.stderr)
    debate = by_guid(listed, "copenhagen-debate") or {"agreements": []}
    check("the new alias is evidence", any(a["id"] == "dk-rw-2021" and a["method"] == "alias"
                                           and "Folketing" in a["reason"] for a in debate["agreements"]),
          debate["agreements"])

    # items stored unlinked (the benchmark's measure) are linked by a relink
    db2 = os.path.join(tmp, "unlinked.db")
    r = run("import", "--no-link", feed, db=db2)
    check("import --no-link exits 0", r.returncode == 0, r.stderr)
    found, r = items(db2, "--country", "RW")
    check("nothing is linked", found == [], r.stdout)
    r = run("relink", "--if-needed", db=db2)
    check("relink --if-needed links them", r.returncode == 0 and "Linked 3 items again" in r.stdout, r.stdout)
    found, r = items(db2, "--country", "RW")
    check("now they are", found is not None and len(found) == 3, r.stdout)

    # unlinked items beside linked ones: their countries are made too, not only their agreements
    # another channel's file: another feed, new items (a copy of the same
    # channel under another name would be the same feed)
    later = os.path.join(tmp, "later.rss")
    with open(FEED, encoding="utf-8") as src, open(later, "w", encoding="utf-8") as dst:
        text = src.read()
        assert "<title>Seed Article Desk</title>" in text
        dst.write(text.replace("<title>Seed Article Desk</title>", "<title>Later Desk</title>", 1))
    r = run("import", "--no-link", later, db=db2)
    check("import --no-link into a linked database exits 0", r.returncode == 0, r.stderr)
    r = run("relink", "--if-needed", db=db2)
    check("relink --if-needed links them", r.returncode == 0, r.stdout + r.stderr)
    found, r = items(db2, "--country", "RW")
    check("with their countries", found is not None and len(found) == 6, r.stdout)

    r = run("relink", "extra", db=db)
    check("relink takes no argument", r.returncode == 2 and "extra" in r.stderr, r.stderr)

done()
