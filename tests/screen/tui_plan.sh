#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_plan.sh — a whole planning session without leaving the dashboard (issue
# 14), at 80x24, 160x45 and 200x60: on an empty database a creates the first cycle (the form
# offers this quarter's first Monday), C then s activates it, A adds a business objective and
# a adds a key result; then the quarter moves on: s starts the review (the next cycle, created
# and activated here too, shows "review of ... pending" in the header) and s closes it. Each
# step is proved by the database (lnd cycle list, lnd status) or by the saved value redrawn.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
L() { "$LND" --db "$DB" "$@"; }
cycles() { L cycle list | awk 'NR > 1 { print $1, $2 }' | tr '\n' ';'; }
obj_json() { L status --format json | jq -r ".objectives[] | select(.id==\"$1\") | $2"; }

for size in "80 24" "160 45" "200 60"; do
  set -- $size
  cols=$1 lines=$2 s="p$cols"
  DB="$T/plan$cols.db"
  setup "empty database $DB" "$LND" --db "$DB" init
  start "$s" "$cols" "$lines" -- --user priya
  ready "$s" "No cycle yet"
  expect_screen "$s" "${cols}x$lines: the empty dashboard offers the first cycle" "press a to create the first one"
  keys "$s" a
  expect_screen "$s" "${cols}x$lines: a opens the first-cycle form" "Create the first cycle"
  expect_screen "$s" "${cols}x$lines: it suggests this quarter's first Monday" "2027-01-04"
  keys "$s" Enter
  expect_db "${cols}x$lines: the cycle is in the database, planning" "2027-Q1 planning;" cycles
  expect_screen "$s" "${cols}x$lines: the header shows the new cycle" "lnd 2027-Q1 (planning)"

  keys "$s" C
  ready "$s" "Cycles: planning"
  keys "$s" s
  expect_screen "$s" "${cols}x$lines: s asks before activating" "Activate cycle 2027-Q1?"
  keys "$s" y
  expect_db "${cols}x$lines: the cycle is active in the database" "2027-Q1 active;" cycles
  expect_row "$s" "${cols}x$lines: the cycles view redraws its state" "2027-Q1" "active"
  keys "$s" Escape
  expect_gone "$s" "${cols}x$lines: Escape closes the cycles view" "Cycles: planning"
  expect_screen "$s" "${cols}x$lines: the dashboard's header shows it active, in its week" "lnd 2027-Q1 (active) week 7"

  keys "$s" A
  ready "$s" "New business objective"
  literal "$s" "Grow renewals in the mid-market"
  keys "$s" Enter
  expect_db "${cols}x$lines: the objective is in the database" "Grow renewals in the mid-market" obj_json O1 .title
  expect_row "$s" "${cols}x$lines: and in the cascade" "O1" "Grow renewals"
  keys "$s" Tab a
  ready "$s" "New key result of O1"
  literal "$s" "Net revenue retention"
  keys "$s" Tab
  literal "$s" "%"
  keys "$s" Tab
  literal "$s" "92"
  keys "$s" Tab Tab                  # past the baseline date (empty: unknown)
  literal "$s" "97"
  keys "$s" Tab Tab Tab Tab Tab Tab b Tab l
  keys "$s" Enter
  expect_db "${cols}x$lines: the key result is in the database" "Net revenue retention 97" \
    sh -c "'$LND' --db '$DB' status --format json | jq -r '.objectives[0].key_results[0] | .title + \" \" + (.target|tostring)'"
  expect_row "$s" "${cols}x$lines: and in the key results pane" "K1" "Net revenue retention"

  # a second business objective, then an L&D objective added under the second and moved to
  # the first with the ^P picker before it is saved
  keys "$s" BTab A
  ready "$s" "New business objective"
  literal "$s" "Win new logos"
  keys "$s" Enter
  expect_db "${cols}x$lines: the second business objective is saved" "Win new logos" obj_json O2 .title
  expect_row "$s" "${cols}x$lines: and selected in the cascade" "O2" "Win new logos"
  keys "$s" a
  ready "$s" "New objective in the cascade"
  keys "$s" C-p
  ready "$s" "top level (no parent)"
  keys "$s" g j Enter
  expect_gone "$s" "${cols}x$lines: Enter takes the picked parent" "top level (no parent)"
  literal "$s" "Coach renewal conversations"   # the picker hands on to the Title field
  keys "$s" Enter
  expect_db "${cols}x$lines: the L&D objective is saved under O1" "O1 ld" \
    sh -c "'$LND' --db '$DB' status --format json | jq -r '.objectives[] | select(.id==\"O3\") | .parent + \" \" + .level'"

  # the quarter moves on: the next cycle, the review, the close
  keys "$s" C
  ready "$s" "Cycles: planning"
  keys "$s" a
  ready "$s" "New cycle"
  expect_screen "$s" "${cols}x$lines: the next cycle is suggested after this one" "2027-Q2"
  keys "$s" Enter
  expect_db "${cols}x$lines: 2027-Q2 is in the database" "2027-Q1 active;2027-Q2 planning;" cycles
  keys "$s" k s
  expect_screen "$s" "${cols}x$lines: s on an active cycle asks to start its review" "Start the review of cycle 2027-Q1?"
  keys "$s" y
  expect_db "${cols}x$lines: 2027-Q1 is in review" "2027-Q1 review;2027-Q2 planning;" cycles
  # (at 80 columns the header leaves the notice "cycle 2027-Q1 …" only)
  [ "$cols" -gt 80 ] && expect_screen "$s" "${cols}x$lines: the notice says the cycle is now in review" \
    "cycle 2027-Q1 is now in review"
  keys "$s" j s
  expect_screen "$s" "${cols}x$lines: activating the next cycle asks" "Activate cycle 2027-Q2?"
  keys "$s" y
  expect_db "${cols}x$lines: 2027-Q2 is active" "2027-Q1 review;2027-Q2 active;" cycles
  if [ "$cols" -gt 80 ]; then
    expect_screen "$s" "${cols}x$lines: the header says the other review is pending" "review of 2027-Q1 pending: R reviews it"
  else   # no room for both: the confirmation wins over the hint
    expect_screen "$s" "${cols}x$lines: the notice shows, not cut by the hint" "cycle 2027-Q2 is"
  fi
  keys "$s" k s
  expect_screen "$s" "${cols}x$lines: closing asks and says what it locks" "Its check-ins are locked"
  expect_screen "$s" "${cols}x$lines: and how much of the review is missing (none of O1-O3 scored)" \
    "3 of 3 objectives not reviewed (R scores them)."
  keys "$s" y
  expect_db "${cols}x$lines: 2027-Q1 is closed" "2027-Q1 closed;2027-Q2 active;" cycles
  expect_gone "$s" "${cols}x$lines: no review pending once it is closed" "review of 2027-Q1 pending"
  expect_row "$s" "${cols}x$lines: a closed cycle's WHEN says ended, as lnd cycle list does" "2027-Q1  " " ended"
  keys "$s" s
  expect_screen "$s" "${cols}x$lines: a closed cycle cannot move on" "already closed"
  keys "$s" Escape q
  expect_screen "$s" "${cols}x$lines: quits" "lnd exited 0"
  stop "$s"
done

# which cycle the dashboard opens on (issue 14 item 4): the demo with 2027-Q1 in review opens
# on it (no active cycle); with 2027-Q2 active but not started it still opens on 2027-Q1 (today
# is inside it); after 2027-Q1's end on 2027-Q2, naming the pending review; R opens that review
DB="$T/which.db"
setup "demo database $DB" "$LND" --db "$DB" init --demo
setup "2027-Q1 into review" L cycle review 2027-Q1
start w 80 24
ready w "Cascade"
expect_screen w "with the quarter in review and none active, it opens on the one in review" "lnd 2027-Q1 (review)"
expect_screen w "it shows that cycle's plan" "Key results of O1"
keys w q
ready w "lnd exited 0"
stop w
setup "2027-Q2 activated" L cycle activate 2027-Q2
start w 80 24
ready w "Cascade"
expect_screen w "while 2027-Q1 still runs, in review, it opens on it, not on 2027-Q2 not yet started" "lnd 2027-Q1 (review) week 7"
keys w q
ready w "lnd exited 0"
stop w
start w 80 24 LND_TODAY=2027-04-14
ready w "Cascade"
expect_screen w "after 2027-Q1 ended, it opens on the active 2027-Q2" "lnd 2027-Q2 (active)"
expect_screen w "and the header says the other review is pending and how to get there" "review of 2027-Q1 pending: R reviews it"
keys w ']'
expect_screen w "at 80 columns a notice wins over the hint" "no later cycle"
keys w s
expect_screen w "s over the panes asks about the shown cycle" "Start the review of cycle 2027-Q2?"
keys w n
expect_gone w "n closes the question" "Start the review of cycle 2027-Q2?"
keys w R
expect_screen w "R opens the review of the cycle in review, as lnd review does" "lnd 2027-Q1 (review)"
expect_screen w "and says so" "reviewing 2027-Q1"
expect_eq "n leaves the cycle as it was" "$(cycles)" "2026-Q4 closed;2027-Q1 review;2027-Q2 active;"
keys w Escape
ready w "Cascade"
keys w q
ready w "lnd exited 0"
stop w
