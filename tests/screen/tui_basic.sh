#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_basic.sh — the dashboard in a real terminal: the demo at 80x24 and 132x40,
# navigation, help, presentation mode, a too-small terminal, resize while editing keeps the
# draft, NO_COLOR and --ascii screens, the TERM values users have, and the refusals (unknown
# TERM, no terminal).
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db

start a 80 24
expect_screen a "80x24: the cascade shows the demo" "Grow enterprise revenue"
expect_screen a "80x24: header shows week N of M and pace (elapsed days)" "week 7 of 13 pace 48%"
expect_screen a "80x24: action bar generated from the actions table" "? Help"
expect_row a "80x24: a business objective leads with its result, delivery beside it" "O1  A Grow" "8% d92% off"
keys a j
expect_screen a "80x24: moving down shows O2's key results" "Key results of O2"
expect_screen a "80x24: KR line has baseline -> current -> target" "35% → 82% → 80%"
keys a Tab
expect_esc a "80x24: Tab focuses the key results (its title highlighted)" '\[46m Key results of O2'
keys a Tab
expect_screen a "80x24: the check-ins pane takes its turn with a sparkline" "trend"
expect_screen a "80x24: check-in history, newest first" "2027-01-29     100% c10 $ACCT (as priya)"
keys a BTab BTab k l
keys a h
expect_screen a "80x24: h collapses O1 (its child hidden)" "▸ O1"
expect_gone a "80x24: collapsed child is hidden" "O2  A Equip"
keys a l
expect_screen a "80x24: l expands it again" "O2  A Equip"
keys a '?'
expect_screen a "help opens from the actions table" "Help: every key"
expect_screen a "help lists the editor keys" "Move the selection down"
keys a G
expect_screen a "help scrolls to the editor keys" "Delete the word before the cursor"
keys a q
expect_gone a "q closes the help" "Help: every key"
keys a z
expect_screen a "z: presentation mode of the business objective" "(z or Esc returns)"
expect_screen a "presentation shows the L&D child and its KRs" "K1"
keys a Escape
expect_screen a "Esc leaves presentation mode" "Key results of O1"
keys a q
expect_screen a "q quits with exit code 0" "lnd exited 0"
stop a

start b 132 40
expect_screen b "132x40: cascade and detail panes side by side" "Key results of O1"
keys b j j j
expect_screen b "132x40: navigation reaches O4" "Key results of O4"
expect_screen b "132x40: key results and check-ins both visible" "Check-ins of K5"
expect_screen b "132x40: days unit shown" "45 days"
keys b G
expect_screen b "132x40: G goes to the last objective" "Key results of O9"
tm resize-window -t b -x 40 -y 10
expect_screen b "a tiny terminal shows a notice, not a crash" "terminal too small"
tm resize-window -t b -x 100 -y 30
expect_gone b "growing again removes the notice" "terminal too small"
expect_screen b "growing again redraws the dashboard" "Key results of O9"
keys b q
expect_screen b "132x40 quits cleanly" "lnd exited 0"
stop b

# resize in the middle of an edit keeps what was typed
start c 80 24
ready c "Cascade"
keys c j Tab c
expect_screen c "c opens the check-in editor" "Check in on K1"
keys c Tab Tab
literal c "half-typed note"
expect_screen c "typing into the form marks the header [draft]" "[draft]"
tm resize-window -t c -x 132 -y 40
expect_screen c "resize while editing: the panes are redrawn around the form" "Key results of O2"
tm resize-window -t c -x 50 -y 12
expect_screen c "resize below the minimum while editing: notice" "terminal too small"
expect_gone c "the notice replaces the form" "half-typed note"
tm resize-window -t c -x 90 -y 30
expect_gone c "growing again removes the notice" "terminal too small"
expect_screen c "resize mid-edit keeps the draft" "half-typed note"
keys c Escape
expect_screen c "Esc on a changed draft asks before discarding" "Discard this draft?"
keys c n
expect_gone c "n closes the question" "Discard this draft?"
expect_in "n keeps editing with the draft" "$(screen c)" "half-typed note"
keys c Escape y
expect_gone c "y discards: the form closes" "half-typed note"
expect_gone c "and the header's [draft] goes" "[draft]"
expect_eq "a discarded draft writes nothing" "$(kr_json K1 checkins)" "4"
keys c q
expect_screen c "quits after the discarded draft" "lnd exited 0"
stop c

# NO_COLOR: no colour escapes, selection still visible (reverse video)
start d 80 24 NO_COLOR=1
ready d "Cascade"
expect_esc d "NO_COLOR: selection in reverse video" '\[7m|;7m|\[7;'
e=$(screen_esc d)
case "$e" in *"[3"[0-7]"m"*|*"[38;"*|*";3"[0-7]"m"*) notok "NO_COLOR: no colours on screen" "found a colour escape";; *) ok "NO_COLOR: no colours on screen";; esac
keys d q
expect_screen d "NO_COLOR: quits" "lnd exited 0"
stop d
start d2 80 24
ready d2 "Cascade"
expect_esc d2 "colour terminal: status colours used" '\[3[0-7]m|\[38;|;3[0-7]m'
keys d2 q
expect_screen d2 "colour terminal: quits" "lnd exited 0"
stop d2

# --ascii: every glyph from the ASCII table
start e 80 24 -- --ascii
ready e "Cascade"
keys e j Tab Tab
expect_screen e "--ascii: the check-ins pane with its trend" "trend"
expect_screen e "--ascii: bars drawn with #" "####"
s=$(screen e)
if printf '%s' "$s" | LC_ALL=C grep -q '[^ -~]'; then notok "--ascii: no UTF-8 on screen" "$(printf '%s' "$s" | LC_ALL=C grep -n '[^ -~]' | head -3)"; else ok "--ascii: no UTF-8 on screen"; fi
keys e q
expect_screen e "--ascii: quits" "lnd exited 0"
stop e
# a non-UTF-8 locale switches to ASCII by itself
start e2 80 24 LC_ALL=C
ready e2 "Cascade"
expect_screen e2 "C locale: bars drawn with #" "####"
if screen e2 | LC_ALL=C grep -q '[^ -~]'; then notok "C locale: ASCII glyphs"; else ok "C locale: ASCII glyphs"; fi
keys e2 q
expect_screen e2 "C locale: quits" "lnd exited 0"
stop e2

# the TERM values of the issue all work
for term in xterm xterm-256color screen screen-256color tmux-256color vt100 linux; do
  start "t$term" 80 24 TERM=$term
  if wait_for "t$term" "Cascade" 15; then
    keys "t$term" j q
    expect_screen "t$term" "TERM=$term: starts and quits" "lnd exited 0"
  else
    notok "TERM=$term: starts and quits" "$(screen "t$term")"
  fi
  stop "t$term"
done

start u 80 24 TERM=xterm-nosuchterm
expect_screen u "unknown TERM: a one-line hint" "unknown terminal type 'xterm-nosuchterm'; try TERM=xterm-256color"
expect_screen u "unknown TERM: exit code 69" "lnd exited 69"
stop u

run sh -c "'$LND' --db '$DB' </dev/null"
expect_eq "no terminal: refused with 64" "$RC" "64"
expect_in "no terminal: says what to use instead" "$ERR" "lnd status"

# SIGTERM restores the terminal and ends the loop
start s 80 24
ready s "Cascade"
pid=$(pgrep -n -x -f "$LND --db $DB") || die "the pid of lnd in session s" "$(ps -eo pid,args | grep -F "$DB")"
kill -TERM "$pid"
expect_screen s "SIGTERM: lnd exits (143) and restores the screen" "lnd exited 143"
stop s
