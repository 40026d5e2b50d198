/* SPDX-License-Identifier: MIT */
/* tui/tui_vstack.c — the view stack (push, pop, the kind on top, where an action goes) and
 * the list type's movement. Pure: no curses, no drawing, no store; unit-tested in
 * tests/unit/test_tui_vstack.c. */
#include "tui_vstack.h"

#include <stdlib.h>

bool tui_list_move(tui_list *l, tui_action act, size_t page)
{
    size_t last = l->count ? l->count - 1 : 0;
    switch (act) {
    case ACT_UP: if (l->sel) l->sel--; break;
    case ACT_DOWN: if (l->sel + 1 < l->count) l->sel++; break;
    case ACT_PGUP: l->sel = l->sel > page ? l->sel - page : 0; break;
    case ACT_PGDN: l->sel = l->sel + page < l->count ? l->sel + page : last; break;
    case ACT_TOP: l->sel = 0; break;
    case ACT_BOTTOM: l->sel = last; break;
    default: return false;
    }
    return true;
}

void tui_list_scroll(tui_list *l, size_t h)
{
    if (h < 1) h = 1;
    if (l->sel >= l->count) l->sel = l->count ? l->count - 1 : 0;
    if (l->sel < l->top) l->top = l->sel;
    if (l->sel >= l->top + h) l->top = l->sel - h + 1;
    if (l->top + h > l->count) l->top = l->count > h ? l->count - h : 0;
}

tui_frame *tui_vstack_push(tui_vstack *s, const struct tui_view *ops, unsigned kind,
                           size_t private_size)
{
    if (s->n >= TUI_VSTACK_MAX) return NULL;
    void *p = calloc(1, private_size ? private_size : 1);
    if (!p) return NULL;
    tui_frame *f = &s->f[s->n++];
    f->ops = ops;
    f->kind = kind;
    f->priv = p;
    return f;
}

void tui_vstack_pop(tui_vstack *s)
{
    if (!s->n) return;
    tui_frame *f = &s->f[--s->n];
    free(f->priv);
    f->priv = NULL;
    f->ops = NULL;
    f->kind = 0;
}

void tui_vstack_clear(tui_vstack *s)
{
    while (s->n) tui_vstack_pop(s);
}

tui_frame *tui_vstack_top(tui_vstack *s)
{
    return s->n ? &s->f[s->n - 1] : NULL;
}

tui_frame *tui_vstack_find(tui_vstack *s, unsigned mask)
{
    for (size_t i = s->n; i > 0; i--)
        if (s->f[i - 1].kind & mask) return &s->f[i - 1];
    return NULL;
}

unsigned tui_vstack_kind(const tui_vstack *s, unsigned base)
{
    return s->n ? s->f[s->n - 1].kind : base;
}

tui_route tui_vstack_route(const tui_vstack *s, tui_action act, unsigned base, unsigned raw)
{
    unsigned kind = tui_vstack_kind(s, base);
    if (s->n && ((kind & raw) || act == ACT_NONE)) return ROUTE_TOP;   /* Esc, typing */
    if (!tui_act_applies(act, kind)) return ROUTE_DROP;
    return s->n ? ROUTE_TOP : ROUTE_BASE;
}
