#!/bin/sh
# build.sh [DIR [CONFIGURE-ARGS...]]: configures (once) and builds punktum out of tree in
# DIR (default: build).  Generates ./configure first when it is missing or stale.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-build}
[ $# -gt 0 ] && shift
cd "$top"
if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt Makefile.in ]; then
  autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
fi
mkdir -p "$dir"
cd "$dir"
if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ]; then
  "$top/configure" --quiet "$@"
fi
make -s -j"$(nproc)"
