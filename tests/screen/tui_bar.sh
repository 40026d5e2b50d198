#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_bar.sh — the action bar and help list only what works in the view on top
# (issue 9): the panes offer Check-in and Filter; a read-only list (KPIs) does not, and says
# Esc goes back; the programme timeline offers its Add and Edit; help opened over a view lists
# that view's actions, and closing it returns to the view.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db

start b 132 40
ready b "Cascade"
expect_row b "panes: the bar offers check-in" "? Help" "c Check-in"
expect_row b "panes: the bar offers the filter" "? Help" "f Filter"
keys b K
ready b "KPIs · steady state"
expect_gone b "KPIs: the bar no longer offers check-in" "c Check-in"
expect_gone b "KPIs: nor the filter" "f Filter"
expect_row b "KPIs: the bar says Esc goes back, help still there" "Esc Back" "? Help"
keys b P
ready b "Programmes · timeline"
expect_row b "programmes: the bar offers its add" "Esc Back" "a Add"
expect_row b "programmes: and its edit" "Esc Back" "e Edit"
keys b '?'
ready b "Help: every key"
expect_screen b "help over the timeline lists its archive" "Archive the selected objective"
if shows b "Filter: all, mine, at risk"; then notok "help over the timeline leaves out the filter" "listed" "$(screen b)"
else ok "help over the timeline leaves out the filter"; fi
keys b Escape
expect_screen b "Esc closes the help, back on the timeline" "Programmes · timeline"
keys b Escape
expect_row b "Esc returns to the panes, check-in offered again" "? Help" "c Check-in"
