#!/usr/bin/env bash
# Runs a command (its output dropped) and reports its peak resident memory
# in two parts, read from /proc/PID/status every 5 ms: anonymous pages (the
# heap and the stacks, what the program allocates) and pages of mapped
# files (the binary's code and tables and the shared libraries, which grow
# with the binary, not with the input). VmHWM, the kernel's own peak of the
# total, is exact; the two parts are the largest values sampled.
# Usage: benches/compare/rss.sh COMMAND [ARGS...]
set -euo pipefail
"$@" >/dev/null &
pid=$!
anon=0 file=0 total=0
while kill -0 "$pid" 2>/dev/null; do
  while read -r key value _; do
    case $key in
      RssAnon:) ((value > anon)) && anon=$value ;;
      RssFile:) ((value > file)) && file=$value ;;
      VmHWM:) ((value > total)) && total=$value ;;
    esac
  done < <(cat "/proc/$pid/status" 2>/dev/null || true)
  sleep 0.005
done
wait "$pid"
echo "peak resident memory ${total} KB: anonymous ${anon} KB, mapped files ${file} KB"
