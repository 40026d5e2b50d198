/* SPDX-License-Identifier: MIT */
/* tests/unit/test_pg_schema.c — lnd's schema on a real PostgreSQL server (store/pg_schema.c):
 * created once, a second run changes nothing, a newer schema or another application's tables
 * refused without a write; its guarantees mapped by SQLSTATE as lnd maps them (duplicate,
 * missing parent, check, append-only check-ins and audit, a closed cycle's locks with
 * follow-ups still accepted); the KR's latest value and the undo history kept by triggers;
 * 8 writers at once, each write under the advisory lock, losing nothing. */
#include "test_pg_fixture.h"

#include <sys/wait.h>
#include <unistd.h>

/* A fresh schema with lnd's tables; a 2027-Q1 cycle (id 1) with objective 1 and KR 1. */
static db_conn *lnd_db(const char *schema)
{
    db_conn *c = pgfx_open_in(schema, 2000);
    char err[512];
    int found = -2;
    if (pg_schema_ensure(c, &found, err, sizeof err) != DB_OK) fail_msg("pg_schema_ensure: %s", err);
    assert_int_equal(found, 0);
    assert_db(c, db_exec(c,
        "INSERT INTO cycle(name, start, weeks, state) VALUES ('2027-Q1', '2027-01-04', 13, 'active');"
        "INSERT INTO objective(cycle_id, level, type, title) VALUES (1, 'business', 'committed', 'Grow revenue');"
        "INSERT INTO kr(objective_id, title, baseline, target, evidence, indicator)"
        " VALUES (1, 'Win rate', 60, 80, 'results', 'lagging')"), DB_OK);
    return c;
}

static db_rc checkin(db_conn *c, const char *at, double value, int followup)
{
    db_stmt *st;
    assert_db(c, db_prepare(c, "INSERT INTO checkin(kr_id, at, value, author, followup) VALUES (1, ?, ?, 'priya', ?)", &st), DB_OK);
    db_bind_text(st, 1, at, -1);
    db_bind_double(st, 2, value);
    db_bind_int(st, 3, followup);
    db_rc rc = db_step(st);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

static void the_schema_is_made_once_and_a_second_run_changes_nothing(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_once");
    char want[16];
    snprintf(want, sizeof want, "%d", PG_SCHEMA_VERSION);
    assert_string_equal(pgfx_one(c, "SELECT version FROM lnd_schema"), want);
    db_conn *other = pgfx_also("t_once", 2000);
    char err[512];
    int found = -2;
    assert_db(other, pg_schema_ensure(other, &found, err, sizeof err), DB_OK);
    assert_int_equal(found, PG_SCHEMA_VERSION);
    assert_string_equal(pgfx_one(c, "SELECT count(*) FROM lnd_schema"), "1");
    assert_string_equal(pgfx_one(c, "SELECT title FROM kr WHERE id = 1"), "Win rate");   /* data kept */
    assert_false(db_in_transaction(other));
    /* the audit column is `author`: `user` would be the role name in PostgreSQL */
    assert_string_equal(pgfx_one(c, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 't_once'"
                                    " AND table_name = 'audit' AND column_name IN ('author', 'user')"), "1");
    assert_string_equal(pgfx_one(c, "SELECT data_type FROM information_schema.columns WHERE table_schema = 't_once'"
                                    " AND table_name = 'kr' AND column_name = 'target'"), "double precision");
    db_close(other);
    db_close(c);
}

/* A version 1 database (foreign keys checked at once) is brought to version 2 once, with its
 * data: every lnd foreign key deferrable, so an import may restore rows in any order. */
static void a_version_1_database_gains_deferrable_foreign_keys(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_v1");
    assert_db(c, db_exec(c,
        "DO $$ DECLARE r record; BEGIN FOR r IN SELECT conrelid::regclass AS t, conname FROM pg_constraint"
        " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace LOOP"
        " EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I NOT DEFERRABLE', r.t, r.conname); END LOOP; END $$;"
        "UPDATE lnd_schema SET version = 1"), DB_OK);
    const char *deferrable = "SELECT count(*) FILTER (WHERE condeferrable) || ' of ' || count(*) FROM pg_constraint"
                             " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace";
    assert_string_equal(pgfx_one(c, deferrable), "0 of 13");
    char err[512];
    int found = -2;
    assert_db(c, pg_schema_ensure(c, &found, err, sizeof err), DB_OK);
    assert_int_equal(found, 1);
    assert_string_equal(pgfx_one(c, deferrable), "13 of 13");
    char want[16];
    snprintf(want, sizeof want, "%d", PG_SCHEMA_VERSION);
    assert_string_equal(pgfx_one(c, "SELECT version FROM lnd_schema"), want);
    assert_string_equal(pgfx_one(c, "SELECT title FROM kr WHERE id = 1"), "Win rate");   /* data kept */
    /* deferred inside a transaction: a KR before its objective, checked at commit */
    assert_db(c, db_exec(c, "BEGIN; SET CONSTRAINTS ALL DEFERRED;"
                            "INSERT INTO kr(id, objective_id, title, target, evidence, indicator)"
                            " VALUES (50, 50, 'Early', 1, 'results', 'lagging');"
                            "INSERT INTO objective(id, cycle_id, level, type, title) VALUES (50, 1, 'ld', 'committed', 'Late');"
                            "COMMIT"), DB_OK);
    assert_db(c, db_exec(c, "BEGIN; SET CONSTRAINTS ALL DEFERRED;"
                            "INSERT INTO kr(id, objective_id, title, target, evidence, indicator)"
                            " VALUES (51, 99, 'Orphan', 1, 'results', 'lagging')"), DB_OK);
    assert_db(c, db_exec(c, "COMMIT"), DB_FOREIGNKEY);   /* still checked, at commit */
    assert_string_equal(pgfx_one(c, "SELECT count(*) FROM kr WHERE id = 51"), "0");
    db_close(c);
}

static void a_newer_schema_or_foreign_tables_are_refused_unwritten(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_newer");
    assert_db(c, db_exec(c, "UPDATE lnd_schema SET version = 7"), DB_OK);
    char err[512];
    int found = 0;
    assert_db(c, pg_schema_ensure(c, &found, err, sizeof err), DB_NOTADB);
    assert_int_equal(found, 7);
    char want[96];
    snprintf(want, sizeof want, "database schema 7 is newer than this lnd (%d); upgrade lnd", PG_SCHEMA_VERSION);
    assert_string_equal(err, want);
    assert_string_equal(pgfx_one(c, "SELECT version FROM lnd_schema"), "7");
    assert_false(db_in_transaction(c));
    db_close(c);

    c = pgfx_open_in("t_foreign", 2000);
    assert_db(c, db_exec(c, "CREATE TABLE invoices (id int)"), DB_OK);
    assert_db(c, pg_schema_ensure(c, &found, err, sizeof err), DB_NOTADB);
    assert_int_equal(found, -1);
    assert_non_null(strstr(err, "not an lnd database"));
    assert_string_equal(pgfx_one(c, "SELECT to_regclass('cycle') IS NULL"), "1");
    db_close(c);
}

static void constraints_map_to_lnd_codes(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_codes");
    assert_db(c, db_exec(c, "INSERT INTO cycle(name, start, weeks) VALUES ('2027-Q1', '2027-04-05', 13)"), DB_UNIQUE);
    assert_db(c, db_exec(c, "INSERT INTO objective(cycle_id, level, type, title) VALUES (99, 'ld', 'learning', 'x')"), DB_FOREIGNKEY);
    assert_db(c, db_exec(c, "INSERT INTO cycle(name, start, weeks) VALUES ('2027-Q9', '2027-04-05', 54)"), DB_CONSTRAINT);
    assert_db(c, db_exec(c, "INSERT INTO kr(objective_id, title, target, evidence, indicator) VALUES (1, 'x', 1, 'vibes', 'leading')"), DB_CONSTRAINT);
    /* an id given is kept (an import keeps its ids) */
    assert_db(c, db_exec(c, "INSERT INTO cycle(id, name, start, weeks) VALUES (40, '2026-Q4', '2026-10-05', 13)"), DB_OK);
    db_stmt *st;
    assert_db(c, db_prepare(c, "INSERT INTO audit(at, author, action, entity, entity_id) VALUES (?, ?, 'add', 'cycle', 40) RETURNING id", &st), DB_OK);
    db_bind_text(st, 1, "2027-02-17 09:00:00", -1);
    db_bind_text(st, 2, "Priya", -1);
    assert_db(c, db_step(st), DB_ROW);
    assert_int_equal(db_column_int64(st, 0), 1);
    db_finalize(st);
    assert_string_equal(pgfx_one(c, "SELECT author FROM audit WHERE id = 1"), "Priya");
    db_close(c);
}

static void checkins_and_audit_are_append_only(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_append");
    assert_db(c, checkin(c, "2027-01-11 09:00:00", 62.5, 0), DB_OK);
    assert_db(c, db_exec(c, "INSERT INTO audit(at, author, action, entity) VALUES ('2027-01-11 09:00:00', 'priya', 'add', 'kpi')"), DB_OK);
    assert_db(c, db_exec(c, "UPDATE checkin SET value = 99"), DB_CLOSED);
    assert_string_equal(db_errmsg(c), "check-ins are append-only: log a new check-in instead of changing one");
    assert_db(c, db_exec(c, "DELETE FROM checkin"), DB_CLOSED);
    assert_string_equal(db_errmsg(c), "check-ins are append-only: they cannot be deleted");
    assert_db(c, db_exec(c, "TRUNCATE checkin CASCADE"), DB_CLOSED);
    assert_db(c, db_exec(c, "UPDATE audit SET author = 'mallory'"), DB_CLOSED);
    assert_string_equal(db_errmsg(c), "the audit log is append-only");
    assert_db(c, db_exec(c, "DELETE FROM audit"), DB_CLOSED);
    assert_string_equal(pgfx_one(c, "SELECT value FROM checkin"), "62.5");
    assert_string_equal(pgfx_one(c, "SELECT author FROM audit"), "priya");
    db_close(c);
}

/* The latest counting check-in is the KR's current value; one dated after the cycle's last day
 * (2027-04-04) is kept in the series but does not count. */
static void the_krs_current_value_follows_its_checkins(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_latest");
    assert_db(c, checkin(c, "2027-01-18 09:00:00", 64, 0), DB_OK);
    assert_db(c, checkin(c, "2027-01-11 09:00:00", 61, 0), DB_OK);     /* older: not current */
    assert_db(c, checkin(c, "2027-04-04 23:59:59", 70.25, 0), DB_OK);  /* the last day counts */
    assert_db(c, checkin(c, "2027-04-05 08:00:00", 90, 0), DB_OK);     /* after the cycle */
    assert_string_equal(pgfx_one(c, "SELECT cur_value || ' ' || ncheckins || ' ' || last_checkin || ' ' || last_at FROM kr"),
                        "70.25 4 3 2027-04-04 23:59:59");
    assert_string_equal(pgfx_one(c, "SELECT string_agg(counts::text, ',' ORDER BY id) FROM checkin_counts"),
                        "true,true,true,false");
    assert_string_equal(pgfx_one(c, "SELECT version FROM kr"), "1");     /* never touched */
    db_close(c);
}

/* A closed cycle: its plan and check-ins are locked; a follow-up check-in still goes in and
 * moves nothing the plan locks. */
static void a_closed_cycle_is_locked_but_takes_followups(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_closed");
    assert_db(c, db_exec(c, "UPDATE cycle SET state = 'closed', version = version + 1"), DB_OK);
    assert_db(c, checkin(c, "2027-04-01 09:00:00", 70, 0), DB_CLOSED);
    assert_string_equal(db_errmsg(c), "the cycle is closed: its check-ins are locked");
    assert_db(c, checkin(c, "2027-05-03 09:00:00", 75, 30), DB_OK);
    assert_string_equal(pgfx_one(c, "SELECT ncheckins FROM kr"), "1");
    assert_db(c, db_exec(c, "UPDATE kr SET title = 'Renamed'"), DB_CLOSED);
    assert_string_equal(db_errmsg(c), "the cycle is closed: its plan is locked");
    assert_db(c, db_exec(c, "UPDATE objective SET owner = 'x'"), DB_CLOSED);
    assert_db(c, db_exec(c, "INSERT INTO objective(cycle_id, level, type, title) VALUES (1, 'ld', 'learning', 'Late')"), DB_CLOSED);
    assert_db(c, db_exec(c, "INSERT INTO kr(objective_id, title, target, evidence, indicator) VALUES (1, 'Late', 1, 'activity', 'leading')"), DB_CLOSED);
    assert_db(c, db_exec(c, "INSERT INTO programme(cycle_id, title, start_week, end_week) VALUES (1, 'Late', 1, 2)"), DB_CLOSED);
    db_close(c);
}

/* Undo's history: the row before each version change, and the version an audited change left. */
static void undo_history_is_kept_by_triggers(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_undo");
    assert_db(c, db_exec(c, "UPDATE objective SET title = 'Grow revenue 10%', version = version + 1;"
                            "UPDATE objective SET owner = 'sam' WHERE id = 1;"
                            "INSERT INTO audit(at, author, action, entity, entity_id, detail)"
                            " VALUES ('2027-01-05 10:00:00', 'priya', 'edit', 'objective', 1, 'title')"), DB_OK);
    assert_string_equal(pgfx_one(c, "SELECT count(*) || ' ' || max(version) FROM plan_before"), "1 2");
    assert_string_equal(pgfx_one(c, "SELECT (row::json)->>'title' FROM plan_before WHERE entity = 'objective'"), "Grow revenue");
    assert_string_equal(pgfx_one(c, "SELECT audit_id || ' ' || version FROM plan_change"), "1 2");
    assert_db(c, db_exec(c, "UPDATE kr SET target = 85.5, version = version + 1"), DB_OK);
    assert_string_equal(pgfx_one(c, "SELECT (row::json)->>'target' FROM plan_before WHERE entity = 'kr'"), "80");
    db_close(c);
}

/* One writer: n check-ins, each in its own write transaction that also reads a counter and
 * writes it back one higher (a lost update would show in the total). 0 when all went in. */
static int writer(int n)
{
    char err[256], uri[1024];
    db_conn *c = NULL;
    db_open_opts o = {.busy_timeout_ms = 60000};
    pgfx_uri_in("t_writers", uri, sizeof uri);
    if (pg_db_open(uri, &o, &c, err, sizeof err) != DB_OK) return 1;
    db_stmt *get = NULL, *put = NULL, *ins = NULL;
    if (db_prepare(c, "SELECT value FROM kpi WHERE id = 1", &get) != DB_OK ||
        db_prepare(c, "UPDATE kpi SET value = ?, version = version + 1 WHERE id = 1", &put) != DB_OK ||
        db_prepare(c, "INSERT INTO checkin(kr_id, at, value, author) VALUES (1, '2027-01-11 09:00:00', ?, 'w')", &ins) != DB_OK)
        return 2;
    for (int i = 0; i < n; i++) {
        if (db_begin_write(c) != DB_OK || db_step(get) != DB_ROW) return 3;
        double v = db_column_double(get, 0);
        db_reset(get);
        db_bind_double(put, 1, v + 1);
        db_bind_double(ins, 1, v);
        if (db_step(put) != DB_DONE || db_step(ins) != DB_DONE) return 4;
        db_reset(put);
        db_reset(ins);
        if (db_exec(c, "COMMIT") != DB_OK) return 5;
    }
    db_finalize(get); db_finalize(put); db_finalize(ins);
    db_close(c);
    return 0;
}

/* 8 writers x 100 check-ins at once: every one is there, and no update was lost. */
static void eight_writers_lose_nothing(void **state)
{
    (void)state;
    db_conn *c = lnd_db("t_writers");
    assert_db(c, db_exec(c, "INSERT INTO kpi(name, value) VALUES ('counter', 0)"), DB_OK);
    pid_t pids[8];
    for (int w = 0; w < 8; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) _exit(writer(100));
    }
    for (int w = 0; w < 8; w++) {
        int status = -1;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_string_equal(pgfx_one(c, "SELECT count(*) || ' ' || count(DISTINCT value) FROM checkin"), "800 800");
    assert_string_equal(pgfx_one(c, "SELECT value || ' ' || version FROM kpi"), "800 801");
    assert_string_equal(pgfx_one(c, "SELECT ncheckins FROM kr"), "800");
    db_close(c);
}

int main(void)
{
    if (pgfx_require_cluster("test_pg_schema")) return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_schema_is_made_once_and_a_second_run_changes_nothing),
        cmocka_unit_test(a_version_1_database_gains_deferrable_foreign_keys),
        cmocka_unit_test(a_newer_schema_or_foreign_tables_are_refused_unwritten),
        cmocka_unit_test(constraints_map_to_lnd_codes),
        cmocka_unit_test(checkins_and_audit_are_append_only),
        cmocka_unit_test(the_krs_current_value_follows_its_checkins),
        cmocka_unit_test(a_closed_cycle_is_locked_but_takes_followups),
        cmocka_unit_test(undo_history_is_kept_by_triggers),
        cmocka_unit_test(eight_writers_lose_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
