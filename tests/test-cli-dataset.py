#!/usr/bin/env python3
"""accords-cli curating the dataset: agreement show/add/edit/delete, import-dataset, export-dataset,
and the round trip export -> import into an empty database -> export."""
import copy
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

from clitest import CLI, check, done, run, skip


def write(path, data):
    with open(path, "w") as f:
        if isinstance(data, str):
            f.write(data)
        else:
            json.dump(data, f)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def export(db, path):
    r = run("export-dataset", "-o", path, db=db)
    check("export-dataset -o %s exits 0" % os.path.basename(path), r.returncode == 0, r.stderr)
    return read(path)


NEW = {
    "id": "it-al-test-2023",
    "title": "Italy–Albania Protocol",
    "short_title": "Italy–Albania",
    "aliases": ["Rama–Meloni deal"],
    "types": ["offshore_processing", "detention_outsourcing"],
    "instrument_form": "protocol",
    "summary": "Centres in Albania run by Italy.",
    "scope": "adult men rescued at sea",
    "cap": "3,000 at a time",
    "parties": [{"country": "IT", "role": "sending"}, {"country": "AL", "role": "receiving"}],
    "events": [
        {"date": "2023-11-06", "type": "signed", "actor": "IT", "description": "Protocol signed in Rome",
         "confidence": "official", "sources": ["https://example.org/protocol"]},
        {"date": "2024-10", "type": "first_transfer", "description": "First transfer",
         "sources": ["https://example.org/transfer", "https://example.org/protocol"]},
    ],
    "people": [{"name": "Edi Rama", "role": "Prime Minister", "country": "AL", "start": "2013-09",
                "source": "https://example.org/protocol"}],
    "facts": [
        {"kind": "financial_term", "description": "Cost over five years", "amount": "670000000", "currency": "EUR",
         "source": "https://example.org/cost"},
        {"kind": "observation", "date": "2024-10-16", "count": 16, "description": "Men transferred"},
        {"kind": "legal_challenge", "date": "2024-10-18", "court": "Tribunal of Rome", "case_name": "Detentions",
         "outcome": "not validated", "description": "Detentions not validated"},
        {"kind": "concern", "description": "Access to lawyers", "raised_by": "ASGI"},
    ],
    "sources": [
        {"url": "https://example.org/protocol", "title": "The protocol", "publisher": "Governo italiano",
         "published": "2023-11-06", "accessed": "2025-01-10", "type": "official"},
        {"url": "https://example.org/transfer", "title": "First transfer", "type": "news"},
        {"url": "https://example.org/cost", "title": "What it costs", "type": "report"},
    ],
    "verify": [{"text": "Exact capacity", "resolved": None, "resolution": ""},
               {"text": "Date of ratification", "resolved": "2024-02-22", "resolution": "Law 14/2024"}],
}

with tempfile.TemporaryDirectory() as tmp:
    a_db = os.path.join(tmp, "a.db")
    b_db = os.path.join(tmp, "b.db")

    # add, show
    new_path = write(os.path.join(tmp, "new.json"), NEW)
    r = run("agreement", "add", "--json", new_path, db=a_db)
    check("agreement add exits 0", r.returncode == 0, r.stderr)
    r = run("agreement", "show", "it-al-test-2023", "--json", db=a_db)
    shown = json.loads(r.stdout) if r.returncode == 0 else {}
    check("agreement show --json", shown.get("title") == "Italy–Albania Protocol", r.stderr)
    check("status derived from the events", shown.get("status") == "implemented" and shown.get("status_override") is None,
          shown.get("status"))
    check("every part kept", len(shown.get("events", [])) == 2 and len(shown.get("facts", [])) == 4
          and len(shown.get("people", [])) == 1 and len(shown.get("sources", [])) == 3
          and len(shown.get("verify", [])) == 2, json.dumps(shown)[:400])
    listed = json.loads(run("agreements", "--json", db=a_db).stdout)
    check("same shape as agreements --json", next(x for x in listed if x["id"] == NEW["id"]) == shown)
    countries = {c["code"]: c for c in json.loads(run("countries", "--json", db=a_db).stdout)}
    check("both countries coloured", countries.get("IT", {}).get("status") == "implemented"
          and countries.get("AL", {}).get("status") == "implemented", str(countries.get("AL")))
    r = run("agreement", "show", "it-al-test-2023", db=a_db)
    check("agreement show prints the parties", r.returncode == 0 and "Albania" in r.stdout and "2023-11-06" in r.stdout,
          r.stdout)

    # stdin
    stdin_agreement = {"id": "from-stdin", "title": "From standard input",
                       "parties": [{"country": "GR", "role": "sending"}]}
    r = run("agreement", "add", "--json", "-", db=a_db, stdin=json.dumps(stdin_agreement))
    check("agreement add reads standard input", r.returncode == 0, r.stderr)

    # the round trip
    first = export(a_db, os.path.join(tmp, "first.json"))
    r = run("--no-seed", "agreements", "--json", db=b_db)
    check("--no-seed starts empty", r.returncode == 0 and json.loads(r.stdout) == [], r.stdout + r.stderr)
    r = run("import-dataset", os.path.join(tmp, "first.json"), db=b_db)
    check("import into the empty database", r.returncode == 0 and "40 new, 0 updated, 0 unchanged" in r.stdout,
          r.stdout + r.stderr)
    second = export(b_db, os.path.join(tmp, "second.json"))
    check("round trip: export, import, export is identical", first == second and len(first) > 10000,
          "%d vs %d bytes" % (len(first), len(second)))
    r = run("agreements", db=b_db)
    check("an empty database is not seeded later", r.returncode == 0 and r.stdout.count("\n") == 40,
          r.stdout.count("\n"))
    r = run("import-dataset", os.path.join(tmp, "first.json"), db=b_db)
    check("importing again changes nothing", r.returncode == 0 and "0 new, 0 updated, 40 unchanged" in r.stdout,
          r.stdout + r.stderr)
    check("and the export stays identical", export(b_db, os.path.join(tmp, "third.json")) == first)

    # bad input: a message naming the field, non-zero, database unchanged
    bad_cases = [
        ("a date that does not exist", {"events": [{"date": "2025-02-30", "type": "signed"}]},
         ["events[0].date", "2025-02-30"]),
        ("an end before a start", {"people": [{"name": "A", "start": "2025-03", "end": "2024-01"}]},
         ["people[0].end", "before the start"]),
        ("an unknown country", {"parties": [{"country": "ZZ", "role": "sending"}]}, ["parties[0].country", "ZZ"]),
        ("a duplicate id", {"id": "uk-rw-medp-2022"}, ["id", "already the id of another agreement"]),
        ("a URL that is not http(s)", {"sources": ["ftp://example.org/x"]}, ["sources[0].url", "ftp://example.org/x"]),
        ("an empty title", {"title": " "}, ["title", "empty"]),
        ("an unknown event type", {"events": [{"date": "2025", "type": "handshake"}]}, ["events[0].type", "handshake"]),
        ("a wrong JSON type", {"title": 7}, ["title", "expected a string"]),
    ]
    for name, patch, words in bad_cases:
        agreement = {"id": "bad-one", "title": "Bad one"}
        agreement.update(patch)
        path = write(os.path.join(tmp, "bad.json"), agreement)
        r = run("agreement", "add", "--json", path, db=a_db)
        check("add refuses %s" % name, r.returncode == 1 and all(w in r.stderr for w in words)
              and path in r.stderr, r.stderr)
    r = run("agreement", "add", "--json", write(os.path.join(tmp, "broken.json"), '{"id": "x",\n "title": }'), db=a_db)
    check("add refuses broken JSON, naming the file and line", r.returncode == 1 and "broken.json" in r.stderr
          and ":2" in r.stderr, r.stderr)
    r = run("agreement", "add", "--json", write(os.path.join(tmp, "array.json"), [NEW]), db=a_db)
    check("add refuses an array", r.returncode == 1 and "expected one agreement" in r.stderr, r.stderr)
    r = run("agreement", "add", db=a_db)
    check("add without --json is a usage error", r.returncode == 2, r.stderr)
    check("bad input left the database unchanged", export(a_db, os.path.join(tmp, "after-bad.json")) == first)

    # edit: replace, rename, refuse a taken id
    edited = copy.deepcopy(NEW)
    edited["title"] = "Italy–Albania Protocol (edited)"
    edited["events"].append({"date": "2025-04-11", "type": "suspended", "description": "Centres emptied"})
    r = run("agreement", "edit", NEW["id"], "--json", write(os.path.join(tmp, "edit.json"), edited), db=a_db)
    check("agreement edit exits 0", r.returncode == 0, r.stderr)
    shown = json.loads(run("agreement", "show", NEW["id"], "--json", db=a_db).stdout)
    check("edit took", shown["title"].endswith("(edited)") and shown["status"] == "suspended", shown["status"])
    edited["id"] = "it-al-2023"
    r = run("agreement", "edit", NEW["id"], "--json", write(os.path.join(tmp, "edit.json"), edited), db=a_db)
    check("edit can rename", r.returncode == 0 and "formerly" in r.stdout, r.stdout + r.stderr)
    r = run("agreement", "show", NEW["id"], db=a_db)
    check("the old id is gone", r.returncode == 1 and NEW["id"] in r.stderr, r.stderr)
    before = export(a_db, os.path.join(tmp, "before-taken.json"))
    edited["id"] = "us-rw-2025"
    r = run("agreement", "edit", "it-al-2023", "--json", write(os.path.join(tmp, "edit.json"), edited), db=a_db)
    check("edit refuses a taken id", r.returncode == 1 and "id: “us-rw-2025” is already" in r.stderr, r.stderr)
    r = run("agreement", "edit", "no-such", "--json", os.path.join(tmp, "edit.json"), db=a_db)
    check("edit of an unknown id", r.returncode == 1 and "no-such" in r.stderr, r.stderr)
    check("refused edits left the database unchanged", export(a_db, os.path.join(tmp, "after-taken.json")) == before)

    # delete, and the cascade rule
    con = sqlite3.connect(a_db)
    con.execute("INSERT INTO note (title, body, agreement_id) SELECT 'n', 'body', id FROM agreement WHERE slug = 'it-al-2023'")
    con.commit()
    con.close()
    r = run("agreement", "delete", "it-al-2023", db=a_db)
    check("delete refuses to take notes silently", r.returncode == 1 and "1 note" in r.stderr
          and "--force" in r.stderr, r.stderr)
    r = run("agreement", "show", "it-al-2023", db=a_db)
    check("still there", r.returncode == 0)
    r = run("agreement", "delete", "it-al-2023", "--force", db=a_db)
    check("delete --force says what went", r.returncode == 0 and "1 note" in r.stdout, r.stdout + r.stderr)
    con = sqlite3.connect(a_db)
    notes = con.execute("SELECT count(*) FROM note").fetchone()[0]
    con.close()
    check("the note went with it", notes == 0, notes)
    r = run("agreement", "delete", "from-stdin", db=a_db)
    check("delete without dependents", r.returncode == 0 and "Deleted from-stdin" in r.stdout, r.stderr)
    r = run("agreement", "delete", "from-stdin", db=a_db)
    check("delete of an unknown id", r.returncode == 1 and "from-stdin" in r.stderr, r.stderr)
    r = run("agreement", "frobnicate", db=a_db)
    check("unknown agreement verb", r.returncode == 2 and "frobnicate" in r.stderr, r.stderr)

    # import-dataset: conflicts listed side by side, settled by --prefer
    seeded = os.path.join(tmp, "seeded.db")
    base = json.loads(export(seeded, os.path.join(tmp, "base.json")))
    incoming = copy.deepcopy(base)
    uk = next(x for x in incoming["agreements"] if x["id"] == "uk-rw-medp-2022")
    uk["title"] = "UK–Rwanda (as the other team has it)"
    uk["events"].append({"date": "2025-01-01", "type": "statement", "description": "New statement"})
    uk["events"].append(dict(uk["events"][0]))  # a duplicate: one event
    incoming["agreements"].append({"id": "gr-tr-2026", "title": "Greece–Turkey",
                                   "parties": [{"country": "GR", "role": "sending"}, {"country": "TR", "role": "receiving"}]})
    inc_path = write(os.path.join(tmp, "incoming.json"), incoming)
    r = run("import-dataset", inc_path, db=seeded)
    check("conflicts: exit non-zero", r.returncode == 1 and "nothing was imported" in r.stderr, r.stderr)
    check("conflicts listed side by side", "uk-rw-medp-2022  title" in r.stdout and "stored:" in r.stdout
          and "incoming: UK–Rwanda (as the other team has it)" in r.stdout, r.stdout)
    r = run("import-dataset", inc_path, "--json", db=seeded)
    conflicts = json.loads(r.stdout) if r.stdout else []
    check("conflicts as JSON", r.returncode == 1 and conflicts == [{
        "id": "uk-rw-medp-2022", "field": "title",
        "stored": next(x for x in base["agreements"] if x["id"] == "uk-rw-medp-2022")["title"],
        "incoming": "UK–Rwanda (as the other team has it)"}], r.stdout)
    check("conflicts left the database unchanged", export(seeded, os.path.join(tmp, "base2.json")) == read(os.path.join(tmp, "base.json")))
    r = run("import-dataset", inc_path, "--prefer", "mine", db=seeded)
    check("--prefer takes ours or theirs", r.returncode == 2 and "mine" in r.stderr, r.stderr)
    r = run("import-dataset", inc_path, "--prefer", "ours", db=seeded)
    check("--prefer ours", r.returncode == 0 and "1 new, 1 updated, 37 unchanged" in r.stdout, r.stdout + r.stderr)
    shown = json.loads(run("agreement", "show", "uk-rw-medp-2022", "--json", db=seeded).stdout)
    base_uk = next(x for x in base["agreements"] if x["id"] == "uk-rw-medp-2022")
    check("ours keeps the stored title, adds the new event once", shown["title"] == base_uk["title"]
          and len(shown["events"]) == len(base_uk["events"]) + 1, len(shown["events"]))
    r = run("import-dataset", inc_path, "--prefer", "theirs", db=seeded)
    check("--prefer theirs", r.returncode == 0 and "0 new, 1 updated, 38 unchanged" in r.stdout, r.stdout + r.stderr)
    shown = json.loads(run("agreement", "show", "uk-rw-medp-2022", "--json", db=seeded).stdout)
    check("theirs takes the incoming title", shown["title"] == "UK–Rwanda (as the other team has it)")

    # import-dataset: bad input
    before = export(seeded, os.path.join(tmp, "before-bad-import.json"))
    broken = copy.deepcopy(incoming)
    broken["agreements"][3]["events"].append({"date": "2024-02-30", "type": "signed"})
    r = run("import-dataset", write(os.path.join(tmp, "broken-dataset.json"), broken), "--prefer", "theirs", db=seeded)
    check("import refuses a bad date, naming where", r.returncode == 1 and "agreements[3]" in r.stderr
          and ".date: 2024-02-30 does not exist" in r.stderr, r.stderr)
    r = run("import-dataset", write(os.path.join(tmp, "not-a-dataset.json"), {"hello": 1}), db=seeded)
    check("import refuses a document without agreements", r.returncode == 1 and "agreements" in r.stderr, r.stderr)
    r = run("import-dataset", os.path.join(tmp, "missing.json"), db=seeded)
    check("import of a missing file", r.returncode == 1 and "missing.json" in r.stderr, r.stderr)
    check("bad imports left the database unchanged", export(seeded, os.path.join(tmp, "after-bad-import.json")) == before)

    r = run("export-dataset", "-o", os.path.join(tmp, "no", "such", "dir.json"), db=seeded)
    check("export to an unwritable place fails", r.returncode == 1 and "dir.json" in r.stderr, r.stderr)
    r = run("export-dataset", db=seeded)
    check("export to standard output", r.returncode == 0 and json.loads(r.stdout)["format"] == "accords-dataset")

    # A database seeded with the first release takes the second: what the user
    # never touched is updated, new agreements arrive, an edit and a deletion stay
    first_release = os.path.join(os.environ["G_TEST_SRCDIR"], "..", "data", "seed", "agreements.json")
    old = os.path.join(tmp, "first-release.db")
    r = run("--no-seed", "import-dataset", first_release, db=old)
    check("a first-release database", r.returncode == 0 and "21 new" in r.stdout, r.stdout + r.stderr)
    con = sqlite3.connect(old)
    con.execute("UPDATE meta SET value = '2025-09-01T00:00:00Z' WHERE key = 'seeded'")
    con.execute("DELETE FROM meta WHERE key = 'dataset_release'")
    con.commit()
    con.close()
    edited = json.loads(run("agreement", "show", "us-ug-2025", "--json", db=old).stdout)
    edited["cap"] = "my own estimate: 100 a year"
    r = run("agreement", "edit", "us-ug-2025", "--json", write(os.path.join(tmp, "ug.json"), edited), db=old)
    check("the user edits one agreement", r.returncode == 0, r.stderr)
    r = run("agreement", "delete", "us-gh-2025", "--force", db=old)
    check("and deletes another", r.returncode == 0, r.stderr)
    r = run("dataset-update", "--dry-run", "--json", db=old)
    plan = json.loads(r.stdout) if r.returncode == 0 else {}
    check("dataset-update --dry-run says what would come",
          plan.get("from") == "2025" and plan.get("to") == "2026" and len(plan.get("added", [])) == 17
          and plan.get("review") == ["us-ug-2025"] and plan.get("deleted_kept") == ["us-gh-2025"]
          and "uk-rw-medp-2022" in plan.get("updated", []), r.stdout + r.stderr)
    check("and writes nothing", len(json.loads(run("agreements", "--json", db=old).stdout)) == 20)
    review = os.path.join(tmp, "review.json")
    r = run("dataset-update", "--json", "--review", review, db=old)
    done_plan = json.loads(r.stdout) if r.returncode == 0 else {}
    check("dataset-update applies it", r.returncode == 0 and done_plan.get("summary", "").startswith("17 new agreements"),
          r.stdout + r.stderr)
    listed = {a["id"]: a for a in json.loads(run("agreements", "--json", db=old).stdout)}
    check("new agreements arrived", "gb-fr-returns-2025" in listed and "us-xk-2025" in listed and len(listed) == 37,
          len(listed))
    check("an untouched agreement took the new version",
          any(e["date"] == "2025-12-02" for e in listed.get("uk-rw-medp-2022", {}).get("events", [])))
    check("the edited agreement is left as the user made it",
          listed.get("us-ug-2025", {}).get("cap") == "my own estimate: 100 a year")
    check("the deleted agreement stays deleted", "us-gh-2025" not in listed)
    with open(review) as f:
        offered = json.load(f)
    check("the edited one's new version is offered for review", [a["id"] for a in offered] == ["us-ug-2025"])
    r = run("dataset-update", db=old)
    check("a second update has nothing to do", r.returncode == 0 and "Already at dataset release 2026" in r.stdout,
          r.stdout + r.stderr)
    r = run("dataset-update", "--json", db=b_db)
    check("a database that started empty is never seeded by an update",
          r.returncode == 0 and json.loads(r.stdout).get("release") is None, r.stdout + r.stderr)

done()
