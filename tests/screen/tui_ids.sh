#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_ids.sh — the review list (R) sizes its id column to the widest id (issue 14):
# an objective O12345 is shown whole, not "O123…", and its title, type and score line up with
# O1's, at 80x24 and 160x45.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
sqlite3 "$DB" "UPDATE sqlite_sequence SET seq = 12344 WHERE name = 'objective'" || die "objective id sequence" "sqlite3 failed"
setup "O12345" "$LND" --db "$DB" objective add --title "Wide id objective" --level business
# col_of NAME ROWTEXT TEXT: the column TEXT starts in on the row that holds ROWTEXT (the
# three-byte ellipsis counted as the one column it takes)
col_of() { screen "$1" | grep -F -- "$2" | head -1 | sed 's/…/~/g' | awk -v t="$3" '{ print index($0, t) }'; }
for size in 80x24 160x45; do
  start r "${size%x*}" "${size#*x}" -- --user priya
  ready r "Cascade"
  keys r R
  ready r "Review of"
  keys r G
  wait_for r "Wide id obj" || die "$size: O12345 is listed in review mode" "$(screen r)"
  expect_row r "$size: the review list shows O12345 whole" "Wide id obj" " O12345 "
  expect_not_in "$size: never cut to O123…" "$(screen r)" "O123…"
  expect_eq "$size: O12345's title starts in O1's column" "$(col_of r "Wide id obj" "Wide id")" \
    "$(col_of r 'OBJECTIVE' 'OBJECTIVE')"
  expect_eq "$size: its type lines up with O1's" \
    "$(col_of r "Wide id obj" "aspirational")" "$(col_of r ' O1 ' 'aspirational')"
  stop r
done
