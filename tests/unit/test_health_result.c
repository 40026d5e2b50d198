/* SPDX-License-Identifier: MIT */
/* tests/unit/test_health_result.c — the honest-numbers rules: H12 nothing measured, H13 on
 * track on delivery while the business result is off track, H14 target equals baseline, and
 * waivers (a rule waived for one objective with a reason: kept, marked, never an error). Each
 * fires on the smallest plan that shows it and clears when the cause is fixed. */
#include "test_health_fixture.h"
#include "test_main.h"

static void healthy_plan_has_none(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    assert_int_equal(total(p, &o), 0);
    plan_free(p);
}

static void h12_objective_measuring_nothing(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    assert_int_equal(count(p, &o, "H12", NULL), 0);
    /* an L&D objective with no KRs beneath it */
    p->objs[p->nobjs++] = (lnd_objective){.id = 4, .parent_id = 1, .level = LEVEL_LD, .title = "Mentoring",
                                          .problem = "x", .outcome = "y", .capability = "", .owner = "priya",
                                          .business_owner = "", .cadence_days = 7};
    plan_index(p);
    lnd_finding f;
    assert_int_equal(count(p, &o, "H12", &f), 1);
    assert_int_equal(f.obj_id, 4);
    HAS(f.msg, "nothing is measured");
    /* a KR beneath it clears it */
    p->krs[p->nkrs++] = (lnd_kr){.id = 5, .objective_id = 4, .title = "Mentees promoted", .unit = "",
                                 .has_baseline = true, .baseline = 0, .target = 5, .weight = 1,
                                 .evidence = EV_RESULTS, .indicator = IND_LAGGING, .owner = "priya",
                                 .coowner = "dana", .confidence = -1};
    plan_index(p);
    assert_int_equal(count(p, &o, "H12", NULL), 0);
    /* an archived KR measures nothing */
    p->krs[4].archived = true;
    assert_int_equal(count(p, &o, "H12", NULL), 1);
    plan_free(p);
}

static void h13_delivery_on_track_result_off(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    assert_int_equal(count(p, &o, "H13", NULL), 0);
    /* completions go well, revenue does not: confidence 2 puts the result off track */
    p->krs[0].current = 80;                        /* learning KR done */
    p->krs[2].current = 70;                        /* behaviour done */
    p->krs[1].current = 0;
    p->krs[1].confidence = 2;
    p->krs[3].current = 40;
    lnd_finding f;
    /* O1 and O2 show it; O3's own result (a lagging KR just past its lag) is only at risk */
    assert_int_equal(count(p, &o, "H13", &f), 2);
    assert_int_equal(f.sev, HEALTH_ERROR);
    assert_int_equal(f.obj_id, 1);
    HAS(f.msg, "while the business result");
    /* the result back on track clears it */
    p->krs[1].confidence = 8;
    p->krs[1].current = 20;
    p->krs[3].current = 55;
    assert_int_equal(count(p, &o, "H13", NULL), 0);
    plan_free(p);
}

static void h14_target_equals_baseline(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    assert_int_equal(count(p, &o, "H14", NULL), 0);
    p->krs[3].target = p->krs[3].baseline;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H14", &f), 1);
    assert_int_equal(f.kr_id, 4);
    HAS(f.msg, "target equals baseline");
    /* every KR of O3 steady: H11 names the objective, H14 still names each KR (a warning:
     * a flat results KR can never show the business moved) */
    p->krs[2].target = p->krs[2].baseline;
    assert_int_equal(count(p, &o, "H14", NULL), 2);
    assert_int_equal(count(p, &o, "H11", NULL), 1);
    plan_free(p);
}

static void h14_baseline_dated_after_the_programme_began(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    /* the workshop serving O2 starts in week 2: Monday 2027-01-11 */
    p->krs[0].baseline_at = "2027-01-11";
    assert_int_equal(count(p, &o, "H14", NULL), 0);
    p->krs[0].baseline_at = "2027-01-12";
    lnd_finding f;
    assert_int_equal(count(p, &o, "H14", &f), 1);
    assert_int_equal(f.kr_id, 1);
    HAS(f.msg, "baseline dated 2027-01-12, after the programme serving it began (2027-01-11)");
    HAS(FIX(&f), "lnd kr edit K1 --baseline-date");
    /* beneath the programme's objective too (O3 sits under O2) */
    p->krs[2].baseline_at = "2027-03-01";
    assert_int_equal(count(p, &o, "H14", NULL), 2);
    plan_free(p);
}

static void waiver_keeps_the_finding_as_info(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[1].evidence = EV_ACTIVITY;              /* O2 has no results KR now: H02 */
    lnd_finding f;
    assert_int_equal(count(p, &o, "H02", &f), 1);
    assert_int_equal(f.sev, HEALTH_WARNING);
    assert_false(f.waived);
    lnd_waiver w = {.objective_id = 2, .rule = "H02", .reason = "awareness: reach is the honest measure",
                    .author = "priya", .at = "2027-02-01 10:00:00"};
    p->waivers = &w;
    p->nwaivers = 1;
    assert_int_equal(count(p, &o, "H02", &f), 1);
    assert_int_equal(f.sev, HEALTH_INFO);
    assert_true(f.waived);
    HAS(f.msg, "waived: awareness: reach is the honest measure");
    HAS(FIX(&f), "--unwaive H02");
    /* a waiver of one objective leaves another's finding alone */
    w.objective_id = 3;
    assert_int_equal(count(p, &o, "H02", &f), 1);
    assert_false(f.waived);
    p->waivers = NULL;
    p->nwaivers = 0;
    plan_free(p);
}

LND_TEST_MAIN(cmocka_unit_test(healthy_plan_has_none), cmocka_unit_test(h12_objective_measuring_nothing),
              cmocka_unit_test(h13_delivery_on_track_result_off),
              cmocka_unit_test(h14_target_equals_baseline),
              cmocka_unit_test(h14_baseline_dated_after_the_programme_began),
              cmocka_unit_test(waiver_keeps_the_finding_as_info))
