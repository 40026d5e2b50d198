/* SPDX-License-Identifier: MIT */
/* tests/unit/test_tui_le.c — the line editor's key handling (tui/tui_le.c), the form's field
 * navigation and validation (tui/tui_form.c): what a user typing in a check-in would notice. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../tui/tui_form.h"
#include "../../tui/tui_key.h"
#include "../../tui/tui_le.h"

static void type(tui_le *e, const char *s)
{
    /* ASCII and 2-3 byte UTF-8 sequences to code points */
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        unsigned cp = *u++;
        if (cp >= 0xE0) { cp = ((cp & 0x0F) << 12) | ((u[0] & 0x3F) << 6) | (u[1] & 0x3F); u += 2; }
        else if (cp >= 0xC0) { cp = ((cp & 0x1F) << 6) | (u[0] & 0x3F); u += 1; }
        tui_le_key(e, (int)cp);
    }
}

static void test_insert_and_move(void **st)
{
    (void)st;
    tui_le e;
    tui_le_set(&e, NULL);
    type(&e, "hello");
    assert_string_equal(e.buf, "hello");
    assert_int_equal(tui_le_key(&e, TK_CTRL('a')), LE_MOVED);
    type(&e, ">");
    assert_string_equal(e.buf, ">hello");
    assert_int_equal(tui_le_key(&e, TK_CTRL('e')), LE_MOVED);
    assert_int_equal(e.cur, e.len);
    assert_int_equal(tui_le_key(&e, TK_CTRL('e')), LE_NOOP);
}

static void test_utf8_backspace_and_arrows(void **st)
{
    (void)st;
    tui_le e;
    tui_le_set(&e, "");
    type(&e, "Zoë→x");
    assert_string_equal(e.buf, "Zoë→x");
    tui_le_key(&e, TK_BACKSPACE);
    tui_le_key(&e, TK_BACKSPACE);   /* removes the 3-byte arrow whole */
    assert_string_equal(e.buf, "Zoë");
    tui_le_key(&e, TK_LEFT);        /* before ë (2 bytes) */
    assert_int_equal(e.cur, 2);
    tui_le_key(&e, TK_DC);
    assert_string_equal(e.buf, "Zo");
}

static void test_kill_keys(void **st)
{
    (void)st;
    tui_le e;
    tui_le_set(&e, "six of eight applied");
    assert_int_equal(tui_le_key(&e, TK_CTRL('w')), LE_CHANGED);
    assert_string_equal(e.buf, "six of eight ");
    tui_le_key(&e, TK_CTRL('w'));
    assert_string_equal(e.buf, "six of ");
    tui_le_key(&e, TK_CTRL('a'));
    tui_le_key(&e, TK_CTRL('f'));
    tui_le_key(&e, TK_CTRL('f'));
    tui_le_key(&e, TK_CTRL('f'));
    assert_int_equal(tui_le_key(&e, TK_CTRL('k')), LE_CHANGED);
    assert_string_equal(e.buf, "six");
    assert_int_equal(tui_le_key(&e, TK_CTRL('u')), LE_CHANGED);
    assert_string_equal(e.buf, "");
    assert_int_equal(tui_le_key(&e, TK_BACKSPACE), LE_NOOP);
}

static void test_enter_esc_and_unhandled(void **st)
{
    (void)st;
    tui_le e;
    tui_le_set(&e, "draft");
    assert_int_equal(tui_le_key(&e, '\r'), LE_SAVE);
    assert_int_equal(tui_le_key(&e, TK_ENTER), LE_SAVE);
    assert_int_equal(tui_le_key(&e, TK_ESC), LE_CANCEL);
    assert_int_equal(tui_le_key(&e, '\t'), LE_UNHANDLED);
    assert_int_equal(tui_le_key(&e, TK_UP), LE_UNHANDLED);
    assert_int_equal(tui_le_key(&e, 0x9b), LE_UNHANDLED);   /* C1 control is not text */
    assert_string_equal(e.buf, "draft");                     /* the draft is kept */
}

static void test_full_buffer(void **st)
{
    (void)st;
    tui_le e;
    tui_le_set(&e, "");
    for (int i = 0; i < TUI_LE_MAX + 10; i++) tui_le_key(&e, 'x');
    assert_int_equal(e.len, TUI_LE_MAX - 1);
    assert_int_equal(tui_le_key(&e, 0x2192), LE_NOOP);
}

static void test_view_scrolls_to_cursor(void **st)
{
    (void)st;
    tui_le e;
    size_t start = 0;
    tui_le_set(&e, "abcdefghijklmnopqrstuvwxyz");
    int col = tui_le_view(&e, 10, &start);
    assert_true(col < 10);
    assert_int_equal(start + (size_t)col, e.cur);
    tui_le_key(&e, TK_HOME);
    assert_int_equal(tui_le_view(&e, 10, &start), 0);
    assert_int_equal(start, 0);
}

/* A note still holding Latin-1 bytes (loaded before the v4 repair) cannot be saved as is. */
static void test_form_refuses_text_that_is_not_utf8(void **st)
{
    (void)st;
    tui_form f;
    tui_form_init(&f, NULL, "t");
    tui_form_text(&f, "Note", "caf\xe9", false);
    assert_false(tui_form_validate(&f));
    assert_string_equal(f.f[0].err, "not valid UTF-8 at byte 3; retype it");
    tui_form_key(&f, TK_BACKSPACE);
    tui_form_key(&f, 0xE9);                        /* typed é is encoded as UTF-8 */
    assert_true(tui_form_validate(&f));
    assert_string_equal(tui_form_str(&f, 0), "caf\xc3\xa9");
}

/* A behaviour check-in is told by its fields' roles, whatever their labels say. */
static void test_form_finds_fields_by_role(void **st)
{
    (void)st;
    tui_form f;
    tui_form_init(&f, NULL, "t");
    tui_form_num(&f, "Value", "3", true, 1, 0, false);
    assert_int_equal(tui_form_find(&f, FR_OBSERVED), -1);
    int o = tui_form_num(&f, "Beobachtet", "10", true, 1, 100, true);
    f.f[o].role = FR_OBSERVED;
    int c = tui_form_text(&f, "Cohort", "", false);
    f.f[c].role = FR_COHORT;
    assert_int_equal(tui_form_find(&f, FR_OBSERVED), 1);
    assert_int_equal(tui_form_find(&f, FR_COHORT), 2);
    assert_int_equal(tui_form_find(&f, FR_APPLIED), -1);
    assert_int_equal(tui_form_find(&f, FR_NONE), 0);
}

static void test_form_navigation_and_validation(void **st)
{
    (void)st;
    static const char *const dirs[] = {"increase", "decrease"};
    tui_form f;
    tui_form_init(&f, NULL, "t");
    tui_form_num(&f, "Value", "71", true, 1, 0, false);
    tui_form_num(&f, "Confidence", "", false, 0, 10, true);
    tui_form_choice(&f, "Direction", dirs, 2, 0);
    tui_form_text(&f, "Note", "", false);
    assert_int_equal(tui_form_key(&f, '\t'), FORM_CONT);
    assert_int_equal(f.cur, 1);
    tui_form_key(&f, '1');
    tui_form_key(&f, '2');
    assert_true(f.changed);
    assert_false(tui_form_validate(&f));
    assert_string_equal(f.f[1].err, "between 0 and 10");
    assert_int_equal(f.cur, 1);
    tui_form_key(&f, TK_BACKSPACE);               /* "1": fixes it, the rest stays */
    assert_string_equal(f.f[1].err, "");
    assert_true(tui_form_validate(&f));
    tui_form_key(&f, TK_DOWN);
    tui_form_key(&f, TK_RIGHT);
    assert_string_equal(tui_form_str(&f, 2), "decrease");
    tui_form_key(&f, 'i');                         /* a letter picks a choice */
    assert_string_equal(tui_form_str(&f, 2), "increase");
    bool has;
    assert_true(tui_form_double(&f, 0, &has) == 71 && has);
    tui_form_key(&f, TK_BTAB);
    tui_form_key(&f, TK_BTAB);
    tui_form_key(&f, TK_CTRL('u'));
    tui_form_key(&f, 'x');
    assert_false(tui_form_validate(&f));
    assert_string_equal(f.f[0].err, "a number, please");
    assert_int_equal(tui_form_key(&f, TK_ESC), FORM_CANCEL);
    assert_int_equal(tui_form_key(&f, '\r'), FORM_SAVE);
}


/* Issue 14: a prefilled field's text is selected on entry; the first typed key replaces it. */
static void test_select_first_key_replaces(void **st)
{
    (void)st;
    tui_le e;
    tui_le_set(&e, "8");
    tui_le_select(&e);
    assert_int_equal(tui_le_key(&e, '9'), LE_CHANGED);
    assert_string_equal(e.buf, "9");                /* not "89" */
    type(&e, "1");
    assert_string_equal(e.buf, "91");               /* the selection is gone after one key */
    tui_le_set(&e, "O1");
    tui_le_select(&e);
    type(&e, "O3");
    assert_string_equal(e.buf, "O3");               /* not "O1O3" */
    tui_le_set(&e, "Zoë");
    tui_le_select(&e);
    type(&e, "é");
    assert_string_equal(e.buf, "é");
}

static void test_select_arrows_keep_erasers_clear(void **st)
{
    (void)st;
    tui_le e;
    int movers[] = {TK_LEFT, TK_RIGHT, TK_HOME, TK_END, TK_CTRL('a'), TK_CTRL('e')};
    for (size_t i = 0; i < sizeof movers / sizeof movers[0]; i++) {
        tui_le_set(&e, "71");
        tui_le_select(&e);
        tui_le_key(&e, movers[i]);
        assert_false(e.sel);
        type(&e, "5");
        assert_int_equal(e.len, 3);                 /* kept: the 5 goes in, nothing replaced */
    }
    tui_le_set(&e, "71");
    tui_le_select(&e);
    tui_le_key(&e, TK_LEFT);
    type(&e, "5");
    assert_string_equal(e.buf, "751");
    int erasers[] = {TK_BACKSPACE, TK_DC, TK_CTRL('u'), TK_CTRL('k'), TK_CTRL('w'), TK_CTRL('d')};
    for (size_t i = 0; i < sizeof erasers / sizeof erasers[0]; i++) {
        tui_le_set(&e, "some text");
        tui_le_select(&e);
        assert_int_equal(tui_le_key(&e, erasers[i]), LE_CHANGED);
        assert_string_equal(e.buf, "");
    }
    tui_le_set(&e, "keep");                         /* Enter and Esc leave text and selection */
    tui_le_select(&e);
    assert_int_equal(tui_le_key(&e, TK_ENTER), LE_SAVE);
    assert_int_equal(tui_le_key(&e, TK_ESC), LE_CANCEL);
    assert_string_equal(e.buf, "keep");
    tui_le_set(&e, "");                             /* nothing to select in an empty field */
    tui_le_select(&e);
    assert_false(e.sel);
}

/* The form selects a prefilled field when it opens on it and when Tab/Up/Down enter it. */
static void test_form_selects_on_entry(void **st)
{
    (void)st;
    tui_form f;
    tui_form_init(&f, NULL, "t");
    tui_form_num(&f, "Observed", "8", true, 1, 100, true);
    tui_form_num(&f, "Applied", "5", true, 0, 100, true);
    tui_form_text(&f, "Parent", "O1", false);
    tui_form_key(&f, '9');
    assert_string_equal(tui_form_str(&f, 0), "9");
    tui_form_key(&f, '\t');
    tui_form_key(&f, '6');
    assert_string_equal(tui_form_str(&f, 1), "6");
    tui_form_key(&f, TK_DOWN);
    tui_form_key(&f, 'O');
    tui_form_key(&f, '3');
    assert_string_equal(tui_form_str(&f, 2), "O3");
    tui_form_key(&f, TK_UP);                        /* back on Applied: selected again */
    tui_form_key(&f, TK_END);                       /* End keeps it */
    tui_form_key(&f, '0');
    assert_string_equal(tui_form_str(&f, 1), "60");
    assert_true(f.changed);
}

/* Multi-line fields: soft wrap at word boundaries, Up/Down move between rows first. */
static void test_wrap_and_vertical_moves(void **st)
{
    (void)st;
    tui_le e;
    size_t s[16];
    tui_le_set(&e, "aaa bbb ccc ddd");
    assert_int_equal(tui_le_wrap(&e, 9, s, 16), 2);        /* 8 columns a row: "aaa bbb " */
    assert_int_equal(s[1], 8);
    size_t r;
    assert_int_equal(tui_le_rowcol(&e, s, 2, &r), 7);     /* cursor at the end: row 1 col 7 */
    assert_int_equal(r, 1);
    assert_true(tui_le_vmove(&e, 9, -1));
    assert_int_equal(e.cur, 7);                            /* same column, row above */
    assert_false(tui_le_vmove(&e, 9, -1));                 /* first row: the form moves on */
    assert_true(tui_le_vmove(&e, 9, +1));
    assert_int_equal(e.cur, 15);
    assert_false(tui_le_vmove(&e, 9, +1));
    tui_le_set(&e, "abcdefghijkl");                        /* one long word: cut by columns */
    assert_int_equal(tui_le_wrap(&e, 5, s, 16), 3);
    assert_int_equal(s[1], 4);
    assert_int_equal(s[2], 8);
    tui_le_set(&e, "");
    assert_int_equal(tui_le_wrap(&e, 5, s, 16), 1);

    tui_form f;                                            /* in a form */
    tui_form_init(&f, NULL, "t");
    tui_form_textarea(&f, "Problem", "aaa bbb ccc ddd", false);
    tui_form_text(&f, "Owner", "x", true);
    f.f[0].wrap_w = 9;                                     /* as the drawing left it */
    tui_form_key(&f, TK_UP);
    assert_int_equal(f.cur, 0);                            /* moved inside the field */
    assert_int_equal(f.f[0].le.cur, 7);
    tui_form_key(&f, TK_UP);
    assert_int_equal(f.cur, 1);                            /* first row: the previous field (wraps) */
    assert_int_equal(tui_form_key(&f, '\r'), FORM_SAVE);   /* Enter still saves */
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_and_move),
        cmocka_unit_test(test_utf8_backspace_and_arrows),
        cmocka_unit_test(test_kill_keys),
        cmocka_unit_test(test_enter_esc_and_unhandled),
        cmocka_unit_test(test_full_buffer),
        cmocka_unit_test(test_view_scrolls_to_cursor),
        cmocka_unit_test(test_form_navigation_and_validation),
        cmocka_unit_test(test_form_finds_fields_by_role),
        cmocka_unit_test(test_form_refuses_text_that_is_not_utf8),
        cmocka_unit_test(test_select_first_key_replaces),
        cmocka_unit_test(test_select_arrows_keep_erasers_clear),
        cmocka_unit_test(test_form_selects_on_entry),
        cmocka_unit_test(test_wrap_and_vertical_moves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
