#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_honest.sh — honest numbers as an L&D lead reads them: the business result
# leads (a business objective is never "on track" because completions went well while revenue
# did not), evidence and indicator are chosen for every KR, verdicts wait for the review, pace
# is fair over the quarter, H12-H14 fire and clear, and a waiver is shown with its reason.
. "$(dirname "$0")/../lib.sh"
DB="$T/demo.db"
L() { "$LND" --db "$DB" "$@"; }
setup "demo database" L init --demo

# --- the demo's O1 reads its revenue result everywhere ---
run L status
O1=$(printf '%s\n' "$OUT" | grep '^O1 ')
expect_in "status: O1 leads with its revenue result" "$O1" "8%  off track"
expect_not_in "status: O1 is not on track" "$O1" "on track"
expect_in "status: the result and the delivery are labelled" "$OUT" "result 8% (1 results KR, off track); delivery 92% (on track)"
run L status --format json
J=$OUT
expect_eq "json: O1 status follows the result" "$(printf '%s' "$J" | jq -r '.objectives[]|select(.id=="O1")|.status')" "off track"
expect_eq "json: O1 result is the revenue KR's progress" "$(printf '%s' "$J" | jq -r '.objectives[]|select(.id=="O1")|.result*100|round')" "8"
expect_eq "json: O1 delivery is labelled apart" "$(printf '%s' "$J" | jq -r '.objectives[]|select(.id=="O1")|.delivery*100|round')" "92"
expect_eq "json: progress and rollup keep their meaning" "$(printf '%s' "$J" | jq -r '.objectives[]|select(.id=="O1")|"\(.progress) \(.rollup*100|round)"')" "null 71"
expect_eq "json: result_note is null when a result exists" "$(printf '%s' "$J" | jq -r '.objectives[]|select(.id=="O1")|.result_note')" "null"
run L report
expect_in "report: O1's section leads with the business result" "$OUT" "Business result: 8% of the way to target (off track); delivery: 92% of the way to target (on track) — off track."
expect_not_in "report: no verdict while the cycle runs" "$OUT" "**Verdict:**"
run L check
expect_in "check: H13 on O1" "$OUT" "H13  O1"

# --- evidence and indicator are required for a new KR ---
n_before=$(L status --format json | jq '[.objectives[].key_results[]]|length')
a_before=$(L log 2>/dev/null | wc -l)
[ "$n_before" -gt 0 ] && [ "$a_before" -gt 0 ] || die "counting the demo's KRs and audit rows" "KRs: $n_before, log lines: $a_before"
run L kr add --objective O2 --title "Completions" --target 100
expect_eq "kr add without --evidence: exit 64" "$RC" 64
expect_in "and the line names the choices" "$ERR" "--evidence activity|reaction|learning|behaviour|results"
run L kr add --objective O2 --title "Completions" --target 100 --evidence activity
expect_eq "kr add without --indicator: exit 64" "$RC" 64
expect_eq "nothing was written" "$(L status --format json | jq '[.objectives[].key_results[]]|length')" "$n_before"
expect_eq "no audit row either" "$(L log 2>/dev/null | wc -l)" "$a_before"
run L kr add --objective O2 --title "Completions" --target 100 --evidence activity --indicator leading
expect_eq "with both it is added" "$RC" 0

# --- a minimal plan: completion 100%, satisfaction 100%, revenue 0% in week 7 ---
M="$T/min.db"
m() { "$LND" --db "$M" "$@"; }
setup "minimal db" m init
setup "cycle" m cycle add 2027-Q1 --start 2027-01-04 --state active
setup "business objective" m objective add --title "Grow revenue" --problem p --outcome o
setup "L&D objective" m objective add --title "Train sellers" --parent O1 --problem p --outcome o
setup "completion KR" m kr add --objective O2 --title Completion --baseline 0 --target 100 --unit % --evidence activity --indicator leading --coowner dana
setup "satisfaction KR" m kr add --objective O2 --title Satisfaction --baseline 0 --target 10 --evidence reaction --indicator leading
setup "revenue KR" m kr add --objective O2 --title Revenue --baseline 0 --target 25 --unit % --evidence results --indicator lagging --coowner dana
setup "completion 100" m checkin K1 100 --confidence 9
setup "satisfaction 10" m checkin K2 10 --confidence 9
setup "revenue 0" m checkin K3 0 --confidence 2
run m status --format json
expect_eq "minimal plan: O1 is not on track" "$(printf '%s' "$OUT" | jq -r '.objectives[]|select(.id=="O1")|.status')" "off track"
run m check
expect_in "minimal plan: check says so (H13)" "$OUT" "H13  O1"
expect_eq "minimal plan: check exits 1" "$RC" 1

# --- a business objective with no results KR is not measured; H12 fires and clears ---
setup "a second business objective" m objective add --title "Reduce churn" --problem p --outcome o
run m check
expect_in "H12: an objective with no KRs is flagged" "$OUT" "H12  O3"
setup "a delivery-only KR under it" m kr add --objective O3 --title "Workshops held" --baseline 0 --target 4 --evidence activity --indicator leading
run m check
expect_not_in "H12 clears once a KR exists" "$OUT" "H12"
run m status --format json
expect_eq "a business objective without a results KR is not measured" "$(printf '%s' "$OUT" | jq -r '.objectives[]|select(.id=="O3")|.status')" "not measured"
expect_eq "and its note says so" "$(printf '%s' "$OUT" | jq -r '.objectives[]|select(.id=="O3")|.result_note')" "no business result measured"
run m status
expect_in "the status line says so too" "$OUT" "no business result measured"

# --- H14: a KR whose target equals its baseline ---
setup "a flat KR" m kr add --objective O3 --title "Churn" --baseline 5 --target 5 --unit % --evidence results --indicator lagging
run m check
expect_in "H14 fires on the flat KR" "$OUT" "H14  K5"
setup "give it a target" m kr edit K5 --target 3
run m check
expect_not_in "H14 clears" "$OUT" "H14"

# --- a waiver with a reason ---
run m objective edit O3 --waive H02
expect_eq "a waiver needs a reason: exit 64" "$RC" 64
run m objective edit O3 --waive H01 --reason "no"
expect_eq "only H02, H03, H05 can be waived: exit 64" "$RC" 64
setup "O3 measures activity only" m kr archive K5
run m check
expect_in "H02 fires for activity only" "$OUT" "H02  O3"
run m objective edit O3 --waive H02 --reason "an awareness programme: reach is its honest measure"
expect_eq "waive exits 0" "$RC" 0
run m check --format json
expect_eq "the waived finding is info, not a warning" "$(printf '%s' "$OUT" | jq -r '[.findings[]|select(.rule=="H02")][0].severity')" "info"
run m check
expect_in "check shows the waiver and its reason" "$OUT" "(waived: an awareness programme: reach is its honest measure)"
run m report
expect_in "the report shows it too, in a sentence" "$OUT" "Accepted as it is: an awareness programme: reach is its honest measure."
expect_in "the audit log records who waived it" "$(m log)" "H02 waived"
setup "export" m export --format json -o "$T/w.json"
setup "import into a new db" "$LND" --db "$T/w2.db" import "$T/w.json"
setup "re-export of the imported copy" "$LND" --db "$T/w2.db" export --format json -o "$T/w2.json"
check "export -> import -> export keeps waivers byte-identical" cmp -s "$T/w.json" "$T/w2.json"
expect_in "the waiver is in the export" "$(cat "$T/w.json")" '"rule": "H02"'
run m objective edit O3 --unwaive H02
expect_eq "unwaive exits 0" "$RC" 0
run m check
expect_not_in "the waiver is gone" "$OUT" "waived"

# --- time: before, during, after ---
P="$T/time.db"
p() { "$LND" --db "$P" "$@"; }
setup "time db" p init
setup "cycle" p cycle add 2027-Q1 --start 2027-01-04 --state active
setup "objective" p objective add --title "Onboard" --problem p --outcome o
setup "milestone due week 2" p kr add --objective O1 --title "Buddy list published" --baseline 0 --target 1 --due-week 2 --evidence activity --indicator leading
setup "workshop completion due week 4" p kr add --objective O1 --title "Workshop completion" --baseline 0 --target 100 --due-week 4 --evidence activity --indicator leading
setup "programme weeks 2-4" p programme add --title Workshop --objective O1 --start-week 2 --end-week 4
LND_TODAY=2027-01-04 run p checkin K1 0
LND_TODAY=2027-01-04 run p status
expect_in "a milestone logged 0 on day 1 is not due, not off track" "$(printf '%s\n' "$OUT" | grep 'K1 ')" "not due"
# the last day of week 1: a week-4 completion KR with no check-in would be at risk (6 of 28
# days gone) but its programme starts in week 2, so nothing is expected of it yet
LND_TODAY=2027-01-10 run p status
expect_not_in "a KR whose programme has not started is not at risk in week 1" "$(printf '%s\n' "$OUT" | grep 'K2 ')" "at risk"
setup "a KR no programme serves, same due week" p objective add --title "Other" --problem p --outcome o
setup "its KR" p kr add --objective O2 --title "Unserved completion" --baseline 0 --target 100 --due-week 4 --evidence activity --indicator leading
LND_TODAY=2027-01-10 run p status
expect_in "the same KR with no programme is at risk on that day (the rule, not the calendar, spared it)" "$(printf '%s\n' "$OUT" | grep 'K3 ')" "at risk"
LND_TODAY=2027-01-18 run p status
expect_in "the milestone is off track once its due week is over" "$(printf '%s\n' "$OUT" | grep 'K1 ')" "off track"
LND_TODAY=2027-04-20 run p status
expect_in "after the last week: ended N days ago" "$OUT" "ended 16 days ago"
expect_not_in "never week 14 of 13" "$OUT" "week 14"
expect_in "a KR never checked in reads not measured" "$(printf '%s\n' "$OUT" | grep 'K2 ')" "not measured"
expect_in "a KR short of target reads missed" "$(printf '%s\n' "$OUT" | grep 'K1 ')" "missed"
LND_TODAY=2027-04-20 run p report
expect_not_in "no verdict before the review, even after the last week" "$OUT" "**Verdict:**"
setup "planning cycle" p cycle add 2027-Q2 --start 2027-04-05
setup "an objective in planning" p objective add --cycle 2027-Q2 --title "Plan ahead" --problem p --outcome o
setup "a KR in planning" p kr add --objective O3 --title "Ready" --baseline 0 --target 10 --evidence results --indicator lagging
setup "a review of it drafted early" p review set O3 --cycle 2027-Q2 --worked "drafted"
LND_TODAY=2027-03-01 run p report --cycle 2027-Q2
expect_in "the planning report lists the objective" "$OUT" "Plan ahead"
expect_not_in "a cycle in planning gets no verdict" "$OUT" "Verdict"
expect_not_in "nor a projection" "$OUT" "projection"
run p review set O1 --cycle 2027-Q1 --score 0.5
expect_eq "a score before the review is refused (65)" "$RC" 65
expect_in "and says when scores come" "$ERR" "scores and verdicts wait for the review"
run L review
expect_in "review list before the review: a score so far, no verdict" "$(printf '%s\n' "$OUT" | grep '^O5 ')" "0.64 committed    so far (the verdict waits for the review)"
expect_in "an L&D objective's score so far is its result, not its delivery" "$(printf '%s\n' "$OUT" | grep '  O2 ')" "0.08"
expect_not_in "no verdict word in it" "$OUT" "(suggested)"
setup "to review" p cycle review 2027-Q1
LND_TODAY=2027-04-20 run p report --cycle 2027-Q1
expect_in "in review the verdict appears" "$OUT" "**Verdict:**"
