#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_bytes.sh — what the dashboard costs over a slow SSH link: the bytes lnd
# writes to its terminal (captured with tmux pipe-pane) when the selection moves one row,
# next to a full repaint of the same screen (^L), at 80x24 on the demo. Prints the figures as
# "# " lines and checks that a move costs a small fraction of a repaint (redraw only what
# changed). TUI_DUMP=FILE also writes the plain-text 80x24 screen (for the README).
# Rerun: LND=$PWD/build/lnd LND_TOP=$PWD sh tests/screen/tui_bytes.sh
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db

start a 80 24
ready a "Grow enterprise revenue"
keys a j
ready a "Key results of O2"
settled a
[ -n "${TUI_DUMP:-}" ] && screen a >"$TUI_DUMP"
bytes_of a j; move_tree=$BYTES            # O2 -> O3 in the cascade: the KR and check-in panes change too
expect_screen a "j moves the selection to O3" "Key results of O3"
bytes_of a k; move_tree_back=$BYTES
expect_screen a "k moves it back to O2" "Key results of O2"
keys a Tab
expect_esc a "Tab focuses the key results" '\[46m Key results of O2'
settled a
bytes_of a j; move_kr=$BYTES              # K1 -> K2 in the key results pane: the check-ins follow
expect_esc a "j moves the selection to K2 (its row in reverse video)" '7m[^K]*K2[^ ]*  AMs demonstrating'
bytes_of a C-l; full=$BYTES               # full repaint of that same screen
echo "# 80x24 demo: selection one row down in the cascade: $move_tree bytes (and back up: $move_tree_back)"
echo "# 80x24 demo: selection one row down in the key results: $move_kr bytes"
echo "# 80x24 demo: full repaint of the same screen (^L): $full bytes"
check "a one-row move in the cascade costs under a third of a full repaint" [ "$((move_tree * 3))" -lt "$full" ]
check "a one-row move among key results costs under a third of a full repaint" [ "$((move_kr * 3))" -lt "$full" ]
check "a full repaint is a real repaint (over 1500 bytes)" [ "$full" -gt 1500 ]
keys a q
expect_screen a "quits cleanly" "lnd exited 0"
