/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_seam.c — the driver seam of store/db.h on SQLite, on real files: values
 * read back with their types, new ids by RETURNING, rows counted by db_changes, the SQL both
 * backends accept (ON CONFLICT … DO UPDATE, IS [NOT] DISTINCT FROM), and every failure mapped
 * by code to the db_rc the verbs turn into exit codes: unique, foreign key, other
 * constraints, lnd's closed-cycle trigger, a second writer past the timeout, a read-only
 * file, a missing file, a file that is not a database. */
#include "test_store_fixture.h"

#include "../../store/db.h"

static db_conn *open_db(const char *path, bool readonly, bool create, int busy_ms)
{
    db_open_opts o = {.readonly = readonly, .create = create, .busy_timeout_ms = busy_ms};
    db_conn *c = NULL;
    char err[256];
    db_rc rc = sqlite_db_open(path, &o, &c, err, sizeof err);
    if (rc != DB_OK) fail_msg("sqlite_db_open %s: %s", path, err);
    return c;
}

static const char ddl[] =
    "PRAGMA foreign_keys = ON;"
    "CREATE TABLE cycle (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, state TEXT NOT NULL,"
    " weight REAL CHECK (weight > 0), parent_id INTEGER REFERENCES cycle(id));"
    "CREATE TRIGGER cycle_closed BEFORE UPDATE ON cycle WHEN OLD.state = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its plan is locked'); END;"
    "CREATE TRIGGER cycle_keep BEFORE DELETE ON cycle"
    " BEGIN SELECT RAISE(ABORT, 'cycles are kept'); END;";

/* INSERT … RETURNING id: the new id, then DB_DONE; or the step's error. */
static db_rc add_cycle(db_conn *c, const char *name, const char *state, double weight, int64_t *id)
{
    db_stmt *st = NULL;
    db_rc rc = db_prepare(c, "INSERT INTO cycle(name, state, weight) VALUES (?, ?, ?) RETURNING id", &st);
    if (rc != DB_OK) return rc;
    db_bind_text(st, 1, name, -1);
    db_bind_text(st, 2, state, -1);
    db_bind_double(st, 3, weight);
    rc = db_step(st);
    if (rc == DB_ROW) {
        *id = db_column_int64(st, 0);
        rc = db_step(st);
    }
    db_finalize(st);
    return rc;
}

static db_rc run1(db_conn *c, const char *sql, int64_t a, int64_t b)
{
    db_stmt *st = NULL;
    db_rc rc = db_prepare(c, sql, &st);
    if (rc != DB_OK) return rc;
    db_bind_int64(st, 1, a);
    if (b) db_bind_int64(st, 2, b);
    rc = db_step(st);
    db_finalize(st);
    return rc;
}

static void values_come_back_with_their_types_and_ids_by_returning(void **state)
{
    fx *f = *state;
    db_conn *c = open_db(f->path, false, true, 200);
    assert_int_equal(db_dialect(c), DB_SQLITE);
    assert_string_equal(c->ops->name, "sqlite");
    assert_int_equal(db_exec(c, ddl), DB_OK);
    int64_t a = 0, b = 0;
    assert_int_equal(add_cycle(c, "2027-Q1", "active", 0.1, &a), DB_DONE);
    assert_int_equal(db_changes(c), 1);
    assert_int_equal(add_cycle(c, "2027-Q2", "planning", 2, &b), DB_DONE);
    assert_int_equal(a, 1);
    assert_int_equal(b, 2);

    db_stmt *st = NULL;
    assert_int_equal(db_prepare(c, "SELECT id, name, weight, parent_id FROM cycle WHERE id = ?", &st), DB_OK);
    db_bind_int(st, 1, (int)a);
    assert_int_equal(db_step(st), DB_ROW);
    assert_int_equal(db_column_count(st), 4);
    assert_int_equal(db_column_type(st, 0), DB_T_INT);
    assert_int_equal(db_column_type(st, 1), DB_T_TEXT);
    assert_int_equal(db_column_type(st, 2), DB_T_FLOAT);
    assert_int_equal(db_column_type(st, 3), DB_T_NULL);
    assert_string_equal(db_column_text(st, 1), "2027-Q1");
    assert_int_equal(db_column_bytes(st, 1), 7);
    assert_true(db_column_double(st, 2) == 0.1);          /* a double, exactly */
    assert_null(db_column_text(st, 3));
    assert_int_equal(db_step(st), DB_DONE);
    /* reset keeps the bindings; clear_bindings drops them */
    db_reset(st);
    assert_int_equal(db_step(st), DB_ROW);
    db_reset(st);
    db_clear_bindings(st);
    assert_int_equal(db_step(st), DB_DONE);                /* id = NULL matches nothing */
    db_finalize(st);

    /* rows an UPDATE changed; none when the version moved on */
    assert_int_equal(run1(c, "UPDATE cycle SET state = 'review' WHERE id = ? OR id = ?", a, b), DB_DONE);
    assert_int_equal(db_changes(c), 2);
    assert_int_equal(run1(c, "UPDATE cycle SET state = 'review' WHERE id = ? AND id = ?", a, b), DB_DONE);
    assert_int_equal(db_changes(c), 0);
    db_close(c);
}

static void the_shared_dialect_runs_on_sqlite(void **state)
{
    fx *f = *state;
    db_conn *c = open_db(f->path, false, true, 200);
    assert_int_equal(db_exec(c, ddl), DB_OK);
    int64_t a = 0;
    assert_int_equal(add_cycle(c, "2027-Q1", "active", 1, &a), DB_DONE);
    /* an upsert: the second insert of the same name updates the row */
    static const char upsert[] = "INSERT INTO cycle(name, state) VALUES ('2027-Q1', 'review') "
                                 "ON CONFLICT (name) DO UPDATE SET state = excluded.state";
    assert_int_equal(db_exec(c, upsert), DB_OK);
    db_stmt *st = NULL;
    assert_int_equal(db_prepare(c, "SELECT count(*), max(state) FROM cycle", &st), DB_OK);
    assert_int_equal(db_step(st), DB_ROW);
    assert_int_equal(db_column_int(st, 0), 1);
    assert_string_equal(db_column_text(st, 1), "review");
    db_finalize(st);
    /* NULL-safe comparison of values: a NULL parent is not distinct from NULL */
    assert_int_equal(db_prepare(c, "SELECT count(*) FROM cycle WHERE parent_id IS NOT DISTINCT FROM ?", &st), DB_OK);
    db_bind_null(st, 1);
    assert_int_equal(db_step(st), DB_ROW);
    assert_int_equal(db_column_int(st, 0), 1);
    db_reset(st);
    db_bind_int64(st, 1, a);
    assert_int_equal(db_step(st), DB_ROW);
    assert_int_equal(db_column_int(st, 0), 0);
    db_finalize(st);
    db_close(c);
}

static void failures_are_mapped_by_code(void **state)
{
    fx *f = *state;
    db_conn *c = open_db(f->path, false, true, 200);
    assert_int_equal(db_exec(c, ddl), DB_OK);
    int64_t a = 0, x = 0;
    assert_int_equal(add_cycle(c, "2027-Q1", "closed", 1, &a), DB_DONE);
    assert_int_equal(add_cycle(c, "2027-Q1", "active", 1, &x), DB_UNIQUE);
    assert_non_null(strstr(db_errmsg(c), "UNIQUE"));
    assert_int_equal(add_cycle(c, "2027-Q3", "active", -1, &x), DB_CONSTRAINT);   /* CHECK */
    assert_int_equal(run1(c, "INSERT INTO cycle(id, name, state) VALUES (?, 'again', 'active')", a, 0),
                     DB_CONSTRAINT);                                                /* primary key */
    assert_int_equal(run1(c, "INSERT INTO cycle(name, state, parent_id) VALUES ('child', 'active', ?)", 99, 0),
                     DB_FOREIGNKEY);
    assert_int_equal(run1(c, "UPDATE cycle SET name = 'renamed' WHERE id = ?", a, 0), DB_CLOSED);
    assert_string_equal(db_errmsg(c), "the cycle is closed: its plan is locked");
    assert_int_equal(run1(c, "DELETE FROM cycle WHERE id = ?", a, 0), DB_CONSTRAINT);   /* another trigger */
    db_stmt *st = NULL;
    assert_int_equal(db_prepare(c, "SELECT nosuchcolumn FROM cycle", &st), DB_ERROR);
    assert_null(st);
    assert_false(db_in_transaction(c));
    db_close(c);
}

static void a_second_writer_is_busy_after_the_timeout(void **state)
{
    fx *f = *state;
    db_conn *c = open_db(f->path, false, true, 200);
    assert_int_equal(db_exec(c, "PRAGMA journal_mode = WAL"), DB_OK);
    assert_int_equal(db_exec(c, ddl), DB_OK);
    db_conn *d = open_db(f->path, false, false, 50);
    assert_int_equal(db_begin_write(c), DB_OK);
    assert_true(db_in_transaction(c));
    assert_int_equal(db_begin_write(d), DB_BUSY);
    assert_false(db_in_transaction(d));
    assert_int_equal(db_exec(c, "COMMIT"), DB_OK);
    assert_false(db_in_transaction(c));
    db_set_busy_timeout(d, 100);
    assert_int_equal(db_begin_write(d), DB_OK);
    assert_int_equal(db_exec(d, "ROLLBACK"), DB_OK);
    db_close(d);
    db_close(c);
}

static void files_that_cannot_serve_say_why(void **state)
{
    fx *f = *state;
    db_open_opts o = {.readonly = false, .create = false, .busy_timeout_ms = 50};
    db_conn *c = NULL;
    char err[256] = "";
    assert_int_equal(sqlite_db_open(f->path, &o, &c, err, sizeof err), DB_CANTOPEN);   /* missing, no create */
    assert_null(c);
    assert_true(err[0] != '\0');

    c = open_db(f->path, false, true, 50);
    assert_int_equal(db_exec(c, ddl), DB_OK);
    db_close(c);
    c = open_db(f->path, true, false, 50);
    int64_t id = 0;
    assert_int_equal(add_cycle(c, "2027-Q1", "active", 1, &id), DB_READONLY);
    db_close(c);

    char junk[600];
    snprintf(junk, sizeof junk, "%s/junk.db", f->dir);
    FILE *fp = fopen(junk, "w");
    assert_non_null(fp);
    for (int i = 0; i < 200; i++) fputs("not a database at all ", fp);
    fclose(fp);
    c = open_db(junk, false, false, 50);
    assert_int_equal(db_exec(c, "SELECT count(*) FROM sqlite_master"), DB_NOTADB);
    db_close(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(values_come_back_with_their_types_and_ids_by_returning),
        FX_TEST(the_shared_dialect_runs_on_sqlite),
        FX_TEST(failures_are_mapped_by_code),
        FX_TEST(a_second_writer_is_busy_after_the_timeout),
        FX_TEST(files_that_cannot_serve_say_why),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
