/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_entities.c — reviews (versioned, carried forward), import of an
 * export (restored exactly, a closed cycle stays closed), KPIs and their value history,
 * programmes edited against their version. Real files in a temporary dir. Validation, the
 * audit log and the plan load: test_store_verbs.c. */
#include "test_store_fixture.h"

#include <math.h>

static void reviews_are_versioned_and_carry_forward_into_the_next_cycle(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-03-29", 71, 6), STORE_OK);
    lnd_review r = {.objective_id = x.ld.id, .has_score = true, .score = 0.64, .worked = "call shadowing",
                    .didnt = "e-learning", .carry = "diagnostic questioning", .carry_forward = true};
    assert_int_equal(store_set_review(s, &r, "alice"), STORE_OK);
    assert_int_equal(r.version, 1);
    lnd_review stale = r;
    stale.version = 0;                                      /* someone else also creating it */
    assert_int_equal(store_set_review(s, &stale, "bob"), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(s), "changed by alice"));
    r.score = 0.7;
    assert_int_equal(store_set_review(s, &r, "alice"), STORE_OK);
    assert_int_equal(r.version, 2);
    lnd_review biz = {.objective_id = x.biz.id, .carry_forward = true};
    assert_int_equal(store_set_review(s, &biz, "alice"), STORE_OK);
    lnd_review badr = {.objective_id = x.biz.id, .has_score = true, .score = 1.5, .version = 1};
    expect_invalid(s, store_set_review(s, &badr, "alice"), "score must be from 0.0 to 1.0");
    lnd_arena *a = arena_new();
    lnd_review *rv;
    size_t n;
    assert_int_equal(store_reviews(s, a, x.cy.id, &rv, &n), STORE_OK);
    assert_int_equal(n, 2);
    assert_int_equal(rv[1].objective_id, x.ld.id);
    assert_true(fabs(rv[1].score - 0.7) < 1e-9);
    assert_string_equal(rv[1].worked, "call shadowing");
    assert_string_equal(rv[1].updated_by, "alice");
    assert_false(rv[0].has_score);

    lnd_cycle q2 = {.name = "2027-Q2", .start = "2027-04-05", .weeks = 13};
    assert_int_equal(store_add_cycle(s, &q2, "alice"), STORE_OK);
    store_carried *cv;
    size_t nc;
    assert_int_equal(store_carry_forward(s, x.cy.id, q2.id, NULL, "alice", a, &cv, &nc), STORE_OK);
    assert_int_equal(nc, 2);
    assert_true(cv[0].created && cv[1].created);
    lnd_plan *p;
    assert_int_equal(store_load_plan(s, q2.id, &p), STORE_OK);
    assert_int_equal(p->nobjs, 2);
    assert_int_equal(p->objs[0].carried_from, x.biz.id);
    assert_int_equal(p->objs[1].carried_from, x.ld.id);
    assert_int_equal(p->objs[1].parent_id, p->objs[0].id);  /* parent carried too: link kept */
    assert_int_equal(p->nkrs, 1);
    assert_true(p->krs[0].has_baseline && p->krs[0].baseline == 71);   /* last value is the new baseline */
    assert_true(p->krs[0].target == 75);
    assert_int_equal(p->krs[0].carried_from, x.kr.id);
    assert_false(p->krs[0].has_current);
    plan_free(p);
    assert_int_equal(store_carry_forward(s, x.cy.id, q2.id, NULL, "alice", a, &cv, &nc), STORE_OK);
    assert_int_equal(nc, 2);
    assert_false(cv[0].created || cv[1].created);           /* already carried */
    arena_free(a);
    store_close(s);
}

static void an_export_restores_exactly_and_a_closed_cycle_stays_closed(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    bool empty = false;
    assert_int_equal(store_is_empty(s, &empty), STORE_OK);
    assert_true(empty);
    lnd_cycle c = {.id = 7, .name = "2026-Q4", .start = "2026-10-05", .weeks = 13, .state = CYCLE_CLOSED, .version = 4};
    assert_int_equal(store_restore_cycle(s, &c), STORE_INVALID);   /* only inside a transaction */
    assert_int_equal(store_tx_begin(s), STORE_OK);
    assert_int_equal(store_restore_cycle(s, &c), STORE_OK);
    /* child before parent: foreign keys are checked at commit */
    lnd_objective child = {.id = 12, .cycle_id = 7, .parent_id = 11, .level = LEVEL_LD, .title = "Child", .version = 2};
    lnd_objective parent = {.id = 11, .cycle_id = 7, .level = LEVEL_BUSINESS, .title = "Parent", .version = 5};
    assert_int_equal(store_restore_objective(s, &child), STORE_OK);
    assert_int_equal(store_restore_objective(s, &parent), STORE_OK);
    lnd_kr k = {.id = 30, .objective_id = 12, .title = "Share applying", .unit = "%", .target = 75, .weight = 1,
                .evidence = EV_BEHAVIOUR, .version = 3};
    assert_int_equal(store_restore_kr(s, &k), STORE_OK);
    lnd_checkin ck = {.id = 100, .kr_id = 30, .at = "2026-11-02 10:00:00", .value = 62.5, .confidence = 6,
                      .note = "5 of 8", .author = "mo", .observed = 8, .applied = 5};
    assert_int_equal(store_restore_checkin(s, &ck), STORE_OK);
    lnd_audit au = {.id = 55, .at = "2026-11-02 10:00:00", .user = "mo", .action = "checkin", .entity = "checkin",
                    .entity_id = 100, .detail = "K30: - \xe2\x86\x92 62.5"};
    assert_int_equal(store_restore_audit(s, &au), STORE_OK);
    lnd_kpi kp = {.id = 3, .name = "Compliance completion", .unit = "%", .has_min = true, .min = 95, .version = 2};
    assert_int_equal(store_restore_kpi(s, &kp), STORE_OK);
    assert_int_equal(store_restore_kpi_value(s, 3, "2026-12-01 09:00:00", 97, "ops"), STORE_OK);
    assert_int_equal(store_restore_kpi_value(s, 3, "2026-11-01 09:00:00", 93, "ops"), STORE_OK);
    assert_int_equal(store_tx_commit(s), STORE_OK);

    lnd_arena *a = arena_new();
    lnd_cycle got;
    assert_int_equal(store_find_cycle(s, a, "2026-Q4", &got), STORE_OK);
    assert_int_equal(got.id, 7);
    assert_int_equal(got.state, CYCLE_CLOSED);
    assert_int_equal(got.version, 4);
    lnd_kr kr;
    assert_int_equal(store_get_kr(s, a, 30, &kr), STORE_OK);
    assert_int_equal(kr.version, 3);
    assert_true(kr.current == 62.5);
    assert_int_equal(fx_checkin(s, 30, NULL, 70, 7), STORE_LOCKED);   /* still closed */
    lnd_audit *log;
    size_t n;
    assert_int_equal(store_audit(s, a, NULL, 0, &log, &n), STORE_OK);
    assert_int_equal(n, 1);                                          /* no rows added by restore */
    assert_int_equal(log[0].id, 55);
    lnd_kpi *ks;
    assert_int_equal(store_kpis(s, a, &ks, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_true(ks[0].has_value && ks[0].value == 97);               /* latest by time */
    assert_int_equal(store_is_empty(s, &empty), STORE_OK);
    assert_false(empty);
    /* new ids continue after the restored ones */
    lnd_cycle q1 = {.name = "2027-Q1", .start = "2027-01-04", .weeks = 13};
    assert_int_equal(store_add_cycle(s, &q1, "u"), STORE_OK);
    assert_int_equal(q1.id, 8);
    arena_free(a);
    store_close(s);
}

static void kpis_keep_their_value_history(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    lnd_kpi k = {.name = "Platform uptime", .unit = "%", .has_min = true, .min = 99.5};
    assert_int_equal(store_add_kpi(s, &k, "ops"), STORE_OK);
    assert_int_equal(store_set_kpi_value(s, k.id, 99.9, "ops"), STORE_OK);
    setenv("LND_TODAY", "2027-02-24", 1); cli_clock_init();
    assert_int_equal(store_set_kpi_value(s, k.id, 99.1, "ops"), STORE_OK);
    assert_int_equal(store_set_kpi_value(s, 99, 1, "ops"), STORE_NOTFOUND);
    assert_int_equal(store_set_kpi_value(s, k.id, NAN, "ops"), STORE_INVALID);
    lnd_arena *a = arena_new();
    lnd_kpi *ks;
    size_t n;
    assert_int_equal(store_kpis(s, a, &ks, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_true(ks[0].value == 99.1);
    assert_string_equal(ks[0].updated_at, "2027-02-24 12:00:00");
    assert_int_equal(ks[0].version, 1);                      /* a value is not an edit */
    lnd_checkin *h;
    assert_int_equal(store_kpi_history(s, a, k.id, &h, &n), STORE_OK);
    assert_int_equal(n, 2);
    assert_true(h[0].value == 99.9 && h[1].value == 99.1);   /* oldest first */
    assert_string_equal(h[1].author, "ops");
    arena_free(a);
    store_close(s);
}

static void programmes_are_edited_against_their_version(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    lnd_programme p = {.cycle_id = x.cy.id, .objective_id = x.ld.id, .title = "Diagnostic clinic",
                       .audience = "tier 1 agents", .start_week = 2, .end_week = 4};
    assert_int_equal(store_add_programme(s, &p, "ann"), STORE_OK);
    lnd_programme mine = p, theirs = p;
    mine.end_week = 5;
    assert_int_equal(store_update_programme(s, &mine, "ann"), STORE_OK);
    assert_int_equal(mine.version, 2);
    theirs.title = "Clinic";
    assert_int_equal(store_update_programme(s, &theirs, "ben"), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(s), "changed by ann"));
    assert_int_equal(store_archive_programme(s, p.id, mine.version, "ann"), STORE_OK);
    lnd_plan *pl;
    assert_int_equal(store_load_plan(s, x.cy.id, &pl), STORE_OK);
    assert_int_equal(pl->nprogs, 1);
    assert_true(pl->progs[0].archived);
    assert_int_equal(pl->progs[0].end_week, 5);
    assert_string_equal(pl->progs[0].title, "Diagnostic clinic");
    plan_free(pl);
    store_close(s);
}

FX_MAIN(FX_TEST(reviews_are_versioned_and_carry_forward_into_the_next_cycle),
        FX_TEST(an_export_restores_exactly_and_a_closed_cycle_stays_closed),
        FX_TEST(kpis_keep_their_value_history), FX_TEST(programmes_are_edited_against_their_version))
