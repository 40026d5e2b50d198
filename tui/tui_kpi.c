/* SPDX-License-Identifier: MIT */
/* tui/tui_kpi.c — the KPI view (K): steady-state indicators kept apart from OKRs, with their
 * healthy range, out-of-range ones marked, and a history sparkline. Read-only: loads through
 * store/ verbs and draws; every user string goes through tui_put. */
#include <stdio.h>
#include <string.h>

#include "../store/store_io.h"
#include "tui_int.h"

typedef struct {
    lnd_checkin *h;   /* history, oldest first */
    size_t n;
} kpi_hist;

/* the KPI view's private state */
typedef struct {
    tui_list l;
    lnd_kpi *k;
    kpi_hist *h;
} kpi_state;

static kpi_state *kst(tui_app *a) { return (kpi_state *)tui_view_list(a); }

static bool kpi_out(const lnd_kpi *k)
{
    return k->has_value && ((k->has_min && k->value < k->min) || (k->has_max && k->value > k->max));
}

static void kpi_load(tui_app *a)
{
    lnd_kpi *all;
    size_t n;
    if (store_kpis(a->st, a->v_arena, &all, &n) != STORE_OK) {
        tui_notice(a, true, "cannot read KPIs: %s", store_errmsg(a->st));
        return;
    }
    lnd_kpi *k = arena_alloc(a->v_arena, (n ? n : 1) * sizeof *k);
    kpi_hist *h = arena_alloc(a->v_arena, (n ? n : 1) * sizeof *h);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (all[i].archived) continue;
        k[m] = all[i];
        h[m].h = NULL;
        h[m].n = 0;
        store_kpi_history(a->st, a->v_arena, k[m].id, &h[m].h, &h[m].n);
        m++;
    }
    kst(a)->k = k;
    kst(a)->h = h;
    kst(a)->l.count = m;
}

static int name_w(int cols) { return cols >= 120 ? 44 : cols >= 100 ? 30 : 24; }

/* One KPI: out-of-range mark, name, value, unit, healthy range, state, history sparkline. */
static void kpi_row(tui_app *a, WINDOW *w, size_t r, int y, bool sel)
{
    const kpi_state *S = kst(a);
    const lnd_kpi *k = S->k;
    const kpi_hist *hist = S->h;
    int cols = getmaxx(w), nw = name_w(cols);
    attr_t s = sel ? A_REVERSE : A_NORMAL;
    const lnd_kpi *kp = &k[r];
    bool out = kpi_out(kp);
    tui_put(a, w, y, 0, out ? "!" : " ", 1, (out ? a->attr[R_RED] | A_BOLD : A_NORMAL) | s);
    tui_put(a, w, y, 2, kp->name, nw, s | A_BOLD);
    char val[48] = "-", range[128] = "", lo[48], hi[48], line[256];
    if (kp->has_value) model_fmt_num(kp->value, val, sizeof val);
    if (kp->has_min) model_fmt_num(kp->min, lo, sizeof lo);
    if (kp->has_max) model_fmt_num(kp->max, hi, sizeof hi);
    if (kp->has_min && kp->has_max) snprintf(range, sizeof range, "%s to %s", lo, hi);
    else if (kp->has_min) snprintf(range, sizeof range, ">= %s", lo);
    else if (kp->has_max) snprintf(range, sizeof range, "<= %s", hi);
    else snprintf(range, sizeof range, "any");
    snprintf(line, sizeof line, "%10s", val);
    int x = 3 + nw;
    tui_put(a, w, y, x, line, 10, s);
    tui_put(a, w, y, x + 11, kp->unit, 8, s);
    tui_put(a, w, y, x + 20, range, 16, s);
    const char *state = !kp->has_value ? "no value" : out ? "OUT OF RANGE" : "healthy";
    tui_put(a, w, y, x + 37, state, 13,
            (out ? a->attr[R_RED] | A_BOLD : kp->has_value ? a->attr[R_GREEN] : a->attr[R_DIM]) | s);
    /* history (the store gives it oldest first): the last 64 values */
    double v[64];
    size_t nv = 0;
    for (size_t j = hist[r].n > 64 ? hist[r].n - 64 : 0; j < hist[r].n; j++) v[nv++] = hist[r].h[j].value;
    if (nv && x + 51 < cols - 2) {
        double lo2 = v[0], hi2 = v[0];
        for (size_t j = 0; j < nv; j++) {
            if (v[j] < lo2) lo2 = v[j];
            if (v[j] > hi2) hi2 = v[j];
        }
        char sp[512];
        int sw = cols - x - 52 < 24 ? cols - x - 52 : 24;
        tui_glyph_spark(a->g, v, nv, lo2, hi2, sw, sp, sizeof sp);
        tui_glyph_put(w, y, x + 51, sp, a->attr[R_PACE] | s);
    }
}

static void kpi_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    kpi_state *S = kst(a);
    const lnd_kpi *k = S->k;
    size_t nout = 0;
    for (size_t i = 0; i < S->l.count; i++) nout += kpi_out(&k[i]);
    char title[200];
    snprintf(title, sizeof title, "KPIs %s steady state, apart from OKRs %s %zu indicators, %zu out of range",
             a->g->dot, a->g->dot, S->l.count, nout);
    tui_views_title(a, w, title);
    int cols = getmaxx(w);
    if (!S->l.count) {
        tui_put(a, w, 2, 2, "No KPIs yet: lnd kpi add NAME --unit % --min 95", cols - 3, a->attr[R_DIM]);
        return;
    }
    int nw = name_w(cols);
    char hdr[256];
    snprintf(hdr, sizeof hdr, "  %-*s %10s %-8s %-16s %-13s %s", nw, "NAME", "VALUE", "UNIT",
             "HEALTHY RANGE", "STATE", "HISTORY");
    tui_put(a, w, 1, 0, hdr, cols, A_BOLD);
    size_t h = (size_t)getmaxy(w) - 2;
    tui_list_draw(a, w, &S->l, 2, (int)h, 1, kpi_row);
    char foot[160];
    snprintf(foot, sizeof foot, "update one: lnd kpi set NAME VALUE %s KPIs say is it working; OKRs say is it improving",
             a->g->dot);
    int fy = 3 + (int)(S->l.count < h ? S->l.count : h);
    if (fy < getmaxy(w)) tui_put(a, w, fy, 2, foot, cols - 3, a->attr[R_DIM]);
}

static bool kpi_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    return tui_views_move(a, act, (size_t)getmaxy(a->wv) - 2);
}

const tui_view tui_view_kpi = {"kpis", VK_KPI, sizeof(kpi_state), kpi_draw, kpi_key, NULL, kpi_load, NULL};
