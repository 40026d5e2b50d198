# SPDX-License-Identifier: MIT
# tests/cli/test_undo.sh — `lnd objective|kr|programme restore ID` brings an archived row back
# (version-checked, refused under an archived objective, in `lnd log`), and `lnd undo` reverts
# your own last change to the plan, one at a time (--dry-run changes nothing), never a
# check-in, and refuses with who and when if someone else changed that row after you.
. "$LND_TOP/tests/lib.sh"
DB="$T/u.db"
L() { "$LND" --db "$DB" "$@"; }
oj() { L status --format json | jq -r ".objectives[] | select(.id==\"$1\") | .$2"; }
kj() { L status --format json | jq -r ".objectives[].key_results[] | select(.id==\"$1\") | .$2"; }
small_plan "$DB"
setup "programme P1" L programme add --title "Deal clinic" --objective O1 --start-week 2 --end-week 5

# --- restore ---
run L kr restore K1
expect_eq "restoring a live KR: exit 65" "$RC" 65
expect_eq "it says there is nothing to restore" "$ERR" "lnd: K1 is not archived; nothing to restore"
setup "archive K1" L kr archive K1
setup "archive O1" L objective archive O1
run L kr restore K1
expect_eq "a KR under an archived objective is not restored: exit 65" "$RC" 65
expect_in "it names what to restore first" "$ERR" "K1's objective O1 is archived; restore O1 first"
run L objective restore O1 --version 1
expect_eq "restore with a stale --version: exit 75" "$RC" 75
expect_in "it names who changed it" "$ERR" "O1 was changed by $ACCT (as tester)"
run L objective restore O1
expect_eq "objective restore: exit 0" "$RC" 0
expect_eq "it says so" "$OUT" "O1 Grow revenue restored (version 3)"
run L kr restore K1
expect_eq "then the KR comes back" "$OUT" "K1 Win rate restored (version 3)"
expect_eq "the KR shows in status again" "$(kj K1 title)" "Win rate"
setup "archive P1" L programme archive P1
run L programme restore P1
expect_eq "programme restore" "$OUT" "P1 Deal clinic restored (version 3)"
expect_in "programme list shows it again" "$(L programme list)" "Deal clinic"
expect_in "restores are in the log" "$(L log --limit 1)" "P1 restored (un-archived)"
run L objective restore O1 --title x
expect_eq "restore takes no fields: exit 64" "$RC" 64
expect_in "the help names restore" "$(L kr --help)" "lnd kr restore K12"

# --- undo ---
setup "edit O1" L objective edit O1 --title "Grow enterprise revenue" --owner "sales lead"
setup "check-in K1" L checkin K1 70 --confidence 7
run L undo --dry-run
expect_eq "undo --dry-run: exit 0" "$RC" 0
expect_in "it says what it would undo (the edit, not the check-in)" "$OUT" "would undo edit of O1 'Grow enterprise revenue'"
expect_eq "--dry-run changes nothing" "$(oj O1 title)" "Grow enterprise revenue"
run L undo
expect_eq "undo: exit 0" "$RC" 0
expect_in "it says what it undid" "$OUT" "undid edit of O1 'Grow enterprise revenue'"
expect_in "and how" "$OUT" "reverts title: 'Grow revenue' → 'Grow enterprise revenue'"
expect_eq "the title is back" "$(oj O1 title)" "Grow revenue"
expect_eq "the owner is back" "$(oj O1 owner)" "tester"
expect_eq "the check-in stays" "$(kj K1 current)" "70"
expect_in "the undo is in the log" "$(L log --limit 1)" "undid edit of O1"
run L undo
expect_in "undo again: the restore of P1 before it" "$OUT" "undid restore of P1 'Deal clinic'"
expect_not_in "P1 is archived again" "$(L programme list)" "Deal clinic"

# someone else (another account) changes K1 after my restore of it
setup "add K2" L kr add --objective O1 --title "Deals" --target 10 --evidence results --indicator lagging
sqlite3 "$DB" "UPDATE kr SET title = 'Deals won', version = version + 1 WHERE id = 2;
  INSERT INTO audit(at, user, action, entity, entity_id, detail, account)
  VALUES ('2027-02-17 12:30:00', 'Bob', 'edit', 'kr', 2, 'title: ''Deals'' → ''Deals won''', 'bob');" \
  || die "another account's edit"
run L undo
expect_eq "undo of a row someone changed since: exit 75" "$RC" 75
expect_in "it names who and says nothing was undone" "$ERR" "K2 was changed by bob (as Bob) at "
expect_in "and what to do" "$ERR" "nothing undone (change it by hand)"
expect_eq "K2 keeps their title" "$(kj K2 title)" "Deals won"

# nothing left: a fresh database with only another account's changes
D2="$T/v.db"
setup "init v" "$LND" --db "$D2" init
run "$LND" --db "$D2" undo
expect_eq "nothing to undo: exit 65" "$RC" 65
expect_in "it says what undo covers" "$ERR" "nothing of yours to undo"
expect_in "undo has help" "$(L undo --help)" "Check-ins are never undone"
