#!/bin/sh
# tests/cli/test_after.sh — after the quarter, as an L&D lead meets it on the demo: the closed
# 2026-Q4 pilot takes its +90 follow-up inside the KR's measurement window and refuses one
# outside it (exit 65, one line naming the day the window closed, nothing written); `due`
# looks across cycles; the report tells the series and the trained-vs-not-yet-trained
# comparison in business terms; a comparison-cohort value never becomes the current value;
# cohorts from the command line, a CSV column and a programme's own names.
. "$(dirname "$0")/../lib.sh"
DB="$T/demo.db"
L() { "$LND" --db "$DB" "$@"; }
setup "demo database" L init --demo
n_checkins() { sqlite3 "$DB" 'SELECT count(*) FROM checkin'; }

# --- the demo: the pilot's series and cohorts (programme ended 2026-11-15) ---
run L report --cycle 2026-Q4
expect_eq "report of the closed quarter exits 0" "$RC" 0
expect_in "the series in business terms" "$OUT" "First-call resolution 64% (baseline, 2 Oct) → 69% (+30 d) → 71% (+60 d) → +90 d due 13 Feb, target 75%"
expect_in "the cohort comparison" "$OUT" "trained: First-call resolution 64% → 71%; not yet trained: 64% → 65%; difference +6 points (5 and 4 check-ins)"
expect_in "the reviewed numbers stop at the cycle's end (69%, not the +60 value)" "$OUT" "K16 First-call resolution moved from 64% to 69% (target 75%)"
expect_in "the chain of evidence carries the series" "$OUT" "5. After the programme (follow-ups and cohorts):"

# --- due across cycles ---
run L due
expect_in "due lists the closed quarter's +90 follow-up" "$OUT" "overdue  2027-02-13  K16"
expect_in "with its cycle and when the window closes" "$OUT" "(2026-Q4, closed; window until 2027-02-27)"
run L --user priya due --mine --format json
expect_eq "due --mine --format json: priya's closed-quarter follow-up" \
  "$(printf '%s' "$OUT" | jq -r '.followups[]|select(.kr=="K16")|"\(.cycle.name) \(.offset_days) \(.state) \(.window_closes)"')" "2026-Q4 90 overdue 2027-02-27"

# --- a follow-up after close: inside the window accepted, outside refused ---
before=$(n_checkins)
LND_TODAY=2027-02-01 run L checkin K16 70 --cohort trained
expect_eq "between follow-ups on a closed cycle: exit 65" "$RC" 65
expect_in "and names the next follow-up's dates" "$ERR" "the +90 d follow-up can be logged from 2027-02-06 to 2027-02-27"
LND_TODAY=2027-02-28 run L checkin K16 73 --cohort trained
expect_eq "after the window closed: exit 65" "$RC" 65
expect_eq "one line saying when the window closed" "$ERR" "lnd: K16: its measurement window closed on 2027-02-27 (cycle 2026-Q4 is closed); nothing was written"
expect_eq "nothing written" "$(n_checkins)" "$before"
run L checkin K16 72 --cohort trained
expect_eq "the +90 follow-up inside the window is accepted" "$RC" 0
expect_in "and marked as the follow-up" "$OUT" "logged as the +90 d follow-up (cycle 2026-Q4 is closed: it shows in the series, not in the reviewed numbers)"
expect_eq "one check-in written" "$(n_checkins)" "$((before + 1))"
expect_eq "stored with its mark and cohort" "$(sqlite3 "$DB" 'SELECT followup, cohort, comparison FROM checkin ORDER BY id DESC LIMIT 1')" "90|trained|0"
run L report --cycle 2026-Q4
expect_in "the series now reaches +90 d" "$OUT" "→ 71% (+60 d) → 72% (+90 d), target 75%"
expect_in "the reviewed number is still the cycle's" "$OUT" "moved from 64% to 69%"
run L due
expect_not_in "the logged follow-up leaves due" "$OUT" "K16"
run L checkin K15 5
expect_eq "an ordinary check-in on the current cycle still works" "$RC" 0

# --- a comparison cohort never sets the current value ---
st_before=$(L status)
run L checkin K8 99 --cohort "not yet trained"
expect_eq "a comparison-cohort check-in is taken" "$RC" 0
expect_in "and said to be a comparison" "$OUT" "cohort 'not yet trained' is a comparison cohort: compared in the report, never the current value"
expect_eq "the status does not move" "$(L status)" "$st_before"
run L report
expect_in "one value per cohort is too few to compare" "$OUT" "too few to compare (0 and 1 check-ins; 2 each needed)"
run L checkin K8 70 --cohort control
expect_eq "a cohort the programme does not name: exit 65" "$RC" 65
expect_in "naming the cohorts it does" "$ERR" "use one of: trained,not yet trained"
run L checkin K1 70 --cohort trained
expect_eq "an activity KR takes a cohort too (its programme names them)" "$RC" 0
run L checkin K14 3 --cohort trained
expect_eq "a KR no programme serves has no cohorts: exit 65" "$RC" 65
expect_in "and says why" "$ERR" "is served by no programme"

# --- a programme names its own cohorts; a CSV column carries them ---
setup "P3 names pilot and control" L programme edit P3 --cohorts "pilot,control"
run L checkin K8 71 --cohort control
expect_eq "the programme's own comparison cohort is taken" "$RC" 0
run L programme edit P3 --cohorts "pilot"
expect_eq "one cohort is not a comparison: exit 65" "$RC" 65
printf 'kr,date,value,cohort\nK8,2027-02-10,70,pilot\nK8,2027-02-10,70,control\nK8,2027-02-16,73,pilot\n' >"$T/c.csv"
run L import --checkins "$T/c.csv"
expect_eq "CSV with a cohort column imports" "$RC" 0
expect_in "all three rows, the same value in two cohorts included" "$OUT" "imported 3 check-ins"
expect_eq "the control row is a comparison" "$(sqlite3 "$DB" "SELECT count(*) FROM checkin WHERE kr_id = 8 AND cohort = 'control' AND comparison = 1")" "2"
run L report
expect_in "pilot against control, in business terms" "$OUT" "pilot: First-call resolution 70% → 73%; control: 70% → 71%; difference +2 points (2 and 2 check-ins)"
printf 'kr,date,value,cohort\nK8,2027-02-11,70,nobody\n' >"$T/bad.csv"
before=$(n_checkins)
run L import --checkins "$T/bad.csv"
expect_eq "a CSV row with an unknown cohort: exit 65" "$RC" 65
expect_eq "and nothing imported" "$(n_checkins)" "$before"

# --- export keeps it all ---
setup "export" L export --format json -o "$T/a.json"
setup "import into a new database" "$LND" --db "$T/b.db" import "$T/a.json"
setup "export again" "$LND" --db "$T/b.db" export --format json -o "$T/b.json"
check "export -> import -> export keeps cohorts, marks and baseline dates byte-identical" cmp -s "$T/a.json" "$T/b.json"
expect_eq "the baseline date is exported" "$(jq -r '.cycles[0].key_results[0].baseline_at' "$T/a.json")" "2026-10-02"
expect_eq "programme cohorts are exported" "$(jq -r '.cycles[1].programmes[]|select(.id==3)|.cohorts' "$T/a.json")" "pilot,control"

# found by the independent review: a comparison cohort's value never settles a follow-up
Q="$T/cmp.db"
setup "a fresh demo" "$LND" --db "$Q" init --demo
run "$LND" --db "$Q" due
expect_in "the closed pilot's +90 follow-up is due" "$OUT" "K16"
run "$LND" --db "$Q" checkin K16 50 --cohort "not yet trained"
expect_eq "a not-yet-trained value inside the window is taken" "$RC" 0
run "$LND" --db "$Q" due
expect_in "but the +90 follow-up is still asked for (the trained value is what it needs)" "$OUT" "K16"

# a closed cycle's plan stays locked (only follow-ups inside a window still come in)
before=$("$LND" --db "$Q" export)
run "$LND" --db "$Q" programme edit P6 --end-week 12
expect_eq "a closed cycle's programme cannot be moved (it would move the window): 65" "$RC" 65
expect_in "saying the plan is locked" "$ERR" "the cycle is closed: its plan is locked"
run "$LND" --db "$Q" kr edit K16 --target 80
expect_eq "nor a KR's target" "$RC" 65
run "$LND" --db "$Q" objective add --cycle 2026-Q4 --title "Late idea" --problem p --outcome o
expect_eq "nor can an objective be added" "$RC" 65
expect_eq "nothing changed" "$("$LND" --db "$Q" export)" "$before"

# a quarter's numbers are as of its last day: a check-in dated after it shows in the series only
E="$T/end.db"
setup "a fresh demo for the end date" "$LND" --db "$E" init --demo
LND_TODAY=2027-04-10 run "$LND" --db "$E" checkin K14 4
expect_eq "a check-in after the last day is taken" "$RC" 0
expect_in "and says it will not move the cycle's numbers" "$OUT" "dated after the cycle's last day"
setup "review" "$LND" --db "$E" cycle review 2027-Q1
setup "close" "$LND" --db "$E" cycle close 2027-Q1
expect_eq "the closed quarter's K14 is still its value on the last day (3.7), not 4" \
  "$(LND_TODAY=2027-04-10 "$LND" --db "$E" status --cycle 2027-Q1 --format json | jq '.objectives[].key_results[]|select(.id=="K14")|.current')" "3.7"
