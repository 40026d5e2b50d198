#!/bin/sh
# tests/screen/tui_cohort.sh — a cohort check-in from the dashboard's form: a KR served by a
# programme asks which cohort was measured (naming the programme's cohorts); a not-yet-trained
# value is saved with its cohort and never becomes the KR's current value; an unknown cohort
# is refused in the form with the draft kept.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
last_checkin() { sqlite3 "$DB" 'SELECT cohort, comparison, value FROM checkin ORDER BY id DESC LIMIT 1'; }

start a 80 24 -- --user priya
ready a "Cascade"
keys a j j j j j
expect_screen a "O6 selected" "Key results of O6"
keys a Tab c
expect_screen a "check-in editor opens on K8" "Check in on K8"
expect_screen a "a served KR's form asks for the cohort, naming the programme's" "Cohort                                        trained,not yet t"
keys a C-u
literal a "60"
keys a Tab Tab Tab
literal a "nobody"
keys a Enter
expect_screen a "an unknown cohort is refused in the form" "cohort 'nobody' is not one programme"
expect_in "the draft is kept" "$(screen a)" "nobody"
keys a C-u
literal a "not yet trained"
keys a Enter
expect_screen a "saved: notice" "checked in on K8"
expect_db "the check-in is in the database with its cohort, as a comparison" "not yet trained|1|60.0" last_checkin
expect_db "the comparison value is not the current value" "71" kr_json K8 current
expect_screen a "the KR line still reads the trained value" "64% → 71% → 75%"
keys a q
expect_screen a "quits cleanly" "lnd exited 0"
stop a

# the due view: Enter checks in on the follow-up, saving returns to the due view
start d 80 24 -- --user marco
ready d "Cascade"
keys d D
expect_screen d "D opens the due follow-ups" "Due follow-ups"
expect_screen d "the first follow-up is K3's +30" "K3"
keys d Enter
expect_screen d "Enter opens the check-in form on K3" "Check in on K3"
keys d C-u
literal d "8"
keys d Tab C-u
literal d "7"
keys d Enter
expect_db "the follow-up check-in is in the database" "87.5" kr_json K3 current
expect_screen d "saving returns to the due view" "Due follow-ups"
expect_screen d "with the check-in said" "checked in on K3"
keys d Escape q
expect_screen d "quits cleanly" "lnd exited 0"
stop d

# the closed quarter's K16: follow-ups marked on the check-in pane's sparkline and rows
start e 100 30
ready e "Cascade"
keys e '['
expect_screen e "[: the closed 2026-Q4" "2026-Q4 (closed)"
keys e j Tab Tab
expect_screen e "K16's check-in pane" "Check-ins of K16"
expect_screen e "the sparkline marks the follow-ups after a bar" "| follow-ups"
expect_screen e "the +60 follow-up row is marked with its cohort" "+60d trained"
expect_screen e "a comparison row names its cohort" "not yet trained"
keys e E
expect_screen e "E: the chain of evidence has the after-programme step" "5. After the programme (follow-ups and cohorts)"
expect_screen e "E: the series in business terms" "64% (baseline, 2 Oct) → 69% (+30 d) → 71% (+60 d)"
expect_screen e "E: the cohort comparison" "not yet trained: 64% → 65%; difference +6 points"
keys e Escape q
expect_screen e "quits cleanly" "lnd exited 0"
stop e

# the due view looks across cycles: the closed quarter's +90 follow-up, logged from it
start g 160 30 -- --user priya
ready g "Cascade"
keys g f D
expect_screen g "D (mine): the closed quarter's follow-up is listed with its cycle" "+90d after Troubleshooting clinics pilot (2026-Q4)"
keys g G
expect_row g "the last row is K16's" "K16" "overdue"
keys g Enter
expect_screen g "Enter opens the check-in on K16, in its cycle" "Check in on K16"
keys g C-u
literal g "72"
keys g Tab Tab Tab
literal g "trained"
keys g Enter
expect_db "the +90 follow-up is in the database, marked" "90|trained|72.0" sqlite3 "$DB" 'SELECT followup, cohort, value FROM checkin ORDER BY id DESC LIMIT 1'
expect_screen g "saving returns to the due view" "Due follow-ups (mine)"
expect_gone g "where the logged follow-up is gone" "(2026-Q4)"
keys g Escape q
expect_screen g "quits cleanly" "lnd exited 0"
stop g
