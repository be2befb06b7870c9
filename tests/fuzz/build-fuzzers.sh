#!/usr/bin/env bash
# build-fuzzers.sh — builds the libFuzzer harnesses with clang (libFuzzer +
# AddressSanitizer + UndefinedBehaviorSanitizer), from the same sources as
# the library. SPDX-License-Identifier: GPL-3.0-or-later
# Usage: tests/fuzz/build-fuzzers.sh SOURCE_ROOT BUILD_ROOT OUT_DIR
# Exits 77 (skip) when clang or its libFuzzer runtime is missing.
set -euo pipefail

src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
out=$3
mkdir -p "$out"

cc=$(command -v clang-14 || command -v clang || true)
if [ -z "$cc" ]; then
  echo "clang is not installed (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 77
fi
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, long n){return 0;}' \
     | "$cc" -x c -fsanitize=fuzzer -o "$out/.probe" - 2>/dev/null; then
  echo "clang has no libFuzzer runtime (apt-get install libclang-rt-14-dev)" >&2
  exit 77
fi
rm -f "$out/.probe"

# What is fuzzed is compiled here, instrumented: the CSV reader, the import
# pipeline, and each plugin's importers. Everything else comes from the
# build's own libraries, so a new file elsewhere never breaks this build.
core=("$src"/src/libintegrity/core/integrity-{csv,import-job,import-row,importer}.c)
plugins=("$src"/plugins/recording-rate/recording-rate-importers.c
         "$src"/plugins/training/training-importers.c
         "$build"/plugins/recording-rate/librecording-rate-data.a
         "$build"/plugins/training/libtraining-data.a)
flags=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -D_GNU_SOURCE -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74
       -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
       -I"$build" -I"$build/src/libintegrity" -I"$src/src/libintegrity" -I"$src/src/libintegrity/core"
       -I"$src/plugins/recording-rate" -I"$src/plugins/training" -I"$src/tests/fuzz"
       $(pkg-config --cflags gio-2.0 sqlite3 gtk4 libadwaita-1 libpeas-1.0))
libs=($(pkg-config --libs gio-2.0 sqlite3 gtk4 libpeas-1.0) -lcsv -lm
      -L"$build/src/libintegrity" -lintegrity-1 -Wl,-rpath,"$build/src/libintegrity")

build_one() {  # build_one NAME SOURCES...
  local name=$1; shift
  local target="$out/$name"
  # Rebuilt only when a source is newer than the binary.
  if [ -x "$target" ] && [ -z "$(find "$@" "$src/tests/fuzz" -newer "$target" \( -name '*.[ch]' -o -name '*.a' \) 2>/dev/null | head -1)" ]; then
    return
  fi
  echo "building $name"
  "$cc" "${flags[@]}" -o "$target" "$@" "${libs[@]}"
}

build_one fuzz-csv "$src/tests/fuzz/fuzz-csv.c" "${core[@]}"
build_one fuzz-import "$src/tests/fuzz/fuzz-import.c" "${core[@]}" "${plugins[@]}"
