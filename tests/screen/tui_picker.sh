#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_picker.sh — the parent picker of the objective form (issue 14), at 80x24,
# 160x45 and 200x60: ^P lists where the objective may sit with its current parent marked,
# Enter puts the choice into the Parent field, Esc leaves the field alone, and saving the
# form moves the objective (proved in the database and by the form showing the saved parent).
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
L() { "$LND" --db "$DB" "$@"; }
obj_json() { L status --format json | jq -r ".objectives[] | select(.id==\"$1\") | $2"; }

for size in "80 24" "160 45" "200 60"; do
  set -- $size
  cols=$1 lines=$2 s="k$cols"
  DB="$T/picker$cols.db"
  setup "demo database $DB" "$LND" --db "$DB" init --demo
  start "$s" "$cols" "$lines" -- --user priya
  ready "$s" "Cascade"
  keys "$s" j j j e
  ready "$s" "Edit O4"
  keys "$s" C-p
  expect_screen "$s" "${cols}x$lines: ^P opens the picker" "Parent of O4"
  expect_row "$s" "${cols}x$lines: the current parent is marked" "O3 " "(current)"
  expect_screen "$s" "${cols}x$lines: top level is a choice" "top level (no parent)"
  # Esc leaves the field as it was
  keys "$s" g Escape
  expect_gone "$s" "${cols}x$lines: Esc closes the picker" "Parent of O4"
  keys "$s" C-p
  ready "$s" "Parent of O4"
  expect_row "$s" "${cols}x$lines: after Esc the parent is still O3" "O3 " "(current)"
  # pick O1: the first objective after "top level"
  keys "$s" g j Enter
  expect_gone "$s" "${cols}x$lines: Enter closes the picker" "Parent of O4"
  keys "$s" Enter
  expect_db "${cols}x$lines: O4 now sits under O1" "O1" obj_json O4 .parent
  keys "$s" e
  ready "$s" "Edit O4"
  keys "$s" C-p
  expect_row "$s" "${cols}x$lines: the saved parent is redrawn as current" "O1 " "(current)"
  keys "$s" Escape Escape
  expect_gone "$s" "${cols}x$lines: the form closes" "Edit O4"
  keys "$s" q
  expect_screen "$s" "${cols}x$lines: quits" "lnd exited 0"
  stop "$s"
done
