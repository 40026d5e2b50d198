#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_shared.sh — one database, several users: a check-in written by `lnd checkin`
# from outside appears without a keypress; two dashboards editing the same objective meet a
# conflict (both values, who changed it; keep mine / take theirs); a busy database keeps the
# draft, says so, and the save goes through once the lock is gone.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
title_of() { "$LND" --db "$DB" status --format json | jq -r ".objectives[] | select(.id==\"$1\") | .title"; }

start a 80 24 LND_RELOAD_LOG="$T/reload.log" -- --user alice
ready a "Cascade"
keys a j j j j j
expect_screen a "O6 selected" "Key results of O6"
setup "sam checks in on K8 from the CLI" "$LND" --db "$DB" --user sam checkin K8 74 --confidence 9 --note "from the CLI"
expect_screen a "a CLI check-in appears within 2 s without a keypress" "64% → 74% → 75%" 2
expect_screen a "and the header says another user changed it" "updated by another user"
# issue 15: the poll re-read one audit row and the KRs of K8's objective, not the plan
nkrs=$("$LND" --db "$DB" status --format json | jq '[.objectives[] | select(any(.key_results[]?; .id=="K8")) | .key_results | length] | .[0]')
expect_eq "the outside check-in reloaded only its objective's KRs (1 audit row + $nkrs KRs)" \
  "$(tail -n 1 "$T/reload.log" | cut -d' ' -f1,2)" "partial $((1 + nkrs))"

# conflict: alice and bob edit O9 at the same time
start b 80 24 -- --user bob
ready b "Cascade"
keys a G e
keys b G e
expect_screen a "alice edits O9" "Edit O9"
expect_screen b "bob edits O9" "Edit O9"
keys a Tab Tab Tab C-u
literal a "Grow coaching habits of first-time managers (alice)"
keys a Enter
expect_screen a "alice saves first" "saved O9"
expect_db "alice's title in the database" "Grow coaching habits of first-time managers (alice)" title_of O9
keys b Tab Tab Tab C-u
literal b "First-time managers coach weekly (bob)"
keys b Enter
expect_screen b "bob's save is a conflict, not an overwrite" "O9 was changed while you were editing it"
expect_screen b "the conflict says who changed it" "by $ACCT (as alice)"
expect_screen b "the conflict shows bob's value" "mine:   First-time managers coach weekly (bob)"
expect_screen b "the conflict shows alice's value" "theirs: Grow coaching habits of first-time managers (alice)"
expect_eq "nothing was overwritten meanwhile" "$(title_of O9)" "Grow coaching habits of first-time managers (alice)"
keys b e
expect_gone b "e: the conflict closes" "O9 was changed while you were editing it"
expect_screen b "e: edit again with the draft" "managers coach weekly (bob)"
keys b Enter
expect_screen b "saving again after looking keeps bob's title" "saved O9"
expect_db "bob's title in the database" "First-time managers coach weekly (bob)" title_of O9
expect_row a "alice's screen follows without a keypress" "O9 " "coach weekly (bob)"

# take theirs: alice edits again on a stale version
keys b e
expect_screen b "bob edits O9 again" "Edit O9"
keys b Tab Tab Tab C-u
literal b "Bob second edit"
keys a e
expect_screen a "alice edits O9 again" "Edit O9"
keys a Tab Tab Tab C-u
literal a "Alice stale edit"
keys b Enter
expect_db "bob's second title is saved" "Bob second edit" title_of O9
expect_screen b "bob saves" "saved O9"
keys a Enter
expect_screen a "alice meets the conflict" "O9 was changed while you were editing it"
keys a t
expect_screen a "t takes theirs" "took their version"
expect_eq "theirs kept" "$(title_of O9)" "Bob second edit"
expect_row a "alice's screen shows theirs" "O9 " "Bob second edit"
stop b

# busy: another writer holds the lock; the draft stays, the notice shows, the save retries
start c 80 24 -- --user carol       # the default busy timeout (5 s): the retry outlasts the lock
ready c "Cascade"
keys c j j j j j Tab c
expect_screen c "carol opens a check-in" "Check in on K8"
keys c C-u
literal c "75"
before=$(kr_json K8 checkins)
hold_lock "$DB"
keys c Enter
expect_screen c "a busy database shows a notice at once and keeps the draft" "database busy" 3
expect_in "the draft is still on screen" "$(screen c)" "75"
release_lock
expect_screen c "the retry saves once the lock is gone" "checked in on K8"
expect_db "the busy check-in landed once" "75" kr_json K8 current
expect_db "exactly once" "$((before + 1))" kr_json K8 checkins
