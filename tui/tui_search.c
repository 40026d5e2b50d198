/* SPDX-License-Identifier: MIT */
/* tui/tui_search.c — the search view: typed into the action bar (its draw hook, which the bar
 * calls through the view's ops), each key moves the cascade's selection to the first match;
 * Enter keeps it (n and N go on from there), Esc puts the selection back where the search
 * started. Its line and that starting row are its own state. */
#include <stdio.h>

#include "tui_int.h"

typedef struct {
    tui_le le;     /* what is typed */
    size_t from;   /* the selection when the search started */
} search_state;

static bool search_open(tui_app *a)
{
    search_state *S = tui_priv(a);
    tui_le_set(&S->le, "");
    S->from = a->tl.sel;
    return true;
}

/* Its line, drawn into the action bar w (tui_draw.c calls this through the view's ops). */
static void search_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    const search_state *S = tui_priv(a);
    size_t start = 0;
    int cols = getmaxx(w);
    tui_put(a, w, 0, 0, "/", 1, a->attr[R_KEY]);
    int cur = tui_le_view(&S->le, cols - 2, &start);
    tui_put(a, w, 0, 1, S->le.buf + start, cols - 2, A_NORMAL);
    wmove(w, 0, 1 + cur);
}

static bool search_key(tui_app *a, tui_action act, int key)
{
    (void)act;
    search_state *S = tui_priv(a);
    tui_le_rc rc = tui_le_key(&S->le, key);
    a->dirty |= D_BAR;
    if (rc == LE_CHANGED) {
        if (!tui_search_next(a, S->le.buf, S->from, +1, true) && S->le.len)
            tui_notice(a, true, "no match for \"%s\"", S->le.buf);
        else
            a->notice[0] = '\0', a->dirty |= D_HEADER;
    } else if (rc == LE_SAVE) {
        snprintf(a->last_search, sizeof a->last_search, "%s", S->le.buf);
        tui_pop(a);
    } else if (rc == LE_CANCEL) {
        a->tl.sel = S->from < a->tl.count ? S->from : 0;
        tui_data_sync(a);
        tui_pop(a);
        a->dirty = D_ALL;
    }
    return true;
}

const tui_view tui_view_search = {"search", VK_SEARCH, sizeof(search_state), search_draw, search_key, NULL,
                                  NULL, search_open};
