#!/usr/bin/env bash
# static-analysis.sh — cppcheck and clang-tidy over src/ and plugins/, using
# the build's compile_commands.json. A finding fails the test. SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/static-analysis.sh SOURCE_ROOT BUILD_ROOT [cppcheck|clang-tidy]
# Prints TAP: one line per tool.
set -uo pipefail

source_root=$1
build_root=$2
only=${3:-}
cdb="$build_root/compile_commands.json"
n=0
failed=0

report() {  # report VERDICT NAME LOGFILE
  n=$((n + 1))
  if [ "$1" = ok ]; then
    echo "ok $n - $2"
  else
    failed=1
    echo "not ok $n - $2"
    sed 's/^/# /' "$3"
  fi
}

skip() {
  n=$((n + 1))
  echo "ok $n - $1 # SKIP $2"
}

# Our own sources only: generated resources and test code are left out.
files=$(cd "$source_root" && find src plugins -name '*.c' | sort)

if [ -z "$only" ] || [ "$only" = cppcheck ]; then
  if ! command -v cppcheck >/dev/null; then
    skip cppcheck "cppcheck is not installed"
  else
    log=$(mktemp)
    # Checks: warning (real bugs: uninitialised, null, leaks, bad format
    # strings), portability and performance. Style is left to review.
    # Exceptions, each for a reason:
    #  - missingInclude(System): cppcheck does not read GLib/GTK headers (it
    #    would take minutes and learn nothing about our code); it does know
    #    GLib's API through --library=gtk.
    #  - unknownMacro: G_DEFINE_* and G_DECLARE_* expand to whole functions
    #    that cppcheck cannot see without the headers.
    #  - checkersReport / unmatchedSuppression: bookkeeping, not findings.
    #  - nullPointerRedundantCheck, nullPointer: g_return_val_if_fail()
    #    guards expand to nothing without the headers, so every guarded
    #    dereference looks like a null dereference after a check.
    #  - internalAstError: cppcheck 2.10 cannot parse compound literals passed
    #    by address, `&(GtkAllocation) { … }` (its own parser limit).
    #  - memleak in these files: ownership passes to GLib/GTK, which cppcheck
    #    does not model: a presented toplevel window is owned by GTK
    #    (application, chart-view-menu); g_array_append_val copies the struct
    #    that owns the string into the array (chart); g_main_context_invoke and
    #    g_idle_add_full take the data and free it (import-job, plugin-engine).
    #  - deallocret in training-outstanding.c: the column view holds its own
    #    reference, the returned pointer is borrowed (GObject refcounting).
    #  - funcArgOrderDifferent in integrity-chart.c: the private header names
    #    _integrity_chart_stack_base's (series, point) parameters (series,
    #    index); the same meaning, reported to the chart's owner to rename.
    (cd "$source_root" && cppcheck --quiet --std=c11 --language=c --library=gtk \
        --enable=warning,portability,performance \
        --inline-suppr --error-exitcode=1 \
        -D__GNUC__ -DG_LOG_DOMAIN='"x"' -DGETTEXT_PACKAGE='"integrity"' \
        -I "$build_root" -I src/libintegrity -I src/libintegrity/core \
        -I src/libintegrity/chart -I src/libintegrity/plugin -I src/app \
        --suppress=missingInclude --suppress=missingIncludeSystem \
        --suppress=unknownMacro --suppress=checkersReport \
        --suppress=unmatchedSuppression --suppress=nullPointerRedundantCheck \
        --suppress=nullPointer --suppress=internalAstError \
        --suppress=memleak:src/app/integrity-application.c \
        --suppress=memleak:src/libintegrity/chart/integrity-chart-view-menu.c \
        --suppress=memleak:src/libintegrity/chart/integrity-chart.c \
        --suppress=memleak:src/libintegrity/core/integrity-import-job.c \
        --suppress=memleak:src/libintegrity/plugin/integrity-plugin-engine.c \
        --suppress=deallocret:plugins/training/training-outstanding.c \
        --suppress=funcArgOrderDifferent:src/libintegrity/chart/integrity-chart.c \
        -j 2 $files) >"$log" 2>&1
    if [ $? -eq 0 ] && ! grep -q ': \(error\|warning\|portability\|performance\):' "$log"; then
      report ok cppcheck "$log"
    else
      report fail cppcheck "$log"
    fi
    rm -f "$log"
  fi
fi

if [ -z "$only" ] || [ "$only" = clang-tidy ]; then
  tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
  if [ -z "$tidy" ] || [ ! -f "$cdb" ]; then
    skip clang-tidy "clang-tidy or $cdb is missing"
  else
    log=$(mktemp)
    # Checks: clang-analyzer-* (the path-sensitive analyser: null and
    # use-after-free, leaks, uninitialised values, dead stores) and bugprone-*.
    # Exceptions, each for a reason:
    #  - clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling:
    #    asks for C11 Annex K memcpy_s & co., which glibc does not provide.
    #  - bugprone-easily-swappable-parameters: GObject APIs take runs of
    #    same-typed parameters (x, y, width, height) by design.
    #  - bugprone-reserved-identifier: `struct _IntegrityStore` is the GObject
    #    naming convention G_DECLARE_FINAL_TYPE requires.
    #  - bugprone-assignment-in-if-condition: `while ((rc = sqlite3_step ()))`
    #    is the SQLite idiom.
    #  - bugprone-narrowing-conversions, -implicit-widening-of-multiplication-
    #    result: guint/gint64/double mixes that are bounded by the data model
    #    (months, counts); the compiler's -Wconversion is the place for these.
    #  - bugprone-macro-parentheses: fires inside GLib's own macros.
    #  - bugprone-sizeof-expression: fires on the G_STATIC_ASSERT inside every
    #    g_clear_pointer()/g_clear_object().
    #  - bugprone-integer-division: fires on G_N_ELEMENTS() (sizeof / sizeof)
    #    and constant halves such as G_MAXINT32 / 2.
    #  - clang-analyzer-unix.Malloc: does not model ownership passing into our
    #    APIs (integrity_chart_add_series takes its arrays) or g_steal_pointer
    #    out of g_autofree; LeakSanitizer over the whole suite (tools/test
    #    --sanitize) is the leak check, and cppcheck's memleak runs too.
    #  - clang-analyzer-deadcode.DeadStores: counts a value read only by a
    #    g_autofree cleanup as never read.
    #  - clang-analyzer-security.FloatLoopCounter: the chart renderer steps
    #    tick positions in doubles by design (CERT FLP30-C is about counts).
    # GCC-only warning flags from the build are dropped for clang.
    checks='-*,clang-analyzer-*,-clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling,-clang-analyzer-unix.Malloc,-clang-analyzer-deadcode.DeadStores,-clang-analyzer-security.FloatLoopCounter,bugprone-*,-bugprone-easily-swappable-parameters,-bugprone-reserved-identifier,-bugprone-assignment-in-if-condition,-bugprone-narrowing-conversions,-bugprone-implicit-widening-of-multiplication-result,-bugprone-macro-parentheses,-bugprone-sizeof-expression,-bugprone-integer-division'
    (cd "$source_root" && printf '%s\n' $files | xargs -P 2 -n 8 "$tidy" -p "$build_root" --quiet --checks="$checks" \
        --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-unused-command-line-argument \
        --warnings-as-errors='*') >"$log" 2>&1
    status=$?
    grep -v '^[0-9]* warnings\? \(and [0-9]* errors\? \)\?generated\.$\|^Suppressed [0-9]* warnings\|^Use -header-filter\|^Error while processing' "$log" > "$log.f" || true
    if [ $status -eq 0 ] && ! grep -q 'warning:\|error:' "$log.f"; then
      report ok clang-tidy "$log.f"
    else
      report fail clang-tidy "$log.f"
    fi
    rm -f "$log" "$log.f"
  fi
fi

echo "1..$n"
exit $failed
