#!/bin/sh
# deps.sh [--test]: installs what punktum needs to build and test, with apt-get, when
# missing; --test adds what only the whole test command uses: clang (its libFuzzer, for
# the fuzzing), valgrind, and GNU time (the peak memory tests/linear.sh measures).
# Safe to run again: it installs nothing that is already there.
set -eu
PACKAGES="gcc make autoconf automake libtool pkg-config libc6-dev
  libxml2-dev libpcre2-dev libjansson-dev check
  libxml2-utils jq python3 python3-jsonschema parallel git poppler-utils"
[ "${1:-}" = --test ] && PACKAGES="$PACKAGES clang valgrind tesseract-ocr tesseract-ocr-dan time"
missing=
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "deps.sh: missing packages:$missing (run as root, or install them)" >&2
  exit 1
fi
echo "deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
