# SPDX-License-Identifier: MIT
# tests/lib.sh — helpers for the shell test suites (sourced). Each check prints one
# "ok - name" or "not ok - name" line; tests/run counts them.
: "${LND:?run through tests/run or set LND to the lnd binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/lndtest.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export LND_TODAY=2027-02-17 USER=tester LC_ALL=C.UTF-8
# the operating-system account lnd records beside the display name: "root (as tester)"
ACCT=$(id -un)
unset LND_DB LND_CONFIG NO_COLOR
mkdir -p "$HOME"

ok()   { echo "ok - $1"; }
notok(){ echo "not ok - $1"; shift; for l in "$@"; do printf '#   %s\n' "$l"; done; }
# check NAME CONDITION... : ok when the command succeeds
check() { n=$1; shift; if "$@"; then ok "$n"; else notok "$n" "failed: $*"; fi; }
# expect_eq NAME GOT WANT
expect_eq() { if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "got:  $2" "want: $3"; fi; }
# expect_in NAME HAYSTACK NEEDLE
expect_in() { case "$2" in *"$3"*) ok "$1";; *) notok "$1" "missing: $3" "in: $(printf '%s' "$2" | head -c 2000)";; esac; }
expect_not_in() { case "$2" in *"$3"*) notok "$1" "unexpected: $3";; *) ok "$1";; esac; }
# die WHAT [DETAIL...]: a set-up step failed: one "not ok" line and the suite stops, since no
# check after it could be trusted (a "prints no ESC" check passes on a database never filled)
die() { w=$1; shift; notok "set-up: $w" "$@"; exit 1; }
# small_plan DB: a fresh database with an active 2027-Q1 (starting 2027-01-04), business
# objective O1 "Grow revenue" and its results KR K1 "Win rate" 60 -> 80 %; a failing step
# stops the suite (the fixture of the data-safety suites).
small_plan() {
  setup "small plan: init $1" "$LND" --db "$1" init
  setup "small plan: cycle 2027-Q1" "$LND" --db "$1" cycle add 2027-Q1 --start 2027-01-04 --state active
  setup "small plan: objective O1" "$LND" --db "$1" objective add --title "Grow revenue"
  setup "small plan: KR K1" "$LND" --db "$1" kr add --objective O1 --title "Win rate" --baseline 60 \
    --target 80 --unit % --evidence results --indicator lagging
}
# setup WHAT CMD...: a set-up command (output discarded); if it fails, die with its stderr.
# Use at the top level of a suite (exit in a $(...) would only leave the subshell).
setup() {
  w=$1; shift
  "$@" >"$T/setup.out" 2>"$T/setup.err" || die "$w" "failed ($?): $*" "$(head -c 600 "$T/setup.err")"
}
# until_ok SECONDS CMD...: polls CMD every 0.05 s until it succeeds; false after SECONDS
until_ok() {
  i=0; lim=$(( $1 * 20 )); shift
  while [ $i -lt $lim ]; do
    "$@" && return 0
    sleep 0.05; i=$((i + 1))
  done
  return 1
}
# hold_lock DB: another writer (sqlite3) takes DB's write lock and keeps it until release_lock,
# however long the checks in between take; returns once the lock is really held. The holder
# itself says so: it touches lock.held only after its BEGIN IMMEDIATE succeeded (-bail: on an
# error it stops instead). Probing with a second writer could not prove it: a probe also fails
# while a connection recovers the WAL index, before the holder has the lock.
hold_lock() {
  rm -f "$T/lock.fifo" "$T/lock.held"; mkfifo "$T/lock.fifo" || die "a fifo for the lock holder"
  sqlite3 -bail "$1" <"$T/lock.fifo" >"$T/lock.out" 2>&1 &
  LOCK_PID=$!
  exec 9>"$T/lock.fifo"
  printf '.timeout 10000\nBEGIN IMMEDIATE;\n.system touch %s\n' "$T/lock.held" >&9
  until_ok 20 test -e "$T/lock.held" || die "another writer locks $1" "$(cat "$T/lock.out")"
}
release_lock() { printf 'COMMIT;\n' >&9; exec 9>&-; wait "$LOCK_PID" || die "the lock holder commits" "$(cat "$T/lock.out")"; }
# run CMD...: sets OUT, ERR, RC
run() { "$@" >"$T/out" 2>"$T/err"; RC=$?; OUT=$(cat "$T/out"); ERR=$(cat "$T/err"); }
