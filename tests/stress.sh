#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/stress.sh [N] — runs `make test` N times (default 5) while two `yes >/dev/null` loads
# keep both cores busy (started and stopped here, by their pids), prints each run's result and
# time, then a summary; exits 1 unless every run passed. A suite that passes here does not
# fail by chance on a loaded machine. Not part of CI (it takes minutes). Each run's output is
# kept in a log directory; the logs of failed runs are named in the summary.
# Usage: tests/stress.sh [N]   (from anywhere; CI=true tests/stress.sh 5 adds -Werror)
N=${1:-5}
case $N in '' | *[!0-9]*) echo "usage: tests/stress.sh [N]  (N runs of make test, default 5)" >&2; exit 64 ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
logs=$(mktemp -d "${TMPDIR:-/tmp}/lnd-stress.XXXXXX") || exit 73
loads=""
stop_loads() { for p in $loads; do kill "$p" 2>/dev/null; done; loads=""; }
trap stop_loads EXIT
trap 'stop_loads; exit 130' HUP INT TERM
for _ in 1 2; do
  yes >/dev/null &
  loads="$loads $!"
done
echo "stress: $N runs of make test in $top, loads (yes) at pids$loads; logs in $logs"
passed=0 failed_logs=""
i=1
while [ "$i" -le "$N" ]; do
  log="$logs/run-$i.log"
  s=$(date +%s)
  make -C "$top" --no-print-directory test >"$log" 2>&1; rc=$?
  total=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1)); verdict=pass
  else
    verdict=FAIL; failed_logs="$failed_logs $log"
  fi
  echo "run $i/$N: $verdict (${total:-no total: see $log}) in $(( $(date +%s) - s )) s"
  [ "$rc" -ne 0 ] && grep -E '^(failing:|not ok )' "$log" | sed 's/^/    /'
  i=$((i + 1))
done
stop_loads
echo "stress: $passed of $N runs passed"
if [ "$passed" -eq "$N" ]; then rm -rf "$logs"; exit 0; fi
echo "logs of the failed runs:$failed_logs"
exit 1
