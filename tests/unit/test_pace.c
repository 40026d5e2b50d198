/* SPDX-License-Identifier: MIT */
/* tests/unit/test_pace.c — fair pace and KR status over time (core/pace.c): elapsed days, the
 * due week, a serving programme's start, the lag of a lagging KR, milestones judged by their
 * due week, and met / missed / not measured after the cycle — each at its edges (day 1, the
 * due week, after the end). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../core/pace.h"

#define EPSILON 1e-9
#define START 20000L   /* a Monday's day number; only differences matter */

static lnd_kr kr_of(double baseline, double target, bool has_cur, double cur)
{
    lnd_kr k = {0};
    k.has_baseline = true;
    k.baseline = baseline;
    k.target = target;
    k.direction = target >= baseline ? DIR_INCREASE : DIR_DECREASE;
    k.has_current = has_cur;
    k.current = cur;
    k.weight = 1;
    k.confidence = -1;
    k.indicator = IND_LEADING;
    return k;
}

/* day d (0-based) of a 13-week cycle */
static pace_when on(long d)
{
    pace_when w = {.start = START, .weeks = 13, .today = START + d, .prog_week = 0};
    return w;
}

static void elapsed_counts_days(void **st)
{
    (void)st;
    /* Monday of week 1 is not a week gone: nothing is expected on the first day */
    assert_float_equal(pace_elapsed(START, START + 91, START), 0, EPSILON);
    assert_float_equal(pace_elapsed(START, START + 91, START + 1), 1.0 / 91, EPSILON);
    assert_float_equal(pace_elapsed(START, START + 91, START + 90), 90.0 / 91, EPSILON);
    assert_float_equal(pace_elapsed(START, START + 91, START + 91), 1, EPSILON);
    assert_float_equal(pace_elapsed(START, START + 91, START - 5), 0, EPSILON);
    /* a span of no days: 0 before its end, 1 from it */
    assert_float_equal(pace_elapsed(START + 10, START + 10, START + 9), 0, EPSILON);
    assert_float_equal(pace_elapsed(START + 10, START + 10, START + 10), 1, EPSILON);
}

static void due_week_sets_the_end(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    lnd_kr k = kr_of(0, 100, true, 50);
    k.due_week = 6;
    pace_when w = on(21);                       /* half of 42 days */
    assert_int_equal(pace_due_end(&k, &w), START + 42);
    assert_float_equal(pace_expected(&k, &w, r.lag_weeks), 0.5, EPSILON);
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_ON_TRACK);
    w = on(42);                                 /* the due week is over: 0.5 of 1 is off track */
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_OFF_TRACK);
    k.due_week = 0;                             /* due at the cycle's end: fine on day 42 */
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_ON_TRACK);
    k.due_week = 40;                            /* beyond the cycle = its last week */
    assert_int_equal(pace_due_end(&k, &w), START + 91);
    k.confidence = 3;                           /* low confidence is a risk */
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_AT_RISK);
    k.confidence = 1;
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_OFF_TRACK);
}

static void programme_start_moves_the_pace(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    /* a completion KR due in week 4, served by a workshop starting in week 2 */
    lnd_kr k = kr_of(0, 100, false, 0);
    k.due_week = 4;
    pace_when w = on(0);
    w.prog_week = 2;
    assert_int_equal(pace_start(&k, &w, r.lag_weeks), START + 7);
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_NONE);      /* week 1: not started */
    w.today = START + 6;                                            /* last day of week 1 */
    assert_float_equal(pace_expected(&k, &w, r.lag_weeks), 0, EPSILON);
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_NONE);
    w.prog_week = 0;                 /* without the programme the same day is already behind */
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_AT_RISK);
    w.prog_week = 2;
    w.today = START + 14;            /* a week into a three-week run, no check-in yet */
    assert_float_equal(pace_expected(&k, &w, r.lag_weeks), 1.0 / 3, EPSILON);
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_AT_RISK);
}

static void lagging_kr_starts_late(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    lnd_kr k = kr_of(0, 25, true, 2);          /* revenue growth 2 of 25 */
    k.indicator = IND_LAGGING;
    pace_when w = on(27);                      /* last day of week 4 */
    assert_int_equal(pace_start(&k, &w, 4), START + 28);
    assert_float_equal(pace_expected(&k, &w, 4), 0, EPSILON);
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_ON_TRACK);
    w.today = START + 28 + 63 / 2;             /* half way through its lagged span */
    assert_float_equal(pace_expected(&k, &w, 4), 31.0 / 63, EPSILON);
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_OFF_TRACK);
    /* a leading KR with the same numbers is judged from day one */
    k.indicator = IND_LEADING;
    w.today = START + 27;                      /* 0.08 against 0.30 expected */
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_AT_RISK);
    /* a lag of 0 is no lag; a lag past the due week means nothing is expected before it */
    k.indicator = IND_LAGGING;
    assert_int_equal(pace_start(&k, &w, 0), START);
    k.due_week = 2;
    assert_float_equal(pace_expected(&k, &w, 4), 1, EPSILON);   /* day 27 > due end 14 */
}

static void milestone_judged_by_due_week(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    lnd_kr k = kr_of(0, 1, true, 0);           /* logged "not yet" on day 1 */
    k.due_week = 2;
    assert_true(pace_is_milestone(&k));
    pace_when w = on(0);
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_NOT_DUE);
    w.today = START + 13;                      /* last day of its due week */
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_NOT_DUE);
    w.today = START + 14;                      /* the due week is over, still 0 */
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_OFF_TRACK);
    k.current = 1;
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_DONE);
    lnd_kr not_ms = kr_of(0, 2, true, 0);
    assert_false(pace_is_milestone(&not_ms));
}

static void after_the_cycle_met_missed_not_measured(void **st)
{
    (void)st;
    progress_rules r;
    progress_defaults(&r);
    lnd_kr k = kr_of(64, 75, true, 71);
    pace_when w = on(90);                      /* the last day: still judged against pace */
    assert_false(pace_cycle_ended(&w));
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_OFF_TRACK);
    w = on(91);                                /* the day after: a fact, not a pace */
    assert_true(pace_cycle_ended(&w));
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_MISSED);
    k.current = 75;
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_MET);
    k.has_current = false;
    assert_int_equal(pace_kr_status(&r, &k, &w), STATUS_NOT_MEASURED);
    lnd_kr d = kr_of(12, 4, true, 3);          /* a decrease beaten */
    assert_int_equal(pace_kr_status(&r, &d, &w), STATUS_MET);
}

static void worse_status_wins(void **st)
{
    (void)st;
    assert_int_equal(progress_status_worse(STATUS_ON_TRACK, STATUS_OFF_TRACK), STATUS_OFF_TRACK);
    assert_int_equal(progress_status_worse(STATUS_DONE, STATUS_ON_TRACK), STATUS_ON_TRACK);
    assert_int_equal(progress_status_worse(STATUS_NONE, STATUS_DONE), STATUS_DONE);
    assert_int_equal(progress_status_worse(STATUS_NOT_MEASURED, STATUS_AT_RISK), STATUS_NOT_MEASURED);
    assert_int_equal(progress_status_worse(STATUS_MET, STATUS_MISSED), STATUS_MISSED);
    assert_string_equal(model_status_name(STATUS_NOT_MEASURED), "not measured");
    assert_string_equal(model_status_name(STATUS_NOT_DUE), "not due");
}

LND_TEST_MAIN(cmocka_unit_test(elapsed_counts_days), cmocka_unit_test(due_week_sets_the_end),
              cmocka_unit_test(programme_start_moves_the_pace), cmocka_unit_test(lagging_kr_starts_late),
              cmocka_unit_test(milestone_judged_by_due_week),
              cmocka_unit_test(after_the_cycle_met_missed_not_measured), cmocka_unit_test(worse_status_wins))
