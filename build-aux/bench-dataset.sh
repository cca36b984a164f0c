#!/bin/sh
# The dataset import benchmark: import-dataset of N and 4N generated
# agreements (each with two parties, three events, two sources, a person,
# a fact and a flag) into empty databases; prints both times, their ratio
# (linear is 4; the target is at most 5x the time for 4x the agreements)
# and the peak memory of each.
#   build-aux/bench-dataset.sh [N]        (default 5000)
# Needs /usr/bin/time (Debian: time) and python3.
set -eu
cd "$(dirname "$0")/.."
BUILDDIR=${BUILDDIR:-build}
N=${1:-5000}
ninja -C "$BUILDDIR" src/accords-cli >/dev/null
CLI=$(readlink -f "$BUILDDIR/src/accords-cli")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

generate () {
  python3 - "$1" "$2" <<'EOF'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
pairs = [("GB", "RW"), ("US", "SV"), ("IT", "AL"), ("AU", "NR"), ("DE", "TR"), ("ES", "MA")]
agreements = []
for i in range(n):
    send, recv = pairs[i % len(pairs)]
    base = "https://example.org/%d/" % i
    agreements.append({
        "id": "gen-%06d" % i,
        "title": "Generated agreement %d" % i,
        "types": ["readmission_agreement"],
        "instrument_form": "memorandum of understanding",
        "parties": [{"country": send, "role": "sending"}, {"country": recv, "role": "receiving"}],
        "events": [
            {"date": "2023-%02d" % (i % 12 + 1), "type": "talks_confirmed", "sources": [base + "talks"]},
            {"date": "2024-%02d-15" % (i % 12 + 1), "type": "signed", "sources": [base + "signed"]},
            {"date": "2025", "type": "statement", "description": "A statement", "sources": [base + "talks"]},
        ],
        "sources": [{"url": base + "talks", "title": "Talks %d" % i, "type": "news"},
                    {"url": base + "signed", "title": "Signed %d" % i, "type": "official"}],
        "people": [{"name": "Person %d" % i, "role": "Minister", "country": send, "start": "2020"}],
        "facts": [{"kind": "observation", "date": "2025-01-01", "count": i, "description": "People moved"}],
        "verify": [{"text": "Check %d" % i, "resolved": None, "resolution": ""}],
    })
with open(path, "w") as f:
    json.dump({"format": "accords-dataset", "version": 1, "agreements": agreements}, f)
EOF
}

# seconds and peak kilobytes of importing $1 agreements
run () {
  generate "$1" "$TMP/d$1.json"
  rm -f "$TMP"/b.db*
  /usr/bin/time -v -o "$TMP/time" "$CLI" --no-seed --db "$TMP/b.db" import-dataset "$TMP/d$1.json" >/dev/null
  secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TMP/time" |
         awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time")
  echo "$secs $kb"
}

small=$(run "$N")
large=$(run $((N * 4)))
# shellcheck disable=SC2086
set -- $small $large
echo "import-dataset $N agreements: ${1}s, peak ${2} kB"
echo "import-dataset $((N * 4)) agreements: ${3}s, peak ${4} kB"
ratio=$(awk -v a="$1" -v b="$3" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
echo "ratio for 4x the agreements: ${ratio}x (linear: 4x; target <= 5x)"
awk -v r="$ratio" 'BEGIN { exit !(r <= 5) }'
