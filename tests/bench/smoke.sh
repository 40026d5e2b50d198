#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/bench/smoke.sh — keeps `make bench` from rotting: tests/bench/run (the generator and
# every bench command) once at a tiny size (SCALE2 on, so the 2x/1x column too), in seconds.
# Asserts that each step ran and succeeded (a failing command stops the bench) and that the
# verdict is printed, never a time.
. "$LND_TOP/tests/lib.sh"
B=$(dirname "$LND")
[ -x "$B/bench/gen" ] && [ -x "$B/bench/timeit" ] || die "bench binaries in $B/bench" "build them with make unit-build"
BIZ=2 CHECKINS=300 RUNS=1 BUDGET=1 run sh "$LND_TOP/tests/bench/run" "$B"
expect_eq "the bench at a tiny size exits 0" "$RC" 0
expect_in "the generator builds the organisation" "$OUT" \
  "generated 2 business objectives, 8 L&D objectives, 40 KRs, 300 check-ins"
res=$(printf '%s\n' "$OUT" | sed -n 's/^measure: \(K[0-9]*\) results .*/\1/p')
beh=$(printf '%s\n' "$OUT" | sed -n 's/^measure: .* \(K[0-9]*\) behaviour$/\1/p')
check "the generator names a results KR and a behaviour KR" [ -n "$res" -a -n "$beh" ]
for label in floor "status --format text" "status --format json" check report "sqlite3 -json (same tables)" \
  "export --format json" "export --format csv" log "dashboard first frame" "pty wrapper alone" "floor insert" \
  "checkin (results KR)" "checkin (behaviour KR)"; do
  check "bench command runs and is timed: $label" sh -c 'printf "%s\n" "$1" | grep -q "^$2  *[0-9][0-9.]* "' _ "$OUT" "$label"
done
expect_in "the bench counts a check-in's fsyncs" "$OUT" "checkin fsyncs (strace -f -c: fsync + fdatasync): "
expect_in "the bench times the writes in a run of their own" "$OUT" "== the writes, "
expect_in "the bench measures the dashboard's poll: an outside check-in on screen, rows read" "$OUT" \
  "dashboard, an outside check-in on screen (ms, 5 times): "
expect_not_in "the poll's reload was partial" "$OUT" "the dashboard reloaded in full"
expect_in "the bench measures twice the size" "$OUT" "== 2x: generating 4 business objectives, 600 check-ins"
expect_in "the bench prints the linearity column" "$OUT" "== 2x/1x"
expect_in "the bench prints the verdict" "$OUT" "target(s) not met"
expect_not_in "no bench command failed" "$ERR" "failed"
# fails loudly: a command ending with a status it may not end with stops the runner
printf 'ok\t-\t0\ttrue\nbad\t-\t0\tfalse\n' >"$T/spec"
run "$B/bench/timeit" 1 1000 "$T/spec" "$T/res"
expect_eq "a failing bench command stops the bench with status 1" "$RC" 1
expect_in "and says which one failed" "$ERR" "FAILED: bad (false) ended with status 1, expected 0"
printf 'check\t-\t0,1\tfalse\n' >"$T/spec"
run "$B/bench/timeit" 1 1000 "$T/spec" "$T/res"
expect_eq "a command may end with a status it is allowed (check: 1 = problems found)" "$RC" 0
