/* SPDX-License-Identifier: MIT */
/* tui/tui_lists.c — three list views over the panes: KPIs (K: steady-state indicators apart
 * from OKRs, with their healthy range, out-of-range ones marked, and a history sparkline),
 * due follow-ups across cycles (D: overdue, due and upcoming check-ins after programmes end;
 * Enter checks in on the KR) and the audit log (L: who changed what, when). Read-only views:
 * they load through store/ verbs and draw; every user string goes through tui_put. */
#include <stdio.h>
#include <string.h>

#include "../core/followup.h"
#include "../store/store_io.h"
#include "tui_int.h"

static void row_bg(WINDOW *w, int y, bool sel)
{
    if (!sel) return;
    wattrset(w, A_REVERSE);
    mvwhline(w, y, 0, ' ', getmaxx(w));
}

static void num(double v, char *buf, size_t n) { model_fmt_num(v, buf, n); }

/* ---- KPIs ---- */

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

static void kpi_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    kpi_state *S = kst(a);
    const lnd_kpi *k = S->k;
    const kpi_hist *hist = S->h;
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
    int nw = cols >= 120 ? 44 : cols >= 100 ? 30 : 24;
    char hdr[256];
    snprintf(hdr, sizeof hdr, "  %-*s %10s %-8s %-16s %-13s %s", nw, "NAME", "VALUE", "UNIT",
             "HEALTHY RANGE", "STATE", "HISTORY");
    tui_put(a, w, 1, 0, hdr, cols, A_BOLD);
    size_t h = (size_t)getmaxy(w) - 2;
    tui_list_scroll(&S->l, h);
    for (size_t i = 0; i < h && S->l.top + i < S->l.count; i++) {
        size_t r = S->l.top + i;
        int y = 2 + (int)i;
        bool sel = r == S->l.sel;
        attr_t s = sel ? A_REVERSE : A_NORMAL;
        row_bg(w, y, sel);
        const lnd_kpi *kp = &k[r];
        bool out = kpi_out(kp);
        tui_put(a, w, y, 0, out ? "!" : " ", 1, (out ? a->attr[R_RED] | A_BOLD : A_NORMAL) | s);
        tui_put(a, w, y, 2, kp->name, nw, s | A_BOLD);
        char val[48] = "-", range[128] = "", lo[48], hi[48], line[256];
        if (kp->has_value) num(kp->value, val, sizeof val);
        if (kp->has_min) num(kp->min, lo, sizeof lo);
        if (kp->has_max) num(kp->max, hi, sizeof hi);
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

/* ---- due follow-ups ---- */

/* One follow-up row: the shown cycle's (every state) and the open ones of other cycles whose
 * measurement windows have not closed (a closed quarter's +60 and +90), as `lnd due`. */
typedef struct {
    lnd_followup f;
    size_t cy;                  /* index into a->cycles */
    lnd_id kr_id, obj_id;
    char *title, *owner, *coowner, *prog, *cycle;
} due_row;

/* the due view's private state */
typedef struct {
    tui_list l;
    due_row *rows;
} due_state;

static due_state *dst(tui_app *a) { return (due_state *)tui_view_list(a); }

static size_t due_rows_of(tui_app *a, size_t cy, const lnd_plan *p, const window_rules *r, due_row **v,
                          size_t n, size_t *cap)
{
    lnd_checkin *cs = NULL;
    size_t ncs = 0;
    if (store_cycle_checkins(a->st, a->v_arena, p->cycle.id, &cs, &ncs) != STORE_OK) ncs = 0;
    lnd_followup *f = NULL;
    lnd_day today = date_today();
    size_t nf = followup_list(p, r, cs, ncs, today, a->v_arena, &f);
    for (size_t i = 0; i < nf; i++) {
        const lnd_kr *kr = &p->krs[f[i].kr];
        bool shown = cy == a->cy;
        if (!shown && (f[i].state == FU_DONE || f[i].state == FU_MISSED || today > f[i].window_close)) continue;
        if (a->filter == FILTER_MINE && a->o->user && !(kr->owner && !strcmp(kr->owner, a->o->user)) &&
            !(kr->coowner && !strcmp(kr->coowner, a->o->user)))
            continue;   /* `f` mine: what this manager must log */
        if (n == *cap) {
            size_t nc = *cap ? *cap * 2 : 32;
            due_row *nv = arena_alloc(a->v_arena, nc * sizeof *nv);
            if (n) memcpy(nv, *v, n * sizeof *nv);
            *v = nv;
            *cap = nc;
        }
        due_row *d = &(*v)[n++];
        d->f = f[i];
        d->cy = cy;
        d->kr_id = kr->id;
        d->obj_id = kr->objective_id;
        d->title = arena_strdup(a->v_arena, kr->title);
        d->owner = arena_strdup(a->v_arena, kr->owner);
        d->coowner = arena_strdup(a->v_arena, kr->coowner);
        d->prog = arena_strdup(a->v_arena, p->progs[f[i].prog].title);
        d->cycle = arena_strdup(a->v_arena, p->cycle.name);
    }
    return n;
}

static void due_load(tui_app *a)
{
    if (!a->plan) return;
    window_rules r;
    window_rules_default(&r);
    if (a->o->cfg) {
        memcpy(r.offsets, a->o->cfg->followup_days, sizeof r.offsets);
        r.window_days = a->o->cfg->window_days;
    }
    due_row *v = NULL;
    size_t n = 0, cap = 0;
    n = due_rows_of(a, a->cy, a->plan, &r, &v, n, &cap);   /* the shown cycle's first */
    for (size_t c = 0; c < a->ncycles; c++) {
        if (c == a->cy) continue;
        lnd_plan *p = NULL;
        if (store_load_plan(a->st, a->cycles[c].id, &p) != STORE_OK) continue;
        n = due_rows_of(a, c, p, &r, &v, n, &cap);
        plan_free(p);
    }
    dst(a)->rows = v;
    dst(a)->l.count = n;
}

static void due_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    due_state *S = dst(a);
    const due_row *f = S->rows;
    size_t cnt[5] = {0};
    for (size_t i = 0; i < S->l.count; i++) cnt[f[i].f.state]++;
    char title[240];
    snprintf(title, sizeof title, "Due follow-ups%s %s %zu overdue, %zu due, %zu upcoming, "
             "%zu logged, %zu missed %s Enter checks in", a->filter == FILTER_MINE ? " (mine)" : "", a->g->dot,
             cnt[FU_OVERDUE], cnt[FU_DUE], cnt[FU_UPCOMING], cnt[FU_DONE], cnt[FU_MISSED], a->g->dot);
    tui_views_title(a, w, title);
    int cols = getmaxx(w);
    if (!S->l.count) {
        tui_put(a, w, 2, 2, "Nothing scheduled: follow-ups come from programmes serving behaviour and results KRs.",
                cols - 3, a->attr[R_DIM]);
        return;
    }
    int tw = cols >= 150 ? 60 : cols >= 110 ? 44 : 30;
    char hdr[256];
    snprintf(hdr, sizeof hdr, "%-9s %-10s %-5s %-*s %-12s %s", "STATE", "DUE", "KR", tw, "METRIC",
             "OWNER", "AFTER");
    tui_put(a, w, 1, 1, hdr, cols - 2, A_BOLD);
    size_t h = (size_t)getmaxy(w) - 2;
    tui_list_scroll(&S->l, h);
    for (size_t i = 0; i < h && S->l.top + i < S->l.count; i++) {
        size_t r = S->l.top + i;
        const due_row *u = &f[r];
        int y = 2 + (int)i;
        bool sel = r == S->l.sel;
        attr_t s = sel ? A_REVERSE : A_NORMAL;
        row_bg(w, y, sel);
        attr_t st = u->f.state == FU_OVERDUE ? a->attr[R_RED] | A_BOLD
                    : u->f.state == FU_DUE ? a->attr[R_AMBER] | A_BOLD
                    : u->f.state == FU_DONE ? a->attr[R_GREEN] : a->attr[R_DIM];
        char day[16], id[32], after[300];
        date_format(u->f.due, day, sizeof day);
        tui_fmt_id('K', u->kr_id, id, sizeof id);
        tui_put(a, w, y, 1, window_fu_state_name(u->f.state), 9, st | s);
        tui_put(a, w, y, 11, day, 10, s);
        tui_put(a, w, y, 22, id, 5, a->attr[R_ID] | s);
        tui_put(a, w, y, 28, u->title, tw, s);
        tui_put(a, w, y, 29 + tw, u->owner, 12, s);
        if (u->cy == a->cy) snprintf(after, sizeof after, "+%dd after %s", u->f.offset_days, u->prog);
        else snprintf(after, sizeof after, "+%dd after %s (%s)", u->f.offset_days, u->prog, u->cycle);
        if (42 + tw < cols - 2) tui_put(a, w, y, 42 + tw, after, cols - 44 - tw, a->attr[R_DIM] | s);
    }
}

static bool due_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    if (tui_views_move(a, act, (size_t)getmaxy(a->wv) - 2)) return true;
    due_state *S = dst(a);
    if ((act != ACT_ENTER && act != ACT_CHECKIN) || S->l.sel >= S->l.count) return false;
    const due_row *u = &S->rows[S->l.sel];
    lnd_id obj = u->obj_id, kid = u->kr_id;
    size_t cy = u->cy;
    tui_views_close(a);
    if (cy != a->cy && cy < a->ncycles) {   /* a follow-up of another cycle: show that cycle */
        a->cy = cy;
        a->sel = a->top = a->ksel = 0;
        tui_data_reload(a);
    }
    tui_goto(a, obj, kid);
    tui_edit_checkin(a);
    a->return_due = a->form_open;   /* saving it comes back here */
    return true;
}

const tui_view tui_view_due = {"due", VK_DUE, sizeof(due_state), due_draw, due_key, NULL, due_load, NULL};

/* ---- audit log ---- */

/* the log view's private state */
typedef struct {
    tui_list l;
    lnd_audit *rows;
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
    char hdr[160];
    snprintf(hdr, sizeof hdr, "%-19s %-*s %-8s %-16s %s", "WHEN (UTC)", ww, "WHO", "ACTION", "WHAT", "DETAIL");
    tui_put(a, w, 1, 1, hdr, cols - 2, A_BOLD);
    for (size_t i = 0; i < h && S->l.top + i < S->l.count; i++) {
        size_t r = S->l.top + i;
        const lnd_audit *e = &au[r];
        int y = 2 + (int)i;
        bool sel = r == S->l.sel;
        attr_t s = sel ? A_REVERSE : A_NORMAL;
        row_bg(w, y, sel);
        char what[64];
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
}

static bool log_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    return tui_views_move(a, act, (size_t)getmaxy(a->wv) - 2);
}

const tui_view tui_view_log = {"log", VK_LOG, sizeof(log_state), log_draw, log_key, NULL, log_load, NULL};
