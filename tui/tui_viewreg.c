/* SPDX-License-Identifier: MIT */
/* tui/tui_viewreg.c — which full-screen view an action opens (K P D L R E H, the cycles and
 * archived views), from tui_act.h's TUI_LIST_VIEWS. Opening one from its action, and the keys of an open one:
 * Esc, q or its own key closes it, another view's key switches to it, the rest go to the
 * view. The views themselves only use tui_views.c, so no view calls back into this table. */
#include "tui_int.h"

#define REG_(act, kind, view) {ACT_##act, &tui_view_##view},
static const struct {
    tui_action act;
    const tui_view *v;
} views[] = {TUI_LIST_VIEWS(REG_)};   /* the lines of tui_act.h's TUI_LIST_VIEWS */

static const tui_view *view_for(tui_action act)
{
    for (size_t i = 0; i < sizeof views / sizeof views[0]; i++)
        if (views[i].act == act) return views[i].v;
    return NULL;
}

bool tui_views_open(tui_app *a, tui_action act)
{
    const tui_view *v = view_for(act);
    if (!v) return false;
    tui_push(a, v);
    return true;
}

/* The open list takes the action: Esc, q or its own key closes it, another view's key
 * switches to that view; false when it does not use the action (the app-wide one runs). */
bool tui_views_key(tui_app *a, tui_action act, int key)
{
    const tui_view *cur = tui_view_open_list(a), *v = view_for(act);
    if (key == TK_ESC || act == ACT_QUIT || v == cur) {
        tui_views_close(a);
        return true;
    }
    if (v) {
        tui_views_close(a);
        tui_views_open(a, act);
        return true;
    }
    return cur && cur->key(a, act, key);
}
