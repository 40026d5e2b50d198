/* SPDX-License-Identifier: MIT */
/* tests/unit/test_jsonw.c — core/jsonw.c writes the bytes jansson writes (`lnd status
 * --format json` moved from jansson to it and scripts read it): the same document built both
 * ways must compare equal, for awkward strings, reals, nesting and empty containers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_main.h"
#include <jansson.h>
#include <limits.h>
#include <math.h>

#include "../../core/jsonw.h"

static const size_t FLAGS = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10);

static char *jansson_text(json_t *j)
{
    char *s = json_dumps(j, FLAGS);
    json_decref(j);
    return s;
}

static void test_strings_as_jansson(void **state)
{
    (void)state;
    static const char *const vals[] = {"", "plain", "quote \" backslash \\ slash /", "\x01\x1f\x7f\b\f\n\r\t",
                                       "é ✅ 🟢 U+2028:\xe2\x80\xa8", "Win rate > 18% & <b>"};
    json_t *o = json_object();
    lnd_buf b = {0};
    jw w;
    jw_init(&w, &b);
    jw_obj(&w);
    char key[16];
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        snprintf(key, sizeof key, "s%zu", i);
        json_object_set_new(o, key, json_string(vals[i]));
        jw_kstr(&w, key, vals[i]);
    }
    json_object_set_new(o, "none", json_null());
    jw_kstr(&w, "none", NULL);
    jw_end_obj(&w);
    char *want = jansson_text(o);
    assert_string_equal(buf_str(&b), want);
    free(want);
    buf_free(&b);
}

static void test_bad_utf8_sanitised_not_dropped(void **state)
{
    (void)state;
    lnd_buf b = {0};
    jw w;
    jw_init(&w, &b);
    jw_obj(&w);
    jw_kstr(&w, "unit", "a\xff" "b");
    jw_end_obj(&w);
    assert_string_equal(buf_str(&b), "{\n  \"unit\": \"a\xef\xbf\xbd" "b\"\n}");
    buf_free(&b);
}

static void test_reals_and_nesting_as_jansson(void **state)
{
    (void)state;
    static const double reals[] = {0, -0.0, 3, 0.4615384615384, 1e20, 1e-5, -2.5e-300, 123456789012.0, 0.1};
    json_t *o = json_object(), *a = json_array(), *inner = json_object();
    lnd_buf b = {0};
    jw w;
    jw_init(&w, &b);
    jw_obj(&w);
    char key[16];
    for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++) {
        snprintf(key, sizeof key, "r%zu", i);
        json_object_set_new(o, key, json_real(reals[i]));
        jw_kreal(&w, key, reals[i]);
    }
    jw_kreal(&w, "nan", NAN);   /* jansson refuses it: the member is left out */
    json_object_set_new(o, "n", json_integer(-42));
    jw_kint(&w, "n", -42);
    json_object_set_new(o, "id", json_string("O12"));
    jw_kid(&w, "id", 'O', 12);
    json_object_set_new(o, "empty_obj", json_object());
    jw_kobj(&w, "empty_obj");
    jw_end_obj(&w);
    json_object_set_new(o, "empty_arr", json_array());
    jw_karr(&w, "empty_arr");
    jw_end_arr(&w);
    json_object_set_new(inner, "k", json_real(0.5));
    json_array_append_new(a, inner);
    json_array_append_new(a, json_object());
    json_object_set_new(o, "list", a);
    jw_karr(&w, "list");
    jw_obj(&w);
    jw_kreal(&w, "k", 0.5);
    jw_end_obj(&w);
    jw_obj(&w);
    jw_end_obj(&w);
    jw_end_arr(&w);
    jw_end_obj(&w);
    char *want = jansson_text(o);
    assert_string_equal(buf_str(&b), want);
    free(want);
    buf_free(&b);
}

/* issue 15: whole numbers and integers are written without printf; the bytes must stay
 * jansson's at both precisions (10: status, 17: export), signs and exponents included. */
static void test_whole_numbers_as_jansson(void **state)
{
    (void)state;
    static const double reals[] = {0, -0.0, 1, -7, 55, 999999999, 1234567890, -1234567890, 12345678901.0,
                                   1e14, 999999999999999.0, 1e15, -1e15, 9007199254740993.0, 1e300};
    static const long long ints[] = {0, -1, 9, 10, LLONG_MIN, LLONG_MAX};
    for (int prec = 10; prec <= 17; prec += 7) {
        json_t *o = json_object();
        lnd_buf b = {0};
        jw w;
        jw_init(&w, &b);
        w.prec = prec;
        jw_obj(&w);
        char key[16];
        for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++) {
            snprintf(key, sizeof key, "r%zu", i);
            json_object_set_new(o, key, json_real(reals[i]));
            jw_kreal(&w, key, reals[i]);
        }
        for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
            snprintf(key, sizeof key, "i%zu", i);
            json_object_set_new(o, key, json_integer(ints[i]));
            jw_kint(&w, key, ints[i]);
        }
        jw_end_obj(&w);
        char *want = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(prec));
        json_decref(o);
        assert_string_equal(buf_str(&b), want);
        free(want);
        buf_free(&b);
    }
}

LND_TEST_MAIN(cmocka_unit_test(test_strings_as_jansson),
              cmocka_unit_test(test_bad_utf8_sanitised_not_dropped),
              cmocka_unit_test(test_reals_and_nesting_as_jansson),
              cmocka_unit_test(test_whole_numbers_as_jansson))
