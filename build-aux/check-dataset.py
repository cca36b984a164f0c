#!/usr/bin/env python3
"""Check a dataset release file against what the app accepts.

    build-aux/check-dataset.py data/seed/agreements.json data/seed/release-2026.json

For each file: it parses; agreement ids are unique; party codes are ISO 3166-1
alpha-2 (from iso-codes), EU or XK; roles, event types and confidence levels are
those of the vocabularies in src/core/model/; event dates are YYYY, YYYY-MM or
YYYY-MM-DD and match their precision; every source an event cites is one of its
agreement's sources; and the status the events derive (the rule of
accords_status_derive() in src/core/model/accords-status.c) is the agreement's
status, or the status is set by hand and the replay with it, at its date, gives it.
Prints a line per agreement whose status is set by hand, then the totals; exits
non-zero on the first file with a problem.
"""
import datetime
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def c_source(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def c_table(text, name):
    """The first string of each row of a static C table."""
    body = re.search(r"%s\[\]\s*=\s*\{(.*?)\n\};" % name, text, re.S).group(1)
    return re.findall(r'\{\s*"([a-z_]+)"', body)


STATUS_C = c_source("src/core/model/accords-status.c")
VOCABULARY_C = c_source("src/core/model/accords-vocabulary.c")

STATUSES = {}       # name -> (priority, group)
for name, prio, group in re.findall(
        r'\[ACCORDS_STATUS_\w+\]\s*=\s*\{\s*"(\w+)",\s*N_\("[^"]*"\),\s*(\d+),\s*ACCORDS_STATUS_GROUP_(\w+)', STATUS_C):
    STATUSES[name] = (int(prio), group)
GROUP_ORDER = ["NONE", "EARLY", "SIGNED", "IN_FORCE", "IMPLEMENTED", "SUSPENDED", "ENDED", "STRUCK_DOWN"]
EVENT_TYPES = {}    # name -> (implied status, lifts)
for name, implied, lifts in re.findall(
        r'\{\s*"(\w+)",\s*N_\("[^"]*"\),\s*ACCORDS_STATUS_(\w+),\s*(TRUE|FALSE)\s*\}', STATUS_C):
    EVENT_TYPES[name] = (implied.lower(), lifts == "TRUE")
ROLES = set(c_table(VOCABULARY_C, "party_roles"))
CONFIDENCES = set(c_table(VOCABULARY_C, "confidences"))


def countries():
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
        codes = {c["alpha_2"] for c in json.load(f)["3166-1"]}
    # the EU, and Kosovo's user-assigned code, which src/core/model/accords-iso-codes.c adds
    return codes | {"EU", "XK"}


def group(status):
    return GROUP_ORDER.index(STATUSES[status][1])


def strongest(a, b):
    return b if STATUSES[b][0] > STATUSES[a][0] else a


def date_key(date):
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


def derive(events, override=None, override_date=None):
    """accords_status_derive(), with an override as a dated status step after its day's events."""
    steps = [(date_key(e["date"]), i, e["type"], None) for i, e in enumerate(events)]
    if override:
        steps.append((date_key(override_date) if override_date else 1, len(steps), None, override))
    progress = halt = "none"
    suspended = GROUP_ORDER.index("SUSPENDED")
    for _, _, kind, sets in sorted(steps):
        if sets is not None:
            if group(sets) >= suspended:
                halt = sets
            else:
                progress, halt = sets, "none"
            continue
        implied, lifts = EVENT_TYPES[kind]
        if group(implied) >= suspended:
            halt = strongest(halt, implied)
            continue
        if lifts:
            full = implied == "none" or kind == "renewed"
            if group(halt) == suspended or (full and group(halt) != 0):
                halt = "none"
        progress = strongest(progress, implied)
    return strongest(progress, halt)


def valid_date(date):
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        datetime.date(y, mo, d)
    except ValueError:
        return None
    return {1: "year", 2: "month", 3: "day"}[len(date.split("-"))]


def check(path, codes):
    problems = []
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    agreements = data["agreements"]
    seen = set()
    n_events = n_cited = 0
    by_hand = []
    for a in agreements:
        where = "%s: %s" % (path, a.get("id"))
        if a["id"] in seen:
            problems.append("%s: id appears twice" % where)
        seen.add(a["id"])
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", a["id"]):
            problems.append("%s: bad id" % where)
        for p in a["parties"]:
            if p["country"] not in codes:
                problems.append("%s: party %r is not ISO 3166-1 alpha-2, EU or XK" % (where, p["country"]))
            if p.get("role", "party") not in ROLES:
                problems.append("%s: role %r is not one of %s" % (where, p.get("role"), sorted(ROLES)))
        if a.get("instrument_form") == "legal_framework" and [p["country"] for p in a["parties"]] != ["EU"]:
            problems.append("%s: a legal framework has one party, the EU" % where)
        urls = [s if isinstance(s, str) else s["url"] for s in a.get("sources", [])]
        if len(set(urls)) != len(urls):
            problems.append("%s: a source URL appears twice" % where)
        for e in a["events"]:
            n_events += 1
            p = valid_date(e["date"])
            if p is None:
                problems.append("%s: bad event date %r" % (where, e["date"]))
            elif e.get("precision", p) != p:
                problems.append("%s: %s has precision %r" % (where, e["date"], e.get("precision")))
            if e["type"] not in EVENT_TYPES:
                problems.append("%s: %r is not an event type" % (where, e["type"]))
            if e.get("confidence", "reported") not in CONFIDENCES:
                problems.append("%s: %r is not a confidence level" % (where, e.get("confidence")))
            cited = e.get("sources", [])
            n_cited += bool(cited)
            for u in cited:
                if u not in urls:
                    problems.append("%s: event %s %s cites %s, not one of its sources"
                                    % (where, e["date"], e.get("label"), u))
            if len(set(cited)) != len(cited):
                problems.append("%s: event %s %s cites a source twice" % (where, e["date"], e.get("label")))
        if problems:
            continue
        status = a.get("status", "none")
        if status not in STATUSES:
            problems.append("%s: %r is not a status" % (where, status))
            continue
        derived = derive(a["events"])
        if derived != status:
            # the loader sets it by hand, dated status_as_of or else by the last event
            as_of = a.get("status_as_of") or max((e["date"] for e in a["events"]), key=date_key, default=None)
            if as_of and valid_date(as_of) is None:
                problems.append("%s: bad status_as_of %r" % (where, as_of))
                continue
            replay = derive(a["events"], status, as_of)
            by_hand.append("  %-28s %-12s events give %-12s set by hand from %s%s"
                           % (a["id"], status, derived, as_of,
                              "" if a.get("status_as_of") else " (last event)"))
            if replay != status:
                problems.append("%s: status %r set from %s replays as %r" % (where, status, as_of, replay))
    print("%s: release %s, %d agreements, %d events (%d cite sources, %d do not), %d verify flags"
          % (path, data.get("release", "?"), len(agreements), n_events, n_cited, n_events - n_cited,
             sum(len(a.get("verify", [])) for a in agreements)))
    for line in by_hand:
        print(line)
    return problems


def main():
    codes = countries()
    failed = False
    for path in sys.argv[1:]:
        problems = check(path, codes)
        for p in problems:
            print(p, file=sys.stderr)
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
