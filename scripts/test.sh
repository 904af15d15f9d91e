#!/bin/sh
# test.sh: command (2) of the README, and what CI runs.  Installs what is missing, then
# builds and runs the whole test suite twice: a normal build, and one with AddressSanitizer
# and UndefinedBehaviorSanitizer.  Then checks the distribution tarball (make distcheck).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/deps.sh" --test
cd "$top"

run_suite() { # DIR LABEL
  if ! make -C "$1" -s check >"$1/check.out" 2>&1; then
    cat "$1/check.out"
    cat "$1"/tests/*.log 2>/dev/null | tail -n 200
    echo "test.sh: $2 test suite failed" >&2
    exit 1
  fi
  grep -h -E '^# (TOTAL|PASS|SKIP|FAIL|XFAIL|XPASS|ERROR):' "$1/test-suite.log" | sed "s/^/$2 /"
}

"$top/scripts/build.sh" build
run_suite build normal
"$top/scripts/build.sh" build-asan --enable-asan --enable-ubsan CFLAGS="-O1 -g -Werror"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_suite build-asan sanitizer

# Fuzzing, about a minute: every saved regression input replayed, then each harness run.
if command -v clang >/dev/null 2>&1; then
  make -C build -s fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-20}" || { echo "test.sh: fuzzing failed" >&2; exit 1; }
else
  echo "fuzz: SKIP (no clang)"
fi

# Every fixture in every format under valgrind's memcheck: no errors, no leaks.
make -C build -s check-valgrind || { echo "test.sh: valgrind found errors or leaks" >&2; exit 1; }

if [ "${SKIP_DISTCHECK:-}" != 1 ]; then
  make -C build -s distcheck >/dev/null || { echo "test.sh: make distcheck failed" >&2; exit 1; }
  echo "distcheck: passed"
fi
# Golden files must be what the code produces now.
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
  "$top/scripts/regen-fixtures.sh" build/punktum
  git -C "$top" diff --exit-code --stat -- fixtures || {
    echo "test.sh: regenerating the golden files changed them (see the diff above)" >&2
    exit 1
  }
fi
# One closing line that any CI reader understands, summed over both builds.
total() { grep -h "^# $1:" build/test-suite.log build-asan/test-suite.log | awk '{n += $3} END {print n + 0}'; }
echo "tests: $(total PASS) passed, $(total FAIL) failed, $(total SKIP) skipped"
