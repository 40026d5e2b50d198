/* SPDX-License-Identifier: MIT */
/* tui/tui_log.c — the audit log view (L): who changed what, when, newest first. Read-only:
 * loads through store_audit and draws; every user string goes through tui_put. */
#include <stdio.h>
#include <string.h>

#include "tui_int.h"

/* the log view's private state */
typedef struct {
    tui_list l;
    lnd_audit *rows;
    int who_w;   /* WHO column width of the rows shown */
} log_state;

static log_state *lst(tui_app *a) { return (log_state *)tui_view_list(a); }

static void log_load(tui_app *a)
{
    lnd_audit *au = NULL;
    size_t n = 0;
    if (store_audit(a->st, a->v_arena, NULL, 200, &au, &n) != STORE_OK) {
        tui_notice(a, true, "cannot read the log: %s", store_errmsg(a->st));
        return;
    }
    lst(a)->rows = au;
    lst(a)->l.count = n;
}

static char entity_prefix(const char *e)
{
    if (!e) return '#';
    if (strcmp(e, "objective") == 0 || strcmp(e, "review") == 0) return 'O';
    if (strcmp(e, "kr") == 0 || strcmp(e, "checkin") == 0) return 'K';
    if (strcmp(e, "programme") == 0) return 'P';
    return '#';
}

static void log_row(tui_app *a, WINDOW *w, size_t r, int y, bool sel)
{
    const lnd_audit *e = &lst(a)->rows[r];
    int cols = getmaxx(w), ww = lst(a)->who_w;
    attr_t s = sel ? A_REVERSE : A_NORMAL;
    char what[64], who[300];
    if (e->entity_id) snprintf(what, sizeof what, "%s %c%lld", e->entity ? e->entity : "",
                               entity_prefix(e->entity), e->entity_id);
    else snprintf(what, sizeof what, "%s", e->entity ? e->entity : "");
    char at[40];
    date_stamp_local(e->at, false, at, sizeof at);
    tui_put(a, w, y, 1, at, 19, s);
    tui_put(a, w, y, 21, model_who(e->user, e->account, who, sizeof who), ww, a->attr[R_ID] | s);
    tui_put(a, w, y, 22 + ww, e->action, 8, A_BOLD | s);
    tui_put(a, w, y, 31 + ww, what, 16, s);
    if (48 + ww < cols - 2) tui_put(a, w, y, 48 + ww, e->detail, cols - 50 - ww, a->attr[R_DIM] | s);
}

static void log_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    log_state *S = lst(a);
    char title[160];
    snprintf(title, sizeof title, "Audit log %s who changed what, when %s newest first, last %zu",
             a->g->dot, a->g->dot, S->l.count);
    tui_views_title(a, w, title);
    int cols = getmaxx(w);
    const lnd_audit *au = S->rows;
    if (!S->l.count) {
        tui_put(a, w, 2, 2, "Nothing logged yet.", cols - 3, a->attr[R_DIM]);
        return;
    }
    size_t h = (size_t)getmaxy(w) - 2;
    tui_list_scroll(&S->l, h);
    /* the WHO column widens when a shown row was made by another account ("bob (as alice)") */
    int ww = 12;
    char who[300];
    for (size_t i = 0; i < h && S->l.top + i < S->l.count; i++)
        if (strcmp(model_who(au[S->l.top + i].user, au[S->l.top + i].account, who, sizeof who),
                   au[S->l.top + i].user ? au[S->l.top + i].user : "") != 0)
            ww = 22;
    S->who_w = ww;
    char hdr[160];
    snprintf(hdr, sizeof hdr, "%-19s %-*s %-8s %-16s %s", "WHEN (UTC)", ww, "WHO", "ACTION", "WHAT", "DETAIL");
    tui_put(a, w, 1, 1, hdr, cols - 2, A_BOLD);
    tui_list_draw(a, w, &S->l, 2, (int)h, 1, log_row);
}

static bool log_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    return tui_views_move(a, act, (size_t)getmaxy(a->wv) - 2);
}

const tui_view tui_view_log = {"log", VK_LOG, sizeof(log_state), log_draw, log_key, NULL, log_load, NULL};
