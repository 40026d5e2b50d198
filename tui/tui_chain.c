/* SPDX-License-Identifier: MIT */
/* tui/tui_chain.c — the chain of evidence of a business objective (E): the programmes
 * delivered for its cascade, then its learning, behaviour and result KRs, each in business
 * terms ("moved from 64% to 71% (target 75%)") with its weekly trend sparkline and the week it
 * first moved, so a leader sees whether behaviour moved before results did. Read-only: the
 * check-ins are loaded when the view opens or the plan reloads. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/report.h"
#include "../core/report_series.h"
#include "tui_int.h"

/* the chain view's private state: l.sel is the first line shown (l.count lines scroll);
 * hist is a report_history per plan KR index (only the chain's KRs are loaded) */
typedef struct {
    tui_list l;
    lnd_id root;   /* the business objective */
    report_history *hist;
} chain_state;

static chain_state *cst(const tui_app *a) { return (chain_state *)tui_view_list((tui_app *)a); }

static bool in_chain(const tui_app *a, lnd_id obj)
{
    for (long oi = plan_obj_index(a->plan, obj); oi >= 0;
         oi = a->plan->objs[oi].parent_id ? plan_obj_index(a->plan, a->plan->objs[oi].parent_id) : -1)
        if (a->plan->objs[oi].id == cst(a)->root) return true;
    return false;
}

static void chain_load(tui_app *a)
{
    if (!a->plan || plan_obj_index(a->plan, cst(a)->root) < 0) return;
    report_history *h = arena_alloc(a->v_arena, (a->plan->nkrs ? a->plan->nkrs : 1) * sizeof *h);
    for (size_t k = 0; k < a->plan->nkrs; k++) {
        const lnd_kr *kr = &a->plan->krs[k];
        if (kr->archived || !in_chain(a, kr->objective_id)) continue;
        lnd_checkin *c = NULL;
        size_t n = 0;
        if (store_checkins(a->st, a->v_arena, kr->id, &c, &n) == STORE_OK) {
            h[k].items = c;
            h[k].n = n;
        }
    }
    cst(a)->hist = h;
    cst(a)->l.count = 200;   /* scroll lines; the draw clamps */
}

/* One cell per week 1..week: the KR's value at the end of that week (latest check-in so far). */
static void trend(tui_app *a, WINDOW *w, int y, int x, int maxw, const lnd_kr *kr, const report_history *h)
{
    lnd_day start;
    int weeks = a->plan->cycle.weeks, n = a->week < weeks ? a->week : weeks;
    if (n < 1 || !date_parse(a->plan->cycle.start, &start)) return;
    double v[64], lo = kr->has_baseline ? kr->baseline : kr->target, hi = kr->target;
    if (lo > hi) { double t = lo; lo = hi; hi = t; }
    if (n > 64) n = 64;
    for (int wk = 1; wk <= n; wk++) {
        v[wk - 1] = NAN;
        lnd_day end = date_week_start(start, wk + 1);
        for (size_t i = h->n; i-- > 0;) {
            lnd_day d = date_stamp_day(h->items[i].at);
            if (!h->items[i].comparison && d != -1 && d < end) v[wk - 1] = h->items[i].value;
        }
        if (!isnan(v[wk - 1])) {
            if (v[wk - 1] < lo) lo = v[wk - 1];
            if (v[wk - 1] > hi) hi = v[wk - 1];
        }
    }
    for (int i = 0; i < n && i < maxw; i++) {
        char cell[8];
        if (isnan(v[i])) {
            tui_glyph_put(w, y, x + i, a->g->ascii ? "." : a->g->dot, a->attr[R_DIM]);
            continue;
        }
        tui_glyph_spark(a->g, &v[i], 1, lo, hi, 1, cell, sizeof cell);
        tui_glyph_put(w, y, x + i, cell, a->attr[R_GREEN]);
    }
}

static int chain_after(tui_app *a, WINDOW *w, int line, const report_history *hist);

static int put_line(tui_app *a, WINDOW *w, int line, int x, const char *s, attr_t at)
{
    int y = line - (int)cst(a)->l.sel;
    if (y >= 1 && y < getmaxy(w)) tui_put(a, w, y, x, s, getmaxx(w) - x - 1, at);
    return line + 1;
}

static void chain_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    long ri = a->plan ? plan_obj_index(a->plan, cst(a)->root) : -1;
    if (ri < 0 || !cst(a)->hist) {
        tui_views_title(a, w, "Chain of evidence");
        return;
    }
    const lnd_plan *p = a->plan;
    const report_history *hist = cst(a)->hist;
    int cols = getmaxx(w);
    char buf[700], id[32];
    tui_fmt_id('O', p->objs[ri].id, id, sizeof id);
    char cwhen[64];
    summary_when_text(p, a->today, cwhen, sizeof cwhen);
    snprintf(buf, sizeof buf, "Chain of evidence of %s %s %s", id, a->g->dot, cwhen);
    tui_views_title(a, w, buf);
    int line = 1;
    line = put_line(a, w, line, 1, p->objs[ri].title, A_BOLD | A_UNDERLINE);
    line = put_line(a, w, line, 1, "programmes delivered -> learning -> behaviour -> results",
                    a->attr[R_DIM]);
    line++;
    line = put_line(a, w, line, 1, "1. Programmes delivered", a->attr[R_TITLE] | A_BOLD);
    int np = 0;
    for (size_t i = 0; i < p->nprogs; i++) {
        const lnd_programme *pr = &p->progs[i];
        if (pr->archived || !pr->objective_id || !in_chain(a, pr->objective_id)) continue;
        const char *when = a->week > pr->end_week ? "delivered" : a->week >= pr->start_week ? "running" : "planned";
        char sv[32];
        tui_fmt_id('P', pr->id, id, sizeof id);
        tui_fmt_id('O', pr->objective_id, sv, sizeof sv);
        snprintf(buf, sizeof buf, "%-5s %s %s weeks %d-%d, %s, serves %s", id, pr->title ? pr->title : "",
                 a->g->dot, pr->start_week, pr->end_week, when, sv);
        line = put_line(a, w, line, 4, buf, a->week > pr->end_week ? a->attr[R_GREEN] : A_NORMAL);
        np++;
    }
    if (!np) line = put_line(a, w, line, 4, "none: no programme serves this cascade", a->attr[R_AMBER]);
    static const char *const stage[3] = {"2. Learning (activity, reaction, learning KRs)",
                                         "3. Behaviour (applied on the job)", "4. Results (the business metric)"};
    int first[3] = {0, 0, 0};
    int tx = cols >= 150 ? 80 : cols >= 100 ? 50 : 36, sx = 6 + tx + 1;
    for (int s = 0; s < 3; s++) {
        line++;
        line = put_line(a, w, line, 1, stage[s], a->attr[R_TITLE] | A_BOLD);
        int shown = 0;
        for (size_t k = 0; k < p->nkrs; k++) {
            const lnd_kr *kr = &p->krs[k];
            int st = kr->evidence == EV_BEHAVIOUR ? 1 : kr->evidence == EV_RESULTS ? 2 : 0;
            if (kr->archived || st != s || !in_chain(a, kr->objective_id)) continue;
            shown++;
            summary_kr sk;
            summary_key_result(a->plan, kr, &a->rules, a->today, &sk);
            int fm = report_first_move(p, kr, &hist[k]);
            if (fm && (!first[s] || fm < first[s])) first[s] = fm;
            int y = line - (int)cst(a)->l.sel;
            if (y >= 1 && y < getmaxy(w)) {
                tui_fmt_id('K', kr->id, id, sizeof id);
                tui_put(a, w, y, 4, id, 5, a->attr[R_ID]);
                tui_put(a, w, y, 10, kr->title, tx - 5, A_NORMAL);
                trend(a, w, y, sx, cols - sx - 1, kr, &hist[k]);
                int mx = sx + (p->cycle.weeks < 64 ? p->cycle.weeks : 64) + 1;
                snprintf(buf, sizeof buf, "%s %s", tui_status_tag(sk.status),
                         fm ? "" : "not moved yet");
                if (fm) snprintf(buf, sizeof buf, "%s first moved in week %d", tui_status_tag(sk.status), fm);
                if (mx < cols - 2) tui_put(a, w, y, mx, buf, cols - mx - 1, tui_status_attr(a, sk.status));
            }
            line++;
            lnd_kr bare = *kr;   /* the sentence without the (Markdown-escaped) title */
            bare.title = "";
            lnd_buf b = {0};
            report_kr_sentence(&bare, &b);
            const char *t = buf_str(&b);
            while (*t == ' ' || *t == ':') t++;
            line = put_line(a, w, line, 10, t, a->attr[R_DIM]);
            buf_free(&b);
        }
        if (!shown) line = put_line(a, w, line, 4, "no key result at this level", a->attr[R_AMBER]);
    }
    line = chain_after(a, w, line, hist);
    line++;
    report_order_sentence(first[1], first[2], buf, sizeof buf);
    line = put_line(a, w, line, 1, buf, A_BOLD);
    int h = getmaxy(w) - 1;
    cst(a)->l.count = (size_t)(line > h ? line - h : 1);
}

/* 5. After the programme: each KR's series through its follow-ups and its cohort comparison,
 * the same sentences as the report (core/report_series.c). */
static int chain_after(tui_app *a, WINDOW *w, int line, const report_history *hist)
{
    const lnd_plan *p = a->plan;
    window_rules r;
    window_rules_default(&r);
    if (a->o->cfg) {
        memcpy(r.offsets, a->o->cfg->followup_days, sizeof r.offsets);
        r.window_days = a->o->cfg->window_days;
    }
    bool head = false;
    for (size_t k = 0; k < p->nkrs; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived || !in_chain(a, kr->objective_id)) continue;
        for (int part = 0; part < 2; part++) {
            lnd_buf b = {0};
            bool has = part == 0 ? report_series(p, k, &hist[k], &r, &b) : report_cohorts(p, k, &hist[k], &b);
            if (has) {
                if (!head) {
                    line = put_line(a, w, line + 1, 1, "5. After the programme (follow-ups and cohorts)",
                                    a->attr[R_TITLE] | A_BOLD);
                    head = true;
                }
                line = put_line(a, w, line, 4, buf_str(&b), part ? A_BOLD : A_NORMAL);
            }
            buf_free(&b);
        }
    }
    return line;
}

static bool chain_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    return tui_views_move(a, act, (size_t)getmaxy(a->wv) - 2);
}

/* The business objective at the root of the selection; none selected: not opened. */
static bool chain_open(tui_app *a)
{
    long oi = tui_sel_obj(a);
    if (oi < 0) {
        tui_notice(a, true, "select a business objective first");
        return false;
    }
    while (a->plan->objs[oi].parent_id && plan_obj_index(a->plan, a->plan->objs[oi].parent_id) >= 0)
        oi = plan_obj_index(a->plan, a->plan->objs[oi].parent_id);
    cst(a)->root = a->plan->objs[oi].id;
    return true;
}

const tui_view tui_view_chain = {"evidence", VK_CHAIN, sizeof(chain_state), chain_draw, chain_key,
                                 NULL, chain_load, chain_open};
