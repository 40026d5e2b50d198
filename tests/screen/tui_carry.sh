#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_carry.sh — review mode carries an L&D objective forward with its business
# parent (issue 11): c refuses to leave O2 without O1 and asks; p carries the parent too;
# the new cycle then has both, linked, and its key results pane says where O2 came from.
# A learning objective's review form asks for the finding and suggests no score; the
# check-in form asks why when confidence drops by 3 or more.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
L() { "$LND" --db "$DB" "$@"; }
setup "the cycle goes to review" L cycle review 2027-Q1
setup "mark O2 to carry forward" L review set O2 --score 0.6 --carry "Consultative selling for new AMs" --carry-forward
# q2_json JQ: a query on the next cycle's status, straight from the database
q2_json() { L status --cycle 2027-Q2 --format json | jq -r "$1"; }

start c 132 40
ready c "Cascade"
keys c R
expect_screen c "R: review mode opens and says c carries forward" "c carries forward"
keys c c
expect_screen c "c: O2 would lose its business parent, so it asks" "O2 would arrive without its parent O1"
expect_screen c "the prompt offers to carry the parent too" "p carry the parent too"
expect_db "nothing is carried while it asks" "0" q2_json '.objectives|length'
keys c p
expect_screen c "p: the notice names the new ids" "carried into 2027-Q2: O1->O12 O2->O13"
expect_db "the next cycle has the parent and the carried objective" "O12 O13" q2_json '[.objectives[].id]|join(" ")'
expect_db "the carried L&D objective keeps its business parent" "O12" q2_json '.objectives[]|select(.id=="O13")|.parent'
# the learning objective: its form wants a finding, not a score
keys c G
expect_row c "O9 (learning) is judged by its finding, with no suggested score" " O9 " "learning             -     -  no finding yet"
keys c Enter
expect_screen c "the learning review form asks for the finding" "Finding"
keys c Escape
wait_gone c "Finding" || true
keys c Escape
# the next cycle: the carried objective shows where it came from
keys c ']'
expect_screen c "] shows the next cycle" "2027-Q2"
keys c j
expect_screen c "the carried objective shows its origin and the retrospective" \
  "carried from O2 (2027-Q1, scored 0.6): Consultative selling for new AMs"
keys c q
expect_screen c "quits cleanly" "lnd exited 0"
stop c

# a confidence drop of 3 or more needs a note in the check-in form too
start d 132 40
ready d "Cascade"
keys d j j j j j
expect_screen d "O6 selected" "Key results of O6"
keys d Tab c
expect_screen d "check-in form on K8" "Check in on K8"
keys d C-u
literal d "70"
keys d Tab C-u
literal d "2"
keys d Enter
expect_screen d "a drop from 7 to 2 without a note is refused at the note" "say why: 7 -> 2"
expect_db "nothing is saved" "7" kr_json K8 confidence
literal d "Two senior agents left"
keys d Enter
expect_screen d "with a note it is saved" "checked in on K8"
expect_db "the drop is in the database" "2" kr_json K8 confidence
keys d q
expect_screen d "quits cleanly after the check-in" "lnd exited 0"
stop d
