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
wait_for a "Grow enterprise revenue"
keys a j
wait_for a "Key results of O2"
sleep 0.3
[ -n "${TUI_DUMP:-}" ] && screen a >"$TUI_DUMP"
move_tree=$(bytes_of a j)          # O2 -> O3 in the cascade: the KR and check-in panes change too
wait_for a "Key results of O3"
move_tree_back=$(bytes_of a k)
keys a Tab
sleep 0.3
move_kr=$(bytes_of a j)            # K1 -> K2 in the key results pane: the check-ins follow
full=$(bytes_of a C-l)             # full repaint of that same screen
echo "# 80x24 demo: selection one row down in the cascade: $move_tree bytes (and back up: $move_tree_back)"
echo "# 80x24 demo: selection one row down in the key results: $move_kr bytes"
echo "# 80x24 demo: full repaint of the same screen (^L): $full bytes"
check "a one-row move in the cascade costs under a third of a full repaint" [ "$((move_tree * 3))" -lt "$full" ]
check "a one-row move among key results costs under a third of a full repaint" [ "$((move_kr * 3))" -lt "$full" ]
check "a full repaint is a real repaint (over 1500 bytes)" [ "$full" -gt 1500 ]
keys a q
wait_for a "lnd exited 0"
