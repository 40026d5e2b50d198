#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_review.sh — review mode (R: suggested score, type-aware verdict, the
# review form, a conflict with another user's save) and alignment health in the dashboard
# (marks on rows, the H overlay, Enter jumps to the objective, findings follow edits).
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
L() { "$LND" --db "$DB" "$@"; }

# before the review: scores so far, no verdicts, and Enter does not open a scoring form
start r 132 40
ready r "Cascade"
keys r R
expect_screen r "R in an active cycle: review mode opens" "Review of 2027-Q1 (active)"
expect_row r "R before the review: a score so far, no verdict" " O5 " "0.64     -  so far, no verdict"
keys r Enter
expect_screen r "Enter before the review says scores wait for it" "scores wait for the review"
keys r Escape
expect_screen r "Esc returns to the cascade" "Key results of O1"
keys r q
expect_screen r "quits" "lnd exited 0"
stop r
setup "the quarter ends: 2027-Q1 into review" L cycle review 2027-Q1

start r 132 40
ready r "Cascade"
keys r R
expect_screen r "R: review mode opens" "Review of 2027-Q1 (review)"
expect_row r "R: business O1 is suggested from its revenue result (0.08), not the L&D average" " O1 " "0.08     -  missed (suggested)"
expect_row r "R: L&D O2 is suggested from its own revenue result too" " O2 " "0.08     -  missed (suggested)"
expect_row r "R: committed O5 at 0.64 is a miss" " O5 " "missed (suggested)"
expect_row r "R: learning O9 is judged by what was learned" " O9 " "learning"
keys r Enter
expect_screen r "Enter: the review form, prefilled with the suggested score" "Score 0.08"
keys r C-u
literal r "0.6"
keys r Tab
literal r "Workshop landed"
keys r Tab
literal r "Revenue lagged"
keys r Tab
literal r "Consultative questioning"
keys r Tab Right Enter
expect_screen r "the review is saved" "saved O1"
expect_row r "the stored score and its verdict (0.6 aspirational: partial)" " O1 " "0.60  partial"
expect_row r "carry forward flagged" " O1 " "yes"
expect_row r "the retrospective of the selected objective" "worked:" "Workshop landed"
# review_json N FIELD: a field of objective N's stored review, from the export
review_json() { L export | jq -r ".cycles[].reviews[] | select(.objective==$1) | .$2"; }
expect_db "the score is saved in the database" "0.6" review_json 1 score
expect_db "the retrospective too" "Workshop landed" review_json 1 worked
expect_db "and the carry-forward flag" "true" review_json 1 carry_forward
# another user changes the same review while this one edits it
keys r Enter
expect_screen r "edit the review again" "Review O1"
keys r Tab C-u
literal r "Mine"
setup "another user saves the review of O1" L review set O1 --worked "Theirs"
keys r Enter
expect_screen r "a stale review is a conflict, not an overwrite" "was changed while you were editing it"
expect_screen r "the conflict shows their text" "theirs: Theirs"
keys r m
expect_screen r "keep mine saves over theirs knowingly" "saved O1"
expect_db "mine is in the database" "Mine" review_json 1 worked
keys r Escape
expect_screen r "Esc leaves review mode" "Key results of O1"

# health
expect_screen r "health: the cascade counts the findings" "health: 4 errors"
expect_row r "health: O9 carries the error mark" " O9 " "! "
keys r H
expect_screen r "H: the health overlay lists findings" "Alignment health"
expect_screen r "H: H01 names O9" "H01  O9"
expect_screen r "H: the fix says the key and the field, not a command" "fix: press e on O9 and set Parent to"
expect_not_in "H: no command line advice in the dashboard" "$(screen r)" "lnd objective edit"
expect_screen r "H: H13 names O1, revenue off track while delivery is on track" "H13  O1"
keys r Down Down Enter
expect_screen r "Enter jumps to the objective of the finding" "Key results of O9"
# fix it in the form: give O9 a business parent; the finding goes away at once
keys r e
expect_screen r "edit O9" "Edit O9"
keys r C-u
literal r "O3"
keys r Enter
expect_screen r "O9 saved" "saved O9"
expect_screen r "the error count drops as the plan changes" "health: 3 errors,"
keys r H
expect_screen r "H: the overlay again" "Alignment health"
expect_screen r "H: K15's missing baseline is still listed" "H04  K15"
expect_screen r "H: its fix names K15's Baseline field" "fix: press e on K15 and set Baseline"
expect_not_in "H01 is gone from the overlay" "$(screen r)" "H01"
keys r H
expect_gone r "H again closes the overlay" "Alignment health"
expect_screen r "H again returns" "Cascade"
keys r q
expect_screen r "quits cleanly" "lnd exited 0"
stop r
