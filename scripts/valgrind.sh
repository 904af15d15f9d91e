#!/bin/sh
# valgrind.sh SRCDIR LIBTOOL PUNKTUM: what `make check-valgrind` runs.  Every fixture in
# every format, a batch over the fixtures with two workers, and a --stream run, each
# under valgrind's memcheck; any error or leak (definite, indirect or possible) fails.
# PCRE2's JIT code reads subjects 16 bytes at a time, past their end, which memcheck
# reports; --no-jit matches with the interpreter instead, with the same results.
set -u
srcdir=$1 libtool=$2 punktum=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/punktum-valgrind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
vg() {
  $libtool --mode=execute valgrind -q --error-exitcode=99 --leak-check=full \
    --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible \
    "$punktum" --no-jit "$@"
}
runs=0 failed=0
run() {
  runs=$((runs + 1))
  vg "$@" >/dev/null 2>"$tmp/log"
  if [ $? -eq 99 ] || grep -q '^==[0-9]*== ' "$tmp/log"; then
    failed=$((failed + 1))
    echo "valgrind: punktum $*" >&2
    cat "$tmp/log" >&2
  fi
}
for input in "$srcdir"/fixtures/*.txt; do
  for format in json xml jsonl csv; do run -f "$format" --coverage "$input"; done
done
run -q -j 2 -o "$tmp/out" "$srcdir/fixtures"
run -q -j 2 -f csv "$srcdir/fixtures"
for f in "$srcdir"/fixtures/*.txt; do printf '%s\n' "$f"; cat "$f"; printf '\f'; done > "$tmp/stream"
run --stream --names --separator ff -f jsonl < "$tmp/stream"
echo "valgrind: $runs runs, $failed with errors or leaks"
[ "$failed" -eq 0 ]
