/* SPDX-License-Identifier: MIT */
/* tui/tui_views.c — the view stack in the app: pushing a view (its private state, open and
 * load hooks), popping it, the kind the user looks at; what the full-screen lists over the
 * panes share (loading, closing, moving, their title, the one row-drawing helper every list
 * uses). Jumping from a view row to the cascade is tui_goto.c's. Which view an
 * action opens is tui_viewreg.c's table, so the views call this file and nothing here calls
 * them. Views never write to the store themselves (their forms go through tui_edit.c). */
#include <stdio.h>
#include <string.h>

#include "tui_int.h"

/* ---- the stack ---- */

void *tui_priv(tui_app *a)
{
    tui_frame *f = tui_vstack_top(&a->stack);
    return f ? f->priv : NULL;
}

tui_list *tui_view_list(tui_app *a)
{
    tui_frame *f = tui_vstack_find(&a->stack, VK_LISTS);
    return f ? f->priv : NULL;   /* a list view's state starts with its tui_list */
}

const tui_view *tui_view_open_list(tui_app *a)
{
    tui_frame *f = tui_vstack_find(&a->stack, VK_LISTS);
    return f ? f->ops : NULL;
}

/* Search draws in the action bar only; the others cover (a part of) the panes. */
static unsigned redraw_for(unsigned kind) { return kind == VK_SEARCH ? D_BAR : D_ALL; }

/* A view that covers the panes opens or closes: blank the whole virtual screen before the
 * panes redraw, so nothing of the old view stays where no pane draws (the column between
 * the KR and check-in panes at 160 and 200 columns) and ^L does not repaint it. Costs no
 * output: doupdate sends only what differs from the terminal. */
static void blank_behind(tui_app *a, unsigned kind)
{
    if (kind == VK_SEARCH || !a->wh) return;
    werase(stdscr);
    wnoutrefresh(stdscr);
}

bool tui_push(tui_app *a, const tui_view *v)
{
    if (!tui_vstack_push(&a->stack, v, v->kind, v->private_size)) {
        tui_notice(a, true, "too many screens open: press Esc to close one");
        return false;
    }
    if (v->open && !v->open(a)) {
        tui_vstack_pop(&a->stack);
        return false;
    }
    if (v->kind & VK_LISTS) tui_views_load(a);
    blank_behind(a, v->kind);
    a->dirty |= redraw_for(v->kind);
    return true;
}

void tui_pop(tui_app *a)
{
    tui_frame *f = tui_vstack_top(&a->stack);
    if (!f) return;
    blank_behind(a, f->kind);   /* the panes leave gaps: nothing of it may stay there */
    if (f->kind & VK_LISTS) {
        arena_free(a->v_arena);
        a->v_arena = NULL;
    }
    a->dirty |= redraw_for(f->kind);
    tui_vstack_pop(&a->stack);
}

/* ---- the full-screen lists ---- */

void tui_views_load(tui_app *a)
{
    tui_frame *f = tui_vstack_find(&a->stack, VK_LISTS);
    if (!f) return;
    arena_free(a->v_arena);
    a->v_arena = arena_new();
    tui_list *l = f->priv;
    l->count = 0;
    if (f->ops->load) f->ops->load(a);
    if (l->sel >= l->count) l->sel = l->count ? l->count - 1 : 0;
    a->dirty = D_ALL;
}

void tui_views_close(tui_app *a)
{
    while (tui_view_open_list(a)) tui_pop(a);
}

bool tui_views_move(tui_app *a, tui_action act, size_t page)
{
    tui_list *l = tui_view_list(a);
    if (!l) return false;
    size_t old = l->sel;
    if (!tui_list_move(l, act, page)) return false;
    if (old != l->sel) a->dirty |= D_OVERLAY;
    return true;
}

void tui_views_title(tui_app *a, WINDOW *w, const char *title)
{
    char buf[300];
    snprintf(buf, sizeof buf, "%s   (Esc returns)", title);
    tui_pane_title(a, w, buf, true);
}

void tui_views_draw(tui_app *a)
{
    WINDOW *w = a->wv;
    const tui_view *v = tui_view_open_list(a);
    if (!w || !v) return;
    werase(w);
    v->draw(a, w, true);
    wnoutrefresh(w);
}

void tui_row_bg(WINDOW *w, int y, bool sel)
{
    if (!sel) return;
    wattrset(w, A_REVERSE);
    mvwhline(w, y, 0, ' ', getmaxx(w));
    wattrset(w, A_NORMAL);
}

void tui_list_rows(tui_app *a, WINDOW *w, tui_list *l, int y0, int h, int row_h, tui_row_fn row, void *ud)
{
    if (h < 1 || row_h < 1) return;
    size_t rows = (size_t)(h / row_h);
    tui_list_scroll(l, rows);
    for (size_t i = 0; i < rows && l->top + i < l->count; i++) {
        size_t r = l->top + i;
        row(a, w, r, y0 + (int)i * row_h, r == l->sel, ud);
    }
}

typedef void (*plain_row_fn)(tui_app *a, WINDOW *w, size_t i, int y, bool sel);
struct plain_row {
    plain_row_fn row;
};

static void plain_row(tui_app *a, WINDOW *w, size_t i, int y, bool sel, void *ud)
{
    tui_row_bg(w, y, sel);
    ((const struct plain_row *)ud)->row(a, w, i, y, sel);
}

void tui_list_draw(tui_app *a, WINDOW *w, tui_list *l, int y0, int h, int row_h, plain_row_fn row)
{
    struct plain_row p = {row};
    tui_list_rows(a, w, l, y0, h, row_h, plain_row, &p);
}
