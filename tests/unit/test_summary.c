/* SPDX-License-Identifier: MIT */
/* tests/unit/test_summary.c — an objective's two numbers: the business result (results KRs in
 * its subtree, weakest status wins) and the delivery (every other KR), and the status rule
 * (the worse of the two; a business objective with no results KR is "not measured"). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../core/summary.h"

#define EPSILON 1e-9

/* O1 business > O2 L&D > O3 team. Cycle 2027-01-04, 13 weeks; judged on 2027-02-17 (day 44). */
static lnd_plan *mk(void)
{
    lnd_plan *p = plan_new();
    lnd_arena *a = p->arena;
    p->cycle = (lnd_cycle){.id = 1, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13,
                           .state = CYCLE_ACTIVE};
    p->nobjs = 3;
    p->objs = arena_alloc(a, 3 * sizeof *p->objs);
    p->objs[0] = (lnd_objective){.id = 1, .level = LEVEL_BUSINESS, .title = "Revenue"};
    p->objs[1] = (lnd_objective){.id = 2, .parent_id = 1, .level = LEVEL_LD, .title = "Equip sales"};
    p->objs[2] = (lnd_objective){.id = 3, .parent_id = 2, .level = LEVEL_TEAM, .title = "Team east"};
    p->nkrs = 4;
    p->krs = arena_alloc(a, 4 * sizeof *p->krs);
    /* completion 100% done, weight 1 */
    p->krs[0] = (lnd_kr){.id = 1, .objective_id = 2, .has_baseline = true, .baseline = 0, .target = 100,
                         .weight = 1, .evidence = EV_ACTIVITY, .has_current = true, .current = 100,
                         .confidence = -1};
    /* satisfaction 100% done, weight 3 */
    p->krs[1] = (lnd_kr){.id = 2, .objective_id = 2, .has_baseline = true, .baseline = 0, .target = 10,
                         .weight = 3, .evidence = EV_REACTION, .has_current = true, .current = 10,
                         .confidence = -1};
    /* revenue (two levels down): 0 of 25, confidence 2 -> off track */
    p->krs[2] = (lnd_kr){.id = 3, .objective_id = 3, .has_baseline = true, .baseline = 0, .target = 25,
                         .weight = 1, .evidence = EV_RESULTS, .indicator = IND_LAGGING,
                         .has_current = true, .current = 0, .confidence = 2};
    /* defect rate, a decrease, 10 -> 6 of target 2: half way, weight 1 */
    p->krs[3] = (lnd_kr){.id = 4, .objective_id = 3, .has_baseline = true, .baseline = 10, .target = 2,
                         .direction = DIR_DECREASE, .weight = 1, .evidence = EV_RESULTS,
                         .indicator = IND_LAGGING, .has_current = true, .current = 6, .confidence = -1};
    plan_index(p);
    return p;
}

static lnd_day day(const char *s)
{
    lnd_day d = 0;
    assert_true(date_parse(s, &d));
    return d;
}

static void result_leads_and_weakest_wins(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    progress_rules r;
    progress_defaults(&r);
    summary_obj s;
    summary_objective(p, 0, &r, day("2027-02-17"), &s);
    /* results KRs two levels down count; revenue 0 and defects 0.5: mean 0.25 */
    assert_float_equal(s.result, 0.25, EPSILON);
    assert_int_equal(s.nresults, 2);
    assert_int_equal(s.result_status, STATUS_OFF_TRACK);      /* the weakest: revenue */
    /* delivery: weighted (1*1 + 3*1) / 4 = 1, done */
    assert_float_equal(s.delivery, 1, EPSILON);
    assert_int_equal(s.delivery_status, STATUS_DONE);
    /* never "on track" because completions went well while revenue did not */
    assert_int_equal(s.status, STATUS_OFF_TRACK);
    assert_null(s.result_note);
    assert_float_equal(summary_suggested_score(&p->objs[0], &s), 0.25, EPSILON);
    /* the old numbers keep their meaning: O1 has no KRs of its own */
    assert_true(s.progress < 0);
    plan_free(p);
}

static void weights_count_in_the_result(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    p->krs[3].weight = 3;    /* defects weigh three times revenue: (0 + 3*0.5) / 4 */
    progress_rules r;
    progress_defaults(&r);
    summary_obj s;
    summary_objective(p, 1, &r, day("2027-02-17"), &s);
    assert_float_equal(s.result, 0.375, EPSILON);
    plan_free(p);
}

static void business_without_results_is_not_measured(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    p->krs[2].archived = true;
    p->krs[3].archived = true;
    progress_rules r;
    progress_defaults(&r);
    summary_obj s;
    summary_objective(p, 0, &r, day("2027-02-17"), &s);
    assert_true(s.result < 0);
    assert_int_equal(s.status, STATUS_NOT_MEASURED);
    assert_string_equal(s.result_note, "no business result measured");
    assert_true(summary_suggested_score(&p->objs[0], &s) < 0);   /* nothing to suggest */
    /* an L&D objective without a results KR reads its delivery, with no note */
    summary_objective(p, 1, &r, day("2027-02-17"), &s);
    assert_null(s.result_note);
    assert_int_equal(s.status, STATUS_DONE);
    plan_free(p);
}

static void archived_child_leaves_the_subtree(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    p->objs[2].archived = true;   /* the team objective and its results KRs */
    progress_rules r;
    progress_defaults(&r);
    summary_obj s;
    summary_objective(p, 0, &r, day("2027-02-17"), &s);
    assert_int_equal(s.nresults, 0);
    assert_int_equal(s.status, STATUS_NOT_MEASURED);
    plan_free(p);
}

static void after_the_cycle_reads_met_or_missed(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    progress_rules r;
    progress_defaults(&r);
    summary_obj s;
    summary_objective(p, 0, &r, day("2027-04-10"), &s);
    assert_int_equal(s.result_status, STATUS_MISSED);
    assert_int_equal(s.delivery_status, STATUS_MET);
    assert_int_equal(s.status, STATUS_MISSED);
    char when[64];
    summary_when_text(p, day("2027-04-10"), when, sizeof when);
    assert_string_equal(when, "ended 6 days ago");
    summary_when_text(p, day("2027-04-04"), when, sizeof when);
    assert_string_equal(when, "week 13 of 13");
    summary_when_text(p, day("2027-04-05"), when, sizeof when);
    assert_string_equal(when, "ended yesterday");
    summary_when_text(p, day("2027-01-01"), when, sizeof when);
    assert_string_equal(when, "starts 2027-01-04 (in 3 days)");
    plan_free(p);
}

LND_TEST_MAIN(cmocka_unit_test(result_leads_and_weakest_wins), cmocka_unit_test(weights_count_in_the_result),
              cmocka_unit_test(business_without_results_is_not_measured),
              cmocka_unit_test(archived_child_leaves_the_subtree),
              cmocka_unit_test(after_the_cycle_reads_met_or_missed))
