#!/bin/sh
# tests/screen/tui_edit.sh — editing from the dashboard, checked on screen and in the
# database: a normal and a behaviour check-in (with a validation error that keeps the draft),
# an objective and a key result added through the forms, search with n/N, and the filter.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db

start a 80 24 -- --user priya
wait_for a "Cascade"
# normal check-in on K8 (first-call resolution, under O6)
keys a j j j j j
expect_screen a "O6 selected" "Key results of O6"
keys a Tab c
expect_screen a "check-in editor opens on K8" "Check in on K8"
expect_in "check-in editor is prefilled with the last value" "$(screen a)" "Value 71"
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
expect_eq "normal check-in is in the database" "$(kr_json K8 current)" "73"
expect_eq "its confidence too" "$(kr_json K8 confidence)" "8"
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
expect_eq "behaviour check-in in the database" "$(kr_json K3 current)" "75"

# add an L&D objective under O1 and a KR under it, only with the keyboard
keys a BTab g
wait_for a "Key results of O1"
keys a a
expect_screen a "a in the cascade opens the objective form" "New objective in the cascade"
expect_in "the form has every field" "$(screen a)" "Capability"
literal a "Coach account managers through live deal reviews"
keys a Tab
literal a "Deals lose momentum after the first proposal"
keys a Tab
literal a "AMs run structured deal reviews with their managers"
keys a Tab
literal a "Facilitate a deal review using the account plan"
keys a Enter
expect_screen a "the new objective is saved" "saved O10"
expect_screen a "and appears in the cascade" "O10 A Coach account managers"
new_parent=$("$LND" --db "$DB" status --format json | jq -r '.objectives[] | select(.id=="O10") | .parent + " " + .level')
expect_eq "objective O10 in the database under O1 at level ld" "$new_parent" "O1 ld"
keys a Tab a
expect_screen a "a in the key results pane opens the KR form" "New key result of O10"
literal a "Deal reviews held with a manager"
keys a Tab
literal a "%"
keys a Tab
literal a "10"
keys a Tab
literal a "80"
keys a Tab Tab C-u
literal a "10"
keys a Tab Tab Tab Tab b Tab l
keys a Enter
expect_screen a "the new KR is saved" "saved K16"
expect_screen a "and listed under O10" "Deal reviews held with a manager"
expect_eq "K16 target in the database" "$(kr_json K16 target)" "80"
expect_eq "K16 evidence and indicator" "$(kr_json K16 evidence) $(kr_json K16 indicator)" "behaviour leading"
expect_eq "K16 due week" "$(kr_json K16 due_week)" "10"

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
s=$(screen a)
expect_in "mine keeps priya's objectives" "$s" "O4"
expect_not_in "mine hides others' objectives" "$s" "O6  "
keys a f
expect_screen a "f again: at risk" "(at risk)"
keys a f
expect_screen a "f again: all" "Cascade · 10 objectives"

# archive with confirmation
keys a G d
expect_screen a "d asks before archiving" "Archive objective"
keys a n
wait_gone a "Archive objective"
keys a d y
expect_screen a "y archives" "archived"
keys a q
expect_screen a "quit" "lnd exited 0"
