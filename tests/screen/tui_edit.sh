#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_edit.sh — editing from the dashboard, checked on screen and in the
# database: a normal and a behaviour check-in (with a validation error that keeps the draft),
# an objective and a key result added through the forms, search with n/N, and the filter.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db

start a 80 24 -- --user priya
ready a "Cascade"
# normal check-in on K8 (first-call resolution, under O6)
keys a j j j j j
expect_screen a "O6 selected" "Key results of O6"
keys a Tab c
expect_screen a "check-in editor opens on K8" "Check in on K8"
expect_screen a "check-in editor is prefilled with the last value" "Value 71"
keys a C-u
literal a "73"
keys a Tab C-u
literal a "12"
keys a Tab
literal a "Week 7: callbacks down after the checklist refresher"
keys a Enter
expect_screen a "a confidence of 12 is refused next to the field" "between 0 and 10"
expect_in "the draft is kept after the validation error" "$(screen a)" "Week 7: callbacks down"
keys a C-u
literal a "8"
keys a Enter
expect_screen a "saved check-in: notice" "checked in on K8"
expect_screen a "saved check-in: KR line shows the new value at once" "64% → 73% → 75%"
expect_db "normal check-in is in the database" "73" kr_json K8 current
expect_db "its confidence too" "8" kr_json K8 confidence
keys a Tab
expect_screen a "check-in history shows it first, with author and note" "$ACCT (as priya) Week 7: callbacks"

# behaviour check-in on K3 (O2): observed / applied, percentage live
keys a g BTab BTab g j
expect_screen a "O2 selected" "Key results of O2"
keys a Tab j j c
expect_screen a "behaviour KR asks observed and applied" "Observed"
keys a C-u
literal a "8"
keys a Tab C-u
literal a "9"
expect_screen a "applied > observed has no percentage" "applied must be a whole number"
keys a BSpace
literal a "6"
expect_screen a "the percentage is shown live" "6 of 8 applying: 75%"
keys a Enter
expect_screen a "behaviour check-in saved" "checked in on K3"
expect_screen a "behaviour check-in: value on screen" "20% → 75% → 75%"
expect_db "behaviour check-in in the database" "75" kr_json K3 current

# add an L&D objective under O1 and a KR under it, only with the keyboard
keys a BTab g
expect_screen a "g goes back to O1" "Key results of O1"
keys a a
expect_screen a "a in the cascade opens the objective form" "New objective in the cascade"
expect_screen a "the form has every field" "Capability"
literal a "Coach account managers through live deal reviews"
keys a Tab
literal a "Deals lose momentum after the first proposal"
keys a Tab
literal a "AMs run structured deal reviews with their managers"
keys a Tab
literal a "Facilitate a deal review using the account plan"
keys a Enter
expect_screen a "the new objective is saved" "saved O12"
expect_screen a "and appears in the cascade" "O12 A Coach account managers"
obj_json() { "$LND" --db "$DB" status --format json | jq -r ".objectives[] | select(.id==\"$1\") | $2"; }
expect_db "objective O12 in the database under O1 at level ld" "O1 ld" obj_json O12 '.parent + " " + .level'
keys a Tab a
expect_screen a "a in the key results pane opens the KR form" "New key result of O12"
literal a "Deal reviews held with a manager"
keys a Tab
literal a "%"
keys a Tab
literal a "10"
keys a Tab Tab
literal a "80"
keys a Tab Tab C-u
literal a "10"
keys a Tab Tab Tab Tab b Tab l
keys a Enter
expect_screen a "the new KR is saved" "saved K17"
expect_row a "and listed under O12" "K17" "Deal reviews held with a manager"
expect_db "K17 target in the database" "80" kr_json K17 target
expect_eq "K17 evidence and indicator" "$(kr_json K17 evidence) $(kr_json K17 indicator)" "behaviour leading"
expect_eq "K17 due week" "$(kr_json K17 due_week)" "10"
# the baseline date comes from the KR field table: edit it on K17 (a bad date is refused first)
baseline_at() { "$LND" --db "$DB" export | jq -r "[.cycles[].key_results[] | select(.id==$1)][0].baseline_at"; }
keys a e
expect_screen a "e opens K17's form" "Edit K17"
expect_screen a "the KR form has the baseline date" "Baseline date"
keys a Tab Tab Tab
literal a "2027-13-40"
keys a Enter
expect_screen a "a bad baseline date is refused next to the field" "YYYY-MM-DD, please"
keys a C-u
literal a "2027-01-11"
keys a Enter
expect_screen a "the edited KR is saved" "saved K17"
expect_db "K17 baseline date in the database" "2027-01-11" baseline_at 17
# a new KR starts with no evidence level or indicator and will not save until one is chosen
keys a a
expect_screen a "a again: a second KR form" "New key result of O12"
expect_screen a "evidence starts with no choice" "(choose)"
literal a "Deal value per account"
keys a Tab Tab Tab Tab
literal a "40"
keys a Enter
expect_screen a "saving without an evidence level is refused in the form" "fix the marked field; your draft is kept"
expect_screen a "the indicator field says what is missing" "lagging  choose one"
expect_eq "nothing was written" "$("$LND" --db "$DB" status --format json | jq '[.objectives[]|select(.id=="O12")|.key_results[]]|length')" 1
keys a Escape
expect_screen a "Esc on the changed draft asks" "Discard"
keys a y
expect_gone a "the form closes" "New key result of O12"

# search, n and N
keys a BTab g /
literal a "first-call"
expect_screen a "search jumps as you type" "Key results of O5"
keys a Enter n
expect_screen a "n finds the next match (a KR title)" "Key results of O6"
keys a N
expect_screen a "N goes back" "Key results of O5"
keys a /
literal a "zzzz"
expect_screen a "no match is said" "no match for"
keys a Escape

# filter: all -> mine -> at risk -> all
keys a f
expect_screen a "f: mine" "(mine)"
expect_gone a "mine hides others' objectives" "O6  "
expect_screen a "mine keeps priya's objectives" "O4  "
keys a f
expect_screen a "f again: at risk" "(at risk)"
keys a f
expect_screen a "f again: all" "Cascade · 10 objectives"

# archive with confirmation
keys a G d
expect_screen a "d asks before archiving" "Archive objective"
keys a n
expect_gone a "n keeps it" "Archive objective"
keys a d y
expect_screen a "y archives" "archived"
keys a q
expect_screen a "quit" "lnd exited 0"
