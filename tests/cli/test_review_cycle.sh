# SPDX-License-Identifier: MIT
# tests/cli/test_review_cycle.sh — which cycle a command uses when none is named (issue 14):
# after `lnd cycle review 2026-Q4`, `review` and `report` use 2026-Q4 until it is closed while
# `status` shows the active cycle containing today (2027-Q1) with a "review of 2026-Q4
# pending" line; once 2026-Q4 is closed everything is back on 2027-Q1.
. "$LND_TOP/tests/lib.sh"
DB="$T/r.db"
L() { "$LND" --db "$DB" "$@"; }
setup "init" L init
setup "2026-Q4 active" L cycle add 2026-Q4 --start 2026-10-05 --state active
setup "O1 in 2026-Q4" L objective add --cycle 2026-Q4 --title "Cut onboarding time"
setup "K1 in 2026-Q4" L kr add --objective O1 --title "Days to productivity" --baseline 60 --target 40 \
  --evidence results --indicator lagging
setup "2027-Q1 active" L cycle add 2027-Q1 --start 2027-01-04 --state active
setup "O2 in 2027-Q1" L objective add --cycle 2027-Q1 --title "Lift first-call resolution"

run L cycle review 2026-Q4
expect_eq "cycle review: exit 0" "$RC" 0
expect_in "it says review and report now use it" "$OUT" "\`lnd review\` and \`lnd report\` use it until it is closed"
expect_in "it says the cycle is now in review" "$OUT" "cycle 2026-Q4 is now in review"
run env LND_TODAY=2026-12-20 "$LND" --db "$DB" review --cycle 2027-Q1
expect_in "the review of a cycle not yet started: state, then when, no parentheses inside parentheses" "$OUT" \
  "review of 2027-Q1 (active): starts 2027-01-04 (in 15 days)"

run L review set O1 --score 0.6 --worked "pairing"
expect_eq "review set O1 (a 2026-Q4 objective) without --cycle: exit 0" "$RC" 0
expect_eq "nothing on stderr" "$ERR" ""
run L review
expect_in "review lists 2026-Q4" "$OUT" "review of 2026-Q4 (review"
expect_in "with the score just set, to two decimals as the dashboard shows it (0.60, not 0.6)" "$OUT" "0.60 "
run L review set O2 --score 0.5
expect_eq "an objective of the running cycle is not in the review: exit 65" "$RC" 65
expect_in "it names the cycle in review" "$ERR" "no objective O2 in cycle 2026-Q4"
run L report
expect_in "report defaults to the cycle in review" "$OUT" "2026-Q4"
expect_not_in "not the running one" "$(printf '%s' "$OUT" | head -3)" "2027-Q1"
run L review --cycle 2027-Q1
expect_in "--cycle still picks another" "$OUT" "review of 2027-Q1"

run L status
expect_in "status shows the active cycle containing today" "$(printf '%s' "$OUT" | head -1)" "2027-Q1"
expect_in "with the pending review" "$OUT" "review of 2026-Q4 pending: \`lnd review\` scores it"
check "status --format json stays JSON (no hint line)" sh -c "'$LND' --db '$DB' status --format json | jq -e .cycle.name >/dev/null"
run L status --cycle 2026-Q4
expect_not_in "no hint while showing the cycle in review itself" "$OUT" "pending"

# the same database on other days (the rule: the cycle containing today, active first, then
# in review; else the newest active one)
run env LND_TODAY=2026-12-20 "$LND" --db "$DB" status
expect_in "before 2026-Q4 ends, status stays on it (in review), not on 2027-Q1 not yet started" "$(printf '%s' "$OUT" | head -1)" "2026-Q4"
expect_not_in "with no hint: it shows the cycle in review" "$OUT" "pending"
run env LND_TODAY=2026-12-20 "$LND" --db "$DB" review
expect_in "review then is 2026-Q4 too" "$OUT" "review of 2026-Q4 (review"
run env LND_TODAY=2027-04-20 "$LND" --db "$DB" status
expect_in "after 2027-Q1 ends, status shows the newest active one" "$(printf '%s' "$OUT" | head -1)" "2027-Q1"
run env LND_TODAY=2027-04-20 "$LND" --db "$DB" review
expect_in "and review stays on 2026-Q4 until it is closed" "$OUT" "review of 2026-Q4 (review"

setup "O3 in 2026-Q4" L objective add --cycle 2026-Q4 --title "Shorten ramp-up"
run L cycle close 2026-Q4
expect_eq "closing with an objective not reviewed is not blocked: exit 0" "$RC" 0
expect_in "it says how much of the review is missing (O1 reviewed, O3 not)" "$OUT" "1 of 2 objectives not reviewed"
run env LND_TODAY=2026-12-20 "$LND" --db "$DB" status
expect_in "once closed, even before its end, status moves to 2027-Q1" "$(printf '%s' "$OUT" | head -1)" "2027-Q1"
run L review
expect_in "once closed, review is back on the running cycle" "$OUT" "review of 2027-Q1"
run L status
expect_not_in "and status has no hint" "$OUT" "pending"
