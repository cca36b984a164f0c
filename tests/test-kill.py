#!/usr/bin/env python3
"""kill -9 at random moments.

accords-cli import (one feed of thousands of items), relink, import-dataset
(hundreds of agreements), export and export-dataset are killed at a random
moment within the time each takes.  After each kill the database passes
integrity_check and still opens, an interrupted import holds none or all of
the file's items, an interrupted dataset import none or all of its
agreements, an interrupted relink carries on to the links a whole relink
makes, and an export's target is the old file or the whole new one.

KILL_SEED sets the moments (default: from the clock; the seed is printed);
KILL_ROUNDS scales the number of kills (default 1: 30 kills)."""
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from integrity_util import Tap, cli_args, count_guids, integrity, links, query, run, write_feed  # noqa: E402

SEED = int(os.environ.get("KILL_SEED", str(int(time.time()) % 100000)))
SCALE = float(os.environ.get("KILL_ROUNDS", "1"))
N_ITEMS = 6000
N_AGREEMENTS = 300

tap = Tap()
rand = random.Random(SEED)
figures = {"kills": 0, "finished": 0, "checked": 0, "mid-write": 0}


def timed(db, *args):
    start = time.monotonic()
    r = run(db, *args)
    return time.monotonic() - start, r


def kill_at_random(db, duration, *args):
    """Runs accords-cli and kills it at a random moment of the time it takes; True when
    it was killed, False when it had finished first"""
    p = subprocess.Popen(cli_args(db, *args), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    time.sleep(rand.uniform(0.0, duration * 1.1))
    killed = p.poll() is None
    if killed:
        p.send_signal(signal.SIGKILL)
    p.communicate()
    if killed:
        figures["kills"] += 1
    else:
        figures["finished"] += 1
        if p.returncode != 0:
            tap.check("%s finished on its own with exit 0" % args[0], False, p.returncode)
    return killed


def kill_when_written(folder, *args):
    """Runs accords-cli and kills it once a file it writes appears in folder, a moment
    (up to 1 ms) later: in the middle of writing it.  True when it was killed."""
    before = set(os.listdir(folder))
    p = subprocess.Popen(cli_args(*args), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    while p.poll() is None and set(os.listdir(folder)) <= before:
        pass
    time.sleep(rand.uniform(0.0, 0.001))
    killed = p.poll() is None
    if killed:
        p.send_signal(signal.SIGKILL)
        figures["kills"] += 1
        figures["mid-write"] += 1
    else:
        figures["finished"] += 1
    p.communicate()
    return killed


def rounds(n_kills):
    """Round numbers until n_kills kills landed (at most twice as many rounds)"""
    start = figures["kills"]
    for k in range(2 * n_kills):
        if figures["kills"] - start >= n_kills:
            break
        yield k


def fresh(base, path):
    """A copy of the base database (closed, so one file) as the next round's"""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    shutil.copy(base, path)
    return path


def after_kill(name, db):
    """What every kill must leave: an intact database that still opens"""
    verdict = integrity(db)
    ok = tap.check("%s: integrity_check ok" % name, verdict == "ok", verdict)
    r = run(db, "agreements", "--json")
    ok = tap.check("%s: the database opens" % name, r.returncode == 0, r.stderr) and ok
    figures["checked"] += 1
    return ok


def read_export(path):
    """The file, but for the second a PDF was made at"""
    with open(path, "rb") as f:
        return re.sub(rb"/CreationDate \(\d+Z\)", b"/CreationDate ()", f.read())


def main():
    with tempfile.TemporaryDirectory(prefix="accords-kill-") as tmp:
        base = os.path.join(tmp, "base.db")
        db = os.path.join(tmp, "round.db")
        feed = os.path.join(tmp, "feed.xml")
        seed_feed = os.path.join(tmp, "seed.xml")
        write_feed(seed_feed, "seed", 2000, 1)
        r = run(base, "import", seed_feed)
        tap.check("the base database is made", r.returncode == 0 and not os.path.exists(base + "-wal"), r.stderr)
        guids = write_feed(feed, "big", N_ITEMS, 2)
        tap.note("seed %d" % SEED)

        # --- import: one transaction per file
        duration, r = timed(fresh(base, db), "import", feed)
        tap.check("an import of %d items runs whole (%.2f s)" % (N_ITEMS, duration),
                  r.returncode == 0 and count_guids(db, "big") == N_ITEMS, r.stderr)
        outcomes = {0: 0, N_ITEMS: 0}
        for k in rounds(int(8 * SCALE)):
            name = "import kill %d" % k
            killed = kill_at_random(fresh(base, db), duration, "import", feed)
            if not after_kill(name, db):
                continue
            n = count_guids(db, "big")
            tap.check("%s: none or all of the %d items (%d)" % (name, N_ITEMS, n),
                      n in outcomes and (killed or n == N_ITEMS), n)
            outcomes[n] = outcomes.get(n, 0) + 1
        tap.note("imports: %d ended with none of the file, %d with all of it" % (outcomes[0], outcomes[N_ITEMS]))

        # --- relink: chunks that each commit, and a position to carry on from
        unlinked = os.path.join(tmp, "unlinked.db")
        linked = os.path.join(tmp, "linked.db")
        run(fresh(base, unlinked), "import", "--no-link", feed)
        run(fresh(base, linked), "import", feed)
        duration, r = timed(fresh(linked, db), "relink")
        tap.check("a relink runs whole (%.2f s)" % duration, r.returncode == 0, r.stderr)
        reference = links(db)
        tap.check("an import links as a whole relink does", links(linked) == reference)
        r = run(fresh(unlinked, db), "relink", "--if-needed")
        tap.check("a relink links what was imported unlinked as a whole relink does",
                  r.returncode == 0 and links(db) == reference, r.stderr)
        for k in range(int(6 * SCALE)):
            name = "relink kill %d" % k
            if k % 2 == 0:
                # the links are up to date: a forced relink rewrites them all
                kill_at_random(fresh(linked, db), duration, "relink")
            else:
                # items never linked: the relink links them and records who made the links
                kill_at_random(fresh(unlinked, db), duration, "relink", "--if-needed")
            if not after_kill(name, db):
                continue
            r = run(db, "relink", "--if-needed")
            tap.check("%s: the next relink carries on" % name, r.returncode == 0, r.stderr)
            tap.check("%s: the links are those of a whole relink" % name, links(db) == reference)

        # --- import-dataset: one command, one transaction
        dataset = os.path.join(tmp, "dataset.json")
        r = run(base, "export-dataset")
        data = json.loads(r.stdout)
        agreements = []
        for k in range(N_AGREEMENTS):
            a = json.loads(json.dumps(data["agreements"][k % len(data["agreements"])]))
            a["id"] = "killed-%03d-%s" % (k, a["id"])
            a["title"] += " (copy %d)" % k
            a["short_title"] += " %d" % k
            a["aliases"] = ["%s %d" % (alias, k) for alias in a["aliases"]]
            a["related"] = []
            agreements.append(a)
        data["agreements"] = agreements
        with open(dataset, "w") as f:
            json.dump(data, f)
        duration, r = timed(fresh(base, db), "import-dataset", dataset)
        count = "SELECT count(*) FROM agreement WHERE slug LIKE 'killed-%'"
        tap.check("a dataset of %d agreements imports whole (%.2f s)" % (N_AGREEMENTS, duration),
                  r.returncode == 0 and query(db, count)[0][0] == N_AGREEMENTS, r.stderr)
        outcomes = {0: 0, N_AGREEMENTS: 0}
        for k in rounds(int(6 * SCALE)):
            name = "import-dataset kill %d" % k
            killed = kill_at_random(fresh(base, db), duration, "import-dataset", dataset)
            if not after_kill(name, db):
                continue
            n = query(db, count)[0][0]
            tap.check("%s: none or all of the %d agreements (%d)" % (name, N_AGREEMENTS, n),
                      n in outcomes and (killed or n == N_AGREEMENTS), n)
            outcomes[n] = outcomes.get(n, 0) + 1
        tap.note("dataset imports: %d ended with none, %d with all" % (outcomes[0], outcomes[N_AGREEMENTS]))

        # --- export and export-dataset: the old target or the whole new one
        fresh(base, db)
        stale = {}
        for label, args, n_kills in (("export", ("export", "--format", "pdf", "--all"), 6),
                                     ("export-dataset", ("export-dataset",), 4)):
            out_dir = os.path.join(tmp, label)
            os.mkdir(out_dir)
            target = os.path.join(out_dir, "out")
            duration, r = timed(db, *args, "-o", target)
            new = read_export(target)
            tap.check("%s runs whole (%.2f s, %d bytes)" % (label, duration, len(new)), r.returncode == 0 and new,
                      r.stderr)
            old = b"the previous export\n"
            for k in range(int(n_kills * SCALE)):
                name = "%s kill %d" % (label, k)
                with open(target, "wb") as f:
                    f.write(old)
                if k % 2 == 0:
                    kill_at_random(db, duration, *args, "-o", target)
                else:
                    kill_when_written(out_dir, db, *args, "-o", target)
                now = read_export(target)
                tap.check("%s: the target is the old file or the whole new one" % name, now in (old, new),
                          "%d bytes" % len(now))
                figures["checked"] += 1
            left = sorted(set(os.listdir(out_dir)) - {"out"})
            r = run(db, *args, "-o", target)
            stale[label] = (left, sorted(set(os.listdir(out_dir)) - {"out"}))
        for label, (left, after) in stale.items():
            tap.note("%s: %d temporary files left by the kills (%s); after one more run %d remain"
                     % (label, len(left), ", ".join(left) or "none", len(after)))
            tap.check("%s: the next run leaves no temporary file of a killed one" % label, after == [],
                      ", ".join(after))

        tap.check("at least 20 kills landed (%d)" % figures["kills"], figures["kills"] >= 20 * min(SCALE, 1))
        tap.note("figures: %d kills (%d in the middle of writing an export), %d runs finished before their "
                 "kill, %d states checked, all intact: %s"
                 % (figures["kills"], figures["mid-write"], figures["finished"], figures["checked"],
                    "yes" if tap.failures == 0 else "no"))
    tap.done()


main()
