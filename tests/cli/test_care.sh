# SPDX-License-Identifier: MIT
# tests/cli/test_care.sh — `lnd backup` while 4 writers run holds every check-in saved before it
# started and passes `lnd doctor`; doctor finds what is wrong, one line per problem (exit 1).
. "$LND_TOP/tests/lib.sh"
DB="$T/c.db"
L() { "$LND" --db "$DB" "$@"; }
small_plan "$DB"
q() { sqlite3 -cmd '.timeout 20000' "$1" "$2"; }

run L doctor
expect_eq "doctor on a fresh database exits 0" "$RC" 0
expect_in "doctor says healthy" "$OUT" "healthy"

# --- backup while 4 writers check in ---
export LND_BUSY_TIMEOUT_MS=30000
for w in 1 2 3 4; do
  ( i=1; while [ $i -le 40 ]; do
      "$LND" --db "$DB" --user "w$w" checkin K1 "$w$i" >/dev/null 2>>"$T/writers.err" || echo "w$w $i failed" >>"$T/writers.err"
      i=$((i + 1)); done ) &
done
n=0; tries=0
while [ "$n" -lt 40 ] && [ $tries -lt 600 ]; do n=$(q "$DB" 'SELECT count(*) FROM checkin'); tries=$((tries + 1)); sleep 0.1; done
before=$(q "$DB" 'SELECT count(*) FROM checkin')
run L backup "$T/b.db"
expect_eq "backup while 4 writers run exits 0" "$RC" 0
wait
expect_eq "the writers all succeeded" "$(cat "$T/writers.err" 2>/dev/null)" ""
expect_eq "all 160 check-ins are in the live database" "$(q "$DB" 'SELECT count(*) FROM checkin')" 160
got=$(q "$T/b.db" 'SELECT count(*) FROM checkin')
check "the backup holds every check-in saved before it started ($got >= $before)" [ "$got" -ge "$before" ]
check "the backup was taken while writes went on ($got < 160)" [ "$got" -lt 160 ]
run "$LND" --db "$T/b.db" doctor
expect_eq "doctor on the backup exits 0" "$RC" 0
expect_eq "the backup's check-ins are exactly the live ones it holds" \
  "$(q "$T/b.db" 'SELECT group_concat(id || ":" || value || ":" || author) FROM checkin')" \
  "$(q "$DB" "SELECT group_concat(id || ':' || value || ':' || author) FROM (SELECT * FROM checkin WHERE id IN ($(q "$T/b.db" 'SELECT group_concat(id) FROM checkin')) ORDER BY id)")"
run "$LND" --db "$T/b.db" status
expect_eq "the backup opens as a database" "$RC" 0
run L backup "$T/b.db"
expect_eq "backup never overwrites a file (73)" "$RC" 73
expect_in "and says so" "$ERR" "already exists"
run L backup "$T/nodir/b.db"
expect_eq "backup into a missing directory is 73" "$RC" 73
check "no stray temporary file is left" sh -c "! ls '$T' | grep -q 'b.db.tmp'"
unset LND_BUSY_TIMEOUT_MS

# --- doctor finds what is wrong ---
cp "$DB" "$T/sick.db"
sqlite3 "$T/sick.db" "INSERT INTO checkin(kr_id, at, value, note) VALUES (1, '2027-02-13 09:00:00', 74, CAST(X'636166E9' AS TEXT));"
sqlite3 "$T/sick.db" "PRAGMA foreign_keys=OFF; INSERT INTO objective(cycle_id, level, type, title) VALUES (99, 'business', 'committed', 'Orphan');"
sqlite3 "$T/sick.db" "UPDATE kr SET cur_value = 1 WHERE id = 1"
run "$LND" --db "$T/sick.db" doctor
expect_eq "doctor on a damaged database exits 1" "$RC" 1
expect_in "it names the missing parent" "$OUT" "foreign key: objective row 2 points to a missing cycle"
expect_in "it names the stale latest value" "$OUT" "latest value: K1"
expect_in "it names the check-in without audit row" "$OUT" "audit: check-in 161 (K1) has no audit row"
expect_in "it names the bad text, row and byte" "$OUT" "checkin row 161: note is not valid UTF-8 at byte 3"
expect_eq "one line per problem" "$(printf '%s\n' "$OUT" | wc -l)" 5
printf 'not a database, just bytes' >"$T/junk.db"
run "$LND" --db "$T/junk.db" doctor
check "doctor on a file that is not SQLite fails (not 0 or 1)" [ "$RC" -gt 1 ]
