/* SPDX-License-Identifier: MIT */
/* tests/unit/test_cycle_pick.c — which cycle is shown when none is named (core/cycle_pick.c):
 * status and the dashboard open on the active cycle containing today even while last
 * quarter is in review; review and report stay on the cycle in review until it is closed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../core/cycle_pick.h"

static lnd_day day(const char *s)
{
    lnd_day d = 0;
    assert_true(date_parse(s, &d));
    return d;
}

static void review_waits_for_the_close_while_now_is_the_running_quarter(void **st)
{
    (void)st;
    lnd_cycle cs[] = {
        {.id = 1, .name = "2026-Q4", .start = "2026-10-05", .weeks = 13, .state = CYCLE_REVIEW},
        {.id = 2, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE},
        {.id = 3, .name = "2027-Q2", .start = "2027-04-05", .weeks = 13, .state = CYCLE_PLANNING},
    };
    lnd_day today = day("2027-02-17");
    assert_int_equal(cycle_pick(cs, 3, today, CYCLE_FOR_NOW), 1);
    assert_int_equal(cycle_pick(cs, 3, today, CYCLE_FOR_REVIEW), 0);
    assert_int_equal(cycle_review_pending(cs, 3), 0);
    cs[0].state = CYCLE_CLOSED;
    assert_int_equal(cycle_pick(cs, 3, today, CYCLE_FOR_REVIEW), 1);
    assert_int_equal(cycle_review_pending(cs, 3), -1);
}

static void now_prefers_the_active_cycle_containing_today(void **st)
{
    (void)st;
    lnd_cycle cs[] = {
        {.id = 1, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE},
        {.id = 2, .name = "2027-Q2", .start = "2027-04-05", .weeks = 13, .state = CYCLE_ACTIVE},
        {.id = 3, .name = "2027-Q3", .start = "2027-07-05", .weeks = 13, .state = CYCLE_PLANNING},
    };
    assert_int_equal(cycle_pick(cs, 3, day("2027-02-17"), CYCLE_FOR_NOW), 0);
    assert_int_equal(cycle_pick(cs, 3, day("2027-04-05"), CYCLE_FOR_NOW), 1);   /* the first day of Q2 */
    /* no active cycle contains today: the newest active one */
    assert_int_equal(cycle_pick(cs, 3, day("2027-09-01"), CYCLE_FOR_NOW), 1);
    /* nothing active: the one in review, else the newest by start */
    cs[0].state = cs[1].state = CYCLE_PLANNING;
    assert_int_equal(cycle_pick(cs, 3, day("2027-02-17"), CYCLE_FOR_NOW), 2);
    cs[0].state = CYCLE_REVIEW;
    assert_int_equal(cycle_pick(cs, 3, day("2027-02-17"), CYCLE_FOR_NOW), 0);
    assert_int_equal(cycle_pick(cs, 0, day("2027-02-17"), CYCLE_FOR_NOW), -1);
}

static void two_in_review_take_the_earlier_first(void **st)
{
    (void)st;
    lnd_cycle cs[] = {
        {.id = 5, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_REVIEW},
        {.id = 4, .name = "2026-Q4", .start = "2026-10-05", .weeks = 13, .state = CYCLE_REVIEW},
    };
    assert_int_equal(cycle_review_pending(cs, 2), 1);
    assert_int_equal(cycle_pick(cs, 2, day("2027-04-20"), CYCLE_FOR_REVIEW), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(review_waits_for_the_close_while_now_is_the_running_quarter),
        cmocka_unit_test(now_prefers_the_active_cycle_containing_today),
        cmocka_unit_test(two_in_review_take_the_earlier_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
