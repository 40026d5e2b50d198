/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store.c — the SQLite store against real files in a temporary directory:
 * creating, reopening (migrations: test_store_schema.c), stale-version conflicts that
 * name who changed the row, foreign keys, append-only check-ins, closed cycles, a second connection seeing commits, busy databases and the latest check-in
 * driving a KR's current value. Verbs, validation and the plan load: test_store_verbs.c. */
#include "test_store_fixture.h"

#include <time.h>

static void fresh_create_makes_parent_dirs_and_an_empty_store(void **state)
{
    fx *f = *state;
    char path[600];
    snprintf(path, sizeof path, "%s/deep/er/lnd.db", f->dir);
    store *s = fx_open(path, STORE_OPEN_CREATE);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    int v = 0;
    lnd_arena *a = arena_new();
    lnd_cycle *cs;
    size_t n = 9;
    assert_int_equal(store_cycles(s, a, &cs, &n), STORE_OK);
    assert_int_equal(n, 0);
    store_close(s);
    assert_int_equal(store_user_version(path, &v), STORE_OK);
    assert_int_equal(v, store_schema_version());
    assert_true(store_schema_version() >= 2);
    arena_free(a);
}

static void missing_database_without_create_says_run_init(void **state)
{
    fx *f = *state;
    store *s = (store *)1;
    char err[512];
    assert_int_equal(store_open(f->path, 0, &s, err, sizeof err), STORE_NODB);
    assert_null(s);
    char want[700];
    snprintf(want, sizeof want, "no database at %s", f->path);
    assert_string_equal(err, want);
    assert_int_equal(access(f->path, F_OK), -1);   /* nothing created */
    assert_int_equal(store_open(f->path, STORE_OPEN_READONLY, &s, err, sizeof err), STORE_NODB);
    assert_int_equal(store_rc_exit(STORE_NODB), 66);
}

static void a_file_that_is_not_sqlite_is_an_io_error_and_left_alone(void **state)
{
    fx *f = *state;
    FILE *fp = fopen(f->path, "w");
    fputs("name,score\nalice,3\n this is a CSV file, not a database, and it is long enough\n", fp);
    fclose(fp);
    char *before = NULL, *after = NULL;
    size_t nb, na;
    assert_true(file_bytes(f->path, &before, &nb));
    store *s;
    char err[512];
    assert_int_equal(store_open(f->path, STORE_OPEN_CREATE, &s, err, sizeof err), STORE_IO);
    assert_non_null(strstr(err, "is not an lnd database"));
    assert_non_null(strstr(err, f->path));
    assert_true(file_bytes(f->path, &after, &na));
    assert_int_equal(nb, na);
    assert_memory_equal(before, after, nb);
    free(before);
    free(after);
}

static void reopen_keeps_the_plan_and_check_ins(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-02-10 09:00:00", 68, 6), STORE_OK);
    store_close(s);

    s = fx_open(f->path, 0);
    lnd_arena *a = arena_new();
    lnd_cycle cy;
    assert_int_equal(store_find_cycle(s, a, "2027-Q1", &cy), STORE_OK);
    assert_int_equal(cy.id, x.cy.id);
    assert_int_equal(cy.state, CYCLE_ACTIVE);
    assert_int_equal(cy.weeks, 13);
    lnd_objective o;
    assert_int_equal(store_get_objective(s, a, x.ld.id, &o), STORE_OK);
    assert_string_equal(o.title, "Equip agents to diagnose on the first call");
    assert_int_equal(o.parent_id, x.biz.id);
    assert_int_equal(o.level, LEVEL_LD);
    assert_string_equal(o.capability, "diagnostic questioning");
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_true(k.has_baseline);
    assert_true(k.baseline == 64 && k.target == 75);
    assert_true(k.has_current && k.current == 68);
    assert_int_equal(k.confidence, 6);
    assert_string_equal(k.last_at, "2027-02-10 09:00:00");
    assert_int_equal(k.checkins, 1);
    assert_string_equal(k.coowner, "support lead");
    arena_free(a);
    store_close(s);
}

static void a_stale_objective_edit_is_a_conflict_naming_who_changed_it(void **state)
{
    fx *f = *state;
    store *s1 = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s1, &x);
    store *s2 = fx_open(f->path, 0);
    lnd_arena *a = arena_new();
    lnd_objective mine, theirs;
    assert_int_equal(store_get_objective(s1, a, x.ld.id, &mine), STORE_OK);
    assert_int_equal(store_get_objective(s2, a, x.ld.id, &theirs), STORE_OK);
    mine.title = "Equip agents to resolve on first contact";
    assert_int_equal(store_update_objective(s1, &mine, "alice"), STORE_OK);
    assert_int_equal(mine.version, 2);

    theirs.outcome = "Customers call once";
    assert_int_equal(store_update_objective(s2, &theirs, "bob"), STORE_CONFLICT);
    char want[300];
    snprintf(want, sizeof want, "O%lld was changed by alice at 2027-02-17 12:00 UTC (version 2, you had 1); "
             "reload and reapply", x.ld.id);
    assert_string_equal(store_errmsg(s2), want);
    assert_int_equal(store_rc_exit(STORE_CONFLICT), 75);
    assert_int_equal(store_archive_objective(s2, x.ld.id, 1, "bob"), STORE_CONFLICT);
    lnd_objective now;
    assert_int_equal(store_get_objective(s2, a, x.ld.id, &now), STORE_OK);
    assert_string_equal(now.title, "Equip agents to resolve on first contact");   /* alice's edit kept */
    assert_string_equal(now.outcome, "");                                         /* bob's not applied */
    assert_false(now.archived);
    /* bob reloads and reapplies */
    now.outcome = "Customers call once";
    assert_int_equal(store_update_objective(s2, &now, "bob"), STORE_OK);
    assert_int_equal(now.version, 3);
    /* an id that does not exist is not a conflict */
    lnd_objective ghost = now;
    ghost.id = 999;
    assert_int_equal(store_update_objective(s2, &ghost, "bob"), STORE_NOTFOUND);
    assert_int_equal(store_archive_objective(s2, 999, 1, "bob"), STORE_NOTFOUND);
    arena_free(a);
    store_close(s1);
    store_close(s2);
}

static void a_stale_kr_edit_is_a_conflict_but_a_check_in_is_not(void **state)
{
    fx *f = *state;
    store *s1 = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s1, &x);
    store *s2 = fx_open(f->path, 0);
    lnd_arena *a = arena_new();
    lnd_kr mine, theirs;
    assert_int_equal(store_get_kr(s1, a, x.kr.id, &mine), STORE_OK);
    assert_int_equal(store_get_kr(s2, a, x.kr.id, &theirs), STORE_OK);
    /* a check-in by someone else does not make the KR edit stale */
    assert_int_equal(fx_checkin(s2, x.kr.id, NULL, 66, 5), STORE_OK);
    mine.target = 78;
    assert_int_equal(store_update_kr(s1, &mine, "carol"), STORE_OK);
    theirs.title = "FCR";
    assert_int_equal(store_update_kr(s2, &theirs, "dave"), STORE_CONFLICT);
    char want[300];
    snprintf(want, sizeof want, "K%lld was changed by carol at 2027-02-17 12:00 UTC (version 2, you had 1); "
             "reload and reapply", x.kr.id);
    assert_string_equal(store_errmsg(s2), want);
    assert_int_equal(store_archive_kr(s2, x.kr.id, 1, "dave"), STORE_CONFLICT);
    lnd_kr now;
    assert_int_equal(store_get_kr(s2, a, x.kr.id, &now), STORE_OK);
    assert_string_equal(now.title, "First-call resolution");
    assert_true(now.target == 78);
    assert_true(now.current == 66);
    assert_int_equal(store_archive_kr(s2, x.kr.id, now.version, "dave"), STORE_OK);
    assert_int_equal(store_get_kr(s2, a, x.kr.id, &now), STORE_OK);
    assert_true(now.archived);
    assert_int_equal(now.version, 3);
    arena_free(a);
    store_close(s1);
    store_close(s2);
}

static void foreign_keys_refuse_rows_pointing_nowhere(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    lnd_kr k = x.kr;
    k.objective_id = 999;
    assert_int_equal(store_add_kr(s, &k, "alice"), STORE_NOTFOUND);
    assert_string_equal(store_errmsg(s), "no objective O999");
    /* even raw SQL cannot do it: foreign keys are on for every connection */
    assert_int_not_equal(store_exec_raw(s, "INSERT INTO kr(objective_id, title, target, evidence, indicator) "
                                           "VALUES (999, 'orphan', 1, 'results', 'lagging')"), STORE_OK);
    assert_non_null(strstr(store_errmsg(s), "FOREIGN KEY"));
    assert_int_not_equal(store_exec_raw(s, "INSERT INTO checkin(kr_id, at, value) VALUES (999, '2027-02-01', 1)"),
                         STORE_OK);
    assert_int_equal(fx_checkin(s, 999, NULL, 1, -1), STORE_NOTFOUND);
    assert_string_equal(store_errmsg(s), "no key result K999");
    lnd_objective o = {.cycle_id = 42, .level = LEVEL_LD, .title = "Nowhere"};
    assert_int_equal(store_add_objective(s, &o, "alice"), STORE_NOTFOUND);
    lnd_plan *p;
    assert_int_equal(store_load_plan(s, x.cy.id, &p), STORE_OK);
    assert_int_equal(p->nkrs, 1);
    assert_int_equal(p->nobjs, 2);
    plan_free(p);
    store_close(s);
}

static void check_ins_are_append_only_even_in_raw_sql(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-02-03", 70, 7), STORE_OK);
    assert_int_not_equal(store_exec_raw(s, "UPDATE checkin SET value = 99"), STORE_OK);
    assert_non_null(strstr(store_errmsg(s), "append-only"));
    assert_int_not_equal(store_exec_raw(s, "DELETE FROM checkin"), STORE_OK);
    assert_non_null(strstr(store_errmsg(s), "append-only"));
    assert_int_not_equal(store_exec_raw(s, "DELETE FROM audit"), STORE_OK);
    lnd_arena *a = arena_new();
    lnd_checkin *cs;
    size_t n;
    assert_int_equal(store_checkins(s, a, x.kr.id, &cs, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_true(cs[0].value == 70);
    assert_string_equal(cs[0].at, "2027-02-03 12:00:00");
    assert_string_equal(cs[0].author, "bob");
    arena_free(a);
    store_close(s);
}

static void a_closed_cycle_locks_its_check_ins(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-03-30", 73, 8), STORE_OK);
    assert_int_equal(store_set_cycle_state(s, x.cy.id, CYCLE_CLOSED, x.cy.version, "alice"), STORE_OK);
    assert_int_equal(fx_checkin(s, x.kr.id, NULL, 80, 9), STORE_LOCKED);
    assert_string_equal(store_errmsg(s), "cycle 2027-Q1 is closed; its check-ins are locked");
    assert_int_equal(store_rc_exit(STORE_LOCKED), 65);
    char sql[200];
    snprintf(sql, sizeof sql, "INSERT INTO checkin(kr_id, at, value) VALUES (%lld, '2027-04-01 10:00:00', 80)",
             x.kr.id);
    assert_int_not_equal(store_exec_raw(s, sql), STORE_OK);
    assert_non_null(strstr(store_errmsg(s), "closed"));
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_true(k.current == 73);
    assert_int_equal(k.checkins, 1);
    /* a stale state change is a conflict too */
    assert_int_equal(store_set_cycle_state(s, x.cy.id, CYCLE_ACTIVE, x.cy.version, "bob"), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(s), "cycle 2027-Q1 was changed by alice"));
    arena_free(a);
    store_close(s);
}

static void a_second_connection_sees_the_first_ones_commit(void **state)
{
    fx *f = *state;
    store *s1 = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s1, &x);
    store *s2 = fx_open(f->path, STORE_OPEN_READONLY);
    long long v0, v1, v2, own0, own1;
    assert_int_equal(store_data_version(s2, &v0), STORE_OK);
    assert_int_equal(store_data_version(s2, &v1), STORE_OK);
    assert_true(v0 == v1);                                   /* nothing happened */
    assert_int_equal(store_data_version(s1, &own0), STORE_OK);
    assert_int_equal(fx_checkin(s1, x.kr.id, NULL, 71, 8), STORE_OK);
    assert_int_equal(store_data_version(s2, &v2), STORE_OK);
    assert_true(v2 != v1);                                   /* the other one noticed */
    assert_int_equal(store_data_version(s1, &own1), STORE_OK);
    assert_true(own1 != own0);                               /* and so does the writer */
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(s2, a, x.kr.id, &k), STORE_OK);
    assert_true(k.has_current && k.current == 71);
    lnd_plan *p;
    assert_int_equal(store_load_plan(s2, x.cy.id, &p), STORE_OK);
    assert_true(p->krs[0].current == 71);
    plan_free(p);
    /* read-only really is read-only */
    assert_int_equal(fx_checkin(s2, x.kr.id, NULL, 72, 8), STORE_READONLY);
    char want[700];
    snprintf(want, sizeof want, "cannot write %s: read-only; check permissions", f->path);
    assert_string_equal(store_errmsg(s2), want);
    arena_free(a);
    store_close(s1);
    store_close(s2);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void a_locked_database_is_busy_after_the_timeout_and_nothing_written(void **state)
{
    fx *f = *state;
    store *s1 = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s1, &x);
    store *s2 = fx_open(f->path, 0);
    assert_int_equal(store_exec_raw(s2, "BEGIN IMMEDIATE"), STORE_OK);   /* another user mid-write */
    double t0 = now_ms();
    assert_int_equal(fx_checkin(s1, x.kr.id, NULL, 70, 7), STORE_BUSY);
    double took = now_ms() - t0;
    assert_string_equal(store_errmsg(s1), "database busy, try again");
    assert_int_equal(store_rc_exit(STORE_BUSY), 69);
    assert_true(took >= 150 && took < 3000);                 /* waited LND_BUSY_TIMEOUT_MS=200 */
    lnd_objective o = {.cycle_id = x.cy.id, .level = LEVEL_LD, .title = "Blocked"};
    assert_int_equal(store_add_objective(s1, &o, "alice"), STORE_BUSY);
    assert_int_equal(store_tx_begin(s1), STORE_BUSY);
    assert_int_equal(store_exec_raw(s2, "ROLLBACK"), STORE_OK);
    assert_int_equal(fx_count_checkins(s1, x.kr.id), 0);
    lnd_plan *p;
    assert_int_equal(store_load_plan(s1, x.cy.id, &p), STORE_OK);
    assert_int_equal(p->nobjs, 2);
    plan_free(p);
    /* once released, the same write goes through */
    assert_int_equal(fx_checkin(s1, x.kr.id, NULL, 70, 7), STORE_OK);
    store_close(s1);
    store_close(s2);
}

static void the_latest_check_in_by_date_drives_current(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_false(k.has_current);
    assert_null(k.last_at);
    assert_int_equal(k.confidence, -1);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-02-10 09:00:00", 70, 7), STORE_OK);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-01-20 09:00:00", 99, 2), STORE_OK);   /* back-dated */
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_true(k.current == 70);
    assert_int_equal(k.confidence, 7);
    assert_int_equal(k.checkins, 2);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-02-10T09:00:00", 72, 8), STORE_OK);   /* same time: later wins */
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_true(k.current == 72);
    assert_int_equal(k.confidence, 8);
    assert_string_equal(k.last_at, "2027-02-10 09:00:00");
    lnd_checkin *cs;
    size_t n;
    assert_int_equal(store_checkins(s, a, x.kr.id, &cs, &n), STORE_OK);
    assert_int_equal(n, 3);
    assert_true(cs[0].value == 72 && cs[1].value == 70 && cs[2].value == 99);   /* newest first */
    /* a behaviour check-in: 6 of 8 observed applying, on a behaviour KR */
    lnd_kr bk = x.kr;
    bk.title = "Agents using the checklist";
    bk.evidence = EV_BEHAVIOUR;
    bk.indicator = IND_LEADING;
    assert_int_equal(store_add_kr(s, &bk, "alice"), STORE_OK);
    lnd_checkin b = {.kr_id = bk.id, .at = "2027-02-17 08:00:00", .value = 75, .confidence = 8,
                     .note = "week 7 observations", .author = "manager mo", .observed = 8, .applied = 6};
    assert_int_equal(store_add_checkin(s, &b, "mo"), STORE_OK);
    assert_true(b.id > 0);
    assert_int_equal(store_checkins(s, a, bk.id, &cs, &n), STORE_OK);
    assert_int_equal(cs[0].observed, 8);
    assert_int_equal(cs[0].applied, 6);
    assert_string_equal(cs[0].author, "manager mo");
    assert_string_equal(cs[0].note, "week 7 observations");
    bool exists = false;
    assert_int_equal(store_checkin_exists(s, bk.id, "2027-02-17 08:00:00", 75, "", &exists), STORE_OK);
    assert_true(exists);
    assert_int_equal(store_checkin_exists(s, bk.id, "2027-02-17 08:00:00", 76, "", &exists), STORE_OK);
    assert_false(exists);
    arena_free(a);
    store_close(s);
}

FX_MAIN(FX_TEST(fresh_create_makes_parent_dirs_and_an_empty_store),
        FX_TEST(missing_database_without_create_says_run_init),
        FX_TEST(a_file_that_is_not_sqlite_is_an_io_error_and_left_alone),
        FX_TEST(reopen_keeps_the_plan_and_check_ins),
        FX_TEST(a_stale_objective_edit_is_a_conflict_naming_who_changed_it),
        FX_TEST(a_stale_kr_edit_is_a_conflict_but_a_check_in_is_not),
        FX_TEST(foreign_keys_refuse_rows_pointing_nowhere),
        FX_TEST(check_ins_are_append_only_even_in_raw_sql), FX_TEST(a_closed_cycle_locks_its_check_ins),
        FX_TEST(a_second_connection_sees_the_first_ones_commit),
        FX_TEST(a_locked_database_is_busy_after_the_timeout_and_nothing_written),
        FX_TEST(the_latest_check_in_by_date_drives_current))
