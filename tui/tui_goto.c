/* SPDX-License-Identifier: MIT */
/* tui/tui_goto.c — jumping from a row of a view (a finding, a follow-up, an undone change) to
 * its objective or key result in the cascade: its parents unfolded, the filter cleared if it
 * hid it, the row selected and the focus on its pane. Reads the app state only. */
#include "tui_int.h"

void tui_goto(tui_app *a, lnd_id obj, lnd_id kr)
{
    if (!a->plan || plan_obj_index(a->plan, obj) < 0) return;
    for (long p = plan_obj_index(a->plan, a->plan->objs[plan_obj_index(a->plan, obj)].parent_id);
         p >= 0; p = plan_obj_index(a->plan, a->plan->objs[p].parent_id)) {
        tui_set_collapsed(a, a->plan->objs[p].id, false);
        if (!a->plan->objs[p].parent_id) break;
    }
    tui_data_rows(a);
    bool shown = false;
    for (size_t i = 0; i < a->tl.count; i++) shown |= a->plan->objs[a->all[a->vis[i]].obj].id == obj;
    if (!shown && a->filter != FILTER_ALL) {
        a->filter = FILTER_ALL;
        tui_data_rows(a);
    }
    tui_select_obj(a, obj);
    a->kl.sel = 0;
    tui_data_sync(a);
    for (size_t k = 0; kr && k < a->kl.count; k++)
        if (a->plan->krs[a->krs[k]].id == kr) a->kl.sel = k;
    tui_data_sync(a);
    a->focus = kr ? PANE_KRS : PANE_TREE;
    a->dirty = D_ALL;
}

