/* SPDX-License-Identifier: MIT */
/* tui/tui_views.c — the full-screen views that replace the panes (mode M_VIEW): opening one
 * from its action (K P D L R E H), closing (Esc, q or the same key), list movement helpers,
 * and jumping from a view row to an objective or KR in the cascade. Also alignment health:
 * findings recomputed after every reload, the marks on tree and KR rows, and the health view
 * (H). Views draw into their own window between header and action bar; they never write to
 * the store themselves (their forms go through tui_edit.c). */
#include <stdio.h>
#include <string.h>

#include "tui_int.h"

static const struct {
    tui_action act;
    const tui_view *v;
} views[] = {
    {ACT_KPIS, &tui_view_kpi},       {ACT_PROGRAMMES, &tui_view_prog}, {ACT_DUE, &tui_view_due},
    {ACT_LOG, &tui_view_log},        {ACT_REVIEW, &tui_view_review},   {ACT_CHAIN, &tui_view_chain},
    {ACT_HEALTH, &tui_view_health},
};

static const tui_view *view_for(tui_action act)
{
    for (size_t i = 0; i < sizeof views / sizeof views[0]; i++)
        if (views[i].act == act) return views[i].v;
    return NULL;
}

void tui_views_load(tui_app *a)
{
    if (!a->view) return;
    arena_free(a->v_arena);
    a->v_arena = arena_new();
    a->vrows = a->vextra = NULL;
    a->nvrows = a->nvextra = a->vn = 0;
    if (a->view->load) a->view->load(a);
    if (a->vsel >= a->vn) a->vsel = a->vn ? a->vn - 1 : 0;
    a->dirty = D_ALL;
}

bool tui_views_open(tui_app *a, tui_action act)
{
    const tui_view *v = view_for(act);
    if (!v) return false;
    if (act == ACT_CHAIN) {   /* the business objective at the root of the selection */
        long oi = tui_sel_obj(a);
        if (oi < 0) {
            tui_notice(a, true, "select a business objective first");
            return true;
        }
        while (a->plan->objs[oi].parent_id && plan_obj_index(a->plan, a->plan->objs[oi].parent_id) >= 0)
            oi = plan_obj_index(a->plan, a->plan->objs[oi].parent_id);
        a->vroot = a->plan->objs[oi].id;
    }
    a->view = v;
    a->mode = M_VIEW;
    a->vsel = a->vtop = 0;
    tui_views_load(a);
    return true;
}

void tui_views_close(tui_app *a)
{
    if (a->wv) {   /* the panes leave gaps (between them): nothing of the view may stay there */
        werase(a->wv);
        wnoutrefresh(a->wv);
    }
    a->view = NULL;
    a->mode = M_NONE;
    arena_free(a->v_arena);
    a->v_arena = NULL;
    a->vrows = a->vextra = NULL;
    a->nvrows = a->nvextra = a->vn = 0;
    a->dirty = D_ALL;
}

bool tui_views_move(tui_app *a, tui_action act, size_t page)
{
    size_t old = a->vsel;
    switch (act) {
    case ACT_UP: if (a->vsel) a->vsel--; break;
    case ACT_DOWN: if (a->vsel + 1 < a->vn) a->vsel++; break;
    case ACT_PGUP: a->vsel = a->vsel > page ? a->vsel - page : 0; break;
    case ACT_PGDN: a->vsel = a->vsel + page < a->vn ? a->vsel + page : (a->vn ? a->vn - 1 : 0); break;
    case ACT_TOP: a->vsel = 0; break;
    case ACT_BOTTOM: a->vsel = a->vn ? a->vn - 1 : 0; break;
    default: return false;
    }
    if (old != a->vsel) a->dirty |= D_OVERLAY;
    return true;
}

void tui_views_scroll(tui_app *a, size_t h)
{
    if (h < 1) h = 1;
    if (a->vsel < a->vtop) a->vtop = a->vsel;
    if (a->vsel >= a->vtop + h) a->vtop = a->vsel - h + 1;
    if (a->vtop + h > a->vn) a->vtop = a->vn > h ? a->vn - h : 0;
}

void tui_views_title(tui_app *a, WINDOW *w, const char *title)
{
    char buf[300];
    snprintf(buf, sizeof buf, "%s   (Esc returns)", title);
    tui_pane_title(a, w, buf, true);
}

void tui_views_key(tui_app *a, int key)
{
    tui_action act = tui_act_for_key(key);
    const tui_view *v = view_for(act);
    if (key == TK_ESC || act == ACT_QUIT || v == a->view) {
        tui_views_close(a);
        return;
    }
    if (v) {
        tui_views_close(a);
        tui_views_open(a, act);
        return;
    }
    if (a->view && a->view->key(a, act, key)) return;
    if (act == ACT_HELP) tui_notice(a, false, "Esc first, then ? lists every key");
}

void tui_views_draw(tui_app *a)
{
    WINDOW *w = a->wv;
    if (!w || !a->view) return;
    werase(w);
    a->view->draw(a, w, true);
    wnoutrefresh(w);
}

/* ---- jumping to the cascade ---- */

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
    for (size_t i = 0; i < a->nvis; i++) shown |= a->plan->objs[a->all[a->vis[i]].obj].id == obj;
    if (!shown && a->filter != FILTER_ALL) {
        a->filter = FILTER_ALL;
        tui_data_rows(a);
    }
    tui_select_obj(a, obj);
    a->ksel = 0;
    tui_data_sync(a);
    for (size_t k = 0; kr && k < a->nkrs; k++)
        if (a->plan->krs[a->krs[k]].id == kr) a->ksel = k;
    tui_data_sync(a);
    a->focus = kr ? PANE_KRS : PANE_TREE;
    a->dirty = D_ALL;
}

/* ---- alignment health ---- */

void tui_health_compute(tui_app *a)
{
    arena_free(a->h_arena);
    a->h_arena = NULL;
    a->findings = NULL;
    a->nfindings = 0;
    if (!a->plan) return;
    lnd_config defaults;
    const lnd_config *c = a->o->cfg;
    if (!c) {
        cfg_defaults(&defaults);
        c = &defaults;
    }
    health_opts ho;
    health_opts_from_config(c, &ho);
    a->h_arena = arena_new();
    a->nfindings = health_check(a->plan, &ho, date_today(), a->h_arena, &a->findings);
}

int tui_health_obj(const tui_app *a, lnd_id obj)
{
    return a->nfindings ? health_worst_for_obj(a->findings, a->nfindings, obj) : -1;
}

int tui_health_kr(const tui_app *a, lnd_id kr)
{
    int worst = -1;
    for (size_t i = 0; i < a->nfindings; i++)
        if (a->findings[i].kr_id == kr && (worst < 0 || (int)a->findings[i].sev < worst))
            worst = (int)a->findings[i].sev;
    return worst;
}

const char *tui_health_mark(int sev)
{
    switch (sev) {
    case HEALTH_ERROR: return "!";
    case HEALTH_WARNING: return "~";
    case HEALTH_INFO: return "i";
    default: return " ";
    }
}

attr_t tui_health_attr(const tui_app *a, int sev)
{
    switch (sev) {
    case HEALTH_ERROR: return a->attr[R_RED] | A_BOLD;
    case HEALTH_WARNING: return a->attr[R_AMBER] | A_BOLD;
    default: return a->attr[R_DIM];
    }
}

/* The objective a finding is about (a programme's: the one it serves), 0 = none. */
static lnd_id finding_obj(const tui_app *a, const lnd_finding *f)
{
    if (f->obj_id) return f->obj_id;
    if (f->kr_id) {
        long k = plan_kr_index(a->plan, f->kr_id);
        if (k >= 0) return a->plan->krs[k].objective_id;
    }
    for (size_t i = 0; f->prog_id && i < a->plan->nprogs; i++)
        if (a->plan->progs[i].id == f->prog_id) return a->plan->progs[i].objective_id;
    return 0;
}

static void health_load(tui_app *a) { a->vn = a->nfindings; }

static void health_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    char title[200];
    snprintf(title, sizeof title, "Alignment health %s %zu errors, %zu warnings, %zu info %s "
             "! error ~ warning i info %s Enter goes to the objective", a->g->dot,
             health_count(a->findings, a->nfindings, HEALTH_ERROR),
             health_count(a->findings, a->nfindings, HEALTH_WARNING),
             health_count(a->findings, a->nfindings, HEALTH_INFO), a->g->dot, a->g->dot);
    tui_views_title(a, w, title);
    int cols = getmaxx(w);
    if (!a->nfindings) {
        tui_put(a, w, 2, 2, a->plan ? "No findings: every objective is in line of sight and measured."
                                    : "No cycle yet.", cols - 3, a->attr[R_GREEN]);
        return;
    }
    size_t h = (size_t)(getmaxy(w) - 1) / 2;
    tui_views_scroll(a, h);
    for (size_t i = 0; i < h && a->vtop + i < a->nfindings; i++) {
        const lnd_finding *f = &a->findings[a->vtop + i];
        int y = 1 + (int)i * 2;
        bool sel = a->vtop + i == a->vsel;
        attr_t s = sel ? A_REVERSE : A_NORMAL;
        if (sel) {
            wattrset(w, A_REVERSE);
            mvwhline(w, y, 0, ' ', cols);
        }
        tui_put(a, w, y, 1, tui_health_mark(f->sev), 1, tui_health_attr(a, f->sev) | s);
        char head[32];
        snprintf(head, sizeof head, "%-7s %s", health_sev_name(f->sev), f->id);
        tui_put(a, w, y, 3, head, 12, tui_health_attr(a, f->sev) | s);
        tui_put(a, w, y, 16, f->msg, cols - 17, s);
        char hint[260];
        snprintf(hint, sizeof hint, "fix: %s", f->hint);
        tui_put(a, w, y + 1, 16, hint, cols - 17, a->attr[R_DIM]);
    }
}

static bool health_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    if (tui_views_move(a, act, (size_t)(getmaxy(a->wv) - 1) / 2)) return true;
    if (act != ACT_ENTER || a->vsel >= a->nfindings) return false;
    const lnd_finding *f = &a->findings[a->vsel];
    lnd_id obj = finding_obj(a, f), kr = f->kr_id;
    char id[32];
    snprintf(id, sizeof id, "%s", f->id);
    if (!obj) {
        tui_notice(a, false, "%s is about the cycle or a programme serving no objective", id);
        return true;
    }
    tui_views_close(a);
    tui_goto(a, obj, kr);
    tui_notice(a, false, "%s: %s", id, "this objective");
    return true;
}

const tui_view tui_view_health = {"health", health_draw, health_key, NULL, health_load};
