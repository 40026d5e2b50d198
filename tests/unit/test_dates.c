/* SPDX-License-Identifier: MIT */
/* tests/unit/test_dates.c — calendar arithmetic a user sees: which week of the cycle today is,
 * strict date input, LND_TODAY/LND_NOW for deterministic runs, today as the local date in
 * any time zone, and the UTC timestamp of a check-in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../core/dates.h"

int cli_clock_init(void);   /* cli/clock.c: the clock, LND_NOW, LND_TODAY and TZ */

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
    unsetenv("LND_NOW");
    setenv("LND_TODAY", "2027-02-15", 1);
    assert_int_equal(cli_clock_init(), 0);
    assert_true(date_parse("2027-02-15", &d));
    assert_int_equal(date_today(), d);
    date_now_stamp(buf, sizeof buf);
    assert_string_equal(buf, "2027-02-15 12:00:00");
    unsetenv("LND_TODAY");
}

static void invalid_lnd_today_or_now_is_refused_and_the_real_date_used(void **st)
{
    (void)st;
    lnd_day real = (lnd_day)(time(NULL) / 86400);
    const char *bad[] = {"tomorrow", "2027-02-30", "2027-2-1", NULL};
    setenv("TZ", "UTC", 1);
    for (int i = 0; bad[i]; i++) {
        setenv("LND_TODAY", bad[i], 1);
        assert_int_equal(cli_clock_init(), 64);
        lnd_day t = date_today();
        assert_true(t == real || t == real + 1);   /* midnight may pass */
    }
    unsetenv("LND_TODAY");
    const char *badnow[] = {"2027-02-15 12:00:00", "2027-02-15T25:00:00Z", "2027-02-15T12:00:00", NULL};
    for (int i = 0; badnow[i]; i++) {
        setenv("LND_NOW", badnow[i], 1);
        assert_int_equal(cli_clock_init(), 64);
    }
    unsetenv("LND_NOW");
    setenv("LND_TODAY", "", 1);
    assert_int_equal(cli_clock_init(), 0);
    lnd_day t = date_today();
    assert_true(t == real || t == real + 1);
    unsetenv("LND_TODAY");
    unsetenv("TZ");
}

/* 21:20 on 1 December in California is 05:20 UTC on 2 December: stored in UTC, today and
 * the stamp's day are the local 1 December; in Tokyo the same instant is 2 December. */
static void today_is_the_local_date_and_stamps_stay_utc(void **st)
{
    (void)st;
    char buf[32];
    lnd_day dec1, dec2;
    assert_true(date_parse("2026-12-01", &dec1));
    assert_true(date_parse("2026-12-02", &dec2));
    unsetenv("LND_TODAY");
    setenv("LND_NOW", "2026-12-02T05:20:00Z", 1);
    setenv("TZ", "America/Los_Angeles", 1);
    assert_int_equal(cli_clock_init(), 0);
    assert_int_equal(date_today(), dec1);
    date_now_stamp(buf, sizeof buf);
    assert_string_equal(buf, "2026-12-02 05:20:00");
    assert_int_equal(date_stamp_day(buf), dec1);
    date_stamp_local(buf, true, buf, sizeof buf);
    assert_string_equal(buf, "2026-12-01 21:20 PST");
    setenv("TZ", "Asia/Tokyo", 1);
    setenv("LND_NOW", "2026-12-01T14:59:59Z", 1);     /* 23:59:59 in Tokyo */
    assert_int_equal(cli_clock_init(), 0);
    assert_int_equal(date_today(), dec1);
    setenv("LND_NOW", "2026-12-01T15:00:00Z", 1);     /* midnight in Tokyo */
    assert_int_equal(cli_clock_init(), 0);
    assert_int_equal(date_today(), dec2);
    assert_int_equal(date_stamp_day("2026-12-01 15:00:00"), dec2);
    unsetenv("LND_NOW");
    unsetenv("TZ");
}

static void instants_parse_in_the_stored_and_the_iso_form(void **st)
{
    (void)st;
    long long a, b;
    char buf[32];
    assert_true(date_parse_instant("2026-12-02 05:20:00", &a));
    assert_true(date_parse_instant("2026-12-02T05:20:00Z", &b));
    assert_true(a == b);
    date_format_instant(a, true, buf, sizeof buf);
    assert_string_equal(buf, "2026-12-02T05:20:00Z");
    date_format_instant(a, false, buf, sizeof buf);
    assert_string_equal(buf, "2026-12-02 05:20:00");
    assert_false(date_parse_instant("2026-12-02T05:20:00", NULL));
    assert_false(date_parse_instant("2026-12-02 05:20:60", NULL));
    assert_false(date_parse_instant("2026-02-30 05:20:00", NULL));
}

static void small_buffers_are_never_overrun(void **st)
{
    (void)st;
    char buf[8];
    memset(buf, 'x', sizeof buf);
    date_format(0, buf, 5);
    assert_string_equal(buf, "1970");
    assert_int_equal(buf[5], 'x');
    date_set_clock(0, 0);
    memset(buf, 'x', sizeof buf);
    date_now_stamp(buf, 6);
    assert_string_equal(buf, "1970-");
    assert_int_equal(buf[6], 'x');
}

LND_TEST_MAIN(cmocka_unit_test(parse_and_format_round_trip),
              cmocka_unit_test(leap_years_follow_the_gregorian_rules),
              cmocka_unit_test(parse_rejects_anything_but_a_real_yyyy_mm_dd),
              cmocka_unit_test(week_of_cycle_counts_from_one),
              cmocka_unit_test(lnd_today_fixes_today_and_the_stamp),
              cmocka_unit_test(invalid_lnd_today_or_now_is_refused_and_the_real_date_used),
              cmocka_unit_test(today_is_the_local_date_and_stamps_stay_utc),
              cmocka_unit_test(instants_parse_in_the_stored_and_the_iso_form),
              cmocka_unit_test(small_buffers_are_never_overrun))
