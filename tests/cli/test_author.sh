#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_author.sh — schema 10 renames the audit log's `user` column to `author` (a
# reserved word in PostgreSQL, where `SELECT user` is the role's name): a schema 9 file opens,
# is migrated once, and every export (JSON, CSV, the log) is byte-identical to the same data
# written at schema 10, JSON key "user" included.
. "$LND_TOP/tests/lib.sh"
DB="$T/new.db"
L() { "$LND" --db "$DB" "$@"; }
small_plan "$DB"
setup "a check-in by dana" L --user dana checkin K1 70 --confidence 7 --note "pipeline"
setup "an edit by eve" L --user eve objective edit O1 --title "Grow enterprise revenue"
L export --format json > "$T/new.json" || die "export json"
L export --format csv > "$T/new.csv" || die "export csv"
L log > "$T/new.log" || die "log"

# the same file as schema 9 left it: the column still called user
OLD="$T/old.db"
setup "a copy" L backup "$OLD"
setup "back to schema 9" sqlite3 "$OLD" "ALTER TABLE audit RENAME COLUMN author TO user; PRAGMA user_version = 9"
expect_eq "the old file really has audit.user" "$(sqlite3 "$OLD" "SELECT user FROM audit WHERE id = 1")" tester
run "$LND" --db "$OLD" export --format json
expect_eq "a schema 9 file opens: exit 0" "$RC" 0
expect_eq "it is schema 10 afterwards" "$(sqlite3 "$OLD" 'PRAGMA user_version')" 10
expect_eq "the column is author now" "$(sqlite3 "$OLD" "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'author'")" 1
expect_eq "no user column is left" "$(sqlite3 "$OLD" "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'user'")" 0
printf '%s\n' "$OUT" > "$T/old.json"
check "the JSON export is byte-identical" cmp -s "$T/new.json" "$T/old.json"
expect_in "its audit rows still say \"user\"" "$OUT" '"user": "dana"'
"$LND" --db "$OLD" export --format csv > "$T/old.csv"
check "the CSV export is byte-identical" cmp -s "$T/new.csv" "$T/old.csv"
"$LND" --db "$OLD" log > "$T/old.log"
check "the log is byte-identical" cmp -s "$T/new.log" "$T/old.log"
expect_in "the log names who changed what" "$(cat "$T/old.log")" "eve"
# the audit log stays append-only under its new column name
run sqlite3 "$OLD" "UPDATE audit SET author = 'mallory'"
check "the audit log is still append-only" [ "$RC" != 0 ]
# the migrated file takes new changes, with their author
setup "a check-in after the migration" "$LND" --db "$OLD" --user fay checkin K1 72
expect_eq "the new row's author" "$(sqlite3 "$OLD" "SELECT author FROM audit ORDER BY id DESC LIMIT 1")" fay
