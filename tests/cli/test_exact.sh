# SPDX-License-Identifier: MIT
# tests/cli/test_exact.sh — the same numbers in every locale and the right day in every time
# zone: a German locale generated here (localedef into a temporary LOCPATH), LND_NOW pinned
# on both sides of midnight in Los Angeles and Tokyo, ISO 8601 timestamps in JSON exports.
. "$LND_TOP/tests/lib.sh"
unset LND_TODAY LND_NOW
DB="$T/x.db"
L() { "$LND" --db "$DB" "$@"; }
LND_TODAY=2026-12-01 L init >/dev/null
L cycle add 2027-Q1 --start 2026-11-25 --state active >/dev/null
L objective add --title "Grow revenue" >/dev/null
L kr add --objective O1 --title "Win rate" --baseline 60 --target 80 --unit % \
  --evidence results --indicator lagging >/dev/null
q() { sqlite3 "$DB" "$1"; }

# --- numbers under a German locale (decimal comma) ---
mkdir -p "$T/loc"
if localedef -i de_DE -f UTF-8 "$T/loc/de_DE.UTF-8" >/dev/null 2>&1 &&
   [ "$(LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8 locale -k decimal_point 2>/dev/null)" = 'decimal_point=","' ]; then
  ok "a German locale with a decimal comma was generated"
else
  notok "a German locale with a decimal comma was generated" "localedef -i de_DE failed (package locales)"
fi
DE() { LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8 "$@"; }
DE run "$LND" --db "$DB" checkin K1 73.5
expect_eq "de_DE: checkin 73.5 is accepted" "$RC" 0
expect_eq "de_DE: 73.5 is stored exactly" "$(q 'SELECT value FROM checkin')" "73.5"
expect_in "de_DE: the confirmation prints 73.5" "$OUT" "73.5"
DE run "$LND" --db "$DB" checkin K1 73,5
expect_eq "de_DE: 73,5 is refused as not a number" "$RC" 65
expect_eq "de_DE: nothing written for 73,5" "$(q 'SELECT count(*) FROM checkin')" "1"
DE run "$LND" --db "$DB" export --format csv
expect_in "de_DE: CSV has a decimal point" "$OUT" ",73.5,"
cols=$(printf '%s\n' "$OUT" | sed -n 2p | awk -F, '{print NF}')
expect_eq "de_DE: a CSV row has 20 columns (decimal commas never split a cell)" "$cols" 20
printf 'kr,date,value\nK1,2026-11-30,74.25\n' >"$T/in.csv"
DE run "$LND" --db "$DB" import --checkins "$T/in.csv"
expect_eq "de_DE: CSV import of 74.25 is accepted" "$RC" 0
expect_eq "de_DE: 74.25 is stored exactly" "$(q "SELECT value FROM checkin WHERE at LIKE '2026-11-30%'")" "74.25"
DE run "$LND" --db "$DB" export --format json
expect_in "de_DE: JSON keeps the decimal point" "$OUT" '"value": 74.25'
DE run "$LND" --db "$DB" status
expect_in "de_DE: status prints 73.5" "$OUT" "73.5"
printf 'progress = { at_risk_margin = 0.15; };\n' >"$T/de.conf"
DE run "$LND" --db "$DB" --config "$T/de.conf" status
expect_eq "de_DE: a config decimal 0.15 is read" "$RC" 0

# --- time zones: 21:20 on 1 December in California is 05:20 UTC on 2 December ---
LA() { TZ=America/Los_Angeles LND_NOW=$1; export TZ LND_NOW; shift; "$@"; unset TZ LND_NOW; }
LA 2026-12-02T05:20:00Z run "$LND" --db "$DB" checkin K1 75 --note "late in California"
expect_eq "LA: checkin at 21:20 local exits 0" "$RC" 0
expect_eq "LA: stored in UTC" "$(q "SELECT at FROM checkin WHERE note LIKE 'late%'")" "2026-12-02 05:20:00"
LA 2026-12-02T05:20:00Z run "$LND" --db "$DB" log
expect_in "LA: the log shows local time with its zone" "$OUT" "2026-12-01 21:20 PST"
LA 2026-12-02T05:20:00Z run "$LND" --db "$DB" log --since 2026-12-01
expect_in "LA: log --since the local 1 December shows it" "$OUT" "2026-12-01 21:20 PST"
LA 2026-12-02T05:20:00Z run "$LND" --db "$DB" log --since 2026-12-02
expect_not_in "LA: log --since the local 2 December does not" "$OUT" "2026-12-01 21:20 PST"
LA 2026-12-02T05:20:00Z run "$LND" --db "$DB" status
expect_in "LA: 1 December is still week 1 (cycle starts 25 Nov)" "$OUT" "week 1 of 13"
LA 2026-12-02T08:00:00Z run "$LND" --db "$DB" status
expect_in "LA: after local midnight it is week 2" "$OUT" "week 2 of 13"
TK() { TZ=Asia/Tokyo LND_NOW=$1; export TZ LND_NOW; shift; "$@"; unset TZ LND_NOW; }
TK 2026-12-01T14:59:59Z run "$LND" --db "$DB" status
expect_in "Tokyo: 23:59:59 on 1 December is week 1" "$OUT" "week 1 of 13"
TK 2026-12-01T15:00:00Z run "$LND" --db "$DB" status
expect_in "Tokyo: midnight starts 2 December, week 2" "$OUT" "week 2 of 13"
TK 2026-12-01T15:00:00Z run "$LND" --db "$DB" log
expect_in "Tokyo: the same check-in shows in Tokyo time" "$OUT" "2026-12-02 14:20 JST"
LND_NOW=2026-12-02 run "$LND" --db "$DB" status
expect_eq "a malformed LND_NOW is a usage error" "$RC" 64
expect_in "a malformed LND_NOW names the form" "$ERR" "YYYY-MM-DDTHH:MM:SSZ"
LND_TODAY=2026-12-09 LND_NOW=2026-12-02T05:20:00Z run "$LND" --db "$DB" status
expect_in "LND_TODAY pins the date even with LND_NOW" "$OUT" "week 3 of 13"

# --- JSON: ISO 8601 timestamps; import accepts the old and the new form ---
run "$LND" --db "$DB" export --format json -o "$T/a.json"
expect_in "JSON timestamps are ISO 8601 UTC" "$(cat "$T/a.json")" '"at": "2026-12-02T05:20:00Z"'
"$LND" --db "$T/b.db" init >/dev/null
run "$LND" --db "$T/b.db" import "$T/a.json"
expect_eq "import of an ISO export exits 0" "$RC" 0
"$LND" --db "$T/b.db" export --format json -o "$T/b.json"
check "export -> import -> export is byte-identical" cmp -s "$T/a.json" "$T/b.json"
sed 's/"\([0-9-]*\)T\([0-9:]*\)Z"/"\1 \2"/' "$T/a.json" >"$T/old.json"
"$LND" --db "$T/c.db" init >/dev/null
run "$LND" --db "$T/c.db" import "$T/old.json"
expect_eq "import of an old-form export exits 0" "$RC" 0
"$LND" --db "$T/c.db" export --format json -o "$T/c.json"
check "an old-form export imports to the same data" cmp -s "$T/a.json" "$T/c.json"
run "$LND" --db "$DB" status --format json
check "status JSON: the latest check-in time is ISO 8601" \
  grep -Eq '"last_checkin": "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"' "$T/out"
printf 'kr,date,value\nK1,2026-12-03T23:30:00Z,76\n' >"$T/iso.csv"
run "$LND" --db "$DB" import --checkins "$T/iso.csv"
expect_eq "CSV import reads an ISO 8601 date" "$RC" 0
expect_eq "and stores it in UTC" "$(sqlite3 "$DB" "SELECT at FROM checkin WHERE value = 76")" "2026-12-03 23:30:00"
