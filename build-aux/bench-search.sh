#!/bin/sh
# The search benchmark: on a database of N generated news items (100,000 by
# default; ../shared/bench/gen-feed.py, imported with accords-cli), a search
# of a common word with a limit of 50:
#   - in the store: the median of the store's query of the newest matching
#     items, and of the whole grouped search (counts, highlights, notes,
#     agreements), over RUNS runs in one process (accords-cli search --repeat);
#   - the whole CLI process: the median of RUNS runs of
#     "accords-cli items --search WORD --limit 50" and of "accords-cli search";
#   - the baseline, in the same invocation: sqlite3 on the same database
#     with the same FTS query, as a process, and the ratios to it.
# Targets: store <= 20 ms, CLI process <= 60 ms.  Timings are not tests:
# meson test never runs this.
#   build-aux/bench-search.sh [N_ITEMS]
#   WORD=rwanda RUNS=21 build-aux/bench-search.sh
# Needs sqlite3, bc and python3.
set -eu
cd "$(dirname "$0")/.."
BUILDDIR=${BUILDDIR:-build}
GEN=../shared/bench/gen-feed.py
N=${1:-100000}
WORD=${WORD:-government}
RUNS=${RUNS:-21}
W=/tmp/accords-bench
for t in sqlite3 bc python3; do
  command -v $t >/dev/null || { echo "bench-search: needs $t" >&2; exit 2; }
done
if [ ! -x "$GEN" ]; then
  echo "bench-search: $GEN is not there: it comes with the shared folder beside the checkout" >&2
  exit 2
fi
ninja -C "$BUILDDIR" src/accords-cli >/dev/null
CLI=$(readlink -f "$BUILDDIR/src/accords-cli")
mkdir -p $W
[ -s $W/rss-$N.xml ] || "$GEN" rss "$N" > $W/rss-$N.xml
DB=$W/search-$N.db
# the database is made once, and again when the schema changed
if [ ! -s "$DB" ] || [ "$(sqlite3 "$DB" 'PRAGMA user_version')" != "$(sqlite3 "$W/schema.db" 'PRAGMA user_version' 2>/dev/null || echo none)" ]; then
  rm -rf "$DB" "$DB"-* "$DB".backups $W/schema.db*
  "$CLI" --db $W/schema.db --no-seed countries >/dev/null
  "$CLI" --db "$DB" import "$W/rss-$N.xml" >/dev/null
fi

now () { date +%s.%N; }
# median of the wall times of RUNS runs of a command, in ms
median_ms () {
  for i in $(seq "$RUNS"); do
    s=$(now); "$@" >/dev/null 2>&1; e=$(now)
    echo "($e - $s) * 1000" | bc
  done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }'
}

FTS=$("$CLI" --db "$DB" search "$WORD" --json --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["fts"])')
SQL_FTS=$(printf "%s" "$FTS" | sed "s/'/''/g")
MATCHES=$(sqlite3 "$DB" "SELECT count(*) FROM item_fts WHERE item_fts MATCH '$SQL_FTS'")
echo "== $N items, \"$WORD\" (FTS5 $FTS) matches $MATCHES, limit 50, median of $RUNS"

REPORT=$("$CLI" --db "$DB" search "$WORD" --limit 50 --repeat "$RUNS" 2>&1 >/dev/null | tail -1)
STORE=$(echo "$REPORT" | sed -n 's/.*store items query median \([0-9.]*\) ms.*/\1/p')
GROUPED=$(echo "$REPORT" | sed -n 's/^search: median \([0-9.]*\) ms.*/\1/p')
echo "store: newest matching items ${STORE} ms (target <= 20); grouped search with counts and highlights ${GROUPED} ms"
echo "       ($REPORT)"

BASE=$(median_ms sqlite3 "$DB" "SELECT rowid FROM item_fts WHERE item_fts MATCH '$SQL_FTS' ORDER BY rowid DESC LIMIT 50")
BASE_SORTED=$(median_ms sqlite3 "$DB" "SELECT i.id FROM item_fts JOIN item i ON i.id = item_fts.rowid WHERE item_fts MATCH '$SQL_FTS' ORDER BY (CASE WHEN i.published <> '' THEN i.published ELSE i.updated END) DESC, i.id DESC LIMIT 50")
ITEMS=$(median_ms "$CLI" --db "$DB" items --search "$WORD" --limit 50)
SEARCH=$(median_ms "$CLI" --db "$DB" search "$WORD" --limit 50)
echo "baseline: sqlite3 process, FTS query ${BASE} ms; the same sorted by date as the News list ${BASE_SORTED} ms"
echo "CLI process: items --search ${ITEMS} ms (target <= 60), search ${SEARCH} ms"
echo "ratios: items/sqlite3 $(echo "scale=2; $ITEMS / $BASE" | bc)x  search/sqlite3 $(echo "scale=2; $SEARCH / $BASE" | bc)x  items/sqlite3-sorted $(echo "scale=2; $ITEMS / $BASE_SORTED" | bc)x"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

status=0
[ "$(echo "$STORE <= 20" | bc)" = 1 ] || status=1
[ "$(echo "$ITEMS <= 60" | bc)" = 1 ] || status=1
exit $status
