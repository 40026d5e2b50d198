# SPDX-License-Identifier: MIT
# tests/cli/test_edits.sh — scripts that edit one database at once never clash by accident:
# `edit` without --version reads and writes in one transaction and changes only the fields
# named (60 concurrent edits of two fields of one KR: no failure, both last values kept);
# --version N stays a compare-and-swap on the row; --expect-FIELD OLD is a compare-and-swap on
# one value (exit 75 naming the field, its value now and who set it; nothing written).
. "$LND_TOP/tests/lib.sh"
DB="$T/e.db"
L() { "$LND" --db "$DB" "$@"; }
kj() { L status --format json | jq -r ".objectives[].key_results[] | select(.id==\"$1\") | .$2"; }
L init >/dev/null && L cycle add 2027-Q1 --start 2027-01-04 >/dev/null && L cycle activate 2027-Q1 >/dev/null \
  && L objective add --title "Resolve support calls first time" >/dev/null \
  && L kr add --objective O1 --title "First-call resolution" --baseline 64 --target 75 --unit % \
       --evidence results --indicator lagging >/dev/null \
  && L programme add --title "Troubleshooting clinic" --objective O1 --start-week 2 --end-week 5 >/dev/null \
  || { notok "edits fixture"; exit 1; }

# --- 60 concurrent edits of different fields of one KR (default busy timeout) ---
( f=0; for i in $(seq 1 30); do L --user alice kr edit K1 --title "Title $i" >/dev/null 2>>"$T/a.err" || f=$((f+1)); done; echo $f > "$T/a.fail" ) &
( f=0; for i in $(seq 1 30); do L --user bob kr edit K1 --owner "owner $i" >/dev/null 2>>"$T/b.err" || f=$((f+1)); done; echo $f > "$T/b.fail" ) &
wait
expect_eq "30 title edits alongside 30 owner edits: no failure" "$(cat "$T/a.fail")" 0
expect_eq "30 owner edits alongside 30 title edits: no failure" "$(cat "$T/b.fail")" 0
expect_eq "nothing on stderr from either script" "$(cat "$T/a.err" "$T/b.err")" ""
expect_eq "the last title is kept" "$(kj K1 title)" "Title 30"
expect_eq "the last owner is kept" "$(kj K1 owner)" "owner 30"
expect_eq "every edit is a version" "$(kj K1 version)" 61
expect_eq "the target nobody named is untouched" "$(kj K1 target)" 75

# --- --version N: compare-and-swap on the row ---
run L kr edit K1 --version 3 --unit "percent"
expect_eq "--version with a stale version: exit 75" "$RC" 75
expect_in "it names who changed the row" "$ERR" "K1 was changed by $ACCT (as "
expect_eq "nothing written on a stale --version" "$(kj K1 unit)" "%"
run L kr edit K1 --version 61 --unit "percent"
expect_eq "--version with the current version saves" "$RC" 0
expect_eq "and the value is saved" "$(kj K1 unit)" "percent"

# --- --expect-FIELD OLD: compare-and-swap on a value ---
run L --user carol kr edit K1 --expect-title "Title 29" --title "Mine"
expect_eq "--expect-title with a stale value: exit 75" "$RC" 75
expect_in "the message names the field and its value now" "$ERR" "K1 title is 'Title 30', not 'Title 29'"
expect_in "and who set it" "$ERR" "set by $ACCT (as alice)"
expect_eq "one line on stderr" "$(printf '%s\n' "$ERR" | wc -l)" 1
expect_eq "nothing written on a stale --expect" "$(kj K1 title)" "Title 30"
run L --user carol kr edit K1 --expect-title "Title 30" --title "Mine"
expect_eq "--expect-title with the value now: saved" "$RC" 0
expect_eq "the new title is in" "$(kj K1 title)" "Mine"
run L kr edit K1 --expect-target 75.0 --expect-baseline 64 --target 80
expect_eq "--expect-target compares numbers, not text (75.0 = 75)" "$RC" 0
run L kr edit K1 --expect-target 75 --target 81
expect_eq "--expect-target with the old number: exit 75" "$RC" 75
expect_in "names the target now" "$ERR" "K1 target is '80', not '75'"
run L kr edit K1 --expect-objective o1 --expect-due-week 0 --expect-direction increase --expect-evidence results \
  --expect-indicator lagging --expect-weight 1 --expect-unit percent --expect-co-owner "" --due-week 12
expect_eq "every KR field can be expected (ids, enums, empty text)" "$RC" 0
run L kr edit K1 --expect-owner "owner 29" --expect-title Mine --title "Should not land"
expect_eq "one stale value among several: exit 75" "$RC" 75
expect_in "names the stale one" "$ERR" "K1 owner is 'owner 30', not 'owner 29'"
expect_eq "and nothing of the edit lands" "$(kj K1 title)" "Mine"
run L kr edit K1 --expect-target lots --target 1
expect_eq "--expect with a value that is not a number: exit 65" "$RC" 65
expect_in "it names the --expect option" "$ERR" "--expect-target 'lots' is not a number"
L --user dora kr edit K1 --due-week 11 >/dev/null
run L kr edit K1 --expect-coowner "someone" --unit "pct"
expect_in "a field never edited names who added the KR, not the last edit of another field" "$ERR" \
  "K1 co-owner is '', not 'someone' (--expect-coowner): set by $ACCT (as tester)"
run L kr add --objective O1 --title X --target 1 --expect-title Y --evidence activity --indicator leading
expect_eq "--expect with add is a usage error" "$RC" 64

run L objective edit O1 --expect-title "Old title" --title "New"
expect_eq "objective --expect-title stale: exit 75" "$RC" 75
expect_in "objective: names the field and value" "$ERR" "O1 title is 'Resolve support calls first time', not 'Old title'"
run L objective edit O1 --expect-title "Resolve support calls first time" --expect-parent none --expect-level business \
  --expect-type aspirational --expect-cadence 7 --expect-problem "" --expect-owner tester --problem "Repeat calls"
expect_eq "objective: every field can be expected" "$RC" 0
run L objective edit O1 --expect-problem "Old problem" --problem "x"
expect_in "objective: who set the field" "$ERR" "set by $ACCT (as tester)"

run L programme edit P1 --expect-start-week 3 --title "Clinic v2"
expect_eq "programme --expect-start-week stale: exit 75" "$RC" 75
expect_in "programme: names the field and value" "$ERR" "P1 start week is '2', not '3'"
run L programme edit P1 --expect-start-week 2 --expect-objective O1 --expect-end-week 5 --expect-audience "" \
  --expect-title "Troubleshooting clinic" --title "Clinic v2"
expect_eq "programme: every field can be expected" "$RC" 0
run L programme list
expect_in "programme: the edit landed" "$OUT" "Clinic v2"

# --- help ---
for c in objective kr programme; do
  run L "$c" --help
  expect_in "$c --help documents --expect-FIELD" "$OUT" "--expect-"
done
run L kr edit K8 --expect-title
expect_eq "an --expect option without its value is a usage error" "$RC" 64
expect_in "naming the option as typed" "$ERR" "option '--expect-title' needs a value"
