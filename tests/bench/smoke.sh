#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/bench/smoke.sh — keeps `make bench` from rotting: tests/bench/run (the generator and
# every bench command) once at a tiny size, in seconds. Asserts only that each step ran and
# succeeded (a failing command stops the bench), never a time.
. "$LND_TOP/tests/lib.sh"
B=$(dirname "$LND")
[ -x "$B/bench/gen" ] && [ -x "$B/bench/timeit" ] || die "bench binaries in $B/bench" "build them with make unit-build"
BIZ=2 CHECKINS=300 RUNS=1 run sh "$LND_TOP/tests/bench/run" "$B"
expect_eq "the bench at a tiny size exits 0" "$RC" 0
expect_in "the generator builds the organisation" "$OUT" \
  "generated 2 business objectives, 8 L&D objectives, 40 KRs, 300 check-ins"
res=$(printf '%s\n' "$OUT" | sed -n 's/^measure: \(K[0-9]*\) results .*/\1/p')
beh=$(printf '%s\n' "$OUT" | sed -n 's/^measure: .* \(K[0-9]*\) behaviour$/\1/p')
check "the generator names a results KR and a behaviour KR" [ -n "$res" -a -n "$beh" ]
for label in "status --format text" "status --format json" "checkin $res 55" "checkin $beh (behaviour)"; do
  check "bench command runs and is timed: $label" sh -c 'printf "%s\n" "$1" | grep -q "^$2 *median"' _ "$OUT" "$label"
done
expect_not_in "no bench command failed" "$ERR" "failed"
