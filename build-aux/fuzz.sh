#!/bin/sh
# Builds a libFuzzer harness and runs it.
#   build-aux/fuzz.sh [SECONDS]                  the feed parser (default 600 s)
#   build-aux/fuzz.sh feed|dataset|opml [SECONDS]
# feed: the feed parser, the HTML sanitizer and the date reader;
# dataset: the dataset JSON reader (accords-json-reader.c, accords-dataset.c
# and the validation); opml: the OPML reader.
# Needs clang and libclang-rt-14-dev (installed here when missing); the normal
# build and tests do not.  Crashers land in tests/fuzz/artifacts/TARGET/: copy
# each, once fixed, into tests/data/feeds/regress/ (feed, opml) or
# tests/data/dataset/regress/ (dataset), where the test suite reads them.
set -eu
cd "$(dirname "$0")/.."
TARGET=feed
case "${1:-}" in
  feed|dataset|opml) TARGET=$1; shift ;;
esac
SECONDS_TO_RUN=${1:-600}
OUT=build-fuzz
CORPUS=tests/fuzz/corpus/$TARGET
ARTIFACTS=tests/fuzz/artifacts/$TARGET

if ! command -v clang >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  apt-get install -y clang libclang-rt-14-dev
fi

mkdir -p "$OUT" "$CORPUS" "$ARTIFACTS"
printf '#pragma once\n#define GETTEXT_PACKAGE "accords"\n#define RESOURCE_PREFIX "/io/github/accords/Accords"\n#define APP_ID "io.github.accords.Accords"\n#define PACKAGE_VERSION "fuzz"\n#define LOCALEDIR "/usr/share/locale"\n#define ISO_CODES_JSON_DIR "/usr/share/iso-codes/json"\n#define ISO_CODES_LOCALEDIR "/usr/share/locale"\n' > "$OUT/config.h"
SANITIZE="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"

case $TARGET in
feed)
  # shellcheck disable=SC2046
  clang $SANITIZE -I"$OUT" -Isrc/core -Isrc/core/model -Isrc/core/feed -Isrc/core/linking -Isrc/core/store -Isrc/core/import -Isrc/core/editing -Isrc/core/export -Isrc/core/map $(pkg-config --cflags glib-2.0 gio-2.0 libxml-2.0) \
    tests/fuzz/fuzz-feed-parser.c \
    src/core/accords-error.c \
    src/core/feed/accords-feed-date.c \
    src/core/feed/accords-feed-formats.c \
    src/core/feed/accords-feed-input.c \
    src/core/feed/accords-feed-capture.c \
    src/core/feed/accords-feed-mapping.c \
    src/core/feed/accords-feed-handlers.c \
    src/core/feed/accords-feed-parser.c \
    src/core/feed/accords-feed-text.c \
    src/core/feed/accords-html-sanitizer.c \
    $(pkg-config --libs glib-2.0 gio-2.0 libxml-2.0) \
    -o "$OUT/fuzz-feed-parser"
  # Seeds: the test feeds, the regressions and, when it is there, the conformance corpus
  for f in tests/data/feeds/*.xml tests/data/feeds/hostile/* tests/data/feeds/regress/* tests/data/formats/*.xml; do
    [ -f "$f" ] && cp "$f" "$CORPUS/" 2>/dev/null || true
  done
  if [ -d ../shared/conformance/feeds/feedparser ]; then
    find ../shared/conformance/feeds/feedparser -name '*.xml' -size -16k | head -400 | \
      while read -r f; do cp "$f" "$CORPUS/$(echo "$f" | tr '/' '_')"; done
  fi
  exec "$OUT/fuzz-feed-parser" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -dict=tests/fuzz/feed.dict -print_final_stats=1 \
    -artifact_prefix="$ARTIFACTS/" "$CORPUS"
  ;;

opml)
  # shellcheck disable=SC2046
  clang $SANITIZE -I"$OUT" -Isrc/core -Isrc/core/model -Isrc/core/feed -Isrc/core/linking -Isrc/core/store -Isrc/core/import -Isrc/core/editing -Isrc/core/export -Isrc/core/map $(pkg-config --cflags glib-2.0 gio-2.0 libxml-2.0) \
    tests/fuzz/fuzz-opml.c \
    src/core/accords-error.c \
    src/core/feed/accords-feed-input.c \
    src/core/feed/accords-opml.c \
    $(pkg-config --libs glib-2.0 gio-2.0 libxml-2.0) \
    -o "$OUT/fuzz-opml"
  for f in tests/data/feeds/*.opml tests/data/feeds/regress/*.opml; do
    [ -f "$f" ] && cp "$f" "$CORPUS/" 2>/dev/null || true
  done
  exec "$OUT/fuzz-opml" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -dict=tests/fuzz/opml.dict -print_final_stats=1 \
    -artifact_prefix="$ARTIFACTS/" "$CORPUS"
  ;;

dataset)
  # The whole core, as a library the harness takes what it needs from
  PKGS="glib-2.0 gio-2.0 gio-unix-2.0 json-glib-1.0 libxml-2.0 sqlite3 libsoup-3.0 libcmark pangocairo cairo"
  mkdir -p "$OUT/core"
  glib-compile-resources --sourcedir=ui --sourcedir=data --generate-source --c-name accords \
    --target="$OUT/accords-gresources.c" ui/accords.gresource.xml
  glib-compile-resources --sourcedir=ui --sourcedir=data --generate-header --c-name accords \
    --target="$OUT/accords-gresources.h" ui/accords.gresource.xml
  for f in src/core/*.c src/core/*/*.c "$OUT/accords-gresources.c"; do
    o="$OUT/core/$(basename "$f" .c).o"
    if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then
      # shellcheck disable=SC2046
      clang -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
        -I"$OUT" -Isrc/core -Isrc/core/model -Isrc/core/feed -Isrc/core/linking -Isrc/core/store -Isrc/core/import -Isrc/core/editing -Isrc/core/export -Isrc/core/map $(pkg-config --cflags $PKGS) -c "$f" -o "$o"
    fi
  done
  rm -f "$OUT/libcore-fuzz.a"
  ar rcs "$OUT/libcore-fuzz.a" "$OUT"/core/*.o
  # shellcheck disable=SC2046
  clang $SANITIZE -I"$OUT" -Isrc/core -Isrc/core/model -Isrc/core/feed -Isrc/core/linking -Isrc/core/store -Isrc/core/import -Isrc/core/editing -Isrc/core/export -Isrc/core/map $(pkg-config --cflags $PKGS) \
    tests/fuzz/fuzz-dataset.c "$OUT/libcore-fuzz.a" $(pkg-config --libs $PKGS) -lm \
    -o "$OUT/fuzz-dataset"
  # Seeds: each agreement of the built-in dataset, the test fixtures, the regressions
  python3 - "$CORPUS" <<'EOF'
import json, sys, os
out = sys.argv[1]
seed = json.load(open("data/seed/agreements.json"))
for i, a in enumerate(seed["agreements"]):
    with open(os.path.join(out, "seed-%02d.json" % i), "w") as f:
        json.dump({"format": "accords-dataset", "version": 1, "agreements": [a]}, f, ensure_ascii=False)
EOF
  for f in tests/data/export-fixture.json tests/data/dataset/*.json tests/data/dataset/regress/*; do
    [ -f "$f" ] && cp "$f" "$CORPUS/" 2>/dev/null || true
  done
  exec "$OUT/fuzz-dataset" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -dict=tests/fuzz/json.dict -print_final_stats=1 \
    -artifact_prefix="$ARTIFACTS/" "$CORPUS"
  ;;
esac
