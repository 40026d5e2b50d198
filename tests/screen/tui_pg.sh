#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_pg.sh — the dashboard on PostgreSQL (--db postgresql://…) in a real
# terminal: the demo's cascade draws, a check-in written by `lnd checkin` from outside appears
# without a keypress (the dashboard polls the newest audit id), a check-in typed in the
# dashboard reaches the database, a save that meets another session's write lock says so at
# once and goes through after it, and two dashboards editing the same objective meet a
# conflict naming who. The cluster is tests/run's ($LND_TEST_PG) or one started here.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
. "$LND_TOP/tests/pg.lib"
if [ -z "${LND_TEST_PG:-}" ]; then pg_start || die "a PostgreSQL cluster (tests/pg.lib)"; fi
PSQL="${PG_BIN:+$PG_BIN/}psql"
command -v "$PSQL" >/dev/null 2>&1 || PSQL=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | tail -1)
psql_on() { u=$1; shift; "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$u" "$@"; }
pgname="lndt_$$_tui"   # not $name: tmux.lib's start() sets that
psql_on "$LND_TEST_PG" -c "CREATE DATABASE $pgname" >/dev/null || die "a database for the dashboard"
trap 'tm kill-server >/dev/null 2>&1; psql_on "$LND_TEST_PG" -c "DROP DATABASE IF EXISTS $pgname WITH (FORCE)" >/dev/null 2>&1; cleanup; pg_stop' EXIT
DB=$(printf '%s\n' "$LND_TEST_PG" | sed "s#/lnd\(?\|\$\)#/$pgname\1#")
demo_db
title_of() { "$LND" --db "$DB" status --format json | jq -r ".objectives[] | select(.id==\"$1\") | .title"; }
checkins_of() { psql_on "$DB" -c "SELECT count(*) FROM checkin WHERE kr_id = $1"; }

start a 80 24 -- --user alice
ready a "Cascade"
expect_screen a "the demo's cascade draws from PostgreSQL" "O1 "
keys a j j j j j
expect_screen a "O6 selected" "Key results of O6"
setup "sam checks in on K8 from the CLI" "$LND" --db "$DB" --user sam checkin K8 74 --confidence 9 --note "from the CLI"
expect_screen a "a CLI check-in appears within 2 s without a keypress" "64% → 74% → 75%" 2
expect_screen a "and the header says another user changed it" "updated by another user"

# a check-in typed in the dashboard reaches the database
before=$(checkins_of 8)
keys a Tab c
expect_screen a "alice opens a check-in" "Check in on K8"
keys a C-u
literal a "76"
keys a Enter
expect_db "the dashboard's check-in is a row on the server" "$((before + 1))" checkins_of 8
expect_eq "with its value" "$(psql_on "$DB" -c "SELECT value FROM checkin WHERE kr_id = 8 ORDER BY id DESC LIMIT 1")" 76

# another session holds lnd's write lock: the dashboard says "busy" at once (its short wait
# is the server's lock_timeout), keeps the draft, and saves once the lock is gone
psql_on "$DB" -c "BEGIN; SELECT pg_advisory_xact_lock(7106148001); SELECT pg_sleep(120)" >/dev/null 2>&1 &
HOLDER=$!
held() { [ "$(psql_on "$DB" -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ]; }
until_ok 10 held || die "another session holding lnd's write lock"
before=$(checkins_of 8)
keys a c
expect_screen a "alice opens another check-in" "Check in on K8"
keys a C-u
literal a "77"
keys a Enter
expect_screen a "a held lock shows 'database busy' well before the 5 s timeout" "database busy" 3
expect_in "the draft is kept" "$(screen a)" "77"
psql_on "$DB" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(120)%' AND pid <> pg_backend_pid()" >/dev/null
wait "$HOLDER" 2>/dev/null
expect_db "once the lock is gone the retried save reaches the server" "$((before + 1))" checkins_of 8

# two dashboards edit O9 at once: the second save is a conflict naming who
stop a
start a 80 24 -- --user alice
ready a "Cascade"
start b 80 24 -- --user bob
ready b "Cascade"
keys a G e
keys b G e
expect_screen a "alice edits O9" "Edit O9"
expect_screen b "bob edits O9" "Edit O9"
keys a Tab Tab Tab C-u
literal a "Grow coaching habits (alice)"
keys a Enter
expect_screen a "alice saves first" "saved O9"
expect_db "alice's title in the database" "Grow coaching habits (alice)" title_of O9
keys b Tab Tab Tab C-u
literal b "Managers coach weekly (bob)"
keys b Enter
expect_screen b "bob's save is a conflict, not an overwrite" "O9 was changed while you were editing it"
expect_screen b "the conflict says who changed it" "by $ACCT (as alice)"
expect_eq "nothing was overwritten" "$(title_of O9)" "Grow coaching habits (alice)"
stop a
stop b
