/* SPDX-License-Identifier: MIT */
/* tests/unit/test_tui_act.c — the actions table and what is generated from it (keys, help),
 * the glyph tables (no UTF-8 in ASCII mode) and the layout math (80x24 usable, tiny = notice). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../tui/tui_act.h"
#include "../../tui/tui_glyph.h"
#include "../../tui/tui_layout.h"

static void test_every_action_has_a_key_and_help(void **st)
{
    (void)st;
    for (int a = ACT_NONE + 1; a < ACT_N; a++) {
        const tui_action_def *d = tui_act_def((tui_action)a);
        assert_non_null(d);
        assert_int_equal(d->id, a);
        assert_true(d->keys[0] != 0);
        assert_true(strlen(d->help) > 5);
        assert_int_equal(tui_act_for_key(d->keys[0]), a);
    }
    assert_null(tui_act_def(ACT_NONE));
}

static void test_no_key_bound_twice(void **st)
{
    (void)st;
    for (int a = 0; a < ACT_N - 1; a++)
        for (int k = 0; k < 4 && tui_actions[a].keys[k]; k++)
            for (int b = 0; b < ACT_N - 1; b++)
                for (int j = 0; j < 4 && tui_actions[b].keys[j]; j++)
                    if (a != b) assert_int_not_equal(tui_actions[a].keys[k], tui_actions[b].keys[j]);
}

static void test_issue_keys(void **st)
{
    (void)st;
    assert_int_equal(tui_act_for_key('j'), ACT_DOWN);
    assert_int_equal(tui_act_for_key(TK_UP), ACT_UP);
    assert_int_equal(tui_act_for_key('c'), ACT_CHECKIN);
    assert_int_equal(tui_act_for_key('/'), ACT_SEARCH);
    assert_int_equal(tui_act_for_key('N'), ACT_PREV_MATCH);
    assert_int_equal(tui_act_for_key('f'), ACT_FILTER);
    assert_int_equal(tui_act_for_key(']'), ACT_NEXT_CYCLE);
    assert_int_equal(tui_act_for_key('z'), ACT_ZOOM);
    assert_int_equal(tui_act_for_key('\n'), ACT_ENTER);
    assert_int_equal(tui_act_for_key(TK_BTAB), ACT_PREV_PANE);
    assert_int_equal(tui_act_for_key('x'), ACT_NONE);
}

static void test_help_lists_every_action(void **st)
{
    (void)st;
    static char buf[8192];
    const char *lines[128];
    size_t n = tui_act_help_lines(VK_TREE, buf, sizeof buf, lines, 128);   /* over the cascade */
    for (int a = 0; a < ACT_N - 1; a++) {
        bool found = false;
        for (size_t i = 0; i < n; i++) found |= strstr(lines[i], tui_actions[a].help) != NULL;
        assert_true(found);
    }
    bool emacs = false;
    for (size_t i = 0; i < n; i++) emacs |= strstr(lines[i], "^W") != NULL;
    assert_true(emacs);
    char k[32];
    tui_act_keys(tui_act_def(ACT_DOWN), k, sizeof k);
    assert_string_equal(k, "j/Down");
}

static bool all_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80) return false;
    return true;
}

static void test_glyphs(void **st)
{
    (void)st;
    char out[512];
    tui_glyph_bar(&tui_glyphs_ascii, 0.5, 0.7, 10, out, sizeof out);
    assert_string_equal(out, "#####--|--");
    assert_true(all_ascii(out));
    tui_glyph_bar(&tui_glyphs_ascii, -1, -1, 4, out, sizeof out);
    assert_string_equal(out, "----");
    tui_glyph_bar(&tui_glyphs_utf8, 1.0, 0.5, 4, out, sizeof out);
    assert_string_equal(out, "\u2588\u2588\u2588\u2588");   /* full bar hides the marker */
    const tui_glyphs *g = &tui_glyphs_ascii;
    const char *all[] = {g->full, g->empty, g->pace, g->branch, g->last, g->vert, g->open,
                         g->closed, g->arrow, g->sep, g->hline, g->dot, g->tl, g->br};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) assert_true(all_ascii(all[i]));
    double v[] = {0, 5, 10};
    tui_glyph_spark(g, v, 3, 0, 10, 10, out, sizeof out);
    assert_string_equal(out, "_-#");
}

static void test_layout(void **st)
{
    (void)st;
    tui_layout l;
    tui_layout_compute(24, 80, &l);
    assert_false(l.too_small);
    assert_true(l.stacked);
    assert_true(l.tree.h >= 8);
    assert_true(l.krs.h >= 9);   /* four KRs of two lines plus the title */
    assert_int_equal(l.krs.y + l.krs.h, l.bar.y);
    tui_layout_compute(40, 132, &l);
    assert_false(l.stacked);
    assert_true(l.krs.x >= l.tree.x + l.tree.w);
    assert_int_equal(l.cis.y, l.krs.y + l.krs.h);
    assert_true(l.cis.x + l.cis.w <= 132);
    tui_layout_compute(10, 40, &l);
    assert_true(l.too_small);
    tui_layout_compute(60, 200, &l);
    assert_true(l.tree.w >= 70);
}

LND_TEST_MAIN(cmocka_unit_test(test_every_action_has_a_key_and_help),
              cmocka_unit_test(test_no_key_bound_twice), cmocka_unit_test(test_issue_keys),
              cmocka_unit_test(test_help_lists_every_action), cmocka_unit_test(test_glyphs),
              cmocka_unit_test(test_layout))
