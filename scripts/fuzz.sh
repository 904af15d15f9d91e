#!/bin/sh
# fuzz.sh SRCDIR SECONDS: what `make fuzz` runs in the build directory.  For each harness:
# build it, replay every saved regression input, then fuzz for SECONDS from a corpus seeded
# with the project's own inputs, and print the executions run and the coverage reached.
set -eu
srcdir=$1
seconds=$2
make=${MAKE:-make}
status=0
for name in pipeline rules dates html; do
  $make -s "fuzz/fuzz_$name"
  # Replaying: libFuzzer runs each file given once and stops at the first failure.
  set -- "$srcdir"/fuzz/regressions/$name/*
  if [ -e "$1" ]; then
    "./fuzz/fuzz_$name" "$@" >"fuzz/$name-replay.log" 2>&1 ||
      { cat "fuzz/$name-replay.log"; echo "fuzz: $name: a saved regression input fails" >&2; status=1; }
  fi
  corpus="fuzz/corpus-$name"
  mkdir -p "$corpus"
  case $name in
  pipeline) cp "$srcdir"/fixtures/*.txt "$corpus"/ ;;
  rules) cp "$srcdir"/rules/*.rules "$corpus"/ ;;
  html) cp "$srcdir"/fixtures/forms/*.html "$corpus"/ ;;
  dates) printf '4. marts 2020 kl. 16.30' > "$corpus/a"; printf 'den 07-03-2022 8:15' > "$corpus/b"
         printf 'Onsdag den 1. maj 2019, kl 9' > "$corpus/c" ;;
  esac
  if "./fuzz/fuzz_$name" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="fuzz/$name-" "$corpus" \
       >"fuzz/$name.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz/$name.log")
    cov=$(grep -o 'cov: [0-9]*' "fuzz/$name.log" | tail -n 1)
    echo "fuzz: $name: $runs executions in ${seconds}s, $cov, no failure"
  else
    tail -n 40 "fuzz/$name.log"
    echo "fuzz: $name: FAILED (input saved as fuzz/$name-crash-*)" >&2
    status=1
  fi
done
exit $status
