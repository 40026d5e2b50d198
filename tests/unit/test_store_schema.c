/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_schema.c — migrations against real files: a schema 1 and a schema 4
 * database are brought up to date with their data, a newer schema is refused and not
 * written. Opening and concurrency: test_store.c. */
#include "test_store_fixture.h"

/* Schema 5 adds a learning objective's hypothesis and its review's finding: a schema 4
 * database keeps its objectives, reviews and waivers, and gains empty fields to fill. */
static void a_schema_4_database_gains_hypothesis_and_finding(void **state)
{
    fx *f = *state;
    char err[512];
    assert_int_equal(store_create_at_version(f->path, 4, err, sizeof err), STORE_OK);
    store_rc rc = store_raw_path(f->path,
        "INSERT INTO cycle(name, start, weeks, state) VALUES ('2027-Q2', '2027-04-05', 13, 'review');"
        "INSERT INTO objective(cycle_id, level, type, title, version) VALUES (1, 'ld', 'learning', 'Coaching circles', 4);"
        "INSERT INTO review(objective_id, score, worked, carry, carry_forward, version, updated_by) "
        " VALUES (1, 0.4, 'peer circles', 'manager time', 1, 2, 'priya');"
        "INSERT INTO waiver(objective_id, rule, reason, author) VALUES (1, 'H03', 'no leading measure yet', 'priya');",
        err, sizeof err);
    assert_int_equal(rc, STORE_OK);
    store *s = fx_open(f->path, 0);
    int v = 0;
    assert_int_equal(store_user_version(f->path, &v), STORE_OK);
    assert_int_equal(v, store_schema_version());
    lnd_arena *a = arena_new();
    lnd_objective o;
    assert_int_equal(store_get_objective(s, a, 1, &o), STORE_OK);
    assert_string_equal(o.title, "Coaching circles");
    assert_int_equal(o.version, 4);
    assert_string_equal(o.hypothesis, "");               /* older data: H15 will ask for one */
    lnd_review *rv;
    size_t n;
    assert_int_equal(store_reviews(s, a, 1, &rv, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rv[0].carry, "manager time");
    assert_string_equal(rv[0].finding, "");
    assert_int_equal(rv[0].version, 2);
    /* both fields can be written on the migrated rows */
    o.hypothesis = "Peer circles make managers coach weekly";
    assert_int_equal(store_update_objective(s, &o, "priya"), STORE_OK);
    rv[0].finding = "Only with protected time";
    assert_int_equal(store_set_review(s, &rv[0], "priya"), STORE_OK);
    lnd_plan *p;
    assert_int_equal(store_load_plan(s, 1, &p), STORE_OK);
    assert_string_equal(p->objs[0].hypothesis, "Peer circles make managers coach weekly");
    assert_int_equal(p->nwaivers, 1);
    plan_free(p);
    assert_int_equal(store_reviews(s, a, 1, &rv, &n), STORE_OK);
    assert_string_equal(rv[0].finding, "Only with protected time");
    arena_free(a);
    store_close(s);
}

static void a_schema_1_database_is_migrated_with_its_data(void **state)
{
    fx *f = *state;
    char err[512];
    assert_int_equal(store_create_at_version(f->path, 1, err, sizeof err), STORE_OK);
    int v = 0;
    assert_int_equal(store_user_version(f->path, &v), STORE_OK);
    assert_int_equal(v, 1);
    /* what an lnd of schema 1 would have written */
    store_rc rc = store_raw_path(f->path,
        "INSERT INTO cycle(name, start, weeks, state) VALUES ('2026-Q4', '2026-10-05', 13, 'active');"
        "INSERT INTO objective(cycle_id, level, type, title) VALUES (1, 'business', 'committed', 'Grow revenue');"
        "INSERT INTO objective(cycle_id, parent_id, level, type, title, version) "
        " VALUES (1, 1, 'ld', 'aspirational', 'Teach consultative selling', 3);"
        "INSERT INTO kr(objective_id, title, unit, baseline, target, evidence, indicator) "
        " VALUES (2, 'Deals with discovery call', '%', 20, 60, 'behaviour', 'leading');"
        "INSERT INTO checkin(kr_id, at, value, confidence, author) VALUES (1, '2026-11-20 10:00:00', 45, 7, 'carol');"
        "INSERT INTO checkin(kr_id, at, value, confidence, author) VALUES (1, '2026-10-20 10:00:00', 30, 5, 'carol');"
        "INSERT INTO checkin(kr_id, at, value, confidence, author, observed, applied) "
        " VALUES (1, '2026-11-01 10:00:00', 37.5, 6, 'dan', 8, 3);",
        err, sizeof err);
    assert_int_equal(rc, STORE_OK);

    store *s = fx_open(f->path, 0);
    assert_int_equal(store_user_version(f->path, &v), STORE_OK);
    assert_int_equal(v, store_schema_version());
    lnd_arena *a = arena_new();
    lnd_objective o;
    assert_int_equal(store_get_objective(s, a, 2, &o), STORE_OK);
    assert_string_equal(o.title, "Teach consultative selling");
    assert_int_equal(o.version, 3);
    assert_int_equal(o.parent_id, 1);
    assert_int_equal(o.carried_from, 0);
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, 1, &k), STORE_OK);
    assert_true(k.has_current && k.current == 45);       /* latest by date, not by insertion */
    assert_int_equal(k.confidence, 7);
    assert_int_equal(k.checkins, 3);
    assert_string_equal(k.last_at, "2026-11-20 10:00:00");
    lnd_checkin *cs;
    size_t n;
    assert_int_equal(store_checkins(s, a, 1, &cs, &n), STORE_OK);
    assert_int_equal(n, 3);
    assert_int_equal(cs[1].observed, 8);
    assert_int_equal(cs[1].applied, 3);
    /* the new tables work on the migrated data */
    lnd_programme p = {.cycle_id = 1, .objective_id = 2, .title = "Discovery workshop", .start_week = 2, .end_week = 3};
    assert_int_equal(store_add_programme(s, &p, "erin"), STORE_OK);
    lnd_review r = {.objective_id = 2, .has_score = true, .score = 0.6, .worked = "role play"};
    assert_int_equal(store_set_review(s, &r, "erin"), STORE_OK);
    assert_int_equal(fx_checkin(s, 1, "2026-12-01 10:00:00", 50, 8), STORE_OK);
    assert_int_equal(store_get_kr(s, a, 1, &k), STORE_OK);
    assert_true(k.current == 50);
    assert_int_equal(k.checkins, 4);
    /* ids are never reused */
    lnd_objective o3 = {.cycle_id = 1, .level = LEVEL_LD, .title = "Third"};
    assert_int_equal(store_add_objective(s, &o3, "erin"), STORE_OK);
    assert_int_equal(o3.id, 3);
    arena_free(a);
    store_close(s);
}

static void a_newer_schema_is_refused_and_not_written(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    store_close(s);
    assert_int_equal(store_set_user_version(f->path, 99), STORE_OK);
    char *before = NULL, *after = NULL;
    size_t nb, na;
    assert_true(file_bytes(f->path, &before, &nb));
    char err[512], want[200];
    snprintf(want, sizeof want, "database schema 99 is newer than this lnd (%d); upgrade lnd", store_schema_version());
    int flags[] = {0, STORE_OPEN_READONLY, STORE_OPEN_CREATE};
    for (int i = 0; i < 3; i++) {
        s = (store *)1;
        assert_int_equal(store_open(f->path, flags[i], &s, err, sizeof err), STORE_NEWER);
        assert_null(s);
        assert_string_equal(err, want);
    }
    assert_true(file_bytes(f->path, &after, &na));
    assert_int_equal(nb, na);
    assert_memory_equal(before, after, nb);
    int v;
    assert_int_equal(store_user_version(f->path, &v), STORE_OK);
    assert_int_equal(v, 99);
    assert_int_equal(store_rc_exit(STORE_NEWER), 65);
    free(before);
    free(after);
}

FX_MAIN(FX_TEST(a_schema_1_database_is_migrated_with_its_data),
        FX_TEST(a_schema_4_database_gains_hypothesis_and_finding),
        FX_TEST(a_newer_schema_is_refused_and_not_written))
