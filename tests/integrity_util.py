"""What test-stress.py and test-kill.py share: TAP output, running accords-cli,
feeds made up on the spot, and the checks a database must pass afterwards."""
import html
import os
import random
import sqlite3
import subprocess
import sys

import clitest
from clitest import CLI
SQLITE3 = os.environ.get("SQLITE3", "sqlite3")

COUNTRIES = ["Rwanda", "United States", "United Kingdom", "El Salvador", "Panama", "Costa Rica",
             "Albania", "Italy", "Turkey", "Nauru", "Uganda", "Denmark", "Tunisia", "Libya"]
VERBS = ["in talks with", "signs deal with", "suspends agreement with", "receives deportees from"]
TOPICS = ["deportation", "migration", "asylum", "readmission", "third-country transfer"]
# An alias store-holder gives us-rw-2025 and takes back, again and again
ALIAS = "Kigali pact"
WORDS = ("the government said talks were at an early stage and no final agreement had been reached "
         "officials confirmed rights groups raised concerns about secondary deportations").split()


class Tap:
    """The TAP output of clitest, as an object the tests pass around"""

    check = staticmethod(clitest.check)
    done = staticmethod(clitest.done)

    @property
    def failures(self):
        return clitest.failures()

    def note(self, text):
        print("# " + text, flush=True)


def cli_args(db, *args):
    return [CLI, "--db", db] + list(args)


def run(db, *args, timeout=120):
    return clitest.run(*args, db=db, timeout=timeout, stdin="")


def sqlite(db, *statements, timeout=60):
    """The sqlite3 shell, as a user runs it beside the app (with a busy timeout, as a user would set)"""
    return subprocess.run([SQLITE3, "-batch", "-cmd", ".timeout 10000", db] + list(statements),
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def query(db, sql, *params):
    """Rows of a query, each a list"""
    connection = sqlite3.connect(db, timeout=10)
    try:
        return [list(row) for row in connection.execute(sql, params)]
    finally:
        connection.close()


def integrity(db):
    """'ok', or what PRAGMA integrity_check and foreign_key_check found"""
    r = sqlite(db, "PRAGMA integrity_check", "PRAGMA foreign_key_check")
    out = (r.stdout + r.stderr).strip()
    return "ok" if r.returncode == 0 and out == "ok" else out


def clear_failure(stderr, db):
    """A failure the user can act on: the database is named and said to be busy"""
    return db in stderr and "busy" in stderr and "malformed" not in stderr


def write_feed(path, prefix, n_items, seed):
    """An RSS 2.0 feed of n_items whose guids are PREFIX-0 … PREFIX-(n-1), about countries
    and agreements, so that linking and the full-text index have work to do"""
    r = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
                  "<title>Desk %s</title><link>https://news.example.org/%s</link>\n"
                  "<description>Made up for a test</description>\n" % (prefix, prefix))
        for i in range(n_items):
            a, b = r.sample(COUNTRIES, 2)
            title = "%s %s %s on %s" % (a, r.choice(VERBS), b, r.choice(TOPICS))
            if i % 5 == 0:
                title += " under the " + ALIAS   # linked or not as store-holder toggles it
            body = "<p>%s.</p><p>%s</p>" % (" ".join(r.choice(WORDS) for _ in range(40)).capitalize(),
                                            " ".join(r.choice(WORDS) for _ in range(30)))
            out.write("<item><title>%s</title><link>https://news.example.org/%s/%d</link>"
                      '<guid isPermaLink="false">%s-%d</guid>'
                      "<pubDate>Mon, 06 Jan 2025 %02d:%02d:00 +0000</pubDate>"
                      "<description>%s</description></item>\n"
                      % (html.escape(title), prefix, i, prefix, i, (i // 60) % 24, i % 60, html.escape(body)))
        out.write("</channel></rss>\n")
    return ["%s-%d" % (prefix, i) for i in range(n_items)]


def links(db):
    """Every link of every item, to countries and agreements"""
    return (query(db, "SELECT item_id, country, count, matched, method FROM item_country ORDER BY item_id, country"),
            query(db, "SELECT item_id, agreement_id, method, score, reason, signal, state FROM item_agreement"
                      " ORDER BY item_id, agreement_id"))


def count_guids(db, prefix):
    return query(db, "SELECT count(*) FROM item WHERE guid LIKE ? || '-%'", prefix)[0][0]
