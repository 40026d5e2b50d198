/* tests/unit/test_store_after.c — after the quarter, as the store enforces it for every
 * caller: follow-ups on a closed cycle accepted inside the KR's measurement window and marked,
 * refused outside it (nothing written, the message says when the window closed); a follow-up
 * after the cycle never sets the reviewed current value; cohorts named by the programme, a
 * comparison cohort never setting the current value; schema 4 data migrated to schema 5. */
#include "test_store_fixture.h"

/* The sample plus a programme on the L&D objective in weeks 2-6: it ends Sunday 2027-02-14,
 * so +30 = 16 Mar (in the cycle), +60 = 15 Apr and +90 = 15 May (after it ends on 4 Apr);
 * the window closes 29 May. */
static void with_programme(store *s, sample *x, lnd_programme *p)
{
    fx_sample(s, x);
    *p = (lnd_programme){.cycle_id = x->cy.id, .objective_id = x->ld.id, .title = "Diagnosis coaching",
                         .start_week = 2, .end_week = 6};
    assert_int_equal(store_add_programme(s, p, "alice"), STORE_OK);
}

static store_rc ck(store *s, lnd_id kr, const char *at, double v, const char *cohort, lnd_checkin *out)
{
    lnd_checkin c = {.kr_id = kr, .at = (char *)at, .value = v, .confidence = -1, .note = "", .author = "",
                     .observed = -1, .applied = -1, .cohort = (char *)cohort};
    store_rc rc = store_add_checkin(s, &c, "bob");
    if (out) *out = c;
    return rc;
}

static void close_cycle(store *s, lnd_cycle *cy)
{
    assert_int_equal(store_set_cycle_state(s, cy->id, CYCLE_REVIEW, cy->version, "alice"), STORE_OK);
    assert_int_equal(store_set_cycle_state(s, cy->id, CYCLE_CLOSED, cy->version + 1, "alice"), STORE_OK);
}

static double current(store *s, lnd_id kr)
{
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, kr, &k), STORE_OK);
    double v = k.has_current ? k.current : -1;
    arena_free(a);
    return v;
}

static void follow_ups_outlive_the_cycle_inside_the_window_only(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    lnd_programme p;
    with_programme(s, &x, &p);
    lnd_checkin c;
    assert_int_equal(ck(s, x.kr.id, "2027-02-10", 66, NULL, &c), STORE_OK);
    assert_int_equal(c.followup, 0);                                   /* during the programme */
    assert_int_equal(ck(s, x.kr.id, "2027-03-18", 69, NULL, &c), STORE_OK);
    assert_int_equal(c.followup, 30);                                  /* +30, inside the cycle */
    assert_true(current(s, x.kr.id) == 69);
    close_cycle(s, &x.cy);
    /* an ordinary (backdated) check-in stays locked */
    assert_int_equal(ck(s, x.kr.id, "2027-03-30", 70, NULL, NULL), STORE_LOCKED);
    assert_non_null(strstr(store_errmsg(s), "cycle 2027-Q1 is closed; its check-ins are locked"));
    /* +60 after close: accepted, marked, and not the reviewed current value */
    assert_int_equal(ck(s, x.kr.id, "2027-04-20", 71, NULL, &c), STORE_OK);
    assert_int_equal(c.followup, 60);
    assert_true(current(s, x.kr.id) == 69);
    /* between follow-ups: refused, naming the next one */
    assert_int_equal(ck(s, x.kr.id, "2027-05-01", 71, NULL, NULL), STORE_LOCKED);
    assert_non_null(strstr(store_errmsg(s), "the +90 d follow-up can be logged from 2027-05-08 to 2027-05-29"));
    /* the window's last day is in, the next day is out */
    assert_int_equal(ck(s, x.kr.id, "2027-05-29", 72, NULL, &c), STORE_OK);
    assert_int_equal(c.followup, 90);
    assert_int_equal(ck(s, x.kr.id, "2027-05-30", 73, NULL, NULL), STORE_LOCKED);
    assert_string_equal(store_errmsg(s), "K1: its measurement window closed on 2027-05-29 (cycle 2027-Q1 is "
                                         "closed); nothing was written");
    assert_int_equal(store_rc_exit(STORE_LOCKED), 65);
    assert_int_equal(fx_count_checkins(s, x.kr.id), 4);
    store_close(s);
}

static void an_activity_kr_and_an_unserved_kr_stay_locked(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    lnd_programme p;
    with_programme(s, &x, &p);
    lnd_kr act = x.kr;
    act.title = "Coaching sessions held";
    act.evidence = EV_ACTIVITY;
    act.indicator = IND_LEADING;
    assert_int_equal(store_add_kr(s, &act, "alice"), STORE_OK);
    lnd_kr biz = x.kr;
    biz.objective_id = x.biz.id;   /* above the programme's objective: not served */
    assert_int_equal(store_add_kr(s, &biz, "alice"), STORE_OK);
    close_cycle(s, &x.cy);
    assert_int_equal(ck(s, act.id, "2027-04-15", 10, NULL, NULL), STORE_LOCKED);
    assert_int_equal(ck(s, biz.id, "2027-04-15", 70, NULL, NULL), STORE_LOCKED);
    assert_int_equal(fx_count_checkins(s, act.id) + fx_count_checkins(s, biz.id), 0);
    store_close(s);
}

static void a_comparison_cohort_never_sets_the_current_value(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    lnd_programme p;
    with_programme(s, &x, &p);
    lnd_checkin c;
    assert_int_equal(ck(s, x.kr.id, "2027-02-01", 66, "trained", &c), STORE_OK);
    assert_false(c.comparison);
    assert_true(current(s, x.kr.id) == 66);
    assert_int_equal(ck(s, x.kr.id, "2027-02-08", 64, " not yet trained ", &c), STORE_OK);
    assert_true(c.comparison);
    assert_true(current(s, x.kr.id) == 66);    /* the later comparison value is not current */
    lnd_arena *a = arena_new();
    lnd_checkin *cs;
    size_t n;
    assert_int_equal(store_checkins(s, a, x.kr.id, &cs, &n), STORE_OK);
    assert_string_equal(cs[0].cohort, "not yet trained");            /* stored trimmed */
    assert_true(cs[0].comparison);
    arena_free(a);
    assert_int_equal(ck(s, x.kr.id, "2027-02-08", 64, "control", NULL), STORE_INVALID);
    assert_non_null(strstr(store_errmsg(s), "cohort 'control' is not one programme P1 names; use one of: "
                                            "trained,not yet trained"));
    /* a programme names its own cohorts */
    lnd_programme q = p;
    q.cohorts = "pilot, control";
    assert_int_equal(store_update_programme(s, &q, "alice"), STORE_OK);
    assert_int_equal(ck(s, x.kr.id, "2027-02-09", 60, "control", &c), STORE_OK);
    assert_true(c.comparison);
    q.cohorts = "pilot";
    assert_int_equal(store_update_programme(s, &q, "alice"), STORE_INVALID);
    /* a KR no programme serves has no cohorts */
    lnd_kr biz = x.kr;
    biz.objective_id = x.biz.id;
    assert_int_equal(store_add_kr(s, &biz, "alice"), STORE_OK);
    assert_int_equal(ck(s, biz.id, "2027-02-08", 64, "trained", NULL), STORE_INVALID);
    assert_non_null(strstr(store_errmsg(s), "is served by no programme"));
    assert_int_equal(fx_count_checkins(s, x.kr.id), 3);
    store_close(s);
}

static void a_schema_4_database_is_migrated_with_its_data(void **state)
{
    fx *f = *state;
    char err[512];
    assert_int_equal(store_create_at_version(f->path, 4, err, sizeof err), STORE_OK);
    /* what an lnd of schema 4 wrote: a closed cycle whose KR took a check-in after its end */
    store_rc rc = store_raw_path(f->path,
        "INSERT INTO cycle(name, start, weeks, state) VALUES ('2026-Q4', '2026-10-05', 13, 'active');"
        "INSERT INTO objective(cycle_id, level, type, title) VALUES (1, 'business', 'committed', 'Fewer repeat calls');"
        "INSERT INTO objective(cycle_id, parent_id, level, type, title) VALUES (1, 1, 'ld', 'committed', 'Diagnose');"
        "INSERT INTO kr(objective_id, title, unit, baseline, target, evidence, indicator) "
        " VALUES (2, 'First-call resolution', '%', 64, 75, 'results', 'lagging');"
        "INSERT INTO programme(cycle_id, objective_id, title, start_week, end_week) VALUES (1, 2, 'Coaching', 2, 6);"
        "INSERT INTO checkin(kr_id, at, value, confidence, author) VALUES (1, '2026-11-20 10:00:00', 68, 7, 'carol');"
        "INSERT INTO checkin(kr_id, at, value, confidence, author) VALUES (1, '2026-12-20 10:00:00', 70, 8, 'carol');"
        "INSERT INTO waiver(objective_id, rule, reason) VALUES (2, 'H05', 'internal only');"
        "UPDATE cycle SET state = 'closed';",
        err, sizeof err);
    assert_int_equal(rc, STORE_OK);
    store *s = fx_open(f->path, 0);
    int v = 0;
    assert_int_equal(store_user_version(f->path, &v), STORE_OK);
    assert_int_equal(v, store_schema_version());   /* migrated all the way */
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, 1, &k), STORE_OK);
    assert_true(k.has_current && k.current == 70);
    assert_int_equal(k.checkins, 2);
    assert_string_equal(k.baseline_at, "");
    lnd_plan *pl;
    assert_int_equal(store_load_plan(s, 1, &pl), STORE_OK);
    assert_string_equal(pl->progs[0].cohorts, "trained,not yet trained");
    assert_int_equal(pl->nwaivers, 1);
    plan_free(pl);
    lnd_checkin *cs;
    size_t n;
    assert_int_equal(store_checkins(s, a, 1, &cs, &n), STORE_OK);
    assert_int_equal(n, 2);
    assert_string_equal(cs[0].cohort, "");
    assert_int_equal(cs[0].followup, 0);
    /* the closed cycle takes its +90 follow-up (programme ended 2026-11-15) and keeps 70 */
    lnd_checkin c;
    assert_int_equal(ck(s, 1, "2027-02-13", 72, "trained", &c), STORE_OK);
    assert_int_equal(c.followup, 90);
    assert_int_equal(store_get_kr(s, a, 1, &k), STORE_OK);
    assert_true(k.current == 70);
    assert_int_equal(k.checkins, 3);
    assert_int_equal(ck(s, 1, "2026-12-21", 72, NULL, NULL), STORE_LOCKED);
    arena_free(a);
    store_close(s);
}

FX_MAIN(FX_TEST(follow_ups_outlive_the_cycle_inside_the_window_only),
        FX_TEST(an_activity_kr_and_an_unserved_kr_stay_locked),
        FX_TEST(a_comparison_cohort_never_sets_the_current_value),
        FX_TEST(a_schema_4_database_is_migrated_with_its_data))
