#!/bin/sh
# The import benchmark, as it is judged: ../shared/bench/compare-import.sh on
# this build's accords-cli.  It imports 100,000 generated items (95 MB) into an
# empty database and prints ratios against the floor (xmllint --stream plus a
# sqlite3 CSV import with an FTS5 rebuild), against Python feedparser, the
# peak RSS and the re-import time.
#   build-aux/bench-import.sh [N_ITEMS]
# Needs python3-feedparser, sqlite3, bc and libxml2-utils (Debian), which the
# build and the tests do not.
set -eu
cd "$(dirname "$0")/.."
BUILDDIR=${BUILDDIR:-build}
BENCH=../shared/bench/compare-import.sh

if [ ! -x "$BENCH" ]; then
  echo "bench-import: $BENCH is not there: it comes with the shared folder beside the checkout" >&2
  exit 2
fi
ninja -C "$BUILDDIR" src/accords-cli >/dev/null
exec "$BENCH" "$BUILDDIR/src/accords-cli" "$@"
