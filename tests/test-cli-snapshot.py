#!/usr/bin/env python3
"""accords-cli snapshot: a source's page kept as readable text, from an http.server on 127.0.0.1."""
import http.server
import json
import os
import sqlite3
import tempfile
import threading

from clitest import check, done, run

PAGES = os.path.join(os.environ["G_TEST_SRCDIR"], "data", "snapshot")


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        name = os.path.basename(self.path)
        path = os.path.join(PAGES, name)
        if name and os.path.isfile(path):
            with open(path, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "text/html" if name.endswith(".html") else "text/plain")
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(404)
        self.end_headers()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d" % server.server_address[1]

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "snapshot.db")

    def add_source(url):
        r = run("source", "add", "--url", url, "--title", "A page", "--json", db=db)
        check("source add %s" % url, r.returncode == 0, r.stderr)
        return json.loads(r.stdout)["id"] if r.returncode == 0 else -1

    article = add_source(base + "/article.html")
    r = run("snapshot", "--json", "source:%d" % article, db=db)
    kept = json.loads(r.stdout) if r.returncode == 0 else {}
    check("snapshot of a source exits 0", r.returncode == 0, r.stderr)
    check("it says where the page came from and when", kept.get("final_url") == base + "/article.html"
          and kept.get("fetched", "").endswith("Z"), kept)
    check("it keeps the article's text", len(kept.get("text", "")) > 200, kept.get("text"))
    check("and its title and byline", kept.get("title") == "Rwanda in talks with U.S. over deportation deal"
          and kept.get("byline") == "Jane Mukamana", kept)
    check("and a SHA-256 of the page", len(kept.get("sha256") or "") == 64, kept.get("sha256"))
    con = sqlite3.connect(db)
    rows = con.execute("SELECT count(*) FROM snapshot").fetchone()[0]
    con.close()
    check("the copy is in the database", rows == 1, rows)

    r = run("snapshot", "source:%d" % article, db=db)
    check("the text form says what it kept", r.returncode == 0 and "Kept a copy of" in r.stdout, r.stdout + r.stderr)

    missing = add_source(base + "/gone.html")
    r = run("snapshot", "source:%d" % missing, db=db)
    check("a page that is gone fails, saying so", r.returncode == 1 and "gone.html" in r.stderr, r.stderr)
    text = add_source(base + "/plain.txt")
    r = run("snapshot", "source:%d" % text, db=db)
    check("a page that is not HTML fails", r.returncode == 1 and "plain.txt" in r.stderr, r.stderr)
    local = add_source("file:///etc/passwd")
    r = run("snapshot", "source:%d" % local, db=db)
    check("a file: address is never read", r.returncode == 1, r.stderr)

    r = run("snapshot", "nothing", db=db)
    check("a bad target is a usage error", r.returncode == 2, r.stderr)
    r = run("snapshot", "source:9999", db=db)
    check("an unknown source fails", r.returncode == 1, r.stderr)

server.shutdown()
done()
