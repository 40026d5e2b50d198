#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_views.sh — the plan views on the demo, each opened from its key (and
# listed by ?): KPIs apart from OKRs with out-of-range marked, programmes under their
# objective and on the week timeline (add, edit, archive), due behaviour follow-ups (Enter
# checks in), the audit log, and the chain of evidence of a business objective.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
L() { "$LND" --db "$DB" "$@"; }

start v 132 40
ready v "Cascade"
keys v '?'
ready v "Help: every key"
keys v G
expect_screen v "help lists the views" "KPIs: steady-state health indicators"
for t in "Programmes on a week timeline" "Due follow-ups" "Audit log: who changed what" \
         "Review mode: score, verdict" "Chain of evidence of the business objective" "Alignment health findings"; do
  expect_screen v "help lists: $t" "$t"
done
keys v q
expect_gone v "q closes the help" "Help: every key"

# KPIs
keys v K
expect_screen v "K: the KPI tab opens" "KPIs · steady state, apart from OKRs"
expect_row v "K: uptime 99.2 below 99.5 is marked out of range" "Learning platform uptime" "OUT OF RANGE"
expect_row v "K: the range is shown" "Learning platform uptime" ">= 99.5"
expect_row v "K: a KPI in range is healthy" "Compliance training completion" "healthy"
expect_screen v "K: the count of out-of-range KPIs" "1 out of range"
keys v Escape
expect_screen v "Esc returns to the dashboard" "Key results of O1"

# programmes under the objective they serve
keys v j
expect_screen v "programme shown under the objective it serves" "programme Consultative selling workshop"
# the timeline
keys v P
expect_screen v "P: the programme timeline opens" "Programmes · timeline of 2027-Q1, week 7 of 13"
expect_screen v "P: the current week is marked" "^ week 7 (now)"
expect_row v "P: one row per programme with its weeks" "P3 " "3-9"
expect_row v "P: a programme serving no objective says none" "Coaching circles" "none"
keys v a
expect_screen v "a: the programme form opens" "New programme in 2027-Q1"
literal v "Negotiation lab"
keys v Tab C-u
literal v "O6"
keys v Tab C-u
literal v "8"
keys v Tab C-u
literal v "9"
keys v Tab
literal v "Tier-1 agents"
keys v Enter
expect_gone v "a: the form closes on Enter" "New programme in 2027-Q1"
expect_screen v "a: saved P7" "saved P7"
expect_row v "a: the new programme is on the timeline with its weeks" "P7 " "Negotiation lab"
expect_row v "a: it serves O6 in weeks 8-9" "P7 " "O6     8-9"
# prog_line TITLE: id, title, objective and weeks of a programme in `lnd programme list`
prog_line() { L programme list | grep -F "$1" | sed 's/  */ /g' | cut -d' ' -f1-5; }
expect_db "a: the new programme is in the database" "P7 Negotiation lab O6 8-9" prog_line "Negotiation lab"
keys v G e
expect_screen v "e: the programme form opens on it" "Edit programme P7"
keys v Tab Tab Tab C-u
literal v "10"
keys v Enter
expect_row v "e: the timeline shows the new weeks" "P7 " "8-10"
expect_db "e: the change is in the database" "P7 Negotiation lab O6 8-10" prog_line "Negotiation lab"
keys v d
expect_screen v "d: archive asks first" "Archive programme P7?"
keys v y
expect_screen v "d: archived" "archived P7"
expect_gone v "d: gone from the timeline" "Negotiation lab"
expect_not_in "d: gone from the database list" "$(L programme list)" "Negotiation lab"

# due follow-ups
keys v D
expect_screen v "D: switches straight to the due follow-ups" "Due follow-ups"
expect_row v "D: K3's +30 day follow-up after the workshop" "2027-03-02" "K3"
expect_screen v "D: says what it follows" "+30d after Consultative selling workshop"
before=$(kr_json K3 checkins)
keys v Enter
expect_screen v "D Enter: opens the behaviour check-in on the KR" "Check in on K3"
keys v C-u
literal v "8"
keys v Tab C-u
literal v "7"
expect_screen v "D Enter: live percentage" "7 of 8 applying: 87.5%"
keys v Enter
expect_screen v "D Enter: the check-in is saved" "checked in on K3"
expect_screen v "D Enter: saving returns to the due view" "Due follow-ups"
keys v Escape
expect_screen v "D Enter, Esc: back on the dashboard at K3's objective" "Key results of O2"
expect_db "D Enter: one more check-in in the database" "$((before + 1))" kr_json K3 checkins

# audit log
keys v L
expect_screen v "L: the audit log opens" "Audit log · who changed what, when"
expect_screen v "L: the archive is logged" "programme P7"
first=$(screen v | sed -n 4p)
expect_in "L: newest first, the check-in just logged by this user" "$first" "tester"
expect_in "L: the real account beside the display name" "$first" "$ACCT (as tester)"
expect_in "L: names the action" "$first" "checkin"
keys v Escape
expect_gone v "Esc closes the audit log" "Audit log · who changed what, when"

# chain of evidence (from the L&D objective, the chain of its business objective)
keys v E
expect_screen v "E: chain of evidence of the business objective" "Chain of evidence of O1"
expect_screen v "E: the chain's verdict, its last line" "Behaviour moved (week 4) before results did (week 5)"
s=$(screen v)
expect_in "E: programmes delivered first" "$s" "1. Programmes delivered"
expect_in "E: the workshop is delivered" "$(printf '%s\n' "$s" | grep 'P1 ')" "delivered"
expect_in "E: learning KRs" "$s" "2. Learning"
expect_in "E: behaviour KR in business terms" "$s" "moved from 20% to 87.5% (target 75%)"
expect_in "E: when behaviour first moved" "$(printf '%s\n' "$s" | grep 'K3 ')" "first moved in week 4"
expect_in "E: results KR" "$s" "moved from 0% to 2% (target 25%)"
keys v E
expect_screen v "E again returns" "Key results of O2"
expect_gone v "closing a view leaves nothing of it between the panes" "Chain of evidence"
keys v q
expect_screen v "views: quits cleanly" "lnd exited 0"
stop v

# 80x24: the views stay usable
start s 80 24
ready s "Cascade"
keys s K
expect_screen s "80x24: KPIs" "OUT OF RANGE"
keys s P
expect_screen s "80x24: timeline with the current week" "^ week 7 (now)"
expect_gone s "80x24: P replaces the KPIs" "OUT OF RANGE"
keys s q
expect_screen s "80x24: q leaves the view" "Cascade"
keys s q
expect_screen s "80x24: quits" "lnd exited 0"
stop s

# due view honours the mine filter: a manager sees only what they must log
start m 100 30 LND_TODAY=2027-03-10 -- --user marco
ready m "Cascade"
keys m D
expect_screen m "D: everyone's follow-ups by default" "K9 "
keys m Escape
expect_gone m "Esc closes the due view" "Due follow-ups"
keys m f
expect_screen m "f: mine" "[mine]"
keys m D
expect_screen m "D after f: only mine" "Due follow-ups (mine)"
expect_screen m "D mine: marco's overdue K3 follow-up" "overdue   2027-03-02 K3"
expect_not_in "D mine: ana's K9 is not listed" "$(screen m)" " K9 "
keys m q q
expect_screen m "quits cleanly" "lnd exited 0"
stop m
