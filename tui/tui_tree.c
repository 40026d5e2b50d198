/* SPDX-License-Identifier: MIT */
/* tui/tui_tree.c — the cascade pane: business objectives with their L&D objectives (and
 * deeper levels) beneath, collapsible, each with id, type mark, progress bar with the pace
 * marker, percentage, roll-up for parents, and a status tag in the status colour. A view:
 * draw, key, resize; it reads the app state and never touches the store. */
#include <stdio.h>
#include <string.h>

#include "../core/numfmt.h"
#include "tui_int.h"

static int rows_shown(tui_app *a)
{
    int h = getmaxy(a->w[PANE_TREE]) - 1;
    return h > 0 ? h : 1;
}

static void keep_visible(tui_app *a)
{
    tui_list_scroll(&a->tl, (size_t)rows_shown(a));
}

/* Does a row at depth l follow row r before the cascade climbs above l? (tree line) */
static bool more_at(const tui_app *a, size_t r, int l)
{
    for (size_t i = r + 1; i < a->nall; i++) {
        if (a->all[i].depth < l) return false;
        if (a->all[i].depth == l) return true;
    }
    return false;
}

static const char otype_mark[OTYPE_N] = {'C', 'A', 'L'};

static void draw_row(tui_app *a, WINDOW *w, size_t vi, int y, bool selected, void *ud)
{
    (void)ud;
    const lnd_plan *p = a->plan;
    size_t r = a->vis[vi];
    size_t oi = a->all[r].obj;
    const lnd_objective *o = &p->objs[oi];
    int d = a->all[r].depth, cols = getmaxx(w), x = 0;
    attr_t sel = selected ? A_REVERSE : A_NORMAL;
    tui_row_bg(w, y, selected);
    for (int l = 1; l < d && x < cols - 4; l++, x += 2)
        tui_glyph_put(w, y, x, more_at(a, r, l) ? a->g->vert : a->g->space, a->attr[R_DIM] | sel);
    if (d > 0) {
        tui_glyph_put(w, y, x, more_at(a, r, d) ? a->g->branch : a->g->last, a->attr[R_DIM] | sel);
        x += 2;
    }
    const char *ex = !tui_has_children(a, oi) ? a->g->leaf
                     : tui_is_collapsed(a, o->id) ? a->g->closed : a->g->open;
    tui_glyph_put(w, y, x, ex, sel);
    x += 2;

    summary_obj s;
    summary_objective(p, oi, &a->rules, a->today, &s);
    int bw = cols >= 150 ? 24 : cols >= 70 ? 10 : 8;
    bool delivery = s.delivery >= 0 && (s.result >= 0 || o->level == LEVEL_BUSINESS);
    int tail = 2 + bw + 5 + 5 + 5;   /* health mark; the delivery column is kept so bars line up */
    char id[32];
    tui_fmt_id('O', o->id, id, sizeof id);
    lnd_id maxid = 0;   /* titles start after the widest id of the cycle: O12 and O1234 line up */
    for (size_t i = 0; i < p->nobjs; i++)
        if (p->objs[i].id > maxid) maxid = p->objs[i].id;
    int idw = 2;
    for (; maxid >= 10; maxid /= 10) idw++;
    tui_put(a, w, y, x, id, cols - x, a->attr[R_ID] | sel);
    x += idw < 4 ? 4 : idw + 1;
    char mark[3] = {otype_mark[o->type % OTYPE_N], ' ', 0};
    x += tui_put(a, w, y, x, mark, 2, a->attr[R_DIM] | sel);
    int tw = cols - x - tail - 1;
    attr_t tat = (o->level == LEVEL_BUSINESS ? A_BOLD : A_NORMAL) | sel;
    if (tw > 3) tui_put(a, w, y, x, o->title, tw, tat);
    x = cols - tail;
    if (x < 0) return;
    int hs = tui_health_obj(a, o->id);   /* findings on it or its KRs: H lists them */
    tui_put(a, w, y, x, tui_health_mark(hs), 1, tui_health_attr(a, hs) | sel);
    x += 2;
    char bar[256], pct[16];
    /* the headline: the business result; a business objective never borrows the delivery */
    double shown = o->level == LEVEL_BUSINESS ? s.result : summary_headline(&s);
    tui_glyph_bar(a->g, shown, summary_headline_pace(&s), bw, bar, sizeof bar);
    tui_glyph_put(w, y, x, bar, tui_status_attr(a, s.status) | sel);
    x += bw;
    if (shown >= 0) snprintf(pct, sizeof pct, " %3ld%%", num_pct_round(shown));
    else snprintf(pct, sizeof pct, "    -");
    tui_put(a, w, y, x, pct, 5, sel);
    x += 5;
    if (delivery) {   /* "d92%": the delivery, beside the result and labelled */
        int dp = (int)num_pct_round(s.delivery);
        if (dp >= 100) snprintf(pct, sizeof pct, " d100");   /* no room for the % sign */
        else snprintf(pct, sizeof pct, " d%2d%%", dp < 0 ? 0 : dp);
        tui_put(a, w, y, x, pct, 5, a->attr[R_DIM] | sel);
    }
    x += 5;
    mvwaddch(w, y, x, ' ');
    tui_put(a, w, y, x + 1, tui_status_tag(s.status), 4, tui_status_attr(a, s.status) | sel);
}

static void tree_draw(tui_app *a, WINDOW *w, bool focused)
{
    char title[128];
    int n = snprintf(title, sizeof title, "Cascade");
    if (a->plan) n += snprintf(title + n, sizeof title - (size_t)n, " %s %zu %s%s", a->g->dot,
                               a->tl.count, num_plural((long)a->tl.count, "objective", "objectives"),
                               a->filter == FILTER_MINE ? " (mine)" : a->filter == FILTER_RISK ? " (at risk)" : "");
    if (a->plan && a->nfindings && n > 0 && (size_t)n < sizeof title) {
        size_t ne = health_count(a->findings, a->nfindings, HEALTH_ERROR);
        size_t nw = health_count(a->findings, a->nfindings, HEALTH_WARNING);
        snprintf(title + n, sizeof title - (size_t)n, " %s health: %zu error%s, %zu warning%s (H)",
                 a->g->dot, ne, ne == 1 ? "" : "s", nw, nw == 1 ? "" : "s");
    }
    tui_pane_title(a, w, title, focused);
    if (!a->plan) {
        tui_put(a, w, 2, 2, "No cycle yet: press a to create the first one (C lists cycles).",
                getmaxx(w) - 3, A_NORMAL);
        return;
    }
    if (!a->tl.count) {
        tui_put(a, w, 2, 2, a->filter == FILTER_ALL ? "No objectives yet: press A to add one."
                                                    : "Nothing matches the filter (f to change).",
                getmaxx(w) - 3, a->attr[R_DIM]);
        return;
    }
    tui_list_rows(a, w, &a->tl, 1, rows_shown(a), 1, draw_row, NULL);
}

static void moved(tui_app *a)
{
    a->kl.sel = 0;
    tui_data_sync(a);
    a->dirty |= D_TREE | D_KRS | D_CIS;
}

static bool tree_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    if (!a->plan || !a->tl.count) return false;
    size_t page = (size_t)rows_shown(a);
    size_t old = a->tl.sel;
    long oi = tui_sel_obj(a);
    if (tui_list_move(&a->tl, act, page)) {
        if (a->tl.sel != old) moved(a);
        return true;
    }
    switch (act) {
    case ACT_COLLAPSE:
        if (tui_has_children(a, (size_t)oi) && !tui_is_collapsed(a, a->plan->objs[oi].id)) {
            tui_set_collapsed(a, a->plan->objs[oi].id, true);
            tui_data_rows(a);
            a->dirty |= D_TREE;
        } else {   /* go to the parent */
            int d = a->all[a->vis[a->tl.sel]].depth;
            while (a->tl.sel > 0 && a->all[a->vis[a->tl.sel]].depth >= d && d > 0) a->tl.sel--;
        }
        break;
    case ACT_EXPAND: case ACT_ENTER:
        if (tui_has_children(a, (size_t)oi)) {
            bool c = tui_is_collapsed(a, a->plan->objs[oi].id);
            if (act == ACT_EXPAND && !c) return true;
            tui_set_collapsed(a, a->plan->objs[oi].id, !c);
            tui_data_rows(a);
            a->dirty |= D_TREE;
        } else if (act == ACT_ENTER) {
            a->focus = PANE_KRS;
            a->dirty |= D_ALL;
        }
        return true;
    default: return false;
    }
    if (a->tl.sel != old) moved(a);
    return true;
}

static void tree_resize(tui_app *a, int h, int w)
{
    (void)h;
    (void)w;
    keep_visible(a);
}

const tui_view tui_view_tree = {"cascade", VK_TREE, 0, tree_draw, tree_key, tree_resize, NULL, NULL};
