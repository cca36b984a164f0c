#!/usr/bin/env python3
"""accords-cli subscribe, feeds, refresh and opml export, against an http.server on 127.0.0.1."""
import http.server
import json
import os
import tempfile
import threading

from clitest import check, done, run

STATE = {"version": 1, "broken": False}


def rss(name, version):
    items = "".join(
        "<item><guid>%s-%d</guid><title>Story %d%s</title></item>" % (name, i, i, " again" if version > 1 and i == 1 else "")
        for i in range(1, 2 + version))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Desk %s</title>'
            '<link>http://news.example.org/%s/</link>%s</channel></rss>' % (name, name, items)).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/page.html":
            body = (b'<html><head><link rel="alternate" type="application/rss+xml" href="/a.xml">'
                    b'<link rel="alternate" type="application/atom+xml" href="/b.xml"></head></html>')
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path == "/b.xml" and STATE["broken"]:
            self.send_response(500)
            self.end_headers()
            return
        if self.path in ("/a.xml", "/b.xml"):
            name = self.path[1]
            etag = '"%s%d"' % (name, STATE["version"])
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            body = rss(name, STATE["version"])
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(404)
        self.end_headers()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d" % server.server_address[1]

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "feeds.db")

    r = run("subscribe", base + "/page.html", db=db)
    check("a page naming two feeds offers the choice and exits 1",
          r.returncode == 1 and base + "/a.xml" in r.stderr and base + "/b.xml" in r.stderr, r.stderr)

    r = run("subscribe", base + "/a.xml", db=db)
    check("subscribe exits 0", r.returncode == 0, r.stderr)
    check("subscribe says what came", "Desk a" in r.stdout and "2 new" in r.stdout, r.stdout)
    r = run("subscribe", base + "/b.xml", db=db)
    check("subscribe to a second feed exits 0", r.returncode == 0, r.stderr)

    r = run("subscribe", "file:///etc/passwd", db=db)
    check("subscribe refuses file: URLs", r.returncode == 1 and "http" in r.stderr, r.stderr)

    r = run("feeds", "--json", db=db)
    feeds = json.loads(r.stdout) if r.returncode == 0 else []
    check("feeds --json lists both", r.returncode == 0 and len(feeds) == 2, r.stdout + r.stderr)
    by_url = {f["url"]: f for f in feeds}
    a = by_url.get(base + "/a.xml", {})
    check("feeds --json has the state of a subscription",
          a.get("subscribed") is True and a.get("items") == 2 and a.get("etag") == '"a1"'
          and a.get("last_success") and a.get("last_error") is None and a.get("http_status") == 200, a)

    r = run("refresh", db=db)
    check("refresh with nothing due fetches nothing", r.returncode == 0 and "due" in r.stdout, r.stdout + r.stderr)

    STATE["version"] = 2
    STATE["broken"] = True
    r = run("refresh", "--all", db=db)
    check("refresh --all exits 1 when a feed fails", r.returncode == 1, r.stdout + r.stderr)
    check("refresh --all stores what changed", "1 new, 1 updated" in r.stdout, r.stdout)
    check("refresh --all names the failure", "HTTP 500" in r.stderr, r.stderr)

    r = run("feeds", "--json", db=db)
    by_url = {f["url"]: f for f in json.loads(r.stdout)}
    b = by_url[base + "/b.xml"]
    check("the failing feed keeps its items, its last success and records the error",
          b["items"] == 2 and b["last_success"] and "HTTP 500" in (b["last_error"] or "") and b["failures"] == 1, b)
    check("the healthy one has three items", by_url[base + "/a.xml"]["items"] == 3, by_url[base + "/a.xml"])

    r = run("refresh", str(by_url[base + "/a.xml"]["id"]), db=db)
    check("refresh ID: not modified", r.returncode == 0 and "not modified" in r.stdout, r.stdout + r.stderr)
    r = run("refresh", "999", db=db)
    check("refresh of an unknown id fails", r.returncode == 1, r.stdout + r.stderr)

    out = os.path.join(tmp, "subs.opml")
    r = run("opml", "export", "-o", out, db=db)
    check("opml export exits 0", r.returncode == 0, r.stderr)
    text = open(out).read() if os.path.exists(out) else ""
    check("the OPML names both subscriptions",
          'xmlUrl="%s/a.xml"' % base in text and 'xmlUrl="%s/b.xml"' % base in text, text)

    db2 = os.path.join(tmp, "other.db")
    r = run("import", out, db=db2)
    check("the OPML imports elsewhere", r.returncode == 0, r.stderr)
    STATE["broken"] = False
    r = run("refresh", db=db2)
    check("its subscriptions are live: the next refresh fetches them",
          r.returncode == 0 and r.stdout.count("new") == 2, r.stdout + r.stderr)

server.shutdown()
done()
