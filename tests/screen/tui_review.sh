#!/bin/sh
# tests/screen/tui_review.sh — review mode (R: suggested score, type-aware verdict, the
# review form, a conflict with another user's save) and alignment health in the dashboard
# (marks on rows, the H overlay, Enter jumps to the objective, findings follow edits).
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
L() { "$LND" --db "$DB" "$@"; }

start r 132 40
wait_for r "Cascade"
keys r R
expect_screen r "R: review mode opens" "Review of 2027-Q1 (active)"
s=$(screen r)
expect_in "R: business O1 is suggested from its revenue result (0.08), not the L&D average" "$(printf '%s\n' "$s" | grep ' O1 ')" "0.08     -  missed (suggested)"
expect_in "R: aspirational O2 at 0.75 is a suggested success" "$(printf '%s\n' "$s" | grep ' O2 ')" "success (suggested)"
expect_in "R: committed O5 at 0.70 is a miss" "$(printf '%s\n' "$s" | grep ' O5 ')" "missed (suggested)"
expect_in "R: learning O9 is judged by what was learned" "$(printf '%s\n' "$s" | grep ' O9 ')" "learning"
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
s=$(screen r)
expect_in "the stored score and its verdict (0.6 aspirational: partial)" "$(printf '%s\n' "$s" | grep ' O1 ')" "0.60  partial"
expect_in "carry forward flagged" "$(printf '%s\n' "$s" | grep ' O1 ')" "yes"
expect_in "the retrospective of the selected objective" "$s" "Workshop landed"
expect_in "saved in the database" "$(L review)" "0.6"
# another user changes the same review while this one edits it
keys r Enter
expect_screen r "edit the review again" "Review O1"
keys r Tab C-u
literal r "Mine"
L review set O1 --worked "Theirs" >/dev/null 2>&1
keys r Enter
expect_screen r "a stale review is a conflict, not an overwrite" "was changed while you were editing it"
expect_in "the conflict shows their text" "$(screen r)" "theirs: Theirs"
keys r m
expect_screen r "keep mine saves over theirs knowingly" "saved O1"
expect_in "mine is in the database" "$(L review)" "Mine"
keys r Escape
expect_screen r "Esc leaves review mode" "Key results of O1"

# health
s=$(screen r)
expect_in "health: the cascade counts the findings" "$s" "health: 4 errors"
expect_in "health: O9 carries the error mark" "$(printf '%s\n' "$s" | grep ' O9 ')" "! "
keys r H
expect_screen r "H: the health overlay lists findings" "Alignment health"
expect_in "H: H01 names O9" "$(screen r)" "H01  O9"
expect_in "H: H13 names O1, revenue off track while delivery is on track" "$(screen r)" "H13  O1"
keys r Down Down Enter
expect_screen r "Enter jumps to the objective of the finding" "Key results of O9"
# fix it in the form: give O9 a business parent; the finding goes away at once
keys r e
expect_screen r "edit O9" "Edit O9"
keys r Tab C-u
literal r "O3"
keys r Enter
expect_screen r "O9 saved" "saved O9"
expect_screen r "the error count drops as the plan changes" "health: 3 errors,"
keys r H
wait_for r "Alignment health"
expect_not_in "H01 is gone from the overlay" "$(screen r)" "H01"
keys r H
expect_screen r "H again returns" "Cascade"
keys r q
expect_screen r "quits cleanly" "lnd exited 0"
tm kill-session -t r
