#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_undo.sh — taking changes back in the dashboard (issue 14), at 80x24,
# 160x45 and 200x60: u shows your last change and asks, y reverts it (an edit, an archive);
# when your last change is another by the time you confirm, the store's message is shown and
# nothing changes; X lists the archived rows and Enter restores the selected one. Each step
# is proved by the database (lnd status) and the value redrawn.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
L() { "$LND" --db "$DB" "$@"; }
obj_json() { L status --format json | jq -r ".objectives[] | select(.id==\"$1\") | $2"; }
O2="Equip the enterprise sales team to win and deepen high-value client relationships"

for size in "80 24" "160 45" "200 60"; do
  set -- $size
  cols=$1 lines=$2 s="u$cols"
  DB="$T/undo$cols.db"
  setup "demo database $DB" "$LND" --db "$DB" init --demo
  start "$s" "$cols" "$lines" -- --user priya
  ready "$s" "Cascade"

  # an edit, undone
  keys "$s" j e
  ready "$s" "Edit O2"
  keys "$s" Tab Tab Tab C-u
  literal "$s" "Win client relationships"
  keys "$s" Enter
  expect_db "${cols}x$lines: the edit is saved" "Win client relationships" obj_json O2 .title
  keys "$s" u
  expect_screen "$s" "${cols}x$lines: u names the change it would undo" "Undo your edit of O2?"
  expect_screen "$s" "${cols}x$lines: and what undoing it puts back" "Undoing it: title back to 'Equip the enterprise"
  keys "$s" y
  expect_db "${cols}x$lines: the old title is back in the database" "$O2" obj_json O2 .title
  expect_row "$s" "${cols}x$lines: and in the cascade" " O2 " "Equip the enterprise"

  # n keeps the change
  keys "$s" e
  ready "$s" "Edit O2"
  keys "$s" Tab Tab Tab C-u
  literal "$s" "Second title"
  keys "$s" Enter
  expect_db "${cols}x$lines: a second edit is saved" "Second title" obj_json O2 .title
  keys "$s" u
  ready "$s" "Undo your edit of O2?"
  keys "$s" n
  expect_gone "$s" "${cols}x$lines: n closes the question" "Undo your edit of O2?"
  expect_eq "${cols}x$lines: n changes nothing" "$(obj_json O2 .title)" "Second title"

  # the change to undo is another by the time of the y: the store's message, nothing undone
  keys "$s" u
  ready "$s" "Undo your edit of O2?"
  setup "another change of this account meanwhile" L objective edit O2 --title "Changed in the shell"
  keys "$s" y
  expect_screen "$s" "${cols}x$lines: a stale undo says nothing was undone" "Nothing undone"
  expect_screen "$s" "${cols}x$lines: with the store's reason" "your last change is now"
  expect_db "${cols}x$lines: and changes nothing" "Changed in the shell" obj_json O2 .title
  keys "$s" Enter
  expect_gone "$s" "${cols}x$lines: Enter closes the message" "your last change is now"

  # an add made from the shell by this account under another name, then a check-in: u skips
  # the check-in, names the name, and undoing the add archives the new KR
  setup "a KR added in the shell" L kr add --objective O2 --title "Shell KR" --target 5 --evidence activity --indicator leading
  knew=$(sed -n 's/^\(K[0-9]*\) .*/\1/p' "$T/setup.out")
  setup "a check-in after it" L checkin K1 3 --confidence 10
  ready "$s" "updated by another user"   # the dashboard has read both changes
  keys "$s" u
  expect_screen "$s" "${cols}x$lines: u skips the check-in and names who made the add" "Undo your addition (as tester) of $knew?"
  expect_screen "$s" "${cols}x$lines: undoing an add archives it" "Undoing it: archives it"
  keys "$s" y
  expect_db "${cols}x$lines: the new KR is archived" "" kr_json "$knew" title
  expect_db "${cols}x$lines: the check-in stays" "3" kr_json K1 current

  # an archive, undone
  keys "$s" Tab d
  expect_screen "$s" "${cols}x$lines: Tab moved to the key results: d offers to archive K1, not O2" "Archive key result K1?"
  keys "$s" y
  expect_db "${cols}x$lines: K1 is archived" "" kr_json K1 title
  keys "$s" u
  expect_screen "$s" "${cols}x$lines: u offers to undo the archive" "Undo your archive of K1?"
  keys "$s" y
  expect_db "${cols}x$lines: K1 is back" "Enterprise AMs completing the consultative selling workshop" kr_json K1 title
  expect_row "$s" "${cols}x$lines: and listed again" "K1 " "Enterprise AMs"

  # un-archive from the archived view
  keys "$s" BTab d
  ready "$s" "Archive objective O2?"
  keys "$s" y
  expect_db "${cols}x$lines: O2 is archived" "" obj_json O2 .title
  keys "$s" X
  expect_row "$s" "${cols}x$lines: X lists the archived objective" "O2" "objective"
  expect_row "$s" "${cols}x$lines: with its parent under UNDER" "O2 " "objective   O1 "
  keys "$s" Enter
  expect_screen "$s" "${cols}x$lines: Enter asks before restoring" "Restore objective O2?"
  keys "$s" y
  expect_db "${cols}x$lines: O2 is restored in the database" "Changed in the shell" obj_json O2 .title
  expect_gone "$s" "${cols}x$lines: O2 leaves the archived view" "objective   O1 "
  keys "$s" Escape
  expect_row "$s" "${cols}x$lines: O2 is back in the cascade" " O2 " "Changed in the shell"
  keys "$s" q
  expect_screen "$s" "${cols}x$lines: quits" "lnd exited 0"
  stop "$s"
done
