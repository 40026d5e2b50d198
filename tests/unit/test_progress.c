/* SPDX-License-Identifier: MIT */
/* tests/unit/test_progress.c — the numbers a user reads on every screen: KR progress in both
 * directions, weighted objectives, roll-ups, pace, status, bands, verdicts and behaviour
 * check-in values, with every edge progress.h names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../core/progress.h"

#define EPSILON 1e-9

static lnd_kr kr_of(double baseline, double target, lnd_direction dir, bool has_cur, double cur)
{
    lnd_kr k = {0};
    k.has_baseline = true;
    k.baseline = baseline;
    k.target = target;
    k.direction = dir;
    k.has_current = has_cur;
    k.current = cur;
    k.weight = 1;
    k.confidence = -1;
    return k;
}

static void kr_progress_increasing(void **st)
{
    (void)st;
    lnd_kr k = kr_of(64, 75, DIR_INCREASE, true, 71);   /* first-call resolution 64% -> 71% */
    assert_float_equal(progress_kr(&k), 7.0 / 11.0, EPSILON);
    k.current = 64;
    assert_float_equal(progress_kr(&k), 0, EPSILON);
    k.current = 75;
    assert_float_equal(progress_kr(&k), 1, EPSILON);
}

static void kr_progress_decreasing(void **st)
{
    (void)st;
    lnd_kr k = kr_of(60, 30, DIR_DECREASE, true, 45);   /* days to productivity 60 -> 30 */
    assert_float_equal(progress_kr(&k), 0.5, EPSILON);
    k.current = 30;
    assert_float_equal(progress_kr(&k), 1, EPSILON);
}

static void kr_progress_is_clamped(void **st)
{
    (void)st;
    lnd_kr up = kr_of(64, 75, DIR_INCREASE, true, 50);   /* worse than baseline */
    assert_float_equal(progress_kr(&up), 0, EPSILON);
    up.current = 90;                                    /* beat the target */
    assert_float_equal(progress_kr(&up), 1, EPSILON);
    lnd_kr down = kr_of(60, 30, DIR_DECREASE, true, 70);
    assert_float_equal(progress_kr(&down), 0, EPSILON);
    down.current = 10;
    assert_float_equal(progress_kr(&down), 1, EPSILON);
}

static void kr_target_equal_to_baseline_is_met_or_not(void **st)
{
    (void)st;
    /* "keep privacy incidents at 0": decrease, target == baseline */
    lnd_kr d = kr_of(0, 0, DIR_DECREASE, true, 0);
    assert_float_equal(progress_kr(&d), 1, EPSILON);
    d.current = 2;
    assert_float_equal(progress_kr(&d), 0, EPSILON);
    /* "hold satisfaction at 4.5": increase, target == baseline */
    lnd_kr u = kr_of(4.5, 4.5, DIR_INCREASE, true, 4.6);
    assert_float_equal(progress_kr(&u), 1, EPSILON);
    u.current = 4.5;
    assert_float_equal(progress_kr(&u), 1, EPSILON);
    u.current = 4.4;
    assert_float_equal(progress_kr(&u), 0, EPSILON);
    /* without a check-in nothing is met yet */
    u.has_current = false;
    assert_float_equal(progress_kr(&u), 0, EPSILON);
}

static void kr_without_checkin_or_baseline(void **st)
{
    (void)st;
    lnd_kr k = kr_of(64, 75, DIR_INCREASE, false, 999);   /* current ignored without check-in */
    assert_float_equal(progress_kr(&k), 0, EPSILON);
    lnd_kr nb = kr_of(0, 20, DIR_INCREASE, true, 5);
    nb.has_baseline = false;
    nb.baseline = 17;                                   /* ignored: counts from 0 */
    assert_float_equal(progress_kr(&nb), 0.25, EPSILON);
    nb.has_current = false;
    assert_float_equal(progress_kr(&nb), 0, EPSILON);
}

/* A plan with objectives 1..nobj and the KRs given (objective id per KR, progress, weight). */
typedef struct { lnd_id obj; double progress; double weight; bool archived; } kr_spec;

static lnd_plan *mk_plan(size_t nobj, const kr_spec *ks, size_t nkr)
{
    lnd_plan *p = plan_new();
    p->objs = arena_alloc(p->arena, nobj * sizeof *p->objs);
    p->nobjs = nobj;
    for (size_t i = 0; i < nobj; i++) {
        p->objs[i].id = (lnd_id)i + 1;
        p->objs[i].title = arena_printf(p->arena, "O%zu", i + 1);
    }
    p->krs = arena_alloc(p->arena, (nkr ? nkr : 1) * sizeof *p->krs);
    p->nkrs = nkr;
    for (size_t k = 0; k < nkr; k++) {
        p->krs[k] = kr_of(0, 100, DIR_INCREASE, true, ks[k].progress * 100);
        p->krs[k].id = (lnd_id)k + 1;
        p->krs[k].objective_id = ks[k].obj;
        p->krs[k].weight = ks[k].weight;
        p->krs[k].archived = ks[k].archived;
    }
    plan_index(p);
    return p;
}

static void objective_progress_is_weighted(void **st)
{
    (void)st;
    kr_spec ks[] = {
        {1, 1.0, 3, false}, {1, 0.0, 1, false},              /* O1: (3*1 + 0) / 4 */
        {2, 0.5, 1, false}, {2, 0.1, 1, true},               /* O2: archived KR skipped */
        {3, 0.2, 0, false}, {3, 0.6, -2, false},             /* O3: non-positive weight = 1 */
    };
    lnd_plan *p = mk_plan(4, ks, 6);
    assert_float_equal(progress_objective(p, 0), 0.75, EPSILON);
    assert_float_equal(progress_objective(p, 1), 0.5, EPSILON);
    assert_float_equal(progress_objective(p, 2), 0.4, EPSILON);
    assert_float_equal(progress_objective(p, 3), -1, EPSILON);   /* no KRs */
    plan_free(p);
}

static void objective_with_only_archived_krs_has_no_progress(void **st)
{
    (void)st;
    kr_spec ks[] = {{1, 0.9, 1, true}};
    lnd_plan *p = mk_plan(1, ks, 1);
    assert_float_equal(progress_objective(p, 0), -1, EPSILON);
    plan_free(p);
}

static void rollup_means_direct_children_with_krs(void **st)
{
    (void)st;
    /* O1 business; O2, O3, O4 its L&D children; O5 child of O2 (grandchild); O4 has no KRs;
     * O6 is an archived child. */
    kr_spec ks[] = {
        {1, 0.1, 1, false},
        {2, 0.4, 1, false}, {3, 0.8, 1, false},
        {5, 0.0, 1, false}, {6, 1.0, 1, false},
    };
    lnd_plan *p = mk_plan(6, ks, 5);
    p->objs[0].level = LEVEL_BUSINESS;
    p->objs[1].parent_id = 1;
    p->objs[2].parent_id = 1;
    p->objs[3].parent_id = 1;
    p->objs[4].parent_id = 2;
    p->objs[5].parent_id = 1;
    p->objs[5].archived = true;
    plan_index(p);   /* parents changed: rebuild the indexes, as plan.h asks */
    /* mean of O2 (0.4) and O3 (0.8): own KRs, grandchildren and archived not counted */
    assert_float_equal(progress_rollup(p, 0), 0.6, EPSILON);
    assert_float_equal(progress_objective(p, 0), 0.1, EPSILON);  /* separate, own KRs */
    assert_float_equal(progress_rollup(p, 1), 0.0, EPSILON);     /* O2's one child O5 */
    assert_float_equal(progress_rollup(p, 2), -1, EPSILON);      /* no children */
    plan_free(p);
}

static void rollup_with_only_empty_children_is_nothing(void **st)
{
    (void)st;
    lnd_plan *p = mk_plan(3, NULL, 0);
    p->objs[1].parent_id = 1;
    p->objs[2].parent_id = 1;
    plan_index(p);
    assert_float_equal(progress_rollup(p, 0), -1, EPSILON);
    plan_free(p);
}

static void pace_is_week_over_weeks_clamped(void **st)
{
    (void)st;
    assert_float_equal(progress_pace(0, 13), 0, EPSILON);
    assert_float_equal(progress_pace(1, 13), 1.0 / 13, EPSILON);
    assert_float_equal(progress_pace(13, 13), 1, EPSILON);
    assert_float_equal(progress_pace(14, 13), 1, EPSILON);   /* after the cycle */
    assert_float_equal(progress_pace(-3, 13), 0, EPSILON);
    assert_float_equal(progress_pace(3, 6), 0.5, EPSILON);
}

static void status_against_pace_and_margins(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    assert_int_equal(progress_status(&r, 0.50, 0.50, -1, true), STATUS_ON_TRACK);
    assert_int_equal(progress_status(&r, 0.45, 0.50, -1, true), STATUS_ON_TRACK);
    assert_int_equal(progress_status(&r, 0.40, 0.50, -1, true), STATUS_ON_TRACK); /* at margin */
    assert_int_equal(progress_status(&r, 0.39, 0.50, -1, true), STATUS_AT_RISK);
    assert_int_equal(progress_status(&r, 0.25, 0.50, -1, true), STATUS_AT_RISK);  /* at margin */
    assert_int_equal(progress_status(&r, 0.24, 0.50, -1, true), STATUS_OFF_TRACK);
    assert_int_equal(progress_status(&r, 0.00, 0.00, -1, true), STATUS_ON_TRACK);
    assert_int_equal(progress_status(&r, 0.90, 0.50, -1, true), STATUS_ON_TRACK);
    assert_int_equal(progress_status(&r, 1.00, 0.10, 0, true), STATUS_DONE);
    /* margins come from the rules */
    r.at_risk_margin = 0.0;
    r.off_track_margin = 0.05;
    assert_int_equal(progress_status(&r, 0.49, 0.50, -1, true), STATUS_AT_RISK);
    assert_int_equal(progress_status(&r, 0.44, 0.50, -1, true), STATUS_OFF_TRACK);
}

static void status_low_confidence(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    assert_int_equal(progress_status(&r, 0.9, 0.5, 5, true), STATUS_ON_TRACK);
    assert_int_equal(progress_status(&r, 0.9, 0.5, 4, true), STATUS_AT_RISK);
    assert_int_equal(progress_status(&r, 0.9, 0.5, 3, true), STATUS_AT_RISK);
    assert_int_equal(progress_status(&r, 0.9, 0.5, 2, true), STATUS_OFF_TRACK);
    assert_int_equal(progress_status(&r, 0.9, 0.5, 0, true), STATUS_OFF_TRACK);
    /* low confidence never softens a worse pace verdict */
    assert_int_equal(progress_status(&r, 0.1, 0.5, 4, true), STATUS_OFF_TRACK);
    /* -1 means no confidence given */
    assert_int_equal(progress_status(&r, 0.9, 0.5, -1, true), STATUS_ON_TRACK);
}

static void status_without_data(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    /* nothing expected yet: no data is just "no data yet" */
    assert_int_equal(progress_status(&r, 0, 0, -1, false), STATUS_NONE);
    assert_int_equal(progress_status(&r, 0, progress_pace(1, 13), -1, false), STATUS_NONE);
    /* once a zero would trail pace by the margin, missing check-ins are a risk */
    assert_int_equal(progress_status(&r, 0, progress_pace(2, 13), -1, false), STATUS_AT_RISK);
    /* ... but never off track on absence alone */
    assert_int_equal(progress_status(&r, 0, 1.0, -1, false), STATUS_AT_RISK);
}

static void bands_default_and_configured(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    assert_int_equal(progress_band(&r, 1.0), BAND_GREEN);
    assert_int_equal(progress_band(&r, 0.7), BAND_GREEN);
    assert_int_equal(progress_band(&r, 0.1 * 7), BAND_GREEN);   /* 0.7000000000000001 */
    assert_int_equal(progress_band(&r, 0.69), BAND_AMBER);
    assert_int_equal(progress_band(&r, 0.4), BAND_AMBER);
    assert_int_equal(progress_band(&r, 0.39), BAND_RED);
    assert_int_equal(progress_band(&r, 0.0), BAND_RED);
    r.band_green = 0.9;
    r.band_amber = 0.5;
    assert_int_equal(progress_band(&r, 0.8), BAND_AMBER);
    assert_int_equal(progress_band(&r, 0.45), BAND_RED);
}

static void verdicts_by_type(void **st)
{
    (void)st;
    assert_int_equal(progress_verdict(OTYPE_COMMITTED, 1.0), VERDICT_MET);
    assert_int_equal(progress_verdict(OTYPE_COMMITTED, 0.9999999999), VERDICT_MET);
    assert_int_equal(progress_verdict(OTYPE_COMMITTED, 0.99), VERDICT_MISSED);
    assert_int_equal(progress_verdict(OTYPE_COMMITTED, 0.7), VERDICT_MISSED);
    assert_int_equal(progress_verdict(OTYPE_ASPIRATIONAL, 1.0), VERDICT_SUCCESS);
    assert_int_equal(progress_verdict(OTYPE_ASPIRATIONAL, 0.7), VERDICT_SUCCESS);
    assert_int_equal(progress_verdict(OTYPE_ASPIRATIONAL, 0.69), VERDICT_PARTIAL);
    assert_int_equal(progress_verdict(OTYPE_ASPIRATIONAL, 0.4), VERDICT_PARTIAL);
    assert_int_equal(progress_verdict(OTYPE_ASPIRATIONAL, 0.39), VERDICT_MISSED);
    assert_int_equal(progress_verdict(OTYPE_LEARNING, 0.0), VERDICT_LEARNING);
    assert_int_equal(progress_verdict(OTYPE_LEARNING, 1.0), VERDICT_LEARNING);
    assert_string_equal(progress_verdict_name(VERDICT_MET), "met");
    assert_string_equal(progress_verdict_name(VERDICT_MISSED), "missed");
    assert_string_equal(progress_verdict_name(VERDICT_SUCCESS), "success");
    assert_string_equal(progress_verdict_name(VERDICT_PARTIAL), "partial");
    assert_string_equal(progress_verdict_name(VERDICT_LEARNING), "learning");
}

static void behaviour_value_is_a_percentage(void **st)
{
    (void)st;
    double v = -1;
    assert_int_equal(progress_behaviour_value(20, 15, &v), 0);
    assert_float_equal(v, 75, EPSILON);
    assert_int_equal(progress_behaviour_value(3, 0, &v), 0);
    assert_float_equal(v, 0, EPSILON);
    assert_int_equal(progress_behaviour_value(3, 3, &v), 0);
    assert_float_equal(v, 100, EPSILON);
    assert_int_equal(progress_behaviour_value(3, 1, &v), 0);
    assert_float_equal(v, 100.0 / 3, EPSILON);
    v = 42;
    assert_int_equal(progress_behaviour_value(0, 0, &v), -1);     /* N = 0 */
    assert_int_equal(progress_behaviour_value(-5, 1, &v), -1);    /* N < 0 */
    assert_int_equal(progress_behaviour_value(5, -1, &v), -1);    /* M < 0 */
    assert_int_equal(progress_behaviour_value(5, 6, &v), -1);     /* M > N */
    assert_float_equal(v, 42, EPSILON);                           /* untouched on error */
}

static void defaults_match_the_documentation(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    assert_float_equal(r.at_risk_margin, 0.10, EPSILON);
    assert_float_equal(r.off_track_margin, 0.25, EPSILON);
    assert_int_equal(r.low_confidence, 4);
    assert_int_equal(r.very_low_confidence, 2);
    assert_float_equal(r.band_green, 0.7, EPSILON);
    assert_float_equal(r.band_amber, 0.4, EPSILON);
}

/* Review finding: attrition (decrease, no baseline) must not reach "done" by going up. */
static void decrease_without_baseline_is_met_or_not(void **st)
{
    (void)st;
    lnd_kr k = {.direction = DIR_DECREASE, .has_baseline = false, .target = 8, .has_current = true};
    k.current = 30;
    assert_float_equal(progress_kr(&k), 0.0, EPSILON);
    k.current = 8;
    assert_float_equal(progress_kr(&k), 1.0, EPSILON);
    k.current = 4;
    assert_float_equal(progress_kr(&k), 1.0, EPSILON);
}

static void contradictory_direction_never_counts_wrong_way(void **st)
{
    (void)st;
    /* decrease, but target above baseline: going up is not progress */
    lnd_kr k = {.direction = DIR_DECREASE, .has_baseline = true, .baseline = 10, .target = 20,
                .has_current = true, .current = 25};
    assert_float_equal(progress_kr(&k), 0.0, EPSILON);
    k.current = 5;
    assert_float_equal(progress_kr(&k), 1.0, EPSILON);
}

LND_TEST_MAIN(cmocka_unit_test(decrease_without_baseline_is_met_or_not),
              cmocka_unit_test(contradictory_direction_never_counts_wrong_way),
              cmocka_unit_test(kr_progress_increasing), cmocka_unit_test(kr_progress_decreasing),
              cmocka_unit_test(kr_progress_is_clamped),
              cmocka_unit_test(kr_target_equal_to_baseline_is_met_or_not),
              cmocka_unit_test(kr_without_checkin_or_baseline),
              cmocka_unit_test(objective_progress_is_weighted),
              cmocka_unit_test(objective_with_only_archived_krs_has_no_progress),
              cmocka_unit_test(rollup_means_direct_children_with_krs),
              cmocka_unit_test(rollup_with_only_empty_children_is_nothing),
              cmocka_unit_test(pace_is_week_over_weeks_clamped),
              cmocka_unit_test(status_against_pace_and_margins), cmocka_unit_test(status_low_confidence),
              cmocka_unit_test(status_without_data), cmocka_unit_test(bands_default_and_configured),
              cmocka_unit_test(verdicts_by_type), cmocka_unit_test(behaviour_value_is_a_percentage),
              cmocka_unit_test(defaults_match_the_documentation))
