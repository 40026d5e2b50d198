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
# run CMD...: sets OUT, ERR, RC
run() { "$@" >"$T/out" 2>"$T/err"; RC=$?; OUT=$(cat "$T/out"); ERR=$(cat "$T/err"); }
