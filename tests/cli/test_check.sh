# SPDX-License-Identifier: MIT
# tests/cli/test_check.sh — `lnd check` on the demo: findings a facilitator sees, the exit
# code scripts rely on, JSON, config thresholds and disabled rules, and the report section.
. "$LND_TOP/tests/lib.sh"
DB="$T/demo.db"
setup "demo database" "$LND" --db "$DB" init --demo

run "$LND" --db "$DB" check
expect_eq "check exits 1 while an error-level finding remains" "$RC" 1
expect_in "orphan L&D objective is an error naming it" "$OUT" "H01  O9 'Grow first-time managers"
expect_in "KR without baseline is named" "$OUT" "H04  K15 'Attrition of direct reports"
expect_in "programme serving nothing is flagged" "$OUT" "P5 'Coaching circles': serves no objective"
expect_in "each finding has a fix" "$OUT" "fix: measure it before the programme runs: lnd kr edit K15 --baseline N"
expect_in "summary line counts" "$OUT" "4 errors,"
run "$LND" --db "$DB" check --format json
check "check json parses" sh -c "jq -e . '$T/out' >/dev/null"
expect_eq "json counts errors" "$(jq .errors "$T/out")" 4
expect_eq "json names rule and objective" "$(jq -r '[.findings[]|select(.rule=="H01")][0].objective' "$T/out")" "O9"
run "$LND" check --rules
expect_eq "--rules lists fifteen rules" "$(printf '%s\n' "$OUT" | grep -c '^H[0-9][0-9] ')" 15

# the facilitator fixes the plan: findings disappear
setup "O9 gets a business parent" "$LND" --db "$DB" objective edit O9 --parent O1
run "$LND" --db "$DB" check
expect_not_in "H01 gone once O9 has a business parent" "$OUT" "H01"
expect_eq "still an error: K15 has no baseline" "$RC" 1
setup "K15 gets a baseline" "$LND" --db "$DB" kr edit K15 --baseline 14
run "$LND" --db "$DB" check
expect_eq "still an error: revenue off track while delivery is on track (H13)" "$RC" 1
expect_in "H13 names the business objective" "$OUT" "H13  O1 'Grow enterprise revenue"
# revenue picks up: the result is no longer off track, H13 clears
"$LND" --db "$DB" checkin K4 9 --confidence 7 >/dev/null
run "$LND" --db "$DB" check
expect_not_in "H13 gone once the result is back on track" "$OUT" "H13"
expect_eq "no error-level finding: exit 0" "$RC" 0
expect_in "warnings remain listed" "$OUT" "0 errors,"

# thresholds and disabled rules come from the config
printf 'health = { disabled = [ "H09" ]; max_krs = 2; };\n' > "$T/h.conf"
run "$LND" --config "$T/h.conf" --db "$DB" check
expect_not_in "a disabled rule reports nothing" "$OUT" "H09"
expect_in "max_krs from the config" "$OUT" "4 KRs (focus: at most 2)"
printf 'health = { disabled = [ "HX" ]; };\n' > "$T/bad.conf"
run "$LND" --config "$T/bad.conf" --db "$DB" check
expect_eq "a bad rule id in the config is a config error" "$RC" 78

# the report carries the findings
run "$LND" --db "$DB" report
expect_in "report lists health findings as sentences" "$OUT" "O9 “Grow first-time managers' coaching habits” does not state the problem it addresses or the outcome it expects."
run "$LND" --db "$DB" check --cycle 2027-Q2
expect_eq "an empty planning cycle has no errors" "$RC" 0
run "$LND" --db "$DB" check --cycle nope
expect_eq "unknown cycle is bad data" "$RC" 65
