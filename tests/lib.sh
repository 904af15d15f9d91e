# lib.sh: shared by the shell tests.  Each test sources it, calls `check` for every
# assertion and ends with `finish`.  Exit 77 tells automake a test was skipped.
set -u
: "${PUNKTUM:?PUNKTUM must name the punktum binary}"
: "${SRCDIR:?SRCDIR must name the source tree}"
failures=0
checks=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/punktum-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# check DESCRIPTION COMMAND...: runs COMMAND, counts a failure when it fails.
check() {
  description=$1
  shift
  checks=$((checks + 1))
  if "$@"; then
    echo "ok $checks - $description"
  else
    failures=$((failures + 1))
    echo "not ok $checks - $description"
  fi
}

# same FILE1 FILE2: the files are identical (diff shown when not).
same() { diff -u "$1" "$2" >&2; }

skip() {
  echo "SKIP: $*"
  exit 77
}

finish() {
  echo "$checks checks, $failures failed"
  [ "$failures" -eq 0 ]
}
