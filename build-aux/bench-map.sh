#!/bin/sh
# How fast the map loads, draws and hit-tests, against its budgets:
# geometry load <= 30 ms, geometry memory <= 15 MB, a whole-world frame at
# 1600x1000 <= 16 ms (median of 100), a hit test <= 50 us.
#
#   build-aux/bench-map.sh [FRAME.png]     (FRAME.png: the last frame drawn)
#
# Builds tests/bench-map in build/ (configuring it when needed) and runs it.
# Timings are noisy on a busy machine: the CPU time of each frame is printed
# beside its wall-clock time.
set -eu
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build -j2 tests/bench-map >/dev/null
exec build/tests/bench-map "$@"
