/* SPDX-License-Identifier: MIT */
/* tui/tui_due.c — the due follow-ups view (D): overdue, due and upcoming behaviour check-ins
 * after programmes end, across cycles whose measurement windows are open (as `lnd due`);
 * Enter checks in on the KR and saving returns here. Never writes to the store itself (the
 * check-in form does). */
#include <stdio.h>
#include <string.h>

#include "../core/followup.h"
#include "../store/store_io.h"
#include "tui_int.h"

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
    int iw;                     /* the KR column: as wide as the widest id (K12, K1234) */
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

static int title_w(int cols) { return cols >= 150 ? 60 : cols >= 110 ? 44 : 30; }

static void due_row_draw(tui_app *a, WINDOW *w, size_t r, int y, bool sel)
{
    const due_row *u = &dst(a)->rows[r];
    int cols = getmaxx(w), tw = title_w(cols);
    attr_t s = sel ? A_REVERSE : A_NORMAL;
    attr_t st = u->f.state == FU_OVERDUE ? a->attr[R_RED] | A_BOLD
                : u->f.state == FU_DUE ? a->attr[R_AMBER] | A_BOLD
                : u->f.state == FU_DONE ? a->attr[R_GREEN] : a->attr[R_DIM];
    char day[16], id[32], after[300];
    date_format(u->f.due, day, sizeof day);
    tui_fmt_id('K', u->kr_id, id, sizeof id);
    tui_put(a, w, y, 1, window_fu_state_name(u->f.state), 9, st | s);
    tui_put(a, w, y, 11, day, 10, s);
    int iw = dst(a)->iw, x = 23 + iw;   /* title column: after the widest id */
    tui_put(a, w, y, 22, id, iw, a->attr[R_ID] | s);
    tui_put(a, w, y, x, u->title, tw, s);
    tui_put(a, w, y, x + 1 + tw, u->owner, 12, s);
    if (u->cy == a->cy) snprintf(after, sizeof after, "+%dd after %s", u->f.offset_days, u->prog);
    else snprintf(after, sizeof after, "+%dd after %s (%s)", u->f.offset_days, u->prog, u->cycle);
    if (x + 14 + tw < cols - 2) tui_put(a, w, y, x + 14 + tw, after, cols - x - 16 - tw, a->attr[R_DIM] | s);
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
    int tw = title_w(cols);
    S->iw = 5;
    for (size_t r = 0; r < S->l.count; r++) {
        char id[32];
        tui_fmt_id('K', S->rows[r].kr_id, id, sizeof id);
        if ((int)strlen(id) > S->iw) S->iw = (int)strlen(id);
    }
    char hdr[256];
    snprintf(hdr, sizeof hdr, "%-9s %-10s %-*s %-*s %-12s %s", "STATE", "DUE", S->iw, "KR", tw, "METRIC",
             "OWNER", "AFTER");
    tui_put(a, w, 1, 1, hdr, cols - 2, A_BOLD);
    tui_list_draw(a, w, &S->l, 2, getmaxy(w) - 2, 1, due_row_draw);
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
        a->tl.sel = a->tl.top = a->kl.sel = 0;
        tui_data_reload(a);
    }
    tui_goto(a, obj, kid);
    tui_edit_checkin(a);
    a->return_due = tui_has(a, VK_FORM);   /* saving it comes back here */
    return true;
}

const tui_view tui_view_due = {"due", VK_DUE, sizeof(due_state), due_draw, due_key, NULL, due_load, NULL};
