/* SPDX-License-Identifier: MIT */
/* tui/tui_detail.c — the two detail panes. Key results: the selected objective's KRs with id,
 * title, bar with pace marker, baseline -> current -> target with unit, confidence, evidence
 * level, leading/lagging, owner/co-owner and due week. Check-ins: the selected KR's trend
 * sparkline against the pace line, then its history newest first. Views; no store writes. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/numfmt.h"
#include "tui_int.h"

/* A KR's value in its unit as the KR pane shows it: "55.56 weeks", "87.5%" (declared in tui_int.h). */
void tui_fmt_value(double v, const char *unit, char *buf, size_t n)
{
    char b[48];
    model_fmt_num(v, b, sizeof b);
    snprintf(buf, n, "%s%s%s", b, unit && *unit && strcmp(unit, "%") != 0 ? " " : "",
             unit ? unit : "");
}

/* ---- key results ---- */

static int kr_rows(tui_app *a)
{
    int h = (getmaxy(a->w[PANE_KRS]) - 1) / 2;
    return h > 0 ? h : 1;
}

/* The column where titles start: after the widest id shown in the pane (K12 and K1234 line
 * up), never before column 5. */
static int text_col(tui_app *a, lnd_id obj)
{
    int idw = 0;
    char id[32];
    for (size_t k = 0; k < a->kl.count; k++) {
        tui_fmt_id('K', a->plan->krs[a->krs[k]].id, id, sizeof id);
        if ((int)strlen(id) > idw) idw = (int)strlen(id);
    }
    for (size_t i = 0; i < a->plan->nprogs; i++) {
        if (a->plan->progs[i].archived || a->plan->progs[i].objective_id != obj) continue;
        tui_fmt_id('P', a->plan->progs[i].id, id, sizeof id);
        if ((int)strlen(id) > idw) idw = (int)strlen(id);
    }
    return idw + 2 > 5 ? idw + 2 : 5;
}

typedef struct {
    bool focused;
    int tx;   /* the text column */
} kr_row_ctx;

static void kr_draw_one(tui_app *a, WINDOW *w, size_t k, int y, bool selected, void *ud)
{
    bool focused = ((const kr_row_ctx *)ud)->focused;
    int tx = ((const kr_row_ctx *)ud)->tx;
    const lnd_kr *kr = &a->plan->krs[a->krs[k]];
    int cols = getmaxx(w);
    attr_t sel = selected ? (focused ? A_REVERSE : A_BOLD) : A_NORMAL;
    summary_kr s;
    summary_key_result(a->plan, kr, &a->rules, a->today, &s);
    if (selected) {
        wattrset(w, sel);
        mvwhline(w, y, 0, ' ', cols);
    }
    char id[32], bar[256], pct[16];
    tui_fmt_id('K', kr->id, id, sizeof id);
    tui_put(a, w, y, 1, id, tx - 2, a->attr[R_ID] | sel);
    int x = tx;
    int bw = cols >= 120 ? 24 : cols >= 90 ? 16 : 10;
    int hs = tui_health_kr(a, kr->id);
    if (hs >= 0) tui_put(a, w, y, 0, tui_health_mark(hs), 1, tui_health_attr(a, hs) | sel);
    int tail = bw + 5 + 5;
    tui_put(a, w, y, x, kr->title, cols - x - tail - 1, sel);
    x = cols - tail;
    tui_glyph_bar(a->g, s.progress, s.pace, bw, bar, sizeof bar);
    tui_glyph_put(w, y, x, bar, tui_status_attr(a, s.status) | sel);
    snprintf(pct, sizeof pct, " %3ld%%", num_pct_round(s.progress));
    tui_put(a, w, y, x + bw, pct, 5, sel);
    mvwaddch(w, y, x + bw + 5, ' ');
    tui_put(a, w, y, x + bw + 6, tui_status_tag(s.status), 4, tui_status_attr(a, s.status) | sel);

    /* second line: numbers and tags */
    char base[64], cur[64], tgt[64], line[512], conf[16], due[16];
    if (kr->has_baseline) tui_fmt_value(kr->baseline, kr->unit, base, sizeof base);
    else snprintf(base, sizeof base, "no baseline");
    if (kr->has_current) tui_fmt_value(kr->current, kr->unit, cur, sizeof cur);
    else snprintf(cur, sizeof cur, "-");
    tui_fmt_value(kr->target, kr->unit, tgt, sizeof tgt);
    if (kr->confidence >= 0) snprintf(conf, sizeof conf, "conf %d", kr->confidence);
    else snprintf(conf, sizeof conf, "conf -");
    if (kr->due_week > 0) snprintf(due, sizeof due, "W%d", kr->due_week);
    else snprintf(due, sizeof due, "end");
    snprintf(line, sizeof line, "%s %s %s %s %s  %s  %s %s %s  %s%s%s  due %s", base, a->g->arrow,
             cur, a->g->arrow, tgt, conf, model_evidence_name(kr->evidence), a->g->dot,
             model_indicator_name(kr->indicator), kr->owner ? kr->owner : "",
             kr->coowner && *kr->coowner ? "/" : "", kr->coowner ? kr->coowner : "", due);
    tui_put(a, w, y + 1, tx, line, cols - tx - 1, a->attr[R_DIM]);
}

/* The programmes serving the objective, one line each, below its KRs (P: the timeline). */
static void progs_draw(tui_app *a, WINDOW *w, int y, lnd_id obj, int tx)
{
    const lnd_plan *p = a->plan;
    int cols = getmaxx(w);
    for (size_t i = 0; i < p->nprogs && y < getmaxy(w); i++) {
        const lnd_programme *pr = &p->progs[i];
        if (pr->archived || pr->objective_id != obj) continue;
        char id[32], line[512];
        tui_fmt_id('P', pr->id, id, sizeof id);
        const char *when = a->week > pr->end_week ? "delivered"
                           : a->week >= pr->start_week ? "running" : "planned";
        tui_put(a, w, y, 1, id, tx - 2, a->attr[R_ID]);
        snprintf(line, sizeof line, "programme %s %s weeks %d-%d %s %s%s%s", pr->title ? pr->title : "",
                 a->g->dot, pr->start_week, pr->end_week, a->g->dot, when,
                 pr->audience && *pr->audience ? ", for " : "", pr->audience ? pr->audience : "");
        tui_put(a, w, y, tx, line, cols - tx - 1, a->attr[R_DIM]);
        y++;
    }
}

static void krs_draw(tui_app *a, WINDOW *w, bool focused)
{
    long oi = tui_sel_obj(a);
    char title[256], id[32];
    if (oi < 0) {
        tui_pane_title(a, w, "Key results", focused);
        return;
    }
    tui_fmt_id('O', a->plan->objs[oi].id, id, sizeof id);
    /* the objective's two numbers, labelled: the business result first, then the delivery */
    summary_obj s;
    summary_objective(a->plan, (size_t)oi, &a->rules, a->today, &s);
    char res[48] = "", del[40] = "", pc[16];
    if (s.result >= 0) num_pct(s.result, pc, sizeof pc), snprintf(res, sizeof res, " %s result %s", a->g->dot, pc);
    else if (s.result_note) snprintf(res, sizeof res, " %s %s", a->g->dot, s.result_note);
    if (s.delivery >= 0) num_pct(s.delivery, pc, sizeof pc), snprintf(del, sizeof del, " %s delivery %s", a->g->dot, pc);
    snprintf(title, sizeof title, "Key results of %s %s %zu%s%s", id, a->g->dot, a->kl.count, res, del);
    tui_pane_title(a, w, title, focused);
    const carry_origin *co = carry_origin_of(a->orig, a->norig, a->plan->objs[oi].id);
    if (co) {   /* the retrospective it carries, on the last line of the pane */
        char line[700];
        carry_origin_text(co, line, sizeof line);
        tui_put(a, w, getmaxy(w) - 1, 2, line, getmaxx(w) - 3, a->attr[R_NOTICE]);
    }
    if (!a->kl.count) {
        tui_put(a, w, 2, 2, "No key results yet: Tab here and press a to add one.", getmaxx(w) - 3,
                a->attr[R_DIM]);
        return;
    }
    size_t h = (size_t)kr_rows(a);
    kr_row_ctx ctx = {focused, text_col(a, a->plan->objs[oi].id)};
    tui_list_rows(a, w, &a->kl, 1, (int)h * 2, 2, kr_draw_one, &ctx);
    if (a->kl.count <= h) progs_draw(a, w, 1 + (int)a->kl.count * 2, a->plan->objs[oi].id, ctx.tx);
}

static bool krs_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    size_t old = a->kl.sel;
    switch (act) {
    case ACT_UP: if (a->kl.sel) a->kl.sel--; break;
    case ACT_DOWN: if (a->kl.sel + 1 < a->kl.count) a->kl.sel++; break;
    case ACT_TOP: case ACT_PGUP: a->kl.sel = 0; break;
    case ACT_BOTTOM: case ACT_PGDN: a->kl.sel = a->kl.count ? a->kl.count - 1 : 0; break;
    case ACT_ENTER: tui_edit_checkin(a); return true;
    case ACT_COLLAPSE: a->focus = PANE_TREE; a->dirty |= D_ALL; return true;
    default: return false;
    }
    if (old != a->kl.sel) {
        tui_data_sync(a);
        a->dirty |= D_KRS | D_CIS;
    }
    return true;
}

static void krs_resize(tui_app *a, int h, int w)
{
    (void)h;
    (void)w;
    a->kl.top = 0;
}

const tui_view tui_view_krs = {"key results", VK_KRS, 0, krs_draw, krs_key, krs_resize, NULL, NULL};

/* ---- check-ins ---- */

/* Value per week 1..week (latest check-in of or before that week), NAN before the first. */
static int week_values(tui_app *a, const lnd_kr *kr, double *v, int max)
{
    lnd_day start;
    int n = a->week < max ? a->week : max;
    if (n < 1 || !date_parse(a->plan->cycle.start, &start)) return 0;
    for (int wk = 1; wk <= n; wk++) {
        v[wk - 1] = NAN;
        lnd_day end = date_week_start(start, wk + 1);
        for (size_t i = a->ncis; i-- > 0;) {   /* oldest first */
            lnd_day d = date_stamp_day(a->cis[i].at);
            if (!a->cis[i].comparison && d != -1 && d < end) v[wk - 1] = a->cis[i].value;
        }
    }
    (void)kr;
    return n;
}

static void spark_line(tui_app *a, WINDOW *w, int y, const lnd_kr *kr)
{
    int weeks = a->plan->cycle.weeks > 0 ? a->plan->cycle.weeks : 13;
    if (weeks > 60) weeks = 60;
    double v[64], lo, hi;
    int n = week_values(a, kr, v, weeks);
    double b = kr->has_baseline ? kr->baseline : 0;
    lo = b < kr->target ? b : kr->target;
    hi = b < kr->target ? kr->target : b;
    for (int i = 0; i < n; i++)
        if (!isnan(v[i])) {
            if (v[i] < lo) lo = v[i];
            if (v[i] > hi) hi = v[i];
        }
    int due = kr->due_week > 0 && kr->due_week <= weeks ? kr->due_week : weeks;
    tui_put(a, w, y, 1, "trend", 6, a->attr[R_DIM]);
    tui_put(a, w, y + 1, 1, "pace", 6, a->attr[R_DIM]);
    int cols = getmaxx(w);
    for (int i = 0; i < weeks && 8 + i < cols - 1; i++) {
        char cell[8];
        double pv = b + (kr->target - b) * (i + 1 >= due ? 1.0 : (double)(i + 1) / due);
        tui_glyph_spark(a->g, &pv, 1, lo, hi, 1, cell, sizeof cell);
        tui_glyph_put(w, y + 1, 8 + i, cell, a->attr[R_PACE]);
        if (i < n && !isnan(v[i])) {
            tui_glyph_spark(a->g, &v[i], 1, lo, hi, 1, cell, sizeof cell);
            bool behind = kr->direction == DIR_DECREASE ? v[i] > pv : v[i] < pv;
            tui_glyph_put(w, y, 8 + i, cell, behind ? a->attr[R_AMBER] : a->attr[R_GREEN]);
        }
    }
    /* follow-ups after the programme (trained or no cohort), oldest first, after a bar, each
     * marked "+" on the pace row */
    int x = 8 + (weeks < cols - 9 ? weeks : cols - 9);
    bool bar = false;
    for (size_t i = a->ncis; i-- > 0 && x + 2 < cols - 1;) {
        const lnd_checkin *c = &a->cis[i];
        if (c->followup <= 0 || c->comparison) continue;
        char cell[8];
        if (!bar) {
            tui_put(a, w, y, x++, "|", 1, a->attr[R_DIM]);
            bar = true;
        }
        double fv = c->value;
        tui_glyph_spark(a->g, &fv, 1, lo, hi, 1, cell, sizeof cell);
        tui_glyph_put(w, y, x, cell, a->attr[R_ID] | A_BOLD);
        tui_put(a, w, y + 1, x, "+", 1, a->attr[R_DIM]);
        x++;
    }
    char wk[96], when[64];
    summary_when_text(a->plan, a->today, when, sizeof when);
    snprintf(wk, sizeof wk, "%s%s", when, bar ? ", | follow-ups" : "");
    if (x + 2 + 10 < cols) tui_put(a, w, y, x + 2, wk, cols - x - 3, a->attr[R_DIM]);
}

static void cis_draw(tui_app *a, WINDOW *w, bool focused)
{
    long ki = tui_sel_kr(a);
    char title[256], id[32];
    if (ki < 0) {
        tui_pane_title(a, w, "Check-ins", focused);
        return;
    }
    const lnd_kr *kr = &a->plan->krs[ki];
    tui_fmt_id('K', kr->id, id, sizeof id);
    snprintf(title, sizeof title, "Check-ins of %s %s %zu %s c check in", id, a->g->dot, a->ncis,
             a->g->dot);
    tui_pane_title(a, w, title, focused);
    int cols = getmaxx(w), h = getmaxy(w);
    spark_line(a, w, 1, kr);
    if (!a->ncis) {
        tui_put(a, w, 4, 2, "No check-ins yet: press c to log the first.", cols - 3, a->attr[R_DIM]);
        return;
    }
    int rows = h - 3;
    if (rows < 1) return;
    if (a->ctop + (size_t)rows > a->ncis) a->ctop = a->ncis > (size_t)rows ? a->ncis - (size_t)rows : 0;
    for (int i = 0; i < rows && a->ctop + (size_t)i < a->ncis; i++) {
        const lnd_checkin *c = &a->cis[a->ctop + (size_t)i];
        char val[64], line[512], conf[16], obs[48] = "";
        tui_fmt_value(c->value, kr->unit, val, sizeof val);
        if (c->confidence >= 0) snprintf(conf, sizeof conf, "c%d", c->confidence);
        else snprintf(conf, sizeof conf, "c-");
        if (c->observed > 0) snprintf(obs, sizeof obs, " (%d of %d)", c->applied, c->observed);
        if (c->followup > 0 || (c->cohort && *c->cohort)) {   /* +30d, the cohort */
            size_t ol = strlen(obs);
            snprintf(obs + ol, sizeof obs - ol, "%s%.0d%s%s%.20s", c->followup > 0 ? " +" : "", c->followup,
                     c->followup > 0 ? "d" : "", c->cohort && *c->cohort ? " " : "", c->cohort ? c->cohort : "");
        }
        char day[16];
        date_stamp_local_day(c->at, day, sizeof day);
        snprintf(line, sizeof line, "%s %8s%s %-3s", day, val, obs, conf);
        int x = 1 + tui_put(a, w, 3 + i, 1, line, cols - 2, A_NORMAL);
        char who[300];
        model_who(c->author, c->account, who, sizeof who);
        x += 1 + tui_put(a, w, 3 + i, x + 1, who, strcmp(who, c->author ? c->author : "") ? 28 : 12, a->attr[R_ID]);
        if (x + 2 < cols) tui_put(a, w, 3 + i, x + 1, c->note, cols - x - 2, a->attr[R_DIM]);
    }
}

static bool cis_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    switch (act) {
    case ACT_UP: if (a->ctop) a->ctop--; break;
    case ACT_DOWN: if (a->ctop + 1 < a->ncis) a->ctop++; break;
    case ACT_TOP: case ACT_PGUP: a->ctop = 0; break;
    case ACT_BOTTOM: case ACT_PGDN: a->ctop = a->ncis ? a->ncis - 1 : 0; break;
    case ACT_ENTER: tui_edit_checkin(a); return true;
    case ACT_COLLAPSE: a->focus = PANE_KRS; a->dirty |= D_ALL; return true;
    default: return false;
    }
    a->dirty |= D_CIS;
    return true;
}

static void cis_resize(tui_app *a, int h, int w)
{
    (void)h;
    (void)w;
    a->ctop = 0;
}

const tui_view tui_view_cis = {"check-ins", VK_CIS, 0, cis_draw, cis_key, cis_resize, NULL, NULL};
