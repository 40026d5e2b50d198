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
expect_in "and what each field is back to" "$OUT" ": title back to 'Grow revenue'; owner back to 'tester'"
expect_eq "the title is back" "$(oj O1 title)" "Grow revenue"
expect_eq "the owner is back" "$(oj O1 owner)" "tester"
expect_eq "the check-in stays" "$(kj K1 current)" "70"
expect_in "the undo is in the log, saying what is back" "$(L log --limit 1)" "undid edit of O1: title back to 'Grow revenue'"
run L undo
expect_in "undo again: the restore of P1 before it" "$OUT" "undid restore of P1 'Deal clinic'"
expect_not_in "P1 is archived again" "$(L programme list)" "Deal clinic"
expect_in "the restore undone reads 'archived again'" "$OUT" "): archived again"

# someone else (another account) changes K1 after my restore of it
setup "add K2" L kr add --objective O1 --title "Deals" --target 10 --evidence results --indicator lagging
sqlite3 "$DB" "UPDATE kr SET title = 'Deals won', version = version + 1 WHERE id = 2;
  INSERT INTO audit(at, author, action, entity, entity_id, detail, account)
  VALUES ('2027-02-17 12:30:00', 'Bob', 'edit', 'kr', 2, 'title: ''Deals'' → ''Deals won''', 'bob');" \
  || die "another account's edit"
run L undo
expect_eq "undo of a row someone changed since: exit 75" "$RC" 75
expect_in "it names who and says nothing was undone" "$ERR" "K2 was changed by bob (as Bob) at "
expect_in "and what to do" "$ERR" "nothing undone (change it by hand)"
expect_eq "K2 keeps their title" "$(kj K2 title)" "Deals won"

# undo applies the rules an edit applies to the row it puts back (another account moved or
# archived what it points at since): one line, exit 65, nothing undone
D3="$T/w.db"
M() { "$LND" --db "$D3" "$@"; }
bob() { sqlite3 "$D3" "$1; INSERT INTO audit(at, author, action, entity, entity_id, detail, account)
  VALUES ('2027-02-17 12:30:00', 'Bob', '$2', '$3', $4, '$2', 'bob');" || die "another account's $2"; }
setup "init w" M init
setup "cycle w" M cycle add 2027-Q1 --start 2027-01-04 --state active
setup "O1 w" M objective add --title "Grow revenue" --level business
setup "O2 under O1" M objective add --title "Sales academy" --parent O1 --level ld
setup "O2 to the top" M objective edit O2 --parent none --level business
bob "UPDATE objective SET parent_id = 2, level = 'ld', version = version + 1 WHERE id = 1" edit objective 1
run M undo
expect_eq "undo that would make a parent loop: exit 65" "$RC" 65
expect_eq "one line saying why" "$ERR" "lnd: cannot undo your edit of O2: parent O1 sits beneath O2; that would make a loop; nothing undone (change it by hand)"
expect_eq "O2 stays at the top" "$(sqlite3 "$D3" "SELECT ifnull(parent_id, 'none') FROM objective WHERE id = 2")" "none"
bob "UPDATE objective SET parent_id = NULL, level = 'business', version = version + 1 WHERE id = 1" edit objective 1
setup "O3 under O1" M objective add --title "Coaching" --parent O1 --level ld
setup "O3 to the top" M objective edit O3 --parent none
bob "UPDATE objective SET archived = 1, version = version + 1 WHERE id = 1" archive objective 1
run M undo
expect_eq "undo that would put an objective under an archived parent: exit 65" "$RC" 65
expect_in "it names the archived parent" "$ERR" "cannot undo your edit of O3: parent O1 is archived"
expect_eq "O3 stays at the top" "$(sqlite3 "$D3" "SELECT ifnull(parent_id, 'none') FROM objective WHERE id = 3")" "none"
setup "K1 on O3" M kr add --objective O3 --title "Sessions" --target 10 --evidence activity --indicator leading
setup "archive K1" M kr archive K1
bob "UPDATE objective SET archived = 1, version = version + 1 WHERE id = 3" archive objective 3
run M undo
expect_eq "undo that would restore a KR on an archived objective: exit 65" "$RC" 65
expect_in "it names the archived objective" "$ERR" "cannot undo your archive of K1: objective O3 is archived"
bob "UPDATE objective SET archived = 0, version = version + 1 WHERE id = 3" unarchive objective 3
run M undo
expect_eq "once the objective is back, the undo goes through" "$RC" 0
expect_eq "K1 is back" "$(sqlite3 "$D3" "SELECT archived FROM kr WHERE id = 1")" "0"

# nothing left: a fresh database with only another account's changes
D2="$T/v.db"
setup "init v" "$LND" --db "$D2" init
run "$LND" --db "$D2" undo
expect_eq "nothing to undo: exit 65" "$RC" 65
expect_in "it says what undo covers" "$ERR" "nothing of yours to undo"
expect_in "undo has help" "$(L undo --help)" "Check-ins are never undone"

# the global --cycle (and objective's own --cycle) names the cycle; it is not a field, so every
# write that edits, archives or restores takes it (review of issue 14: restore refused it, exit 64)
D4="$T/c.db"
C() { "$LND" --db "$D4" "$@"; }
small_plan "$D4"
setup "programme P1 in c" C programme add --title "Deal clinic" --objective O1 --start-week 2 --end-week 5
for w in "kr edit K1 --owner ann" "kr archive K1" "kr restore K1" \
         "programme edit P1 --audience all" "programme archive P1" "programme restore P1" \
         "objective edit O1 --owner ann" "objective archive O1" "objective restore O1"; do
  run C --cycle 2027-Q1 $w
  expect_eq "lnd --cycle 2027-Q1 $w: exit 0" "$RC" 0
  expect_eq "lnd --cycle 2027-Q1 $w: no error" "$ERR" ""
done
expect_eq "after them O1 is live" "$(C status --format json | jq -r '.objectives[] | select(.id=="O1") | .owner')" ann
expect_eq "and K1 is live" "$(C status --format json | jq -r '.objectives[].key_results[] | select(.id=="K1") | .owner')" ann
setup "archive O1 in c" C objective archive O1
run C objective restore O1 --cycle 2027-Q1
expect_eq "objective restore O1 --cycle 2027-Q1: exit 0" "$RC" 0
expect_eq "it says so" "$OUT" "O1 Grow revenue restored (version 6)"
