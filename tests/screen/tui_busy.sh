#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_busy.sh — a save that meets another writer's lock: the dashboard says so at
# once (not after the busy timeout), freezes the draft while it retries (keys typed meanwhile
# are ignored, so an unconfirmed value is never saved), says how long it waited, and Esc stops
# the retry with the draft kept.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
command -v sqlite3 >/dev/null 2>&1 || { echo "not ok - sqlite3 is missing: make deps installs it"; exit 1; }

# lock / unlock: another writer holds the write lock (hold_lock in tests/lib.sh: returns once
# the holder has it)
lock() { hold_lock "$DB"; }
unlock() { release_lock; }

start c 80 24 -- --user carol       # the default busy timeout: 5 s
wait_for c "Cascade"
keys c j j j j j Tab c
expect_screen c "carol opens a check-in" "Check in on K8"
keys c C-u
literal c "75"
lock
keys c Enter
expect_screen c "the busy notice shows at once, well before the 5 s timeout" "database busy" 3
literal c "1"                        # typed while the save retries: must not reach the draft
keys c BSpace BSpace
expect_screen c "the notice says how long it waited" "waited"
expect_in "the draft is frozen while retrying" "$(screen c)" "75"
unlock
expect_screen c "the retry saves once the lock is gone, saying how long it waited" "checked in on K8 (" 10
expect_in "with the seconds it waited" "$(screen c)" " s)"
expect_eq "the confirmed value was saved, not what was typed during the retry" "$(kr_json K8 current)" "75"

# Esc stops the retry; the draft stays and Enter saves it later
keys c c
expect_screen c "a second check-in" "Check in on K8"
keys c C-u
literal c "76"
lock
keys c Enter
expect_screen c "busy again" "database busy" 3
keys c Escape
expect_screen c "Esc stops the retry and keeps the draft" "stopped after waiting"
unlock
expect_eq "nothing was saved after Esc" "$(kr_json K8 current)" "75"
keys c Enter
expect_screen c "Enter saves the kept draft" "checked in on K8"
expect_eq "the kept draft was saved" "$(kr_json K8 current)" "76"
