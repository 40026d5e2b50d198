/* SPDX-License-Identifier: MIT */
/* tests/unit/test_dates.c — calendar arithmetic a user sees: which week of the cycle today is,
 * strict date input, LND_TODAY for deterministic demos, and the timestamp of a check-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../core/dates.h"

static void parse_and_format_round_trip(void **st)
{
    (void)st;
    lnd_day d;
    char buf[16];
    assert_true(date_parse("1970-01-01", &d));
    assert_int_equal(d, 0);
    assert_true(date_parse("1969-12-31", &d));
    assert_int_equal(d, -1);
    assert_true(date_parse("2000-03-01", &d));
    assert_int_equal(d, 11017);
    assert_true(date_parse("2027-01-04", &d));
    date_format(d, buf, sizeof buf);
    assert_string_equal(buf, "2027-01-04");
    /* every day over four centuries survives a round trip, consecutively */
    lnd_day prev;
    assert_true(date_parse("1900-01-01", &prev));
    for (lnd_day x = prev + 1; x < prev + 400 * 366; x++) {
        date_format(x, buf, sizeof buf);
        assert_true(date_parse(buf, &d));
        assert_int_equal(d, x);
    }
}

static void leap_years_follow_the_gregorian_rules(void **st)
{
    (void)st;
    lnd_day a, b;
    assert_true(date_parse("2024-02-29", &a));
    assert_true(date_parse("2024-03-01", &b));
    assert_int_equal(b - a, 1);
    assert_true(date_parse("2000-02-29", NULL));
    assert_false(date_parse("1900-02-29", NULL));
    assert_false(date_parse("2027-02-29", NULL));
    assert_false(date_parse("2100-02-29", NULL));
}

static void parse_rejects_anything_but_a_real_yyyy_mm_dd(void **st)
{
    (void)st;
    const char *bad[] = {"", "2027-1-04", "2027-01-4", "27-01-04", "2027/01/04", "2027-00-10",
                         "2027-13-01", "2027-04-31", "2027-01-00", "2027-01-32", " 2027-01-04",
                         "2027-01-04 ", "2027-01-04x", "20270104", "abcd-ef-gh", "0000-01-01",
                         "+027-01-04", "2027-0a-04", NULL};
    for (int i = 0; bad[i]; i++) {
        lnd_day d = 12345;
        assert_false(date_parse(bad[i], &d));
        assert_int_equal(d, 12345);     /* untouched on failure */
    }
    assert_false(date_parse(NULL, NULL));
}

static void week_of_cycle_counts_from_one(void **st)
{
    (void)st;
    lnd_day s;
    assert_true(date_parse("2027-01-04", &s));
    assert_int_equal(date_week_of_cycle(s, 13, s - 1), 0);
    assert_int_equal(date_week_of_cycle(s, 13, s - 100), 0);
    assert_int_equal(date_week_of_cycle(s, 13, s), 1);
    assert_int_equal(date_week_of_cycle(s, 13, s + 6), 1);
    assert_int_equal(date_week_of_cycle(s, 13, s + 7), 2);
    assert_int_equal(date_week_of_cycle(s, 13, s + 13 * 7 - 1), 13);
    assert_int_equal(date_week_of_cycle(s, 13, s + 13 * 7), 14);
    assert_int_equal(date_week_of_cycle(s, 13, s + 1000), 14);
    assert_int_equal(date_week_start(s, 1), s);
    assert_int_equal(date_week_start(s, 3), s + 14);
    /* week start and week of cycle agree */
    for (int w = 1; w <= 13; w++)
        assert_int_equal(date_week_of_cycle(s, 13, date_week_start(s, w)), w);
}

static void lnd_today_fixes_today_and_the_stamp(void **st)
{
    (void)st;
    char buf[32];
    lnd_day d;
    setenv("LND_TODAY", "2027-02-15", 1);
    assert_true(date_env_today_valid());
    assert_true(date_parse("2027-02-15", &d));
    assert_int_equal(date_today(), d);
    date_now_stamp(buf, sizeof buf);
    assert_string_equal(buf, "2027-02-15 12:00:00");
    unsetenv("LND_TODAY");
}

static void invalid_lnd_today_falls_back_to_the_real_date(void **st)
{
    (void)st;
    lnd_day real = (lnd_day)(time(NULL) / 86400);
    const char *bad[] = {"tomorrow", "2027-02-30", "2027-2-1", NULL};
    for (int i = 0; bad[i]; i++) {
        setenv("LND_TODAY", bad[i], 1);
        assert_false(date_env_today_valid());
        lnd_day t = date_today();
        assert_true(t == real || t == real + 1);   /* midnight may pass */
    }
    setenv("LND_TODAY", "", 1);
    assert_true(date_env_today_valid());
    unsetenv("LND_TODAY");
    assert_true(date_env_today_valid());
    lnd_day t = date_today();
    assert_true(t == real || t == real + 1);
}

static void now_stamp_is_utc_and_well_formed(void **st)
{
    (void)st;
    unsetenv("LND_TODAY");
    char buf[32], day[16];
    date_now_stamp(buf, sizeof buf);
    assert_int_equal(strlen(buf), 19);
    memcpy(day, buf, 10);
    day[10] = '\0';
    lnd_day d;
    assert_true(date_parse(day, &d));
    assert_true(d == date_today() || d + 1 == date_today());
    assert_true(buf[10] == ' ' && buf[13] == ':' && buf[16] == ':');
    int h = atoi(buf + 11), m = atoi(buf + 14), s = atoi(buf + 17);
    assert_true(h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60);
    /* independent of the local time zone */
    setenv("TZ", "Pacific/Kiritimati", 1);
    tzset();
    char buf2[32];
    date_now_stamp(buf2, sizeof buf2);
    assert_memory_equal(buf, buf2, 10);
    unsetenv("TZ");
    tzset();
}

static void small_buffers_are_never_overrun(void **st)
{
    (void)st;
    char buf[8];
    memset(buf, 'x', sizeof buf);
    date_format(0, buf, 5);
    assert_string_equal(buf, "1970");
    assert_int_equal(buf[5], 'x');
    setenv("LND_TODAY", "2027-02-15", 1);
    memset(buf, 'x', sizeof buf);
    date_now_stamp(buf, 6);
    assert_string_equal(buf, "2027-");
    assert_int_equal(buf[6], 'x');
    unsetenv("LND_TODAY");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_and_format_round_trip),
        cmocka_unit_test(leap_years_follow_the_gregorian_rules),
        cmocka_unit_test(parse_rejects_anything_but_a_real_yyyy_mm_dd),
        cmocka_unit_test(week_of_cycle_counts_from_one),
        cmocka_unit_test(lnd_today_fixes_today_and_the_stamp),
        cmocka_unit_test(invalid_lnd_today_falls_back_to_the_real_date),
        cmocka_unit_test(now_stamp_is_utc_and_well_formed),
        cmocka_unit_test(small_buffers_are_never_overrun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
