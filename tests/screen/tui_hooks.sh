#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_hooks.sh — hooks from the dashboard run detached: a check-in is saved and
# redrawn while its (slow) on-checkin hook is still running, the hook gets the JSON, has no
# terminal, and a failing on-change writes nothing on the screen: its complaint goes to
# $XDG_STATE_HOME/lnd/hooks.log.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
H="$XDG_CONFIG_HOME/lnd/hooks"
mkdir -p "$H"
cat > "$H/on-checkin" <<HOOK
#!/bin/sh
cat > "$T/got.json"
if (: </dev/tty) 2>/dev/null; then echo has-tty; else echo no-tty; fi > "$T/tty"
sleep 4
touch "$T/done"
HOOK
cat > "$H/on-change" <<'HOOK'
#!/bin/sh
cat >/dev/null
echo "chat server down" >&2
exit 3
HOOK
chmod +x "$H/on-checkin" "$H/on-change"
LOG="$T/state/lnd/hooks.log"

start a 80 24 XDG_STATE_HOME="$T/state" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" -- --user priya
wait_for a "Cascade"
keys a j j j j j
expect_screen a "O6 selected" "Key results of O6"
keys a Tab c
expect_screen a "check-in editor opens on K8" "Check in on K8"
keys a C-u
literal a "74"
keys a Enter
expect_screen a "the check-in is saved and redrawn" "64% → 74% → 75%"
check "the dashboard did not wait for the 4 s hook" test ! -e "$T/done"
wait_file() { i=0; while [ $i -lt 200 ]; do [ -s "$1" ] && return 0; sleep 0.05; i=$((i + 1)); done; return 1; }
check "the on-checkin hook got its JSON" wait_file "$T/got.json"
expect_eq "the JSON names the check-in" "$(jq -r '.changes[0].checkin | "\(.kr) \(.value)"' "$T/got.json")" "K8 74"
check "the hook has no controlling terminal" wait_file "$T/tty"
expect_eq "the hook could not open /dev/tty" "$(cat "$T/tty")" "no-tty"
check "the failing on-change is logged" wait_file "$LOG"
i=0; while [ $i -lt 100 ] && ! grep -q "exited 3" "$LOG" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
expect_in "hooks.log says the hook exited 3 and the change is kept" "$(cat "$LOG")" "hook on-change exited 3; the change is kept"
expect_in "hooks.log has the hook's own stderr" "$(cat "$LOG")" "chat server down"
expect_not_in "nothing of the hook reached the screen" "$(screen a)" "chat server"
expect_eq "the check-in is in the database" "$(kr_json K8 current)" "74"
keys a q
expect_screen a "lnd quits normally" "lnd exited 0"
