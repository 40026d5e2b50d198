/* SPDX-License-Identifier: MIT */
/* tui/tui_data.c — the dashboard's data: cycles, the shown cycle's plan, the visible cascade
 * rows (collapse and filter), the selection kept by id across reloads, the selected KR's
 * check-ins, and search over ids and titles. Talks to store/ through its verbs only; draws
 * nothing. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../store/store_io.h"
#include "tui_int.h"

int tui_data_load_cycles(tui_app *a, const char *name)
{
    arena_free(a->cy_arena);
    a->cy_arena = arena_new();
    a->cycles = NULL;
    a->ncycles = 0;
    store_rc rc = store_cycles(a->st, a->cy_arena, &a->cycles, &a->ncycles);
    if (rc != STORE_OK) return rc;
    lnd_cycle cur;   /* unnamed: the active cycle containing today (core/cycle_pick.h) */
    rc = name ? store_find_cycle(a->st, a->cy_arena, name, &cur)
              : store_default_cycle(a->st, a->cy_arena, CYCLE_FOR_NOW, &cur);
    if (rc != STORE_OK) return name ? rc : STORE_OK;   /* no cycle yet is fine */
    for (size_t i = 0; i < a->ncycles; i++)
        if (a->cycles[i].id == cur.id) a->cy = i;
    return STORE_OK;
}

bool tui_is_collapsed(const tui_app *a, lnd_id id)
{
    for (size_t i = 0; i < a->ncollapsed; i++)
        if (a->collapsed[i] == id) return true;
    return false;
}

void tui_set_collapsed(tui_app *a, lnd_id id, bool on)
{
    for (size_t i = 0; i < a->ncollapsed; i++)
        if (a->collapsed[i] == id) {
            if (!on) a->collapsed[i] = a->collapsed[--a->ncollapsed];
            return;
        }
    if (!on) return;
    if (a->ncollapsed == a->capcollapsed) {
        a->capcollapsed = a->capcollapsed ? a->capcollapsed * 2 : 16;
        lnd_id *n = realloc(a->collapsed, a->capcollapsed * sizeof *n);
        if (!n) return;
        a->collapsed = n;
    }
    a->collapsed[a->ncollapsed++] = id;
}

bool tui_has_children(const tui_app *a, size_t oi)
{
    lnd_id id = a->plan->objs[oi].id;
    for (size_t i = 0; i < a->nall; i++)
        if (a->plan->objs[a->all[i].obj].parent_id == id) return true;
    return false;
}

static bool same_user(const char *x, const char *u)
{
    return x && u && *x && strcmp(x, u) == 0;
}

static bool obj_matches_filter(tui_app *a, size_t oi)
{
    const lnd_plan *p = a->plan;
    const lnd_objective *o = &p->objs[oi];
    size_t first, n = plan_krs_of(p, oi, &first);
    if (a->filter == FILTER_MINE) {
        if (same_user(o->owner, a->o->user) || same_user(o->business_owner, a->o->user)) return true;
        for (size_t k = first; k < first + n; k++)
            if (!p->krs[k].archived &&
                (same_user(p->krs[k].owner, a->o->user) || same_user(p->krs[k].coowner, a->o->user)))
                return true;
        return false;
    }
    /* at risk: the objective or one of its KRs is at risk or off track */
    summary_obj s;
    summary_objective(p, oi, &a->rules, a->today, &s);
    if (s.status == STATUS_AT_RISK || s.status == STATUS_OFF_TRACK) return true;
    for (size_t k = first; k < first + n; k++) {
        if (p->krs[k].archived) continue;
        summary_kr ks;
        summary_key_result(a->plan, &p->krs[k], &a->rules, a->today, &ks);
        if (ks.status == STATUS_AT_RISK || ks.status == STATUS_OFF_TRACK) return true;
    }
    return false;
}

/* Row index in all[] of objective oi's parent, or -1. */
static long parent_row(const tui_app *a, size_t r)
{
    int d = a->all[r].depth;
    if (d == 0) return -1;
    for (long i = (long)r - 1; i >= 0; i--)
        if (a->all[i].depth < d) return i;
    return -1;
}

void tui_data_rows(tui_app *a)
{
    free(a->vis);
    a->vis = NULL;
    a->tl.count = 0;
    if (!a->plan || !a->nall) return;
    a->vis = calloc(a->nall, sizeof *a->vis);
    bool *keep = calloc(a->nall, sizeof *keep);
    if (!a->vis || !keep) {
        free(keep);
        return;
    }
    for (size_t r = 0; r < a->nall; r++) {
        if (a->filter == FILTER_ALL || obj_matches_filter(a, a->all[r].obj)) {
            keep[r] = true;   /* and its ancestors, so the line of sight stays visible */
            for (long p = parent_row(a, r); p >= 0; p = parent_row(a, (size_t)p)) keep[p] = true;
        }
    }
    int hide_below = -1;   /* depth of a collapsed ancestor */
    for (size_t r = 0; r < a->nall; r++) {
        int d = a->all[r].depth;
        if (hide_below >= 0 && d > hide_below) continue;
        hide_below = -1;
        if (!keep[r]) continue;
        a->vis[a->tl.count++] = r;
        if (tui_is_collapsed(a, a->plan->objs[a->all[r].obj].id)) hide_below = d;
    }
    free(keep);
    if (a->tl.sel >= a->tl.count) a->tl.sel = a->tl.count ? a->tl.count - 1 : 0;
}

long tui_sel_obj(const tui_app *a)
{
    if (!a->plan || a->tl.sel >= a->tl.count) return -1;
    return (long)a->all[a->vis[a->tl.sel]].obj;
}

long tui_sel_kr(const tui_app *a)
{
    return a->kl.sel < a->kl.count ? (long)a->krs[a->kl.sel] : -1;
}

void tui_data_sync(tui_app *a)
{
    a->kl.count = 0;
    long oi = tui_sel_obj(a);
    if (oi >= 0) {
        size_t first, n = plan_krs_of(a->plan, (size_t)oi, &first);
        for (size_t k = first; k < first + n && a->kl.count < TUI_MAX_KRS; k++)
            if (!a->plan->krs[k].archived) a->krs[a->kl.count++] = k;
    }
    if (a->kl.sel >= a->kl.count) a->kl.sel = a->kl.count ? a->kl.count - 1 : 0;
    long ki = tui_sel_kr(a);
    lnd_id kid = ki >= 0 ? a->plan->krs[ki].id : 0;
    if (kid != a->ci_kr || !a->ci_arena) {
        arena_free(a->ci_arena);
        a->ci_arena = arena_new();
        a->cis = NULL;
        a->ncis = 0;
        a->ctop = 0;
        a->ci_kr = kid;
        if (kid && store_checkins(a->st, a->ci_arena, kid, &a->cis, &a->ncis) != STORE_OK) {
            tui_notice(a, true, "cannot read check-ins: %s", store_errmsg(a->st));
            a->ncis = 0;
        }
    }
}

void tui_select_obj(tui_app *a, lnd_id id)
{
    for (size_t i = 0; i < a->tl.count; i++)
        if (a->plan->objs[a->all[a->vis[i]].obj].id == id) {
            a->tl.sel = i;
            return;
        }
}

/* What follows from the plan once it is (re)read: rows, selection kept by id, check-ins of
 * the selected KR, the header's review hint, health and the open list view. */
static void after_load(tui_app *a, lnd_id oid, lnd_id kid, size_t old_sel, bool health_now)
{
    tui_data_rows(a);
    a->tl.sel = old_sel < a->tl.count ? old_sel : 0;
    if (oid) tui_select_obj(a, oid);
    tui_data_sync(a);
    for (size_t k = 0; kid && k < a->kl.count; k++)
        if (a->plan->krs[a->krs[k]].id == kid) a->kl.sel = k;
    tui_data_sync(a);
    lnd_arena *t = arena_new();   /* another cycle in review: the header's hint */
    lnd_cycle rv;
    a->review_pending[0] = '\0';
    if (store_review_pending(a->st, t, &rv) == STORE_OK && (!a->plan || rv.id != a->plan->cycle.id))
        snprintf(a->review_pending, sizeof a->review_pending, "%s", rv.name);
    arena_free(t);
    /* findings follow every change, ours or another user's; after an outside check-in the
     * new value is drawn first and the findings follow a frame later (tui_main.c) */
    if (health_now) tui_health_compute(a);
    a->health_stale = !health_now;
    tui_views_load(a);
    a->dirty = D_ALL;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* LND_RELOAD_LOG=FILE: one line per reload, "full N in T ms" or "partial N of M in T ms"
 * (rows read, the reload's time up to the redraw; the bench and tests/screen/tui_shared.sh
 * read it; nothing is written without it). */
static void reload_log(const char *kind, size_t rows, size_t full, double t0)
{
    const char *path = getenv("LND_RELOAD_LOG");
    FILE *f = path && *path ? fopen(path, "a") : NULL;
    if (!f) return;
    if (full) fprintf(f, "%s %zu of %zu in %.0f ms\n", kind, rows, full, now_ms() - t0);
    else fprintf(f, "%s %zu in %.0f ms\n", kind, rows, now_ms() - t0);
    fclose(f);
}

/* Rows a full load reads: objectives, KRs, programmes, waivers (what partial reloads are
 * measured against). */
static size_t full_rows(const lnd_plan *p)
{
    return p ? p->nobjs + p->nkrs + p->nprogs + p->nwaivers : 0;
}

void tui_data_reload(tui_app *a)
{
    double t0 = now_ms();
    long oi = tui_sel_obj(a), ki = tui_sel_kr(a);
    lnd_id oid = oi >= 0 ? a->plan->objs[oi].id : 0, kid = ki >= 0 ? a->plan->krs[ki].id : 0;
    size_t old_sel = a->tl.sel;
    plan_free(a->plan);
    a->plan = NULL;
    a->all = NULL;
    a->nall = 0;
    arena_free(a->ci_arena);   /* force the check-ins to be read again */
    a->ci_arena = NULL;
    store_data_version(a->st, &a->data_version);
    if (store_audit_last(a->st, &a->audit_seen) != STORE_OK) a->audit_seen = 0;   /* before the plan: none missed */
    if (a->ncycles) {
        store_rc rc = store_load_plan(a->st, a->cycles[a->cy].id, &a->plan);
        if (rc != STORE_OK) {
            a->plan = NULL;
            tui_notice(a, true, "cannot load the plan: %s", store_errmsg(a->st));
        }
    }
    a->orig = NULL;
    a->norig = 0;
    if (a->plan && store_carry_origins(a->st, a->plan->arena, a->plan->cycle.id, &a->orig, &a->norig) != STORE_OK)
        tui_notice(a, true, "cannot read where objectives came from: %s", store_errmsg(a->st));
    if (a->plan) {
        a->today = date_today();
        a->week = summary_week_on(a->plan, a->today);
        a->nall = plan_cascade(a->plan, false, &a->all);
    }
    after_load(a, oid, kid, old_sel, true);
    reload_log("full", full_rows(a->plan), 0, t0);
}

/* Objective oi's KRs read again in place (a check-in moved their values); false when they
 * are not the ones the plan holds (added, gone: a full reload is needed). */
static bool reread_krs(tui_app *a, size_t oi, size_t *rows)
{
    lnd_plan *p = a->plan;
    size_t first, n = plan_krs_of(p, oi, &first);
    for (size_t k = first; k < first + n; k++) {
        lnd_kr kr;
        if (store_get_kr(a->st, p->arena, p->krs[k].id, &kr) != STORE_OK || kr.objective_id != p->objs[oi].id)
            return false;
        p->krs[k] = kr;
        ++*rows;
    }
    return true;
}

void tui_data_refresh(tui_app *a)
{
    double t0 = now_ms();
    if (!a->plan || !a->audit_seen) {
        tui_data_reload(a);
        return;
    }
    long long v = a->data_version;
    store_data_version(a->st, &a->data_version);   /* before reading: a later commit is seen next poll */
    lnd_arena *t = arena_new();
    store_changed ch;
    bool ok = store_changed_after(a->st, t, a->audit_seen, &ch) == STORE_OK && !ch.other;
    size_t rows = ch.rows;
    for (size_t i = 0; ok && i < ch.nobjs; i++) {
        long oi = plan_obj_index(a->plan, ch.objs[i]);
        if (oi >= 0) ok = reread_krs(a, (size_t)oi, &rows);   /* another cycle's: nothing shown */
    }
    arena_free(t);
    if (!ok) {   /* anything but check-ins, or KRs that moved: the whole plan again */
        a->data_version = v;
        tui_data_reload(a);
        return;
    }
    a->audit_seen = ch.last;
    long oi = tui_sel_obj(a), ki = tui_sel_kr(a);
    lnd_id oid = oi >= 0 ? a->plan->objs[oi].id : 0, kid = ki >= 0 ? a->plan->krs[ki].id : 0;
    arena_free(a->ci_arena);   /* the selected KR's check-ins may have grown */
    a->ci_arena = NULL;
    after_load(a, oid, kid, a->tl.sel, false);
    reload_log("partial", rows, full_rows(a->plan), t0);
}

/* Case-insensitive substring (ASCII folding; other bytes compare as they are). */
static bool contains(const char *hay, const char *needle)
{
    if (!*needle) return false;
    for (; *hay; hay++) {
        size_t i = 0;
        while (needle[i] && hay[i] &&
               tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i])) i++;
        if (!needle[i]) return true;
    }
    return false;
}

/* Match of row r (index into all[]): the objective itself (-1) or one of its KRs. */
static long row_match(const tui_app *a, size_t r, const char *q)
{
    const lnd_plan *p = a->plan;
    size_t oi = a->all[r].obj;
    char id[32];
    tui_fmt_id('O', p->objs[oi].id, id, sizeof id);
    if (contains(id, q) || contains(p->objs[oi].title, q)) return -1;
    size_t first, n = plan_krs_of(p, oi, &first);
    for (size_t k = first; k < first + n; k++) {
        if (p->krs[k].archived) continue;
        tui_fmt_id('K', p->krs[k].id, id, sizeof id);
        if (contains(id, q) || contains(p->krs[k].title, q)) return (long)k;
    }
    return -2;
}

/* Search the whole cascade (collapsed parts included; the filter is respected) starting at
 * visible row from, in direction dir (+1/-1), wrapping. On a hit: expands its ancestors,
 * selects the objective (and the KR when the KR matched). */
bool tui_search_next(tui_app *a, const char *q, size_t from, int dir, bool include_from)
{
    if (!a->plan || !a->nall || !*q) return false;
    size_t start = from < a->tl.count ? a->vis[from] : 0;
    for (size_t step = include_from ? 0 : 1; step <= a->nall; step++) {
        size_t off = step % a->nall;
        size_t r = dir > 0 ? (start + off) % a->nall : (start + a->nall - off) % a->nall;
        long m = row_match(a, r, q);
        if (m == -2) continue;
        if (a->filter != FILTER_ALL && !obj_matches_filter(a, a->all[r].obj)) continue;
        for (long p = parent_row(a, r); p >= 0; p = parent_row(a, (size_t)p))
            tui_set_collapsed(a, a->plan->objs[a->all[p].obj].id, false);
        tui_data_rows(a);
        tui_select_obj(a, a->plan->objs[a->all[r].obj].id);
        a->kl.sel = 0;
        tui_data_sync(a);
        for (size_t k = 0; m >= 0 && k < a->kl.count; k++)
            if ((long)a->krs[k] == m) a->kl.sel = k;
        tui_data_sync(a);
        a->dirty |= D_TREE | D_KRS | D_CIS;
        return true;
    }
    return false;
}
