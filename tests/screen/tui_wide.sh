#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_wide.sh — the projector size (200x60) uses the space: the cascade runs
# across the whole width with long titles in full and wider bars, key results and check-ins
# side by side beneath it; and [ / ] switch between the demo's cycles.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db

start w 200 60
expect_screen w "200x60: the dashboard starts" "Key results of O1"
expect_screen w "200x60: a 91-character business objective title shows in full" \
  "Grow enterprise revenue 25% through deeper relationship management and consultative selling"
expect_screen w "200x60: an 81-character L&D title shows in full" \
  "Equip the enterprise sales team to win and deepen high-value client relationships"
expect_screen w "200x60: cascade bars are wider than at 80 columns" "███████████▎░░░░░░░░░░░░  47% d69%"
keys w j
expect_screen w "200x60: key results and check-ins side by side below the cascade" "Check-ins of K1"
expect_screen w "200x60: whole metric names in the key-results pane" \
  "AMs demonstrating consultative questioning in role-play assessments"
expect_screen w "200x60: key-result bars are wide" "████████████████████████ 100% done"
line=$(screen w | grep -n "Check-ins of K1" | cut -d: -f1)
cline=$(screen w | grep -n "Cascade" | head -1 | cut -d: -f1)
if [ -n "$line" ] && [ "$line" -gt "$cline" ]; then ok "200x60: detail panes sit below the cascade"; else notok "200x60: detail panes sit below the cascade" "$(screen w)"; fi
keys w q
expect_screen w "200x60 quits cleanly" "lnd exited 0"
stop w

# [ and ] switch cycles (the demo has a closed 2026-Q4, an active 2027-Q1 and an empty planning 2027-Q2)
start c 80 24
expect_screen c "cycles: the current cycle opens first" "2027-Q1 (active)"
keys c ']'
expect_screen c "]: next cycle shown in the header" "2027-Q2 (planning)"
expect_screen c "]: the empty planning cycle invites adding an objective" "No objectives yet"
expect_gone c "]: the Q1 cascade is gone" "Grow enterprise revenue"
keys c ']'
expect_screen c "]: at the last cycle says so" "no later cycle"
keys c '['
expect_screen c "[: back to the previous cycle" "2027-Q1 (active)"
expect_screen c "[: its cascade is back" "Grow enterprise revenue"
keys c '['
expect_screen c "[: the closed quarter before" "2026-Q4 (closed)"
expect_screen c "[: with its pilot" "Pilot troubleshooting clinics"
keys c '['
expect_screen c "[: at the first cycle says so" "no earlier cycle"
keys c q
expect_screen c "cycles: quits cleanly" "lnd exited 0"
stop c
