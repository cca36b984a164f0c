#!/bin/sh
# Builds the libFuzzer harness of the feed parser and runs it.
#   build-aux/fuzz.sh [SECONDS]     (default 600)
# Needs clang and libclang-rt-14-dev (installed here when missing); the normal
# build and tests do not.  Crashers land in tests/fuzz/artifacts/: copy each
# into tests/data/feeds/regress/ once fixed, where the test suite reads it.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
OUT=build-fuzz

if ! command -v clang >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  apt-get install -y clang libclang-rt-14-dev
fi

mkdir -p "$OUT" tests/fuzz/corpus tests/fuzz/artifacts
printf '#pragma once\n#define GETTEXT_PACKAGE "accords"\n' > "$OUT/config.h"

# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$OUT" -Isrc/core $(pkg-config --cflags glib-2.0 gio-2.0 libxml-2.0) \
  tests/fuzz/fuzz-feed-parser.c \
  src/core/accords-error.c \
  src/core/feed/accords-feed-date.c \
  src/core/feed/accords-feed-input.c \
  src/core/feed/accords-feed-parser.c \
  src/core/feed/accords-html-sanitizer.c \
  $(pkg-config --libs glib-2.0 gio-2.0 libxml-2.0) \
  -o "$OUT/fuzz-feed-parser"

# Seeds: the test feeds, the regressions and, when it is there, the conformance corpus
for f in tests/data/feeds/*.xml tests/data/feeds/hostile/* tests/data/feeds/regress/*; do
  [ -f "$f" ] && cp "$f" tests/fuzz/corpus/ 2>/dev/null || true
done
if [ -d ../shared/conformance/feeds/feedparser ]; then
  find ../shared/conformance/feeds/feedparser -name '*.xml' -size -16k | head -400 | \
    while read -r f; do cp "$f" "tests/fuzz/corpus/$(echo "$f" | tr '/' '_')"; done
fi

exec "$OUT/fuzz-feed-parser" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -dict=tests/fuzz/feed.dict -print_final_stats=1 \
  -artifact_prefix=tests/fuzz/artifacts/ tests/fuzz/corpus
