#!/bin/sh
# The import benchmark, as it is judged: ../shared/bench/compare-import.sh on
# this build's accords-cli.  It imports 100,000 generated items (95 MB) into an
# empty database and prints ratios against the floor (xmllint --stream plus a
# sqlite3 CSV import with an FTS5 rebuild), against Python feedparser, the
# peak RSS and the re-import time.
#
# Then the same benchmark with the items stored unlinked (import --no-link),
# and what linking adds: imports with and without linking, alternated in the
# same run so that both see the same machine, the fastest of each compared.
#   build-aux/bench-import.sh [N_ITEMS]
#   RUNS=5 build-aux/bench-import.sh      (alternated pairs, 3 by default)
# Needs python3-feedparser, sqlite3, bc and libxml2-utils (Debian), which the
# build and the tests do not.
set -eu
cd "$(dirname "$0")/.."
BUILDDIR=${BUILDDIR:-build}
BENCH=../shared/bench/compare-import.sh
RUNS=${RUNS:-3}
N=${1:-100000}

if [ ! -x "$BENCH" ]; then
  echo "bench-import: $BENCH is not there: it comes with the shared folder beside the checkout" >&2
  exit 2
fi
ninja -C "$BUILDDIR" src/accords-cli >/dev/null
CLI=$(readlink -f "$BUILDDIR/src/accords-cli")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# compare-import.sh runs "CLI --db DB import FILE": this one stores unlinked
cat > "$TMP/accords-cli-no-link" <<EOF
#!/bin/sh
exec "$CLI" "\$@" --no-link
EOF
chmod +x "$TMP/accords-cli-no-link"

status=0
echo "== with linking (as judged)"
"$BENCH" "$CLI" "$N" || status=1
echo "== without linking (import --no-link)"
"$BENCH" "$TMP/accords-cli-no-link" "$N" || true

FEED=/tmp/accords-bench/rss-$N.xml
now () { date +%s.%N; }
best_link=""; best_plain=""
for i in $(seq "$RUNS"); do
  for mode in link plain; do
    rm -f "$TMP"/ab.db*
    "$CLI" --db "$TMP/ab.db" agreements >/dev/null    # the database and its seed, outside the timing
    if [ $mode = link ]; then opt=""; else opt="--no-link"; fi
    s=$(now); "$CLI" --db "$TMP/ab.db" import $opt "$FEED" >/dev/null; e=$(now)
    t=$(echo "$e - $s" | bc)
    echo "run $i $mode: ${t}s"
    if [ $mode = link ]; then
      if [ -z "$best_link" ] || [ "$(echo "$t < $best_link" | bc)" = 1 ]; then best_link=$t; fi
    else
      if [ -z "$best_plain" ] || [ "$(echo "$t < $best_plain" | bc)" = 1 ]; then best_plain=$t; fi
    fi
  done
done
added=$(echo "scale=1; ($best_link - $best_plain) * 100 / $best_plain" | bc)
echo "linking: import ${best_link}s with, ${best_plain}s without: +${added}% (target <= 30%)"
[ "$(echo "$added <= 30" | bc)" = 1 ] || status=1
exit $status
