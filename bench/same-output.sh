#!/bin/sh
# same-output.sh BASE NEW [SHARED]: checks that the punktum programs BASE and NEW write
# the same bytes (standard output, standard error and exit status) for every input the
# project has, in every format, with --explain, --coverage and --no-jit, and in one batch run:
# for a change that must only make punktum faster.  The inputs are SHARED/seeds/*.txt,
# SHARED/corpus/docs/*.txt (SHARED defaults to ../shared beside the source tree),
# fixtures/*.txt, fixtures/forms/*.html, tests/layouts/*.txt and tests/holdout/*.txt.
# Prints the differing runs and exits 1 when there is any.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 BASE NEW [SHARED]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
base=$1 new=$2
shared=${3:-$top/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ls "$shared"/seeds/*.txt "$shared"/corpus/docs/*.txt "$top"/fixtures/*.txt \
  "$top"/fixtures/forms/*.html "$top"/tests/layouts/*.txt "$top"/tests/holdout/*.txt > "$tmp/inputs"

# Each input in each mode, two at a time (the machine has two cores).
i=0
while read -r input; do
  for mode in json jsonl xml csv explain coverage nojit; do
    i=$((i + 1))
    printf '%s\t%s\t%s\n' "$i" "$mode" "$input"
  done
done < "$tmp/inputs" > "$tmp/jobs"
export base new tmp
# shellcheck disable=SC2016
tr '\n' '\0' < "$tmp/jobs" | xargs -0 -P 2 -n 1 sh -c '
  IFS="	" read -r i mode input <<EOF
$1
EOF
  for side in base new; do
    eval prog=\$$side
    out=$tmp/$side.$i
    case $mode in
      explain) "$prog" --explain "$input" > "$out.out" 2> "$out.err"; echo $? > "$out.rc" ;;
      coverage) "$prog" --coverage "$input" > "$out.out" 2> "$out.err"; echo $? > "$out.rc" ;;
      nojit) "$prog" --no-jit -f json "$input" > "$out.out" 2> "$out.err"; echo $? > "$out.rc" ;;
      *) "$prog" -f "$mode" "$input" > "$out.out" 2> "$out.err"; echo $? > "$out.rc" ;;
    esac
  done' _

# One batch run of everything, in one process, as a user would.
for side in base new; do
  eval prog=\$$side
  # shellcheck disable=SC2046
  "$prog" -q -j 2 -f jsonl $(cat "$tmp/inputs") > "$tmp/$side.batch.out" 2> "$tmp/$side.batch.err" &&
    echo 0 > "$tmp/$side.batch.rc" || echo $? > "$tmp/$side.batch.rc"
done
printf 'batch\tjsonl -j 2\tall inputs\n' >> "$tmp/jobs"

bad=0 runs=0
while IFS='	' read -r i mode input; do
  for part in out err rc; do
    if ! cmp -s "$tmp/base.$i.$part" "$tmp/new.$i.$part"; then
      echo "DIFFERS ($part): $mode $input"
      bad=$((bad + 1))
    fi
  done
  runs=$((runs + 1))
done < "$tmp/jobs"
echo "$runs runs, $bad differences"
[ "$bad" -eq 0 ]
