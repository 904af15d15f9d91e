#!/bin/sh
# regen-fixtures.sh [PUNKTUM]: rewrites fixtures/expected/NAME.json and NAME.xml from the
# current build, to be reviewed as a diff.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
punktum=${1:-$top/build/punktum}
case $punktum in /*) ;; *) punktum=$top/$punktum ;; esac
cd "$top"
mkdir -p fixtures/expected
for input in fixtures/*.txt; do
  name=$(basename "$input" .txt)
  "$punktum" -f json -o "fixtures/expected/$name.json" "$input"
  "$punktum" -f xml -o "fixtures/expected/$name.xml" "$input"
done
