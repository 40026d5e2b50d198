#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_forms.sh — forms that behave (issue 14): the first key typed on a prefilled
# field replaces it (proved by the value saved in the database), an arrow keeps it; the screen
# after each form or modal closes is the screen a freshly started dashboard draws in the same
# state, at 80x24, 160x45 and 200x60; presentation mode shows problem, outcome and
# baseline -> current -> target.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db

obj_json() {
  "$LND" --db "$DB" status --format json | jq -r ".objectives[] | select(.id==\"$1\") | .$2"
}

# ---- the first key replaces a prefilled value, at 80x24, 160x45 and 200x60 ----
# Each size types values the one before did not save, so every saved value proves its own key.
# O2 moves O1 -> O3 -> O1 -> O3 (under O3 it is the third row of the cascade, under O1 the second).
for round in "80x24|j|5 of 8 applying: 62.5%|6|7|75|85|O1|O3" \
             "160x45|j j|6 of 19 applying: 31.58%|7|8|85|95|O3|O1" \
             "200x60|j|6 of 19 applying: 31.58%|8|9|95|90|O1|O3"; do
  IFS='|' read -r size nav share conf0 conf tgt0 tgt par0 par <<EOT
$round
EOT
  start a "${size%x*}" "${size#*x}" -- --user priya
  ready a "Cascade"
  keys a $nav
  ready a "Key results of O2"
  keys a Tab j j c
  ready a "Check in on K3"
  # Observed, Applied and Confidence are prefilled with the last check-in's values
  expect_screen a "$size: the behaviour form shows the last share, as stored" "$share"
  literal a "9"
  keys a Tab
  literal a "6"
  expect_screen a "$size: the preview follows the replaced values (9 and 6, not appended to the old ones)" \
    "6 of 9 applying: 66.67%"
  keys a Tab
  literal a "$conf"
  keys a Enter
  expect_db "$size: Observed replaced by 9, Applied by 6: share 6 of 9 is saved" "66.66666667" kr_json K3 current
  expect_db "$size: confidence $conf0, typed $conf: $conf is saved" "$conf" kr_json K3 confidence

  # an arrow keeps the prefilled text: Observed 9, Left, 1 makes 19 (a first key that replaced
  # it would make 1, and "6 of 1" is refused), Applied 6 is kept
  keys a c
  ready a "Check in on K3"
  keys a Left
  literal a "1"
  keys a Enter
  expect_db "$size: Observed 9, Left then 1: 19 is saved, the arrow kept the 9 (share 6 of 19)" "31.57894737" \
    kr_json K3 current
  wait_gone a "Check in on K3" || die "the check-in form closes after the save" "$(screen a)"

  # the KR form's Target (its fifth field): typed over the prefilled value, not appended
  keys a e
  ready a "Edit K3"
  keys a Tab Tab Tab Tab
  literal a "$tgt"
  keys a Enter
  expect_db "$size: Target $tgt0, typed $tgt: K3's target is $tgt (not $tgt0$tgt)" "$tgt" kr_json K3 target
  wait_gone a "Edit K3" || die "the KR form closes after the save" "$(screen a)"

  # the Parent field (the objective form's first, so the form opens on it)
  keys a BTab e
  ready a "Edit O2"
  literal a "$par"
  keys a Enter
  expect_db "$size: Parent $par0, typed $par: O2 moves under $par (not $par0$par)" "$par" obj_json O2 parent
  stop a
done

# ---- multi-line fields: the text wraps, Up/Down move inside it, Enter saves ----
long="Account managers pitch product features in first meetings and rarely ask about the client's own numbers or goals"
outcome_before=$(obj_json O2 outcome)
start p 80 24 -- --user priya
ready p "Cascade"
keys p j j e
ready p "Edit O2"
keys p Tab Tab Tab Tab
literal p "$long"
keys p C-a Down
literal p "Z"
keys p Enter
expect_db "multi-line Problem: the whole text saved; ^A then Down put Z at the start of line 2" \
  "Account managers pitch product Zfeatures in first meetings and rarely ask about the client's own numbers or goals" \
  obj_json O2 problem
expect_eq "Down in a wrapped field stays in it: Outcome is unchanged" "$(obj_json O2 outcome)" "$outcome_before"
keys p e
ready p "Edit O2"
wrapped() { screen p | grep -F "Zfeatures" | grep -vqF "Problem"; }
check "the saved problem is redrawn wrapped: its second line starts a row of its own" until_ok 10 wrapped
keys p Escape
stop p

# ---- forms grow with the screen; help wraps ----
start w 160 45 -- --user priya
ready w "Cascade"
keys w j j e
ready w "Edit O2"
keys w C-u                           # the form opens on Parent, its first field
literal w "O77"
keys w Enter
expect_row w "160x45: the validation message is whole beside the Parent field" "Parent" \
  "no such objective in this cycle"
expect_row w "160x45: hints are whole" "Capability" "what people must know, do or believe"
keys w Escape y
stop w
start h 80 24 -- --user priya
ready h "Cascade"
keys h '?'
ready h "Help: every key"
keys h G
expect_screen h "80x24: a long help line wraps onto the next line instead of being cut" "arrows keep it)"
stop h

# ---- columns sized to the widest id: K1234 lines up with K7 ----
sqlite3 "$DB" "UPDATE sqlite_sequence SET seq = 1233 WHERE name = 'kr'" || die "kr id sequence" "sqlite3 failed"
setup "K1234 under O4" "$LND" --db "$DB" --user priya kr add --objective O4 --title "Wide id metric" \
  --target 10 --baseline 0 --evidence activity --indicator leading
start k 80 24 -- --user priya
ready k "Cascade"
keys k j j j
ready k "Key results of O4"
wait_for k "Wide id metric" || die "K1234 is listed" "$(screen k)"
col_of() { screen k | grep -F "$1" | awk -v t="$2" '{ print index($0, t) }'; }
expect_eq "K1234's metric starts in the same column as K7's" "$(col_of K1234 'Wide id metric')" \
  "$(col_of K7 'Buddy programme')"
expect_eq "and its numbers line up too" "$(screen k | grep -A1 -F K1234 | tail -1 | awk '{ print index($0, "0 ") }')" \
  "$(screen k | grep -A1 -F 'K7 ' | tail -1 | awk '{ print index($0, "0 ") }')"
stop k

# the programme list too: P123456 is shown whole and its title lines up with P1's
sqlite3 "$DB" "UPDATE sqlite_sequence SET seq = 123455 WHERE name = 'programme'" || die "programme id sequence" "sqlite3 failed"
setup "P123456" "$LND" --db "$DB" --user priya programme add --title "Wide id clinic" --objective O4 \
  --start-week 2 --end-week 4
start k 80 24 -- --user priya
ready k "Cascade"
keys k P
wait_for k "Wide id clinic" || die "P123456 is listed" "$(screen k)"
expect_in "the programme list shows P123456 whole" "$(screen k)" "P123456 "
expect_eq "its title starts in the same column as P1's" "$(col_of P123456 'Wide id clinic')" \
  "$(screen k | grep -E '^ P1 ' | awk '{ print index($0, $2) }')"
stop k

# ---- the screen is clean after every modal, at every size ----
# fresh NAME COLS LINES KEYS...: a dashboard started in the state the keys lead to
fresh() {
  fname=$1 fcols=$2 flines=$3; shift 3
  start "$fname" "$fcols" "$flines" -- --user priya
  ready "$fname" "Cascade"
  keys "$fname" "$@"
  ready "$fname" "Key results of O4"
}
same_as() { [ "$(screen "$1")" = "$(screen "$2")" ]; }
# clean_after WHAT OPEN SHOWN CLOSE GONE: in m, the keys OPEN show SHOWN, the keys CLOSE take
# GONE away; then m's screen is f's (a dashboard freshly started in the same state)
# (SHOWN and GONE empty: the bar's "Search" label goes and comes back)
clean_after() {
  keys m $2
  if [ -n "$3" ]; then ready m "$3"; else wait_gone m " Search" || die "$1 opens at $size" "$(screen m)"; fi
  keys m $4
  if [ -n "$5" ]; then wait_gone m "$5" || die "$1 closes at $size" "$(screen m)"; else ready m " Search"; fi
  if until_ok 5 same_as m f; then ok "$size: after $1 closes the screen is the fresh dashboard's"
  else
    screen m >"$T/m.txt"; screen f >"$T/f.txt"
    notok "$size: after $1 closes the screen is the fresh dashboard's" "$(diff "$T/m.txt" "$T/f.txt" | sed 's/^/  /')"
  fi
}
for size in 80x24 160x45 200x60; do
  scols=${size%x*} slines=${size#*x}
  # the key results pane in focus, K5 selected
  fresh f "$scols" "$slines" j j j Tab
  fresh m "$scols" "$slines" j j j Tab
  for modal in "c:Check in on K5" "e:Edit K5" "?:Help: every key" "z:(z or Esc returns)" "a:New key result"; do
    mkey=${modal%%:*} mtitle=${modal#*:}
    clean_after "'$mtitle'" "$mkey" "$mtitle" Escape "$mtitle"
  done
  clean_after "the archive prompt (d, then n keeps it)" d "Archive key result K5?" n "Archive key result K5?"
  clean_after "the cycle list (C)" C "Cycles: planning" Escape "Cycles: planning"
  # search: the bar becomes the "/" line (its "/ Search" label goes), Esc gives the bar back
  clean_after "search (/ then Esc)" / "" Escape ""
  keys m C-l
  if until_ok 5 same_as m f; then ok "$size: ^L repaints the same clean screen"
  else notok "$size: ^L repaints the same clean screen" "$(screen m)"; fi
  stop f
  stop m
  # the objectives pane in focus, O4 selected: the objective form's parent picker (^P)
  fresh f "$scols" "$slines" j j j
  fresh m "$scols" "$slines" j j j
  clean_after "the parent picker (e, ^P, Esc, Esc)" "e C-p" "Parent of O4" "Escape Escape" "Edit O4"
  stop f
  stop m
done

# a form open while the terminal shrinks from 200x60 to 160x45: clean after it closes too
fresh f 160 45 j j j Tab
fresh m 200 60 j j j Tab
keys m c
ready m "Check in on K5"
tm resize-window -t m -x 160 -y 45 || die "resizing the tmux window" "tmux resize-window failed"
keys m Escape
wait_gone m "Check in on K5" || die "the form closes after the resize" "$(screen m)"
if until_ok 5 same_as m f; then ok "200x60 -> 160x45 with a form open: clean after it closes"
else notok "200x60 -> 160x45 with a form open: clean after it closes" "$(screen m)"; fi
stop f
stop m

# ---- presentation mode: problem, outcome, baseline -> current -> target, at every size ----
# scroll_to NAME KEY TEXT: j until a line with KEY shows TEXT (each j waits for the redraw);
# false once j no longer moves the screen (the end) and it never showed
scroll_to() {
  while ! row_shows "$1" "$2" "$3"; do
    before=$(screen "$1")
    keys "$1" j
    moved() { [ "$(screen "$1")" != "$before" ]; }
    until_ok 3 moved "$1" || return 1
  done
}
expect_scrolled() {
  if scroll_to "$1" "$3" "$4"; then ok "$2"; else notok "$2" "no line with '$3' shows '$4'" "$(screen "$1")"; fi
  keys "$1" g
}
k5_cur=$(kr_json K5 current) k5_tgt=$(kr_json K5 target) k5_unit=$(kr_json K5 unit)
for size in 80x24 160x45 200x60; do
  start z "${size%x*}" "${size#*x}" -- --user priya
  ready z "Cascade"
  keys z j z
  ready z "(z or Esc returns)"
  expect_scrolled z "$size: presentation shows O3's problem statement" "problem:" "$(obj_json O3 problem | cut -c1-50)"
  expect_scrolled z "$size: presentation shows the outcome of O2 (moved under O3 above)" "outcome:" \
    "$(obj_json O2 outcome | cut -c1-50)"
  expect_scrolled z "$size: K2: baseline -> current -> target in its unit" "baseline / current / target" \
    "$(kr_json K2 baseline)% → $(kr_json K2 current)% → $(kr_json K2 target)%"
  expect_scrolled z "$size: K3: the share saved above, as stored" "baseline / current / target" "20% → 31.58% → 90%"
  # a unit that is a word is spaced from its number, as on the KR pane ("38 days", not "38days")
  expect_scrolled z "$size: K5's latest value and target read '$k5_cur $k5_unit of $k5_tgt $k5_unit'" "latest" \
    "$k5_cur $k5_unit of $k5_tgt $k5_unit, latest"
  stop z
done

# taller than the screen: the action bar says it scrolls, and with which keys; back at the
# top it says "more below" again (not a stale "more above"); O3's cascade is taller than 24 lines
start z 80 24 -- --user priya
ready z "Cascade"
keys z j z
ready z "(z or Esc returns)"
expect_row z "80x24: O3's cascade is taller than the screen: the bar says it scrolls" "Esc Back" \
  "j/k PgUp PgDn  Scroll: more below"
keys z j
expect_screen z "j scrolls one line: more above and below" "Scroll: more above and below"
keys z G
expect_gone z "G: the end, nothing more below" "more above and below"
expect_screen z "G: the bar still says it scrolls, more above" "Scroll: more above"
keys z g
expect_row z "g: back at the top the bar says more below, not above" "Esc Back" "Scroll: more below"
# grown to 200x60 while scrolled to the end: O3's cascade fits there, so the scroll label goes
keys z G
expect_screen z "G again: more above" "Scroll: more above"
tm resize-window -t z -x 200 -y 60 || die "resizing the tmux window" "tmux resize-window failed"
expect_gone z "80x24 -> 200x60 at the end of O3: everything fits, the stale scroll label goes" "Scroll:"
expect_row z "and the cascade is drawn from its first line again" "O3 " "Get new support hires"
stop z

# content that fits does not scroll: j moves nothing and the bar never says "more above"
for size in 160x45 200x60; do
  start z "${size%x*}" "${size#*x}" -- --user priya
  ready z "Cascade"
  keys z g z
  ready z "(z or Esc returns)"
  expect_gone z "$size: O1's cascade fits: no scroll hint" "Scroll:"
  settled z
  fits=$(screen z)
  keys z j
  settled z
  expect_eq "$size: j on a cascade that fits moves nothing" "$(screen z)" "$fits"
  keys z k C-l
  settled z
  expect_eq "$size: k and ^L: the same screen, no stale 'more above'" "$(screen z)" "$fits"
  stop z
done

# ---- singular and plural: one objective, one warning ----
DB="$T/one.db"
small_plan "$DB"
setup "K1 checked in" "$LND" --db "$DB" checkin K1 65
setup "O1 has problem and outcome" "$LND" --db "$DB" objective edit O1 --problem "Win rate fell" \
  --outcome "Reps qualify deals"
start o 100 30 -- --user priya
ready o "Cascade"
expect_screen o "the cascade counts 1 objective" "Cascade · 1 objective · health: 0 errors, 1 warning (H)"
keys o H
expect_screen o "the health view says 1 warning, not 1 warnings" "0 errors, 1 warning, 0 info"
keys o Escape z
ready o "(z or Esc returns)"
expect_gone o "100x30: one objective fits the screen: no scroll hint" "Scroll"
stop o
