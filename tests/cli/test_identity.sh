# SPDX-License-Identifier: MIT
# tests/cli/test_identity.sh — who made a change, for real: every check-in and audit row keeps
# the operating-system account beside the display name (--user is a label); `lnd log`, the
# report and the export show "bob (as alice)" when they differ; the account survives
# export -> import -> export byte for byte.
. "$LND_TOP/tests/lib.sh"
DB="$T/id.db"
L() { "$LND" --db "$DB" "$@"; }
L init >/dev/null && L cycle add 2027-Q1 --start 2027-01-04 >/dev/null && L cycle activate 2027-Q1 >/dev/null \
  && L objective add --title "Resolve support calls first time" >/dev/null \
  && L kr add --objective O1 --title "First-call resolution" --baseline 64 --target 75 --unit % \
       --evidence results --indicator lagging >/dev/null \
  || { notok "identity fixture"; exit 1; }

# the label is whatever --user says; the account is who ran lnd
run L --user "the CFO" checkin K1 70 --note "claimed"
expect_eq "a check-in under another name is accepted" "$RC" 0
run L --user "$ACCT" checkin K1 71 --note "as myself"
run L log --limit 2
expect_in "log shows the real account beside a borrowed label" "$OUT" "$ACCT (as the CFO)  checkin"
line=$(printf '%s\n' "$OUT" | head -1)
expect_in "log shows a change made under one's own name plainly" "$line" "  $ACCT "
expect_not_in "and not as '(as …)'" "$line" "(as "
run L log
expect_in "every change in the log carries the account (cycle add as tester)" "$OUT" "$ACCT (as tester)  add      cycle"

# the report names who really logged the latest check-in when the label differs
L --user "the CFO" checkin K1 72 >/dev/null
run L report
expect_in "the report says who really logged the latest check-in" "$OUT" "last check-in by $ACCT (as the CFO)"
L --user "$ACCT" checkin K1 73 >/dev/null
run L report
expect_not_in "no note when the latest check-in was logged under one's own name" "$OUT" "last check-in by"

# JSON export keeps both; the round trip is byte-identical
L export --format json -o "$T/a.json" >/dev/null
expect_eq "export: check-in author is the label" "$(jq -r '.cycles[0].checkins[0].author' "$T/a.json")" "the CFO"
expect_eq "export: check-in account is the real account" "$(jq -r '.cycles[0].checkins[0].account' "$T/a.json")" "$ACCT"
expect_eq "export: audit rows carry the account" \
  "$(jq -r '[.audit[] | select(.account != "'"$ACCT"'")] | length' "$T/a.json")" 0
"$LND" --db "$T/b.db" import "$T/a.json" >/dev/null 2>&1
"$LND" --db "$T/b.db" export --format json -o "$T/b.json" >/dev/null
check "export -> import -> export is byte-identical with accounts" cmp -s "$T/a.json" "$T/b.json"
run "$LND" --db "$T/b.db" log --limit 4
expect_in "the imported log still says who really did it" "$OUT" "$ACCT (as the CFO)"

# an export made before accounts existed (no "account" keys) still imports
jq 'del(.cycles[].checkins[].account, .audit[].account)' "$T/a.json" > "$T/old.json"
run "$LND" --db "$T/c.db" import "$T/old.json"
expect_eq "an export without accounts imports" "$RC" 0
run "$LND" --db "$T/c.db" log --limit 1
expect_not_in "its rows show the label alone" "$OUT" "(as "

# --user is documented as a label
run "$LND" --help
expect_in "--help calls --user a display label" "$OUT" "display name"
