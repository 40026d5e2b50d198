/* SPDX-License-Identifier: MIT */
/* tui/tui_viewreg.c — which full-screen view an action opens (K P D L R E H, the cycles and
 * archived views): one line a view. Opening one from its action, and the keys of an open one:
 * Esc, q or its own key closes it, another view's key switches to it, the rest go to the
 * view. The views themselves only use tui_views.c, so no view calls back into this table. */
#include "tui_int.h"

static const struct {
    tui_action act;
    const tui_view *v;
} views[] = {
    {ACT_KPIS, &tui_view_kpi},       {ACT_PROGRAMMES, &tui_view_prog}, {ACT_DUE, &tui_view_due},
    {ACT_LOG, &tui_view_log},        {ACT_REVIEW, &tui_view_review},   {ACT_CHAIN, &tui_view_chain},
    {ACT_HEALTH, &tui_view_health},  {ACT_CYCLES, &tui_view_cycles},   {ACT_ARCHIVED, &tui_view_archived},
};

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
