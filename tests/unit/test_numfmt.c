/* SPDX-License-Identifier: MIT */
/* tests/unit/test_numfmt.c — one way to show a number (core/numfmt.c): computed ratios as
 * whole percents rounded half up (where printf's "%.0f" would round half to even), a
 * behaviour share exactly as stored, and counts with the right plural ("1 warning"). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include <stdio.h>

#include "../../core/numfmt.h"

static void ratios_round_half_up_to_whole_percents(void **st)
{
    (void)st;
    char b[32];
    num_pct(0.875, b, sizeof b);
    assert_string_equal(b, "88%");
    num_pct(0.41666667, b, sizeof b);
    assert_string_equal(b, "42%");
    num_pct(0.865, b, sizeof b);          /* "%.0f" gives 86 here */
    assert_string_equal(b, "87%");
    snprintf(b, sizeof b, "%.0f%%", 86.5);
    assert_string_equal(b, "86%");          /* why the rule exists: half to even */
    num_pct(0.125, b, sizeof b);
    assert_string_equal(b, "13%");
    num_pct(0.004, b, sizeof b);
    assert_string_equal(b, "0%");
    num_pct(1, b, sizeof b);
    assert_string_equal(b, "100%");
    num_pct(-0.025, b, sizeof b);
    assert_string_equal(b, "-3%");
    assert_int_equal(num_pct_round(0.575), 58);
}

static void a_share_reads_as_it_is_stored(void **st)
{
    (void)st;
    char b[80];
    assert_int_equal(num_share_text(7, 8, b, sizeof b), 0);
    assert_string_equal(b, "7 of 8 applying: 87.5%");
    assert_int_equal(num_share_text(5, 12, b, sizeof b), 0);
    assert_string_equal(b, "5 of 12 applying: 41.67%");
    assert_int_equal(num_share_text(6, 8, b, sizeof b), 0);
    assert_string_equal(b, "6 of 8 applying: 75%");
    assert_int_equal(num_share_text(9, 8, b, sizeof b), -1);
    assert_string_equal(b, "applied must be a whole number from 0 to observed");
}

static void counts_take_the_right_plural(void **st)
{
    (void)st;
    char b[32];
    num_count(1, "warning", "warnings", b, sizeof b);
    assert_string_equal(b, "1 warning");
    num_count(0, "warning", "warnings", b, sizeof b);
    assert_string_equal(b, "0 warnings");
    num_count(2, "KR", "KRs", b, sizeof b);
    assert_string_equal(b, "2 KRs");
    assert_string_equal(num_plural(1, "info", "info"), "info");
}

/* One reader of typed-in numbers for options, forms and spreadsheet cells. */
static void test_numbers_typed_in(void **st)
{
    (void)st;
    double d = 0;
    assert_true(num_parse("75", &d) && d == 75);
    assert_true(num_parse("-3.5", &d) && d == -3.5);
    assert_true(num_parse("1e3", &d) && d == 1000);
    const char *bad[] = {"", "0x10", "-0X1", "1e999", "7a", "nan", "inf"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) assert_false(num_parse(bad[i], &d));
    assert_false(num_parse(NULL, &d));
    long l = 0;
    assert_true(num_parse_long("12", 1, 53, &l) && l == 12);
    assert_false(num_parse_long("54", 1, 53, &l));
    assert_false(num_parse_long("1.5", 1, 53, &l));
    assert_false(num_parse_long("", 1, 53, &l));
    assert_false(num_parse_long("99999999999999999999", 0, 0x7fffffffL, &l));
}

LND_TEST_MAIN(cmocka_unit_test(test_numbers_typed_in),
              cmocka_unit_test(ratios_round_half_up_to_whole_percents),
              cmocka_unit_test(a_share_reads_as_it_is_stored), cmocka_unit_test(counts_take_the_right_plural))
