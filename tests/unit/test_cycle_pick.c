/* SPDX-License-Identifier: MIT */
/* tests/unit/test_cycle_pick.c — which cycle is shown when none is named (core/cycle_pick.c):
 * status and the dashboard open on the active cycle containing today even while last
 * quarter is in review; review and report stay on the cycle in review until it is closed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include <string.h>

#include "../../core/cycle_pick.h"
#include "../../core/plan_parent.h"

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

/* One quarter's life, day by day: planning, running, in review while the next one is already
 * active but not started, the next quarter running with the review pending, closed. */
static void now_follows_a_quarter_through_its_life(void **st)
{
    (void)st;
    lnd_cycle cs[] = {
        {.id = 1, .name = "2026-Q4", .start = "2026-10-05", .weeks = 13, .state = CYCLE_PLANNING},
        {.id = 2, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_PLANNING},
    };
    /* planning, before the quarter: nothing active, nothing in review: the newest */
    assert_int_equal(cycle_pick(cs, 2, day("2026-09-20"), CYCLE_FOR_NOW), 1);
    cs[0].state = CYCLE_ACTIVE;
    assert_int_equal(cycle_pick(cs, 2, day("2026-09-20"), CYCLE_FOR_NOW), 0);   /* active, not started */
    assert_int_equal(cycle_pick(cs, 2, day("2026-11-01"), CYCLE_FOR_NOW), 0);   /* during */
    /* Q4 in review before its end, Q1 already active but not started: still Q4 */
    cs[0].state = CYCLE_REVIEW;
    cs[1].state = CYCLE_ACTIVE;
    assert_int_equal(cycle_pick(cs, 2, day("2026-12-20"), CYCLE_FOR_NOW), 0);
    assert_int_equal(cycle_pick(cs, 2, day("2026-12-20"), CYCLE_FOR_REVIEW), 0);
    /* after the quarter: Q1 contains today; review stays on Q4 until it is closed */
    assert_int_equal(cycle_pick(cs, 2, day("2027-01-04"), CYCLE_FOR_NOW), 1);
    assert_int_equal(cycle_pick(cs, 2, day("2027-01-10"), CYCLE_FOR_REVIEW), 0);
    /* after close */
    cs[0].state = CYCLE_CLOSED;
    assert_int_equal(cycle_pick(cs, 2, day("2026-12-20"), CYCLE_FOR_NOW), 1);
    assert_int_equal(cycle_pick(cs, 2, day("2027-01-10"), CYCLE_FOR_REVIEW), 1);
    /* Q4 still active past its end, Q1 in planning: the newest active one */
    cs[0].state = CYCLE_ACTIVE;
    cs[1].state = CYCLE_PLANNING;
    assert_int_equal(cycle_pick(cs, 2, day("2027-01-10"), CYCLE_FOR_NOW), 0);
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

static void the_next_cycle_follows_the_newest_or_is_this_quarter(void **st)
{
    (void)st;
    char name[16], b[16];
    lnd_day start;
    cycle_suggest(NULL, 0, day("2027-02-17"), name, sizeof name, &start);
    date_format(start, b, sizeof b);
    assert_string_equal(name, "2027-Q1");
    assert_string_equal(b, "2027-01-04");            /* the first Monday of the quarter */
    cycle_suggest(NULL, 0, day("2026-11-30"), name, sizeof name, &start);
    date_format(start, b, sizeof b);
    assert_string_equal(name, "2026-Q4");
    assert_string_equal(b, "2026-10-05");
    lnd_cycle cs[] = {
        {.id = 2, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE},
        {.id = 1, .name = "2026-Q4", .start = "2026-10-05", .weeks = 13, .state = CYCLE_CLOSED},
    };
    cycle_suggest(cs, 2, day("2027-02-17"), name, sizeof name, &start);
    date_format(start, b, sizeof b);
    assert_string_equal(name, "2027-Q2");
    assert_string_equal(b, "2027-04-05");            /* the day after 2027-Q1 ends */
}

/* O1 business, O2 under O1, O3 under O2, O4 business, O5 archived */
static void a_parent_picker_offers_no_loop_and_nothing_archived(void **st)
{
    (void)st;
    lnd_plan *p = plan_new();
    p->objs = arena_alloc(p->arena, 5 * sizeof *p->objs);
    memset(p->objs, 0, 5 * sizeof *p->objs);
    lnd_id parent[] = {0, 1, 2, 0, 0};
    for (int i = 0; i < 5; i++) {
        p->objs[i].id = i + 1;
        p->objs[i].parent_id = parent[i];
        p->objs[i].level = parent[i] ? LEVEL_LD : LEVEL_BUSINESS;
        p->objs[i].title = "t";
    }
    p->objs[4].archived = true;
    p->nobjs = 5;
    plan_index(p);
    size_t *c;
    long at;
    size_t n = plan_parent_choices(p, 2, &c, &at);   /* O2 may sit under O1 or O4 only */
    assert_int_equal(n, 2);
    assert_int_equal(p->objs[c[0]].id, 1);
    assert_int_equal(p->objs[c[1]].id, 4);
    assert_int_equal(at, 0);                         /* its parent now: O1 */
    n = plan_parent_choices(p, 0, &c, &at);          /* a new objective: any live one */
    assert_int_equal(n, 4);
    assert_int_equal(at, -1);
    n = plan_parent_choices(p, 1, &c, &at);          /* O1: only O4 (O2 and O3 sit beneath) */
    assert_int_equal(n, 1);
    assert_int_equal(p->objs[c[0]].id, 4);
    plan_free(p);
}

LND_TEST_MAIN(cmocka_unit_test(review_waits_for_the_close_while_now_is_the_running_quarter),
              cmocka_unit_test(now_prefers_the_active_cycle_containing_today),
              cmocka_unit_test(now_follows_a_quarter_through_its_life),
              cmocka_unit_test(two_in_review_take_the_earlier_first),
              cmocka_unit_test(the_next_cycle_follows_the_newest_or_is_this_quarter),
              cmocka_unit_test(a_parent_picker_offers_no_loop_and_nothing_archived))
