/* SPDX-License-Identifier: MIT */
/* tests/unit/test_tui_vstack.c — the view stack (push with zeroed private state, pop, the
 * kind on top), where an action goes (one lookup, routed once), which actions apply in which
 * kind of view (what the action bar and help offer), and the one list type's movement. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../tui/tui_act.h"
#include "../../tui/tui_int.h"
#include "../../tui/tui_vstack.h"

typedef struct {
    tui_list l;
    int answer;
} fake_state;

static void test_push_pop_private_state(void **st)
{
    (void)st;
    tui_vstack s = {0};
    assert_null(tui_vstack_top(&s));
    assert_int_equal(tui_vstack_kind(&s, VK_KRS), VK_KRS);   /* empty: the focused pane */
    tui_frame *f = tui_vstack_push(&s, NULL, VK_KPI, sizeof(fake_state));
    assert_non_null(f);
    fake_state *p = f->priv;
    assert_int_equal(p->answer, 0);   /* zeroed */
    assert_int_equal(p->l.sel, 0);
    p->answer = 42;
    tui_frame *h = tui_vstack_push(&s, NULL, VK_HELP, sizeof(int));
    assert_non_null(h);
    assert_int_equal(tui_vstack_kind(&s, VK_TREE), VK_HELP);
    assert_ptr_equal(tui_vstack_top(&s), h);
    /* the list under the help keeps its own state */
    tui_frame *l = tui_vstack_find(&s, VK_LISTS);
    assert_non_null(l);
    assert_int_equal(((fake_state *)l->priv)->answer, 42);
    tui_vstack_pop(&s);
    assert_int_equal(tui_vstack_kind(&s, VK_TREE), VK_KPI);
    tui_vstack_pop(&s);
    assert_null(tui_vstack_top(&s));
    tui_vstack_pop(&s);   /* popping an empty stack is harmless */
    assert_int_equal(s.n, 0);
}

static void test_stack_is_bounded(void **st)
{
    (void)st;
    tui_vstack s = {0};
    for (int i = 0; i < TUI_VSTACK_MAX; i++) assert_non_null(tui_vstack_push(&s, NULL, VK_HELP, 4));
    assert_null(tui_vstack_push(&s, NULL, VK_HELP, 4));
    assert_int_equal(s.n, TUI_VSTACK_MAX);
    tui_vstack_clear(&s);
    assert_int_equal(s.n, 0);
    assert_null(tui_vstack_find(&s, ~0u));
}

static void test_where_actions_apply(void **st)
{
    (void)st;
    /* the dashboard's plan actions work on the panes ... */
    assert_true(tui_act_applies(ACT_CHECKIN, VK_TREE));
    assert_true(tui_act_applies(ACT_FILTER, VK_KRS));
    assert_true(tui_act_applies(ACT_EXPAND, VK_TREE));
    assert_false(tui_act_applies(ACT_EXPAND, VK_CIS));
    /* ... not in a read-only list (the bar offered them there and they did nothing) */
    assert_false(tui_act_applies(ACT_CHECKIN, VK_KPI));
    assert_false(tui_act_applies(ACT_ADD, VK_LOG));
    assert_false(tui_act_applies(ACT_EDIT, VK_HEALTH));
    assert_false(tui_act_applies(ACT_FILTER, VK_CHAIN));
    assert_false(tui_act_applies(ACT_SEARCH, VK_DUE));
    /* views that use them say so */
    assert_true(tui_act_applies(ACT_ADD, VK_PROG));
    assert_true(tui_act_applies(ACT_ARCHIVE, VK_PROG));
    assert_true(tui_act_applies(ACT_CHECKIN, VK_DUE));
    assert_true(tui_act_applies(ACT_ENTER, VK_HEALTH));
    /* moving works wherever there is something to scroll; nothing for ACT_NONE */
    for (unsigned k = VK_TREE; k <= VK_ZOOM; k <<= 1) assert_true(tui_act_applies(ACT_DOWN, k));
    assert_false(tui_act_applies(ACT_DOWN, VK_FORM));
    assert_false(tui_act_applies(ACT_NONE, ~0u));
    /* every action works somewhere on the panes or in a view */
    for (int a = ACT_NONE + 1; a < ACT_N; a++) assert_true(tui_act_def((tui_action)a)->where != 0);
}

static void test_route(void **st)
{
    (void)st;
    tui_vstack s = {0};
    /* no frame: the panes take what applies there */
    assert_int_equal(tui_vstack_route(&s, ACT_CHECKIN, VK_KRS, 0), ROUTE_BASE);
    assert_int_equal(tui_vstack_route(&s, ACT_NONE, VK_KRS, 0), ROUTE_DROP);
    assert_int_equal(tui_vstack_route(&s, ACT_EXPAND, VK_KRS, 0), ROUTE_DROP);
    /* a list on top: its keys, Esc (unbound) and the cycle keys go to it first ... */
    tui_vstack_push(&s, NULL, VK_LOG, sizeof(tui_list));
    assert_int_equal(tui_vstack_route(&s, ACT_DOWN, VK_TREE, 0), ROUTE_TOP);
    assert_int_equal(tui_vstack_route(&s, ACT_NONE, VK_TREE, 0), ROUTE_TOP);
    assert_int_equal(tui_vstack_route(&s, ACT_NEXT_CYCLE, VK_TREE, 0), ROUTE_TOP);
    /* ... and what does nothing there reaches nobody (not the pane under it) */
    assert_int_equal(tui_vstack_route(&s, ACT_CHECKIN, VK_TREE, 0), ROUTE_DROP);
    assert_int_equal(tui_vstack_route(&s, ACT_FILTER, VK_TREE, 0), ROUTE_DROP);
    /* a raw-key frame (a form) gets every key as typed */
    tui_vstack_push(&s, NULL, VK_FORM, 8);
    assert_int_equal(tui_vstack_route(&s, ACT_FILTER, VK_TREE, VK_FORM | VK_PROMPT), ROUTE_TOP);
    /* a prompt over the form (discard? conflict?): answering it leaves the form and its list */
    tui_vstack_push(&s, NULL, VK_PROMPT, 0);
    assert_int_equal(tui_vstack_kind(&s, VK_TREE), VK_PROMPT);
    assert_int_equal(tui_vstack_route(&s, ACT_QUIT, VK_TREE, VK_FORM | VK_PROMPT), ROUTE_TOP);
    tui_vstack_pop(&s);
    assert_int_equal(tui_vstack_kind(&s, VK_TREE), VK_FORM);
    assert_non_null(tui_vstack_find(&s, VK_LOG));
    tui_vstack_clear(&s);
}

static void test_help_follows_the_view(void **st)
{
    (void)st;
    static char buf[8192];
    const char *lines[128];
    size_t n = tui_act_help_lines(VK_KPI, buf, sizeof buf, lines, 128);
    bool down = false, checkin = false, filter = false, emacs = false;
    for (size_t i = 0; i < n; i++) {
        down |= strstr(lines[i], tui_act_def(ACT_DOWN)->help) != NULL;
        checkin |= strstr(lines[i], tui_act_def(ACT_CHECKIN)->help) != NULL;
        filter |= strstr(lines[i], tui_act_def(ACT_FILTER)->help) != NULL;
        emacs |= strstr(lines[i], "^W") != NULL;
    }
    assert_true(down);
    assert_false(checkin);
    assert_false(filter);
    assert_true(emacs);
    size_t all = tui_act_help_lines(VK_TREE, buf, sizeof buf, lines, 128);
    assert_true(all > n);
}

static void test_list_moves(void **st)
{
    (void)st;
    tui_list l = {.count = 10};
    assert_true(tui_list_move(&l, ACT_DOWN, 3));
    assert_int_equal(l.sel, 1);
    assert_true(tui_list_move(&l, ACT_PGDN, 3));
    assert_int_equal(l.sel, 4);
    assert_true(tui_list_move(&l, ACT_BOTTOM, 3));
    assert_int_equal(l.sel, 9);
    assert_true(tui_list_move(&l, ACT_DOWN, 3));
    assert_int_equal(l.sel, 9);   /* stays on the last row */
    assert_true(tui_list_move(&l, ACT_PGDN, 3));
    assert_int_equal(l.sel, 9);
    tui_list_scroll(&l, 4);
    assert_int_equal(l.top, 6);   /* the last row is visible, the page full */
    assert_true(tui_list_move(&l, ACT_PGUP, 20));
    assert_int_equal(l.sel, 0);
    tui_list_scroll(&l, 4);
    assert_int_equal(l.top, 0);
    assert_false(tui_list_move(&l, ACT_CHECKIN, 3));
    tui_list e = {.sel = 5, .top = 3, .count = 0};   /* emptied by a reload */
    tui_list_scroll(&e, 4);
    assert_int_equal(e.sel, 0);
    assert_int_equal(e.top, 0);
    assert_true(tui_list_move(&e, ACT_BOTTOM, 3));
    assert_int_equal(e.sel, 0);
}

/* The one row helper: scrolls the selection into view and hands each visible row its index,
 * line and selection, row_h lines apart. */
static size_t seen_i[8], nseen;
static int seen_y[8];
static bool seen_sel[8];
static void record_row(tui_app *a, WINDOW *w, size_t i, int y, bool sel, void *ud)
{
    (void)a;
    (void)w;
    (*(int *)ud)++;
    if (nseen < 8) {
        seen_i[nseen] = i;
        seen_y[nseen] = y;
        seen_sel[nseen++] = sel;
    }
}

static void test_list_rows_draws_the_visible_rows(void **st)
{
    (void)st;
    tui_list l = {.sel = 7, .top = 0, .count = 10};
    int calls = 0;
    nseen = 0;
    tui_list_rows(NULL, NULL, &l, 1, 6, 2, record_row, &calls);   /* 6 lines, 2 a row: 3 rows */
    assert_int_equal(calls, 3);
    assert_int_equal(l.top, 5);
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(seen_i[k], 5 + k);
        assert_int_equal(seen_y[k], 1 + 2 * (int)k);
        assert_int_equal(seen_sel[k], k == 2);
    }
    tui_list e = {.count = 0};
    calls = 0;
    tui_list_rows(NULL, NULL, &e, 1, 6, 1, record_row, &calls);
    assert_int_equal(calls, 0);
    tui_list_rows(NULL, NULL, &l, 1, 1, 2, record_row, &calls);   /* less than a row: nothing */
    assert_int_equal(calls, 0);
}

/* A prompt is a view with its own state: its lines, keys and what it is about live in its
 * frame, and the handler still reads what it is about once the answer has closed it. */
static long long answered_ctx = -1;
static int answered_key;
static void on_answer(tui_app *a, int key)
{
    answered_key = key;
    answered_ctx = tui_prompt(a) ? tui_prompt(a)->ctx[1] : -1;
}

static void test_a_prompt_keeps_its_state_in_its_frame(void **st)
{
    (void)st;
    static tui_app a;
    tui_prompt_open(&a, on_answer, "yn");
    assert_int_equal(a.stack.n, 1);
    tui_prompt(&a)->ctx[1] = 42;
    tui_prompt_line(&a, "Archive %s?", "K7");
    assert_string_equal(tui_prompt(&a)->lines[0], "Archive K7?");
    assert_true(tui_view_prompt.key(&a, ACT_UP, 'x'));   /* not an answer: stays open */
    assert_int_equal(a.stack.n, 1);
    assert_true(tui_view_prompt.key(&a, ACT_UP, TK_ESC));   /* Esc answers with the last key */
    assert_int_equal(a.stack.n, 0);
    assert_int_equal(answered_key, 'n');
    assert_int_equal(answered_ctx, 42);
    assert_null(tui_prompt(&a));   /* nothing left open or being answered */
}

LND_TEST_MAIN(cmocka_unit_test(test_push_pop_private_state), cmocka_unit_test(test_stack_is_bounded),
              cmocka_unit_test(test_where_actions_apply), cmocka_unit_test(test_route),
              cmocka_unit_test(test_help_follows_the_view), cmocka_unit_test(test_list_moves),
              cmocka_unit_test(test_list_rows_draws_the_visible_rows),
              cmocka_unit_test(test_a_prompt_keeps_its_state_in_its_frame))
