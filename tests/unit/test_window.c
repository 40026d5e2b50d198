/* tests/unit/test_window.c — after the quarter: the day a measurement window closes (leap
 * years included, a programme with no end week), which follow-up a check-in settles (the
 * nearest date wins, one check-in settles at most one), follow-up states, and the cohort
 * comparison (unequal counts, one value, decrease KRs). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include <string.h>

#include "../../core/cohort.h"
#include "../../core/window.h"

static lnd_day D(const char *s)
{
    lnd_day d = 0;
    assert_true(date_parse(s, &d));
    return d;
}

static void expect_day(lnd_day d, const char *want)
{
    char buf[16];
    date_format(d, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void the_window_closes_on_the_last_offset_plus_fourteen_days(void **st)
{
    (void)st;
    window_rules r;
    window_rules_default(&r);
    /* cycle from Monday 2027-01-04; a programme ending in week 6 ends Sunday 2027-02-14 */
    lnd_day end = window_programme_end(D("2027-01-04"), 13, 6);
    expect_day(end, "2027-02-14");
    expect_day(window_close(&r, end), "2027-05-29");   /* +104 days: the window's last day */
    r.window_days = 120;
    expect_day(window_close(&r, end), "2027-06-14");
    /* a programme with no end week runs to the cycle's last day */
    expect_day(window_programme_end(D("2027-01-04"), 13, 0), "2027-04-04");
    expect_day(window_programme_end(D("2027-01-04"), 13, 20), "2027-04-04");
}

static void leap_years_count_the_29th_of_february(void **st)
{
    (void)st;
    window_rules r;
    window_rules_default(&r);
    /* 2028 is a leap year: a programme ending Sunday 2028-01-30, +30 days is 29 Feb */
    lnd_day end = window_programme_end(D("2027-12-27"), 13, 5);
    expect_day(end, "2028-01-30");
    expect_day(end + r.offsets[0], "2028-02-29");
    expect_day(window_close(&r, end), "2028-05-13");
    /* 2027 is not: the same programme a year earlier lands on 1 March */
    lnd_day e27 = window_programme_end(D("2026-12-28"), 13, 5);
    expect_day(e27 + 30, "2027-03-02");
    /* 2100 is not a leap year either */
    expect_day(D("2100-02-28") + 1, "2100-03-01");
}

static void a_check_in_settles_the_nearest_follow_up_inside_its_span(void **st)
{
    (void)st;
    window_rules r;
    window_rules_default(&r);
    lnd_day end = D("2027-02-14");                           /* +30 = 16 Mar, +60 = 15 Apr */
    assert_int_equal(window_match(&r, end, D("2027-03-08")), -1);   /* 8 days early */
    assert_int_equal(window_match(&r, end, D("2027-03-09")), 0);    /* 7 days early */
    assert_int_equal(window_match(&r, end, D("2027-03-30")), 0);    /* 14 days late */
    assert_int_equal(window_match(&r, end, D("2027-03-31")), -1);   /* 15 days late */
    assert_int_equal(window_match(&r, end, D("2027-04-15")), 1);
    assert_int_equal(window_match(&r, end, D("2027-05-15")), 2);
    assert_int_equal(window_match(&r, end, D("2027-02-20")), -1);   /* during the cycle */
    /* overlapping spans (offsets 30 and 40): the nearest date wins, one follow-up only */
    r.offsets[1] = 40;
    r.offsets[2] = 90;
    assert_int_equal(window_match(&r, end, D("2027-03-21")), 0);    /* +35: 5 after +30, 5 before +40: the earlier */
    assert_int_equal(window_match(&r, end, D("2027-03-22")), 1);    /* +36: nearer +40 */
    assert_int_equal(window_match(&r, end, D("2027-03-18")), 0);    /* +32 */
}

static void follow_up_states_move_with_today(void **st)
{
    (void)st;
    lnd_day due = D("2027-03-16");
    assert_int_equal(window_fu_state_at(due, false, D("2027-03-08")), FU_UPCOMING);
    assert_int_equal(window_fu_state_at(due, false, D("2027-03-09")), FU_DUE);
    assert_int_equal(window_fu_state_at(due, false, D("2027-03-16")), FU_DUE);
    assert_int_equal(window_fu_state_at(due, false, D("2027-03-17")), FU_OVERDUE);
    assert_int_equal(window_fu_state_at(due, false, D("2027-03-30")), FU_OVERDUE);
    assert_int_equal(window_fu_state_at(due, false, D("2027-03-31")), FU_MISSED);
    assert_int_equal(window_fu_state_at(due, true, D("2027-03-31")), FU_DONE);
    assert_string_equal(window_fu_state_name(FU_MISSED), "missed");
    assert_true(window_kr_followed(EV_RESULTS));
    assert_true(window_kr_followed(EV_BEHAVIOUR));
    assert_false(window_kr_followed(EV_ACTIVITY));
}

static void cohort_names_come_from_the_programme(void **st)
{
    (void)st;
    char b[COHORT_NAME_MAX + 1];
    assert_true(cohort_name(COHORT_DEFAULT, 0, b, sizeof b));
    assert_string_equal(b, "trained");
    assert_true(cohort_name(" pilot , control ", 1, b, sizeof b));
    assert_string_equal(b, "control");
    assert_false(cohort_name("pilot,control", 2, b, sizeof b));
    assert_int_equal(cohort_index(COHORT_DEFAULT, "not yet trained"), 1);
    assert_int_equal(cohort_index(COHORT_DEFAULT, " trained "), 0);
    assert_int_equal(cohort_index(COHORT_DEFAULT, "Trained"), -1);
    assert_int_equal(cohort_index(COHORT_DEFAULT, ""), -1);
    assert_true(cohort_list_valid("pilot,control"));
    assert_false(cohort_list_valid("pilot"));
    assert_false(cohort_list_valid("pilot,pilot"));
    assert_false(cohort_list_valid("pilot,,control"));
}

#define CK(i, day, v, c) {.id = i, .at = day " 12:00:00", .value = v, .cohort = c}

static void the_comparison_is_trained_change_minus_comparison_change(void **st)
{
    (void)st;
    /* unequal counts, out of order: trained 64 -> 71 (5), not yet trained 64 -> 65 (4) */
    lnd_checkin cs[] = {
        CK(9, "2027-03-01", 71, "trained"), CK(1, "2027-01-10", 64, "trained"),
        CK(2, "2027-01-10", 64, "not yet trained"), CK(3, "2027-01-24", 66, "trained"),
        CK(4, "2027-01-24", 64, "not yet trained"), CK(5, "2027-02-07", 68, "trained"),
        CK(6, "2027-02-07", 63, "not yet trained"), CK(7, "2027-02-21", 70, "trained"),
        CK(8, "2027-03-01", 65, "not yet trained"), CK(10, "2027-03-02", 99, ""),
    };
    cohort_cmp c;
    cohort_compare(cs, 10, "trained", "not yet trained", DIR_INCREASE, &c);
    assert_true(c.comparable);
    assert_int_equal(c.trained.n, 5);
    assert_int_equal(c.other.n, 4);
    assert_true(c.trained.first == 64 && c.trained.last == 71);
    assert_true(c.other.first == 64 && c.other.last == 65);
    assert_true(c.diff == 6);
    /* a decrease KR (handling time): the trained cohort going down more is positive */
    lnd_checkin dec[] = {CK(1, "2027-01-10", 10, "pilot"), CK(2, "2027-02-10", 6, "pilot"),
                         CK(3, "2027-01-10", 10, "control"), CK(4, "2027-02-10", 9, "control")};
    cohort_compare(dec, 4, "pilot", "control", DIR_DECREASE, &c);
    assert_true(c.comparable);
    assert_true(c.diff == 3);
    /* one value in a cohort: too few to compare */
    cohort_compare(dec, 3, "pilot", "control", DIR_DECREASE, &c);
    assert_false(c.comparable);
    assert_int_equal(c.other.n, 1);
    cohort_compare(cs, 10, "pilot", "control", DIR_INCREASE, &c);
    assert_false(c.comparable);
    assert_int_equal(c.trained.n, 0);
}

LND_TEST_MAIN(cmocka_unit_test(the_window_closes_on_the_last_offset_plus_fourteen_days),
              cmocka_unit_test(leap_years_count_the_29th_of_february),
              cmocka_unit_test(a_check_in_settles_the_nearest_follow_up_inside_its_span),
              cmocka_unit_test(follow_up_states_move_with_today),
              cmocka_unit_test(cohort_names_come_from_the_programme),
              cmocka_unit_test(the_comparison_is_trained_change_minus_comparison_change))
