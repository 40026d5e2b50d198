#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_hooks.sh — hooks in $XDG_CONFIG_HOME/lnd/hooks: on-change and on-checkin run
# after a commit with the change as JSON on stdin (parsed with jq), once per command or
# transaction (a 200-row import is one call); a failing hook (exit 3) or a slow one
# (killed at hook_timeout) is reported on stderr and the commit is kept; nothing runs for
# a command that changed nothing or failed.
. "$LND_TOP/tests/lib.sh"
DB="$T/h.db"
H="$XDG_CONFIG_HOME/lnd/hooks"
mkdir -p "$H"
"$LND" --db "$DB" init --demo >/dev/null || notok "demo database"
count() { n=0; [ -f "$T/calls" ] && n=$(grep -c "^$1\$" "$T/calls"); echo "$n"; }
hook() {   # hook NAME BODY: an executable shell script
  printf '#!/bin/sh\necho "$LND_HOOK" >> "%s/calls"\n%s\n' "$T" "$2" > "$H/$1"
  chmod +x "$H/$1"
}
hook on-change "cat > \"$T/change.json\""
hook on-checkin "cat > \"$T/checkin.json\""

# --- success: the check-in as JSON on stdin ---
run "$LND" --db "$DB" checkin K3 --observed 8 --applied 6 --note "week 8 role-play"
expect_eq "check-in with hooks exits 0" "$RC" 0
expect_eq "no complaint on stderr" "$ERR" ""
check "on-checkin got JSON that jq parses" sh -c 'jq -e . "$1" >/dev/null' _ "$T/checkin.json"
expect_eq "on-checkin: the KR" "$(jq -r '.changes[0].checkin.kr' "$T/checkin.json")" "K3"
expect_eq "on-checkin: the value (6 of 8)" "$(jq -r '.changes[0].checkin.value' "$T/checkin.json")" "75"
expect_eq "on-checkin: observed and applied" "$(jq -r '.changes[0].checkin | "\(.observed) \(.applied)"' "$T/checkin.json")" "8 6"
expect_eq "on-checkin: the note" "$(jq -r '.changes[0].checkin.note' "$T/checkin.json")" "week 8 role-play"
expect_eq "on-checkin: who" "$(jq -r '.user' "$T/checkin.json")" "tester"
expect_eq "on-checkin: which hook" "$(jq -r '.hook' "$T/checkin.json")" "on-checkin"
expect_eq "on-checkin: the database" "$(jq -r '.database' "$T/checkin.json")" "$DB"
expect_eq "on-change got the same change" "$(jq -r '.changes[0].action + " " + .changes[0].checkin.kr' "$T/change.json")" "checkin K3"
expect_eq "one call of each hook for one check-in" "$(count on-checkin) $(count on-change)" "1 1"

rm -f "$T/calls"
run "$LND" --db "$DB" objective add --title "Cut escalations" --problem "40% escalated"
expect_eq "on-change runs for an objective added" "$(count on-change)" 1
expect_eq "on-checkin does not run without a check-in" "$(count on-checkin)" 0
expect_eq "on-change: the objective added" "$(jq -r '.changes[0] | "\(.action) \(.entity) \(.entity_id)"' "$T/change.json")" "add objective 12"

rm -f "$T/calls"
run "$LND" --db "$DB" status
run "$LND" --db "$DB" checkin K3 lots
expect_eq "a failed check-in is refused" "$RC" 65
expect_eq "no hook runs for a read or a refused change" "$(count on-change)$(count on-checkin)" "00"

# --- one call per transaction: an import of 200 check-ins ---
rm -f "$T/calls"
{ echo "kr,date,value"; i=1; while [ $i -le 200 ]; do printf 'K8,2027-01-%02d %02d:%02d:00,%d\n' $((i % 28 + 1)) $((i % 24)) $((i % 60)) $((60 + i % 20)); i=$((i + 1)); done; } > "$T/vals.csv"
run "$LND" --db "$DB" import --checkins "$T/vals.csv"
expect_in "the import ran" "$OUT" "imported 200 check-ins"
expect_eq "an import of 200 check-ins is one call of each hook" "$(count on-checkin) $(count on-change)" "1 1"
expect_eq "the one call carries all 200" "$(jq '.count, (.changes | length)' "$T/checkin.json" | tr '\n' ' ')" "200 200 "

# --- a failing hook: reported, commit kept ---
hook on-change "cat >/dev/null; echo 'chat server down' >&2; exit 3"
rm -f "$H/on-checkin"
run "$LND" --db "$DB" checkin K8 66 --note "after failure"
expect_eq "a failing hook does not fail the command" "$RC" 0
expect_in "the failure is reported on stderr" "$ERR" "lnd: hook on-change exited 3; the change is kept"
expect_in "the hook's own stderr is shown" "$ERR" "chat server down"
expect_eq "the check-in is committed despite the failure" \
  "$(sqlite3 "$DB" "SELECT count(*) FROM checkin WHERE note = 'after failure'")" 1

# --- a slow hook: killed at the timeout, reported, commit kept ---
printf 'hook_timeout = 1;\n' > "$XDG_CONFIG_HOME/lnd/lnd.conf"
hook on-change "echo \$\$ > \"$T/slow.pid\"; sleep 30"
start=$(date +%s)
run "$LND" --db "$DB" checkin K8 67 --note "slow hook"
took=$(( $(date +%s) - start ))
expect_eq "a slow hook does not fail the command" "$RC" 0
expect_in "the timeout is reported on stderr" "$ERR" "hook on-change ran longer than 1 s and was killed"
check "lnd waited no longer than the timeout (took ${took}s)" test "$took" -lt 10
check "the slow hook is gone" sh -c '! kill -0 "$(cat "$1")" 2>/dev/null' _ "$T/slow.pid"
expect_eq "the check-in is committed despite the timeout" \
  "$(sqlite3 "$DB" "SELECT count(*) FROM checkin WHERE note = 'slow hook'")" 1
rm -f "$XDG_CONFIG_HOME/lnd/lnd.conf"

# --- a hook that is not executable is not run ---
rm -f "$T/calls"
hook on-change "cat >/dev/null"
chmod -x "$H/on-change"
run "$LND" --db "$DB" checkin K8 68
expect_eq "a non-executable hook is ignored" "$RC:$ERR:$(count on-change)" "0::0"

# --- the README's worked example (curl replaced by a file) ---
rm -f "$H/on-change"
cat > "$H/on-checkin" <<HOOK
#!/bin/sh
jq -r '.changes[] | select(.checkin) |
  "\\(.user): \\(.checkin.kr) = \\(.checkin.value) \\(.checkin.note)"' |
while read -r line; do
  echo "\$line" >> "$T/chat"
done
HOOK
chmod +x "$H/on-checkin"
run "$LND" --db "$DB" checkin K3 --observed 8 --applied 6 --note "week 8"
expect_eq "the worked example posts the line the README shows" "$(cat "$T/chat")" "tester: K3 = 75 week 8"
