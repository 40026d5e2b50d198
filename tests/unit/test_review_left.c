/* SPDX-License-Identifier: MIT */
/* tests/unit/test_review_left.c — what closing a cycle says is left of its review: live
 * objectives without a review row; archived ones do not count, reviews in any order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../core/review_left.h"

static void test_counts_live_objectives_without_a_review(void **st)
{
    (void)st;
    lnd_objective objs[4] = {{.id = 1}, {.id = 2}, {.id = 3, .archived = true}, {.id = 4}};
    lnd_plan p = {.objs = objs, .nobjs = 4};
    lnd_review rv[2] = {{.objective_id = 4}, {.objective_id = 3}};
    size_t live = 99;
    assert_int_equal(review_left(&p, rv, 2, &live), 2);   /* O1 and O2 */
    assert_int_equal(live, 3);
    assert_int_equal(review_left(&p, NULL, 0, &live), 3);
    lnd_review all[3] = {{.objective_id = 2}, {.objective_id = 1}, {.objective_id = 4}};
    assert_int_equal(review_left(&p, all, 3, &live), 0);
    assert_int_equal(review_left(NULL, all, 3, &live), 0);
    assert_int_equal(live, 0);
}

LND_TEST_MAIN(cmocka_unit_test(test_counts_live_objectives_without_a_review))
