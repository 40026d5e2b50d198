# SPDX-License-Identifier: MIT
# tests/cli/test_json.sh — every command's --format json parsed back and checked against its
# table in docs/json.md by tests/json_contract.sh (undocumented, missing or mistyped fields
# fail); the checker itself is shown to fail on a wrong contract.
. "$LND_TOP/tests/lib.sh"
DB="$T/demo.db"
L() { "$LND" --db "$DB" "$@"; }
setup "demo database" L init --demo
setup "a review with text" L review set O9 --finding "coaching habits stick when managers practise weekly"
setup "a KPI with a value" L kpi set "Learning platform uptime" 99.1
# data that sets every documented field at least once (checked at the end): a scored review
# with its texts in the closed quarter, that objective carried into 2027-Q1 (carried_from),
# and a check-in that lowers confidence (the digest's confidence_drops)
setup "a scored review of O11 in 2026-Q4" L review set O11 --cycle 2026-Q4 --score 0.6 \
  --worked "weekly clinics" --didnt "late start" --carry "keep the clinic" --carry-forward
setup "O11 carried into 2027-Q1 under O5" L review carry --cycle 2026-Q4 --to 2027-Q1 --parent O5
setup "a confidence drop on K3" L --user marco checkin K3 --observed 8 --applied 5 --confidence 3 --note "managers busy"
setup "a KR without an owner" L kr edit K15 --owner none
setup "a business objective without a results KR (result_note)" L objective add --title "Retain key accounts"
setup "its learning KR" L kr add --objective O13 --title "Account managers certified" --evidence learning \
  --indicator leading --baseline 0 --target 20
setup "a KPI with a ceiling" L kpi add "Open support tickets" --max 200
setup "and a value" L kpi set "Open support tickets" 150
CHECK="$LND_TOP/tests/json_contract.sh"
DOC="$LND_TOP/docs/json.md"
contract() {   # contract NAME CMD...: the JSON of CMD matches docs/json.md's table NAME
  name=$1; shift
  L "$@" --format json >"$T/j.json" 2>"$T/j.err"; rc=$?
  if [ $rc -ne 0 ] && [ "$name" != check ]; then notok "$name: lnd $* --format json exits 0" "rc $rc: $(cat "$T/j.err")"; return; fi
  out=$(sh "$CHECK" "$DOC" "$name" <"$T/j.json")
  sh "$CHECK" "$DOC" "$name" --seen <"$T/j.json" >>"$T/seen.$name"
  expect_eq "$name: lnd $* --format json matches docs/json.md" "$out" ""
}
contract status status
contract status status --owner dana --status off,risk,on
contract status status O1 --depth 2
contract status-summary status --summary
contract kr-show kr show K3
contract kr-show kr show K15
contract kr-show kr show K16
contract check check
contract due due
contract digest digest --since 2027-01-01
contract log log --all
contract kpi kpi list
contract cycle cycle list
contract programme programme list
contract review review
contract review review --cycle 2026-Q4
contract config config
contract report report
contract report report --cycle 2026-Q4
expect_in "report json: the follow-up series of the closed quarter" \
  "$(L report --cycle 2026-Q4 --format json | jq -r '.objectives[].key_results[].series // empty')" "(+30 d)"

# every documented field holds a non-null value in some output above, so renaming or retyping
# any of them fails (a field that is always null would pass any "|null" type)
for n in $(sed -n 's/^<!-- contract: \([a-z-]*\) -->$/\1/p' "$DOC"); do
  never=$(awk -v n="<!-- contract: $n -->" '$0 == n { on = 1; next } on && /^<!-- contract:/ { exit }
    on && /^\| `/ { split($0, c, "|"); f = c[2]; gsub(/[ `]/, "", f); print f }' "$DOC" |
    grep -vxF -f "$T/seen.$n" | tr '\n' ' ')
  expect_eq "$n: every documented field is set in the test data" "$never" ""
done

# every command named in docs/json.md has a table the suite checks (none forgotten)
for n in $(sed -n 's/^<!-- contract: \([a-z-]*\) -->$/\1/p' "$DOC"); do
  expect_in "docs/json.md table '$n' is checked by this suite" "$(cat "$0")" "contract $n "
done

# the checker can fail: a field the contract does not name, a wrong type, a missing field
L kpi list --format json >"$T/k.json"
sed 's/^| `.kpis\[\].state` .*$//' "$DOC" >"$T/nostate.md"
run sh "$CHECK" "$T/nostate.md" kpi <"$T/k.json"
expect_in "checker: an undocumented field fails" "$OUT" "undocumented field .kpis[].state"
awk '/^\| `.kpis\[\].name`/ { held = $0; next } { print } held && /^\| `.kpis\[\].unit`/ { print held; held = "" }' "$DOC" >"$T/order.md"
run sh "$CHECK" "$T/order.md" kpi <"$T/k.json"
expect_in "checker: keys out of the documented order fail" "$OUT" "key order of .kpis[]"
sed 's/^| `.kpis\[\].name` | string |/| `.kpis[].name` | integer |/' "$DOC" >"$T/wrongtype.md"
run sh "$CHECK" "$T/wrongtype.md" kpi <"$T/k.json"
expect_in "checker: a mistyped field fails" "$OUT" ".kpis[].name"
jq 'del(.kpis[0].unit)' "$T/k.json" >"$T/nounit.json"
run sh "$CHECK" "$DOC" kpi <"$T/nounit.json"
expect_in "checker: a dropped field fails" "$OUT" "missing field .kpis[].unit"
expect_eq "checker: exits 1 on problems" "$RC" 1
# timestamps are ISO 8601 UTC, dates civil
expect_eq "log times are ISO 8601 UTC" "$(L log --limit 1 --format json | jq -r '.changes[0].at' | grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$')" 1
