# SPDX-License-Identifier: MIT
# tests/cli/test_utf8.sh — valid UTF-8 only: a Latin-1 note is refused at every way in
# (arguments, environment, config, CSV, JSON) with one line naming the field and the byte,
# exit 65 and nothing written; the v4 migration repairs raw bytes an older lnd stored;
# export never leaves a field out.
. "$LND_TOP/tests/lib.sh"
DB="$T/u.db"
L() { "$LND" --db "$DB" "$@"; }
small_plan "$DB"
q() { sqlite3 "$DB" "$1"; }
n0=$(q 'SELECT count(*) FROM checkin')||true
a0=$(q 'SELECT count(*) FROM audit')
LATIN=$(printf 'caf\351')          # "café" typed in a Latin-1 terminal
nothing_written() { expect_eq "$1: nothing written" "$(q 'SELECT count(*) FROM checkin'):$(q 'SELECT count(*) FROM audit')" "$n0:$a0"; }

run L checkin K1 70 --note "$LATIN"
expect_eq "argument: a Latin-1 --note exits 65" "$RC" 65
expect_eq "argument: one line naming --note and the byte" "$ERR" \
  "lnd: --note is not valid UTF-8 at byte 3; retype it in a UTF-8 terminal (nothing was written)"
nothing_written "argument"
run L checkin K1 70 "--note=$LATIN"
expect_in "argument: --note=VALUE is named too" "$ERR" "--note is not valid UTF-8 at byte 3"
run L objective add --title "$LATIN"
expect_eq "argument: a Latin-1 --title exits 65" "$RC" 65
nothing_written "title"
USER=$LATIN run L checkin K1 70
expect_eq "environment: a Latin-1 \$USER exits 65" "$RC" 65
expect_in "environment: the line names \$USER and the byte" "$ERR" "\$USER is not valid UTF-8 at byte 3"
nothing_written "environment"
printf 'user = "%s"\n' "$LATIN" >"$T/latin.conf"
run L --config "$T/latin.conf" checkin K1 70
expect_eq "config: a Latin-1 value exits 65" "$RC" 65
expect_in "config: file:line and byte" "$ERR" "latin.conf:1: not valid UTF-8 at byte 11 of the line"
nothing_written "config"
printf 'kr,date,value,note\nK1,2027-02-10,71,ok\nK1,2027-02-11,72,%s\n' "$LATIN" >"$T/latin.csv"
run L import --checkins "$T/latin.csv"
expect_eq "CSV: a Latin-1 note exits 65" "$RC" 65
expect_in "CSV: file:line, column and byte" "$ERR" "latin.csv:3: column note is not valid UTF-8 at byte 3"
nothing_written "CSV (not even the valid row)"
L checkin K1 71 --note "Checklist" >/dev/null
L export --format json -o "$T/good.json"
sed "s/Checklist/$LATIN/" "$T/good.json" >"$T/latin.json"
"$LND" --db "$T/j.db" init >/dev/null
run "$LND" --db "$T/j.db" import "$T/latin.json"
expect_eq "JSON: a Latin-1 note exits 65" "$RC" 65
expect_in "JSON: names the field and the byte" "$ERR" 'field "note" is not valid UTF-8 at byte'
expect_eq "JSON: nothing imported" "$(sqlite3 "$T/j.db" 'SELECT count(*) FROM checkin')" "0"

# --- the repair migration (schema 4 on this branch) fixes what an older lnd stored raw ---
# a database at the previous schema as the old binary left it: the same tables, raw Latin-1
# bytes in a check-in note, an author, an objective owner and the audit log
V=$("$LND" --version | sed 's/.*schema \([0-9]*\).*/\1/')
OLD="$T/old.db"
cp "$DB" "$OLD"
# the repair is schema step 8: later steps (9: undo history) are made idempotent for this
sqlite3 "$OLD" "PRAGMA user_version=7;
  INSERT INTO checkin(kr_id, at, value, note, author) VALUES (1, '2027-02-12 09:00:00', 73, CAST(X'636166E9' AS TEXT), CAST(X'4AF67267' AS TEXT));
  UPDATE objective SET owner = CAST(X'4AF67267' AS TEXT) WHERE id = 1;
  INSERT INTO audit(at, author, action, entity, entity_id, detail) VALUES ('2027-02-12 09:00:00', CAST(X'4AF67267' AS TEXT), 'checkin', 'checkin', 99, 'K1: 73');"
check "the old database really holds invalid UTF-8" \
  [ "$(sqlite3 "$OLD" "SELECT count(*) FROM checkin WHERE hex(note) = '636166E9'")" = 1 ]
run "$LND" --db "$OLD" export --format json
expect_eq "a database with raw bytes is upgraded on open" "$RC" 0
expect_eq "schema is $V afterwards" "$(sqlite3 "$OLD" 'PRAGMA user_version')" "$V"
expect_eq "the note is café in UTF-8" "$(sqlite3 "$OLD" "SELECT hex(note) FROM checkin WHERE value = 73")" "636166C3A9"
expect_eq "the author is Jörg" "$(sqlite3 "$OLD" "SELECT author FROM checkin WHERE value = 73")" "Jörg"
expect_eq "the audit log's own user is repaired" "$(sqlite3 "$OLD" "SELECT author FROM audit WHERE entity_id = 99")" "Jörg"
expect_eq "one audit row per repaired field" "$(sqlite3 "$OLD" "SELECT count(*) FROM audit WHERE action = 'repair'")" "4"
expect_in "the export holds the repaired note" "$OUT" '"note": "café"'
run sqlite3 "$OLD" "UPDATE checkin SET note = 'x' WHERE value = 73"
check "check-ins are still append-only after the repair" [ "$RC" -ne 0 ]
run sqlite3 "$OLD" "DELETE FROM audit"
check "the audit log is still append-only after the repair" [ "$RC" -ne 0 ]
"$LND" --db "$OLD" export -o "$T/r1.json"
"$LND" --db "$T/r.db" init >/dev/null
run "$LND" --db "$T/r.db" import "$T/r1.json"
expect_eq "the repaired backup imports" "$RC" 0
"$LND" --db "$T/r.db" export -o "$T/r2.json"
check "export -> import -> export is byte-identical after the repair" cmp -s "$T/r1.json" "$T/r2.json"

# --- export never leaves a field out ---
BAD="$T/bad.db"
cp "$DB" "$BAD"
sqlite3 "$BAD" "INSERT INTO checkin(kr_id, at, value, note) VALUES (1, '2027-02-13 09:00:00', 74, CAST(X'636166E9' AS TEXT))"
id=$(sqlite3 "$BAD" "SELECT id FROM checkin WHERE value = 74")
run "$LND" --db "$BAD" export --format json -o "$T/bad.json"
expect_eq "JSON export of a field it cannot write exits 65" "$RC" 65
expect_in "and names the row and field" "$ERR" "check-in $id (K1): note is not valid UTF-8 at byte 3"
check "and writes no file" test ! -e "$T/bad.json"
run "$LND" --db "$BAD" export --format csv
expect_eq "CSV export of a field it cannot write exits 65" "$RC" 65
expect_in "CSV: names the row and field" "$ERR" "check-in $id (K1): note is not valid UTF-8"
expect_eq "CSV: and writes nothing to stdout (no partial export)" "$(wc -c <"$T/out")" "0"
