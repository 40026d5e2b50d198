/* SPDX-License-Identifier: MIT */
/* core/health.c — judging the alignment health rules H01-H11 (see health.h for what each
 * one catches; the table is in health_rules.c, H12-H14 in health_result.c): one function per
 * rule over the plan, findings sorted by severity then cascade order. Pure: no I/O, no terminal; titles in messages stay raw for the caller to
 * sanitise. */
#include "health.h"

#include "health_int.h"
#include "numfmt.h"
#include "progress.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Empty or only blanks. */
static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
    return true;
}

/* Index of a live (non-archived) objective with this id, -1 if none. */
static long live_obj(const lnd_plan *p, lnd_id id)
{
    long i = id ? plan_obj_index(p, id) : -1;
    return i >= 0 && !p->objs[i].archived ? i : -1;
}

/* ---- H01: line of sight ---- */

/* Walk up the live parents of oi. Returns -1 when a business objective is reached, else the
 * index of the topmost live objective of the chain (where it breaks). */
static long chain_break(const lnd_plan *p, size_t oi)
{
    size_t cur = oi;
    for (size_t steps = 0; steps <= p->nobjs; steps++) {
        long pi = live_obj(p, p->objs[cur].parent_id);
        if (pi < 0) return (long)cur;
        if (p->objs[pi].level == LEVEL_BUSINESS) return -1;
        cur = (size_t)pi;
    }
    return (long)oi;   /* the parents form a loop: no line of sight */
}

static void rule_line_of_sight(hctx *h, size_t oi, const char *t)
{
    const lnd_plan *p = h->p;
    const lnd_objective *o = &p->objs[oi];
    if (o->level == LEVEL_BUSINESS) return;
    long top = chain_break(p, oi);
    if (top < 0) return;
    bool ld = o->level == LEVEL_LD;
    char why[64] = "";
    if ((size_t)top != oi) {
        const lnd_objective *b = &p->objs[top];
        lnd_fix fix = {.kind = FIX_BREAK, .level = LEVEL_BUSINESS, .id = b->id};
        health_add(h, "H01", o->id, 0, 0, &fix, "O%lld '%s': %s objective has no line of sight to a business objective (the cascade breaks at O%lld)",
            o->id, t, ld ? "L&D" : "team", b->id);
        return;
    }
    if (o->parent_id) {
        long pi = plan_obj_index(p, o->parent_id);
        snprintf(why, sizeof why, ": its parent O%lld %s", o->parent_id, pi < 0 ? "is not in this cycle" : "is archived");
    }
    /* one live business objective in the cycle: name it in the fix */
    lnd_id only = 0;
    int nbiz = 0;
    for (size_t i = 0; i < p->nobjs; i++)
        if (!p->objs[i].archived && p->objs[i].level == LEVEL_BUSINESS && nbiz++ == 0) only = p->objs[i].id;
    lnd_fix fix = {.kind = FIX_PARENT, .level = ld ? LEVEL_BUSINESS : LEVEL_LD, .id = o->id,
                   .other = ld && nbiz == 1 ? only : 0};
    if (ld) {
        health_add(h, "H01", o->id, 0, 0, &fix, "O%lld '%s': L&D objective has no business parent (no line of sight)%s", o->id, t, why);
    } else {
        health_add(h, "H01", o->id, 0, 0, &fix, "O%lld '%s': team objective has no parent to cascade from%s", o->id, t, why);
    }
}

/* ---- H05: business co-owner somewhere in the objective's cascade ---- */

/* Live KRs of objective oi and of its live cascade below: how many, how many co-owned. */
static void cascade_krs(const lnd_plan *p, size_t oi, int depth, int *n, int *coowned)
{
    size_t first, nk = plan_krs_of(p, oi, &first);
    for (size_t k = first; k < first + nk; k++) {
        if (p->krs[k].archived) continue;
        (*n)++;
        *coowned += !blank(p->krs[k].coowner);
    }
    if (depth > 64) return;
    const size_t *kids;
    size_t nc = plan_children_of(p, oi, &kids);
    for (size_t i = 0; i < nc; i++)
        if (!p->objs[kids[i]].archived && kids[i] != oi) cascade_krs(p, kids[i], depth + 1, n, coowned);
}

static bool has_ld_ancestor(const lnd_plan *p, size_t oi)
{
    size_t cur = oi;
    for (size_t steps = 0; steps <= p->nobjs; steps++) {
        long pi = live_obj(p, p->objs[cur].parent_id);
        if (pi < 0) return false;
        if (p->objs[pi].level == LEVEL_LD) return true;
        cur = (size_t)pi;
    }
    return false;
}

/* ---- rules on one objective and its KRs: H02 H03 H04 H05 H06 H07 (KRs) H11 ---- */

static void rule_objective(hctx *h, size_t oi)
{
    const lnd_plan *p = h->p;
    const lnd_objective *o = &p->objs[oi];
    char t[HEALTH_TITLE_MAX];
    health_title(o->title, t, sizeof t);
    rule_line_of_sight(h, oi, t);
    if (blank(o->problem) || blank(o->outcome))
        health_add(h, "H06", o->id, 0, 0, NULL, "O%lld '%s': no %s statement", o->id, t,
            blank(o->problem) && blank(o->outcome) ? "problem or outcome" : blank(o->problem) ? "problem" : "outcome");

    size_t first, nk = plan_krs_of(p, oi, &first);
    int n = 0, activity = 0, results = 0, leading = 0, lagging = 0, steady = 0;
    for (size_t k = first; k < first + nk; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived) continue;
        n++;
        activity += kr->evidence == EV_ACTIVITY;
        results += kr->evidence == EV_RESULTS;
        leading += kr->indicator == IND_LEADING;
        lagging += kr->indicator == IND_LAGGING;
        steady += kr->has_baseline && kr->target == kr->baseline;
        char kt[HEALTH_TITLE_MAX];
        health_title(kr->title, kt, sizeof kt);
        if (!kr->has_baseline)
            health_add(h, "H04", o->id, kr->id, 0, NULL, "K%lld '%s': no baseline, so impact cannot be shown", kr->id, kt);
    }
    if (o->level == LEVEL_LD || (o->level == LEVEL_TEAM && !has_ld_ancestor(p, oi))) {
        int all = 0, coowned = 0;
        cascade_krs(p, oi, 0, &all, &coowned);
        if (all > 0 && coowned == 0)
            health_add(h, "H05", o->id, 0, 0, NULL, "O%lld '%s': no KR has a business co-owner: every result is within L&D's control", o->id, t);
    }
    if (n == 0) return;
    if (activity == n)
        health_add(h, "H02", o->id, 0, 0, NULL, "O%lld '%s': every KR measures activity (vanity metrics only)", o->id, t);
    else if (results == 0)
        health_add(h, "H02", o->id, 0, 0, NULL, "O%lld '%s': no results KR: nothing shows the business moved", o->id, t);
    if (leading == 0 || lagging == 0)
        health_add(h, "H03", o->id, 0, 0, NULL, "O%lld '%s': no %s indicator", o->id, t, leading == 0 ? "leading" : "lagging");
    if (n > h->o->max_krs) {
        lnd_fix fix = {.kind = FIX_FOCUS, .level = -1, .id = o->id};
        health_add(h, "H07", o->id, 0, 0, &fix, "O%lld '%s': %d KRs (focus: at most %d)", o->id, t, n, h->o->max_krs);
    }
    if (steady == n)
        health_add(h, "H11", o->id, 0, 0, NULL, "O%lld '%s': every KR holds a level (target = baseline): steady state, KPI-like", o->id, t);
}

/* ---- H10: capability gap with no L&D objective beneath ---- */

static bool ld_below(const lnd_plan *p, size_t oi, int depth)
{
    const size_t *kids;
    size_t nc = plan_children_of(p, oi, &kids);
    for (size_t i = 0; i < nc; i++) {
        const lnd_objective *c = &p->objs[kids[i]];
        if (c->archived || kids[i] == oi) continue;
        if (c->level != LEVEL_BUSINESS) return true;
        if (depth < 64 && ld_below(p, kids[i], depth + 1)) return true;
    }
    return false;
}

static void rule_capability(hctx *h, size_t oi)
{
    const lnd_objective *o = &h->p->objs[oi];
    if (o->level != LEVEL_BUSINESS || blank(o->capability) || ld_below(h->p, oi, 0)) return;
    char t[HEALTH_TITLE_MAX];
    health_title(o->title, t, sizeof t);
    health_add(h, "H10", o->id, 0, 0, NULL, "O%lld '%s': names a capability gap but has no L&D objective beneath it", o->id, t);
}

/* ---- H08: programmes ---- */

static void rule_programmes(hctx *h)
{
    const lnd_plan *p = h->p;
    int weeks = p->cycle.weeks;
    for (size_t i = 0; i < p->nprogs; i++) {
        const lnd_programme *pr = &p->progs[i];
        if (pr->archived) continue;
        char t[HEALTH_TITLE_MAX];
        health_title(pr->title, t, sizeof t);
        long oi = live_obj(p, pr->objective_id);
        lnd_fix fix = {.kind = FIX_PROG_LINK, .level = -1, .id = pr->id};
        if (oi < 0) {
            if (!pr->objective_id)
                health_add(h, "H08", 0, 0, pr->id, &fix, "P%lld '%s': serves no objective", pr->id, t);
            else
                health_add(h, "H08", 0, 0, pr->id, &fix, "P%lld '%s': serves no objective: O%lld %s", pr->id, t,
                    pr->objective_id, plan_obj_index(p, pr->objective_id) < 0 ? "is not in this cycle" : "is archived");
            continue;
        }
        const lnd_objective *o = &p->objs[oi];
        /* the earliest-due KR the programme ends after */
        int due_min = 0;
        lnd_id due_kr = 0;
        size_t first, nk = plan_krs_of(p, (size_t)oi, &first);
        for (size_t k = first; k < first + nk; k++) {
            const lnd_kr *kr = &p->krs[k];
            if (kr->archived) continue;
            int due = kr->due_week > 0 && kr->due_week <= weeks ? kr->due_week : weeks;
            if (pr->end_week > due && (due_min == 0 || due < due_min)) {
                due_min = due;
                due_kr = kr->id;
            }
        }
        if (due_min) {
            fix = (lnd_fix){.kind = pr->start_week <= due_min ? FIX_PROG_END : FIX_PROG_START, .level = -1,
                            .week = due_min, .id = pr->id, .other = due_kr};
            health_add(h, "H08", o->id, due_kr, pr->id, &fix, "P%lld '%s': ends in week %d, after a KR it serves is due (week %d)",
                pr->id, t, pr->end_week, due_min);
        } else if (h->o->late_weeks > 0 && pr->end_week > weeks - h->o->late_weeks) {
            int by = weeks - h->o->late_weeks;
            fix = (lnd_fix){.kind = FIX_PROG_LATE, .level = -1, .week = by >= 1 && pr->start_week <= by ? by : 0,
                            .id = pr->id};
            health_add(h, "H08", o->id, 0, pr->id, &fix, "P%lld '%s': ends in week %d of %d, too late to move this cycle's results",
                pr->id, t, pr->end_week, weeks);
        }
    }
}

/* ---- H09: going quiet ---- */

static lnd_day day_of(const char *stamp)
{
    return stamp ? date_stamp_day(stamp) : -1;
}

static void rule_quiet(hctx *h)
{
    const lnd_plan *p = h->p;
    lnd_day start;
    if (p->cycle.state != CYCLE_ACTIVE || !p->cycle.start || !date_parse(p->cycle.start, &start)) return;
    lnd_day end = start + 7L * p->cycle.weeks - 1;
    if (h->today < start || h->today > end) return;
    int dflt = h->o->cadence_default > 0 ? h->o->cadence_default : 7;
    for (size_t oi = 0; oi < p->nobjs; oi++) {
        const lnd_objective *o = &p->objs[oi];
        if (o->archived) continue;
        int cadence = o->cadence_days > 0 ? o->cadence_days : dflt;
        size_t first, nk = plan_krs_of(p, oi, &first);
        for (size_t k = first; k < first + nk; k++) {
            const lnd_kr *kr = &p->krs[k];
            if (kr->archived || (kr->has_current && progress_kr(kr) >= 1)) continue;   /* done */
            lnd_day last = day_of(kr->last_at);
            lnd_day from = last > start ? last : start;
            long quiet = h->today - from;
            if (quiet <= (long)cadence + h->o->quiet_grace_days) continue;
            char kt[HEALTH_TITLE_MAX];
            health_title(kr->title, kt, sizeof kt);
            if (last < 0)
                health_add(h, "H09", o->id, kr->id, 0, NULL, "K%lld '%s': no check-in in the %ld days since the cycle began (cadence %d %s)", kr->id, kt, quiet, cadence, num_plural(cadence, "day", "days"));
            else
                health_add(h, "H09", o->id, kr->id, 0, NULL, "K%lld '%s': quiet for %ld days (cadence %d %s)", kr->id, kt, quiet, cadence, num_plural(cadence, "day", "days"));
        }
    }
}

/* ---- sorting and the entry point ---- */

/* pos[i]: the cascade position of finding i's objective (0 = none), looked up once per
 * finding, not twice per comparison (issue 15: the lookups were a sixth of the dashboard's
 * first frame at the enterprise size). */
static int cmp_finding(uint32_t a, uint32_t b, const hctx *h, const size_t *pos)
{
    const lnd_finding *x = &h->v[a], *y = &h->v[b];
    if (x->sev != y->sev) return (int)x->sev - (int)y->sev;
    size_t px = pos[a], py = pos[b];
    if (px != py) return px < py ? -1 : 1;
    int c = strcmp(x->id, y->id);
    if (c) return c;
    if (x->kr_id != y->kr_id) return x->kr_id < y->kr_id ? -1 : 1;
    return (x->prog_id > y->prog_id) - (x->prog_id < y->prog_id);
}

/* qsort has no context argument in C11: a small stable merge sort that carries one. It
 * sorts 4-byte indexes, not the 560-byte findings (40,000 findings at the enterprise size:
 * whole findings copied at every level cost a second and a third array of them). */
static void msort(uint32_t *v, uint32_t *tmp, size_t n, const hctx *h, const size_t *pos)
{
    if (n < 2) return;
    size_t m = n / 2;
    msort(v, tmp, m, h, pos);
    msort(v + m, tmp, n - m, h, pos);
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n) tmp[k++] = cmp_finding(v[j], v[i], h, pos) < 0 ? v[j++] : v[i++];
    while (i < m) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* Put the findings in the order idx gives, in place: follow each cycle of the permutation
 * with one finding aside. idx is consumed. */
static void permute(lnd_finding *v, uint32_t *idx, size_t n)
{
    lnd_finding aside;
    for (size_t i = 0; i < n; i++) {
        if (idx[i] == i || idx[i] == UINT32_MAX) continue;
        aside = v[i];
        size_t j = i;
        while (idx[j] != i) {
            size_t from = idx[j];
            v[j] = v[from];
            idx[j] = UINT32_MAX;
            j = from;
        }
        v[j] = aside;
        idx[j] = UINT32_MAX;
    }
}

size_t health_check(const lnd_plan *p, const health_opts *o, lnd_day today, lnd_arena *a,
                    lnd_finding **out)
{
    hctx h = {.p = p, .o = o, .today = today, .a = a};
    h.order = arena_alloc(a, (p->nobjs + 1) * sizeof *h.order);
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    for (size_t i = 0; i < nrows; i++) h.order[rows[i].obj] = i + 1;

    int per_level[LEVEL_N] = {0};
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        per_level[p->objs[oi].level]++;
        rule_objective(&h, oi);
        rule_capability(&h, oi);
    }
    static const char *const lvname[] = {"business", "L&D", "team"};
    for (int l = 0; l < LEVEL_N; l++)
        if (per_level[l] > o->max_objectives) {
            lnd_fix fix = {.kind = FIX_FOCUS, .level = l};
            health_add(&h, "H07", 0, 0, 0, &fix, "cycle %s: %d %s objectives (focus: at most %d)",
                p->cycle.name ? p->cycle.name : "", per_level[l], lvname[l], o->max_objectives);
        }
    rule_programmes(&h);
    rule_quiet(&h);
    health_rules_result(&h, rows, nrows);

    if (!h.n) {
        free(h.v);
        *out = arena_alloc(a, sizeof **out);
        return 0;
    }
    if (h.n >= UINT32_MAX) abort();
    uint32_t *idx = malloc(2 * h.n * sizeof *idx);
    size_t *pos = malloc(h.n * sizeof *pos);
    if (!idx || !pos) arena_oom(h.n * (sizeof *idx + sizeof *pos));
    for (size_t i = 0; i < h.n; i++) {
        idx[i] = (uint32_t)i;
        long oi = h.v[i].obj_id ? plan_obj_index(p, h.v[i].obj_id) : -1;
        pos[i] = oi >= 0 ? h.order[oi] : 0;
    }
    msort(idx, idx + h.n, h.n, &h, pos);
    free(pos);
    permute(h.v, idx, h.n);
    free(idx);
    lnd_finding *res = realloc(h.v, h.n * sizeof *res);   /* shrink: give back the spare capacity */
    *out = arena_adopt(a, res ? res : h.v, h.n * sizeof *res);
    return h.n;
}
