# SPDX-License-Identifier: MIT
# tests/cli/test_pg.sh — lnd on PostgreSQL (--db postgresql://…) against a real server: the
# main user journeys run once on an SQLite file and once on a PostgreSQL database and every
# command's output, stderr and exit code must be byte-identical (the location itself
# replaced by DB); then what only a server shows: two edits with the same version (75 naming
# who), check-ins append-only even through psql, the closed-cycle lock, 8 writers x 100
# check-ins exact, an unreachable server (69, one line), backup/doctor/init --shared (64),
# $LND_DB and `database =` selecting it, and export -> import SQLite -> PostgreSQL -> SQLite
# byte-identical. The cluster is tests/run's ($LND_TEST_PG), else one started here
# (tests/pg.lib); a cluster that cannot start is a failure, never a skip.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/pg.lib"
cd "$T" || exit 1
if [ -z "${LND_TEST_PG:-}" ]; then pg_start || die "a PostgreSQL cluster (tests/pg.lib)"; fi
PSQL="${PG_BIN:+$PG_BIN/}psql"
command -v "$PSQL" >/dev/null 2>&1 || PSQL=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | tail -1)
psql_on() { u=$1; shift; "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$u" "$@"; }
# newdb NAME: a fresh empty database on the cluster; prints its URI
seq_db=0
newdb() {
  seq_db=$((seq_db + 1))
  n="lndt_$$_${seq_db}_$1"
  psql_on "$LND_TEST_PG" -c "CREATE DATABASE $n" >/dev/null || return 1
  printf '%s\n' "$LND_TEST_PG" | sed "s#/lnd\(?\|\$\)#/$n\1#"
}
# drop the databases this suite made, also on failure (the cluster may be tests/run's)
cleanup_dbs() {
  psql_on "$LND_TEST_PG" -c "DROP OWNED BY lndt_$$_team, lndt_$$_viewer" >/dev/null 2>&1
  for d in $(psql_on "$LND_TEST_PG" -c "SELECT datname FROM pg_database WHERE datname LIKE 'lndt\\_$$\\_%'" 2>/dev/null); do
    psql_on "$LND_TEST_PG" -c "DROP DATABASE $d WITH (FORCE)" >/dev/null 2>&1
  done
  psql_on "$LND_TEST_PG" -c "DROP ROLE IF EXISTS lndt_$$_team, lndt_$$_viewer" >/dev/null 2>&1
}
trap 'cleanup_dbs; pg_stop; [ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT

export LND_TODAY=2027-02-17 LND_NOW=2027-02-17T10:00:00Z

# ---- the journeys: the same commands on both backends ----
# journey DB OUT: every command's stdout, stderr and exit code into OUT, DB written as "DB"
journey() {
  db=$1 out=$2
  : >"$out"
  j() {
    "$LND" --db "$db" "$@" >"$T/j.out" 2>"$T/j.err"
    rc=$?
    { printf '$ lnd %s\n' "$*"; cat "$T/j.out"; printf '! '; cat "$T/j.err"; printf '= %s\n' "$rc"; } |
      awk -v d="$db" '{ while ((i = index($0, d)) > 0) $0 = substr($0, 1, i - 1) "DB" substr($0, i + length(d)); print }' >>"$out"
  }
  j status
  j init --demo
  j init
  j status
  j status --format json
  j status O1 --depth 2
  j status --level ld --type committed
  j status --owner priya --status off,risk
  j --user dana status --mine --summary
  j status --width 60
  j due --format json
  j --user priya due --mine
  j digest --format json --since 2027-01-01
  j check --format json
  j check --rules
  j report --format json
  j report --format text
  j cycle list --format json
  j log --since 2027-01-01 --limit 5 --format json
  j cycle add 2027-Q2 --start 2027-04-05
  j objective add --title "Retain key accounts" --type committed
  j objective edit O1 --title "Grow enterprise revenue" --version 1
  j objective edit O1 --owner "Ann Lee"
  j kr add --objective O1 --title "Renewal rate" --target 90 --baseline 70 --unit % --evidence results --indicator lagging
  j kr edit K1 --target 95
  j kr show K1
  j kr show K2 --format json
  j checkin K1 72 --confidence 6 --note "first week"
  j checkin K2 31.5 --note "ünïcödé ✓"
  j checkin K2 0.1
  j kr archive K3
  j kr restore K3
  j objective archive O2
  j objective restore O2
  j programme add --title "Negotiation lab" --objective O1 --start-week 2 --end-week 6 --cohorts "trained,not yet trained"
  j programme edit P5 --audience "Account executives"
  j programme archive P5
  j programme restore P5
  j programme list --format json
  j import --checkins "$T/values.csv"
  j import --checkins "$T/values.csv"
  j import --plan "$T/plan.csv"
  j kpi add Uptime --unit % --min 99 --max 100
  j kpi set Uptime 99.95
  j kpi list
  j kpi list --format json
  j undo --dry-run
  j undo
  j undo
  j objective edit O3 --waive H02 --reason "awareness only"
  j check
  j objective edit O3 --unwaive H02
  j objective edit O3 --waive H05 --reason "measured next quarter"
  j digest
  j due
  j cycle add 2027-Q3 --start 2027-07-05
  j cycle review 2027-Q1
  j review
  j review set O1 --score 0.7 --worked "pairing" --didnt "late data"
  j review list --format json
  j report
  j review set O2 --carry-forward --carry "next quarter"
  j review carry --to 2027-Q3 --with-parents
  j cycle close 2027-Q1
  j checkin K1 50
  j objective edit O1 --title "Locked now"
  j status --cycle 2027-Q1
  j status --format json --cycle 2027-Q1
  j log --all
  j log --all --format json
  j export --format json
  j export --format csv
  j status --cycle 2027-Q3
  j kr edit K999 --target 1
  j checkin K1 abc
}
printf 'kr,date,value,confidence,note\nK4,2027-02-15,41,7,"from CRM, weekly"\nK5,2027-02-16,3.25,,\n' >"$T/values.csv"
printf 'kind,title,parent,target,evidence,indicator\nobjective,Faster onboarding,,,,\nkr,Days to first deal,Faster onboarding,30,results,lagging\n' >"$T/plan.csv"
D_SQL="$T/journey.db"
D_PG=$(newdb journey) || die "a database for the journey"
journey "$D_SQL" "$T/sqlite.txt"
journey "$D_PG" "$T/pg.txt"
n=$(grep -c '^\$ lnd' "$T/sqlite.txt")
if cmp -s "$T/sqlite.txt" "$T/pg.txt"; then ok "the $n journey commands print the same on PostgreSQL as on SQLite"
else notok "the $n journey commands print the same on PostgreSQL as on SQLite" \
  "$(diff "$T/sqlite.txt" "$T/pg.txt" | head -40)"; fi
# the journey is not empty: the proof each backend worked at all
expect_in "the journey ran the demo (SQLite)" "$(cat "$T/sqlite.txt")" "demo database ready: DB"
# the commands meant to fail, and only they, failed (with the same codes on both)
expect_eq "only the commands meant to fail failed" \
  "$(grep -B1000000 '' "$T/pg.txt" | awk '/^\$ lnd/ { c = $0 } /^= [1-9]/ { print c " " $2 }' | tr '\n' '|')" \
  '$ lnd status 66|$ lnd cycle add 2027-Q2 --start 2027-04-05 65|$ lnd checkin K1 50 65|$ lnd objective edit O1 --title Locked now 65|$ lnd kr edit K999 --target 1 65|$ lnd checkin K1 abc 65|'

# ---- moving a team: export -> import SQLite -> PostgreSQL -> SQLite, byte-identical ----
"$LND" --db "$D_SQL" export -o "$T/all.json" || die "export of the journey database"
D_PG2=$(newdb moved) || die "a database to move into"
run() { OUT=$("$@" 2>"$T/err"); RC=$?; ERR=$(cat "$T/err"); }
run "$LND" --db "$D_PG2" import "$T/all.json"
expect_eq "import into PostgreSQL exits 0" "$RC" 0
"$LND" --db "$D_PG2" export -o "$T/pg.json"
check "export from PostgreSQL is byte-identical to the SQLite export (ids, versions, timestamps, authors)" \
  cmp -s "$T/all.json" "$T/pg.json"
run "$LND" --db "$T/back.db" import "$T/pg.json"
expect_eq "import back into SQLite exits 0" "$RC" 0
"$LND" --db "$T/back.db" export -o "$T/back.json"
check "and back on SQLite it is byte-identical again" cmp -s "$T/all.json" "$T/back.json"
check "the moved export is not trivially small (check-ins and audit rows in it)" \
  test "$(grep -c '"observed"' "$T/all.json")" -gt 50 -a "$(grep -c '"action"' "$T/all.json")" -gt 100
# rows in any order: every array reversed still imports (foreign keys checked at commit)
jq -c '.cycles |= (reverse | map(with_entries(if (.value | type) == "array" then .value |= reverse else . end)))
       | .kpis |= reverse | .audit |= reverse' "$T/all.json" >"$T/rev.json" || die "reversing the export"
expect_eq "the reversed export really starts with the last cycle and its last check-in" \
  "$(jq -c '[.cycles[0].id, .cycles[0].checkins[0].id]' "$T/rev.json")" \
  "$(jq -c '[.cycles[-1].id, .cycles[-1].checkins[-1].id]' "$T/all.json")"
D_PG3=$(newdb reversed) || die "a database for the reversed import"
run "$LND" --db "$D_PG3" import "$T/rev.json"
expect_eq "an export with every array reversed imports into PostgreSQL" "$RC" 0
"$LND" --db "$D_PG3" export -o "$T/rev_pg.json"
check "and exports as the original" cmp -s "$T/all.json" "$T/rev_pg.json"
# new rows after an import continue the ids exactly as on SQLite
next=$(jq '[.cycles[].objectives[].id] | max + 1' "$T/all.json")
after() {
  "$LND" --db "$1" objective add --title "After the move" --cycle 2027-Q3 2>&1
  "$LND" --db "$1" kr add --objective "O$next" --title "Moved" --target 5 --evidence results --indicator lagging 2>&1
  "$LND" --db "$1" checkin "$("$LND" --db "$1" export --cycle 2027-Q3 | jq -r '"K\([.cycles[].key_results[].id] | max)"')" 3 2>&1
  "$LND" --db "$1" log --limit 3 2>&1
}
a=$(after "$T/back.db" | sed "s#$T/back.db#DB#g")
b=$(after "$D_PG2" | sed "s#$D_PG2#DB#g")
expect_eq "after the import new rows get the same ids on PostgreSQL as on SQLite" "$b" "$a"
expect_in "the new objective is the next id after the imported ones" "$b" "O$next After the move added"
expect_in "and its check-in is saved" "$b" "checkin  checkin"

# ---- hooks get the same change as JSON from either backend ----
H="$XDG_CONFIG_HOME/lnd/hooks"
mkdir -p "$H"
printf '#!/bin/sh\ncat >> "%s/hook.out"\n' "$T" >"$H/on-change"
chmod +x "$H/on-change"
for b in sqlite pg; do
  if [ $b = sqlite ]; then db=$D_SQL; else db=$D_PG; fi
  rm -f "$T/hook.out"
  "$LND" --db "$db" objective add --title "Hooked" --cycle 2027-Q3 >/dev/null 2>&1
  "$LND" --db "$db" checkin K1 50 >/dev/null 2>&1   # refused (closed cycle): no call
  "$LND" --db "$db" kpi set Uptime 99.9 >/dev/null 2>&1
  jq -S 'del(.database)' "$T/hook.out" >"$T/hook.$b" 2>/dev/null
done
rm -f "$H/on-change"
check "the on-change hook saw two changes on PostgreSQL" test "$(grep -c '"action"' "$T/hook.pg")" -ge 2
check "and the same JSON as on SQLite" cmp -s "$T/hook.sqlite" "$T/hook.pg"

# ---- what only a server shows ----
D=$(newdb server) || die "a database for the server checks"
setup "small plan on PostgreSQL" sh -c '
  "$1" --db "$2" init && "$1" --db "$2" cycle add 2027-Q1 --start 2027-01-04 --state active &&
  "$1" --db "$2" objective add --title "Grow revenue" &&
  "$1" --db "$2" kr add --objective O1 --title "Win rate" --baseline 60 --target 80 --unit % --evidence results --indicator lagging' \
  sh "$LND" "$D"

# two edits from the same version: the second is refused, naming who changed it
run "$LND" --db "$D" --user ann kr edit K1 --target 85 --version 1
expect_eq "the first edit from version 1 is saved" "$RC" 0
run "$LND" --db "$D" --user bob kr edit K1 --target 90 --version 1
expect_eq "the second edit from version 1: exit 75" "$RC" 75
expect_in "and it names who changed the row" "$ERR" "ann"
expect_eq "the target is the first edit's" "$(psql_on "$D" -c "SELECT target FROM kr WHERE id = 1")" 85

# check-ins and the audit log are append-only, even for psql
run "$LND" --db "$D" checkin K1 70
expect_eq "a check-in is saved" "$RC" 0
out=$(psql_on "$D" -c "UPDATE checkin SET value = 99" 2>&1); rc=$?
check "UPDATE of a check-in through psql is refused" test "$rc" -ne 0
expect_in "with lnd's words" "$out" "check-ins are append-only"
out=$(psql_on "$D" -c "DELETE FROM audit" 2>&1); rc=$?
check "DELETE from the audit log through psql is refused" test "$rc" -ne 0
expect_eq "the check-in is unchanged" "$(psql_on "$D" -c "SELECT value FROM checkin")" 70

# a closed cycle's check-ins and plan are locked
setup "close the cycle" "$LND" --db "$D" cycle close 2027-Q1
run "$LND" --db "$D" checkin K1 72
expect_eq "a check-in on a closed cycle: exit 65" "$RC" 65
expect_eq "one line saying it is closed" "$ERR" "lnd: cycle 2027-Q1 is closed; its check-ins are locked"
out=$(psql_on "$D" -c "INSERT INTO checkin(kr_id, at, value) VALUES (1, '2027-02-17 11:00:00', 5)" 2>&1); rc=$?
check "an INSERT through psql into a closed cycle is refused too" test "$rc" -ne 0
expect_in "by lnd's trigger" "$out" "the cycle is closed"

# 8 writers x 100 check-ins through lnd at once: every one saved, nothing lost
D8=$(newdb writers) || die "a database for the writers"
setup "writers' plan" sh -c '
  "$1" --db "$2" init && "$1" --db "$2" cycle add 2027-Q1 --start 2027-01-04 --state active &&
  "$1" --db "$2" objective add --title "Grow revenue" &&
  "$1" --db "$2" kr add --objective O1 --title "Win rate" --baseline 0 --target 9000 --evidence results --indicator lagging' \
  sh "$LND" "$D8"
i=1
while [ $i -le 8 ]; do
  ( j=1; while [ $j -le 100 ]; do
      LND_NOW=2027-02-17T10:00:00Z LND_BUSY_TIMEOUT_MS=60000 "$LND" --db "$D8" --user "w$i" checkin K1 $((i * 1000 + j)) >/dev/null 2>>"$T/w$i.err" ||
        echo "fail $j" >>"$T/w$i.err"
      j=$((j + 1)); done ) &
  i=$((i + 1))
done
wait
expect_eq "8 writers x 100 check-ins: no writer failed" "$(cat "$T"/w*.err)" ""
expect_eq "800 check-ins in the database" "$(psql_on "$D8" -c "SELECT count(*) FROM checkin")" 800
expect_eq "800 distinct values (nothing written twice)" "$(psql_on "$D8" -c "SELECT count(DISTINCT value) FROM checkin")" 800
expect_eq "800 audit rows, one per check-in" "$(psql_on "$D8" -c "SELECT count(*) FROM audit WHERE action = 'checkin'")" 800
expect_eq "the KR counts them all" "$(psql_on "$D8" -c "SELECT ncheckins FROM kr WHERE id = 1")" 800

# a server that is not there: 69 and one line naming it and why
run "$LND" --db "postgresql://lnd@127.0.0.1:1/lnd" status
expect_eq "an unreachable server: exit 69" "$RC" 69
expect_eq "one line naming host, port and reason" "$ERR" "lnd: cannot connect to 127.0.0.1:1: Connection refused"
run "$LND" --db "postgresql:///lnd?host=$T/nosuchdir" status
expect_eq "a socket directory with no server: exit 69" "$RC" 69
expect_eq "one line naming the socket" "$(printf '%s\n' "$ERR" | wc -l)" 1
expect_in "the socket named" "$ERR" "cannot connect to $T/nosuchdir/.s.PGSQL.5432:"
check "and no file or directory was made for it" test ! -e "$T/postgresql:"

# passwords only from libpq's own files, never in the location
run "$LND" --db "postgresql://lnd_admin:secret@127.0.0.1:1/lnd" status
expect_eq "a password in the URI is refused" "$RC" 65
expect_in "saying where it belongs" "$ERR" "~/.pgpass"
expect_not_in "without echoing it" "$ERR" "secret"

# what PostgreSQL does otherwise: one line naming the tool, 64
run "$LND" --db "$D" backup "$T/b.db"
expect_eq "backup on PostgreSQL: exit 64" "$RC" 64
expect_in "it names pg_dump" "$ERR" "pg_dump"
check "and writes no file" test ! -e "$T/b.db"
run "$LND" --db "$D" doctor
expect_eq "doctor on PostgreSQL: exit 64" "$RC" 64
expect_in "it names amcheck" "$ERR" "amcheck"
run "$LND" --db "$D" init --shared staff
expect_eq "init --shared on PostgreSQL: exit 64" "$RC" 64
expect_in "it names roles" "$ERR" "GRANT"
run "$LND" --db "$D" init
expect_eq "init on an existing PostgreSQL database says so" "$OUT" "database already exists: $D (schema $("$LND" --version | sed 's/.*schema \([0-9]*\).*/\1/'))"

# another writer holding the write lock past lock_timeout: 69 as with SQLite, nothing written
psql_on "$D8" -c "BEGIN; SELECT pg_advisory_xact_lock(7106148001); SELECT pg_sleep(60)" >/dev/null 2>&1 &
HOLDER=$!
held() { [ "$(psql_on "$D8" -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ]; }
until_ok 10 held || die "another session holding lnd's write lock"
run env LND_BUSY_TIMEOUT_MS=300 "$LND" --db "$D8" checkin K1 7
expect_eq "a write waiting past the lock timeout: exit 69" "$RC" 69
expect_eq "one line saying busy" "$ERR" "lnd: database busy, try again"
run "$LND" --db "$D8" status --cycle 2027-Q1
expect_eq "reading does not wait for the writer" "$RC" 0
kill "$HOLDER" 2>/dev/null; wait "$HOLDER" 2>/dev/null
psql_on "$D8" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()" >/dev/null
expect_eq "the refused check-in was not written" "$(psql_on "$D8" -c "SELECT count(*) FROM checkin WHERE value = 7")" 0

# roles instead of file modes: the README's grants let a team role work, never rewrite history
R="lndt_$$_team" RO="lndt_$$_viewer"
psql_on "$D8" -c "CREATE ROLE $R LOGIN; CREATE ROLE $RO LOGIN;
  GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO $R; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO $R;
  REVOKE UPDATE ON checkin, audit FROM $R; GRANT SELECT ON ALL TABLES IN SCHEMA public TO $RO" || die "the team's roles"
as_role() { printf '%s\n' "$D8" | sed "s/user=lnd_admin/user=$1/; s#//lnd_admin@#//$1@#"; }
run "$LND" --db "$(as_role $R)" checkin K1 5
expect_eq "the team role checks in" "$RC" 0
run "$LND" --db "$(as_role $R)" kr edit K1 --title "Win rate (team)"
expect_eq "the team role edits" "$RC" 0
run "$LND" --db "$(as_role $R)" undo
expect_eq "the team role undoes its edit" "$RC" 0
out=$(psql_on "$(as_role $R)" -c "UPDATE checkin SET value = 1" 2>&1)
expect_in "but cannot rewrite a check-in even past lnd's trigger" "$out" "permission denied"
run "$LND" --db "$(as_role $RO)" status --cycle 2027-Q1
expect_eq "a read-only role reads" "$RC" 0
run "$LND" --db "$(as_role $RO)" checkin K1 6
expect_eq "a read-only role's write: exit 73" "$RC" 73
expect_in "saying it cannot write" "$ERR" "read-only"

# $LND_DB and the config's `database =` select it too
run env LND_DB="$D" "$LND" status --cycle 2027-Q1
expect_eq "\$LND_DB=postgresql://… is used" "$RC" 0
expect_in "and shows that database" "$OUT" "Win rate"
mkdir -p "$T/conf"
printf 'database = "%s"\n' "$D" >"$T/conf/lnd.conf"
run "$LND" --config "$T/conf/lnd.conf" status --cycle 2027-Q1
expect_eq "database = \"postgresql://…\" in the config is used" "$RC" 0
expect_in "and shows that database" "$OUT" "Win rate"

# databases that are not (yet) lnd's
E=$(newdb empty) || die "an empty database"
run "$LND" --db "$E" status
expect_eq "an empty database without init: exit 66" "$RC" 66
expect_eq "no tables were made" "$(psql_on "$E" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 0
psql_on "$E" -c "CREATE TABLE invoices(id int)" || die "a foreign table"
run "$LND" --db "$E" init
expect_eq "a database holding other tables: exit 65" "$RC" 65
expect_in "is not an lnd database" "$ERR" "is not an lnd database (it holds other tables)"
psql_on "$D" -c "UPDATE lnd_schema SET version = 99" || die "a newer schema"
run "$LND" --db "$D" status
expect_eq "a newer schema: exit 65" "$RC" 65
expect_in "upgrade lnd" "$ERR" "database schema 99 is newer than this lnd"
