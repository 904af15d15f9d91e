#!/bin/sh
# instructions.sh PUNKTUM [SHARED]: the instructions one run of punktum executes, counted
# by callgrind (deterministic, unlike the wall clock on a shared machine), on two
# workloads; builds nothing.
#   A "small pages":     SHARED/corpus/docs/*.txt, each three times (219 files)
#   B "real documents":  SHARED/seeds/*.txt, each ten times (50 files)
# each as one run of `punktum -j 1 -f jsonl FILES... > /dev/null`.  SHARED defaults to
# ../shared beside the source tree.  The file lists are symbolic links in a temporary
# directory: no document is copied.  PUNKTUM may be libtool's wrapper script (a build
# with shared libraries): the real program in .libs/ is measured then, not the shell.
# Prints "A <instructions>" and "B <instructions>"; CALLGRIND_KEEP=DIR keeps the two
# callgrind.out files there for callgrind_annotate.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 PUNKTUM [SHARED]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
punktum=$1
shared=${2:-$top/../shared}
command -v valgrind >/dev/null || { echo "$0: valgrind is needed" >&2; exit 1; }
[ -x "$punktum" ] || { echo "$0: $punktum: not executable" >&2; exit 1; }

# libtool's wrapper is a shell script that runs .libs/punktum with the library's path set.
if [ "$(head -c 2 "$punktum")" = '#!' ]; then
  dir=$(cd "$(dirname "$punktum")" && pwd)
  punktum=$dir/.libs/punktum
  LD_LIBRARY_PATH=$dir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  export LD_LIBRARY_PATH
  [ -x "$punktum" ] || { echo "$0: no $punktum behind the wrapper" >&2; exit 1; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# links NAME TIMES FILES...: TIMES links to each of FILES in $tmp/NAME, in that order.
links() {
  name=$1 times=$2
  shift 2
  mkdir "$tmp/$name"
  for f in "$@"; do
    [ -f "$f" ] || { echo "$0: $f: no such file" >&2; exit 1; }
    n=1
    while [ "$n" -le "$times" ]; do
      ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$tmp/$name/$(basename "$f" .txt)-$n.txt"
      n=$((n + 1))
    done
  done
}
links A 3 "$shared"/corpus/docs/*.txt
links B 10 "$shared"/seeds/*.txt

# count NAME: runs the workload NAME under callgrind and prints its total.
count() {
  out=$tmp/callgrind.$1
  # shellcheck disable=SC2046
  valgrind --tool=callgrind --callgrind-out-file="$out" --dump-instr=no \
    "$punktum" -j 1 -f jsonl $(ls "$tmp/$1"/*.txt) > /dev/null 2> "$tmp/log.$1" ||
    { cat "$tmp/log.$1" >&2; echo "$0: workload $1 failed" >&2; exit 1; }
  total=$(sed -n 's/^summary: *//p; s/^totals: *//p' "$out" | head -n 1)
  printf '%s %s (%dM)\n' "$1" "$total" $((total / 1000000))
  [ -z "${CALLGRIND_KEEP:-}" ] || cp "$out" "$CALLGRIND_KEEP/callgrind.out.$1"
}
count A
count B
