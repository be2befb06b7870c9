#!/usr/bin/env bash
# run-fuzzers.sh — builds the libFuzzer harnesses, replays every saved crash
# (regressions/<harness>/), then fuzzes each harness for SECONDS from a seed
# corpus: the test fixtures and the sample files in ../shared/data (read in
# place, never copied into the project). SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/run-fuzzers.sh SOURCE_ROOT BUILD_ROOT [SECONDS] [HARNESS...]
#   CI runs 20 s per harness (meson test --suite fuzz); a longer run on demand:
#   tests/fuzz/run-fuzzers.sh . _build-test 1800
# A crash is saved to BUILD_ROOT/tests/fuzz-crashes/: add it to
# tests/fuzz/regressions/<harness>/ with a test of the fix.
set -uo pipefail

src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
seconds=${3:-20}
shift $(( $# < 3 ? $# : 3 ))
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(fuzz-csv fuzz-import)

bin="$build/tests/fuzz-bin"
"$src/tests/fuzz/build-fuzzers.sh" "$src" "$build" "$bin" >&2
status=$?
if [ $status -eq 77 ]; then
  echo "1..0 # SKIP clang with libFuzzer is not installed"
  exit 0
elif [ $status -ne 0 ]; then
  echo "not ok 1 - the fuzzers build"
  echo "1..1"
  exit 1
fi

export G_SLICE=always-malloc
export LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_odr_violation=0}

seeds=("$src/tests/fixtures")
shared=${INTEGRITY_SHARED_DATA:-$src/../shared/data}
[ -d "$shared" ] && seeds+=("$shared")

n=0
failed=0
for h in "${harnesses[@]}"; do
  regressions="$src/tests/fuzz/regressions/$h"
  n=$((n + 1))
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    if "$bin/$h" "$regressions"/* >"$build/tests/$h-regressions.log" 2>&1; then
      echo "ok $n - $h: $(ls "$regressions" | wc -l) saved crash inputs replay cleanly"
    else
      failed=1
      echo "not ok $n - $h: a saved crash input fails again"
      tail -40 "$build/tests/$h-regressions.log" | sed 's/^/# /'
    fi
  else
    echo "ok $n - $h: no saved crash inputs # SKIP none yet"
  fi

  corpus="$build/tests/fuzz-corpus/$h"
  crashes="$build/tests/fuzz-crashes/$h"
  mkdir -p "$corpus" "$crashes"
  log="$build/tests/$h.log"
  n=$((n + 1))
  start=$(date +%s)
  "$bin/$h" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "${seeds[@]}" >"$log" 2>&1
  result=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ $result -eq 0 ]; then
    echo "ok $n - $h: ${execs:-?} executions in ${elapsed} s without a crash (corpus $(ls "$corpus" | wc -l) inputs)"
  else
    failed=1
    echo "not ok $n - $h: crashed after ${execs:-?} executions, ${elapsed} s; input saved in $crashes"
    grep -A30 "ERROR:\|runtime error\|ERROR \*\*" "$log" | head -60 | sed 's/^/# /'
  fi
done
echo "1..$n"
exit $failed
