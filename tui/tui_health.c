/* SPDX-License-Identifier: MIT */
/* tui/tui_health.c — alignment health in the dashboard: findings recomputed after every
 * reload, the marks on tree and KR rows, and the health view (H: Enter goes to the
 * objective a finding is about). Reads the plan only; never writes to the store. */
#include <stdio.h>
#include <string.h>

#include "../core/numfmt.h"
#include "tui_int.h"

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

static void health_load(tui_app *a) { tui_view_list(a)->count = a->nfindings; }

/* A finding's fix (data from core/health.h) as dashboard advice: the key and the form field. */
static void fix_words(const lnd_finding *f, char *out, size_t n)
{
    static const char *const lvname[] = {"a business", "an L&D", "a team"};
    const lnd_fix *x = &f->fix;
    const health_rule *r = health_rule_find(f->id);
    lnd_id on = r && r->on == 'K' ? f->kr_id : f->obj_id;
    const char *lv = x->level >= 0 && x->level < LEVEL_N ? lvname[x->level] : "a";
    switch (x->kind) {
    case FIX_RULE:
        if (r && r->field && on) snprintf(out, n, "press e on %c%lld and set %s: %s", r->on, on, r->field, r->fix);
        else snprintf(out, n, "%s", r ? r->fix : "");
        break;
    case FIX_BREAK: snprintf(out, n, "press e on O%lld and set Parent to a business objective", x->id); break;
    case FIX_PARENT:
        if (x->other) snprintf(out, n, "press e on O%lld and set Parent to O%lld", x->id, x->other);
        else snprintf(out, n, "press e on O%lld and set Parent to %s objective", x->id, lv);
        break;
    case FIX_FOCUS:
        if (x->level < 0) snprintf(out, n, "about 3-5 KRs: archive or merge the rest");
        else snprintf(out, n, "about 3-5 objectives per level: archive or merge the rest");
        break;
    case FIX_PROG_LINK: snprintf(out, n, "press e on P%lld and set Objective", x->id); break;
    case FIX_PROG_END:
        snprintf(out, n, "press e on P%lld and set End week to %d, or move K%lld's Due week", x->id, x->week, x->other);
        break;
    case FIX_PROG_START:
        snprintf(out, n, "press e on P%lld and start it earlier, or move K%lld's Due week", x->id, x->other);
        break;
    case FIX_PROG_LATE:
        if (x->week) snprintf(out, n, "press e on P%lld and set End week to %d at the latest", x->id, x->week);
        else snprintf(out, n, "press e on P%lld and deliver it earlier", x->id);
        break;
    case FIX_BASELINE_AT:
        snprintf(out, n, "press e on K%lld and set Baseline date, or measure it before the next run", x->id);
        break;
    case FIX_UNWAIVE: snprintf(out, n, "waived by %.60s", x->who ? x->who : "?"); break;
    default: snprintf(out, n, "%s", r ? r->fix : "");
    }
}

/* One finding: mark, severity and id, message; its fix on the line below. */
static void health_row(tui_app *a, WINDOW *w, size_t i, int y, bool sel)
{
    const lnd_finding *f = &a->findings[i];
    int cols = getmaxx(w);
    attr_t s = sel ? A_REVERSE : A_NORMAL;
    tui_put(a, w, y, 1, tui_health_mark(f->sev), 1, tui_health_attr(a, f->sev) | s);
    char head[32];
    snprintf(head, sizeof head, "%-7s %s", health_sev_name(f->sev), f->id);
    tui_put(a, w, y, 3, head, 12, tui_health_attr(a, f->sev) | s);
    tui_put(a, w, y, 16, f->msg, cols - 17, s);
    char hint[260], fix[250];
    fix_words(f, fix, sizeof fix);
    snprintf(hint, sizeof hint, "fix: %s", fix);
    tui_put(a, w, y + 1, 16, hint, cols - 17, a->attr[R_DIM]);
}

static void health_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    char title[240], ne[32], nw[32];
    num_count((long)health_count(a->findings, a->nfindings, HEALTH_ERROR), "error", "errors", ne, sizeof ne);
    num_count((long)health_count(a->findings, a->nfindings, HEALTH_WARNING), "warning", "warnings", nw,
              sizeof nw);
    snprintf(title, sizeof title, "Alignment health %s %s, %s, %zu info %s "
             "! error ~ warning i info %s Enter goes to the objective", a->g->dot, ne, nw,
             health_count(a->findings, a->nfindings, HEALTH_INFO), a->g->dot, a->g->dot);
    tui_views_title(a, w, title);
    int cols = getmaxx(w);
    if (!a->nfindings) {
        tui_put(a, w, 2, 2, a->plan ? "No findings: every objective is in line of sight and measured."
                                    : "No cycle yet.", cols - 3, a->attr[R_GREEN]);
        return;
    }
    tui_list_draw(a, w, tui_view_list(a), 1, getmaxy(w) - 1, 2, health_row);
}

static bool health_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    if (tui_views_move(a, act, (size_t)(getmaxy(a->wv) - 1) / 2)) return true;
    tui_list *l = tui_view_list(a);
    if (act != ACT_ENTER || l->sel >= a->nfindings) return false;
    const lnd_finding *f = &a->findings[l->sel];
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

const tui_view tui_view_health = {"health", VK_HEALTH, sizeof(tui_list), health_draw, health_key, NULL,
                                   health_load, NULL};
