/* SPDX-License-Identifier: MIT */
/* core/plan.c — the in-memory plan of one cycle: indexes by id, KRs per objective and the
 * cascade order (see plan.h). Pure data; filled by store/, read by cli/ and tui/. */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

/* KR indexes sorted by KR id, for plan_kr_index (KRs themselves are grouped by objective). */
typedef struct {
    size_t *by_id;
} plan_extra;

lnd_plan *plan_new(void)
{
    lnd_arena *a = arena_new();
    lnd_plan *p = arena_alloc(a, sizeof *p);
    p->arena = a;
    return p;
}

void plan_free(lnd_plan *p)
{
    if (p) arena_free(p->arena);   /* p itself lives in its arena */
}

long plan_obj_index(const lnd_plan *p, lnd_id id)
{
    size_t lo = 0, hi = p->nobjs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->objs[mid].id < id) lo = mid + 1;
        else hi = mid;
    }
    return lo < p->nobjs && p->objs[lo].id == id ? (long)lo : -1;
}


static const lnd_plan *sort_plan;
static int cmp_kr_id(const void *a, const void *b)
{
    lnd_id x = sort_plan->krs[*(const size_t *)a].id, y = sort_plan->krs[*(const size_t *)b].id;
    return (x > y) - (x < y);
}

/* The by-id KR index hangs off the end of kr_count (one allocation, 2*nobjs + nkrs). */
static size_t *plan_kr_ids(const lnd_plan *p)
{
    return p->kr_count ? p->kr_count + p->nobjs : NULL;
}

void plan_index(lnd_plan *p)
{
    size_t n = p->nobjs;
    p->kr_first = arena_alloc(p->arena, (2 * n + p->nkrs + 1) * sizeof(size_t));
    p->kr_count = p->kr_first + n;
    for (size_t i = 0; i < n; i++) {
        p->kr_first[i] = p->nkrs;
        p->kr_count[i] = 0;
    }
    for (size_t k = 0; k < p->nkrs; k++) {
        long oi = plan_obj_index(p, p->krs[k].objective_id);
        if (oi < 0) continue;
        if (p->kr_count[oi] == 0) p->kr_first[oi] = k;
        p->kr_count[oi]++;
    }
    size_t *ids = p->kr_count + n;
    bool sorted = true;   /* KRs grouped by objective are usually in id order already */
    for (size_t k = 0; k < p->nkrs; k++) {
        ids[k] = k;
        if (k && p->krs[k].id < p->krs[k - 1].id) sorted = false;
    }
    if (!sorted) {
        sort_plan = p;
        qsort(ids, p->nkrs, sizeof *ids, cmp_kr_id);
        sort_plan = NULL;
    }

    /* children, grouped by parent (counting sort keeps id order within a parent) */
    p->child_first = arena_alloc(p->arena, (3 * n + 1) * sizeof(size_t));
    p->child_count = p->child_first + n;
    p->child_idx = p->child_count + n;
    long *par = arena_alloc(p->arena, (n + 1) * sizeof *par);
    for (size_t i = 0; i < n; i++) {
        long pi = p->objs[i].parent_id ? plan_obj_index(p, p->objs[i].parent_id) : -1;
        par[i] = (size_t)pi == i ? -1 : pi;
        if (par[i] >= 0) p->child_count[par[i]]++;
    }
    size_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        p->child_first[i] = acc;
        acc += p->child_count[i];
        p->child_count[i] = 0;
    }
    for (size_t i = 0; i < n; i++)
        if (par[i] >= 0) p->child_idx[p->child_first[par[i]] + p->child_count[par[i]]++] = i;

    p->prog_week = arena_alloc(p->arena, (n + 1) * sizeof *p->prog_week);
    for (size_t i = 0; i < n; i++) p->prog_week[i] = 0;
    for (size_t g = 0; g < p->nprogs; g++) {
        const lnd_programme *pr = &p->progs[g];
        long oi = pr->archived || !pr->objective_id ? -1 : plan_obj_index(p, pr->objective_id);
        int w = pr->start_week > 0 ? pr->start_week : 1;
        if (oi >= 0 && (p->prog_week[oi] == 0 || w < p->prog_week[oi])) p->prog_week[oi] = w;
    }
}

const lnd_waiver *plan_waiver(const lnd_plan *p, lnd_id obj_id, const char *rule)
{
    for (size_t i = 0; i < p->nwaivers; i++)
        if (p->waivers[i].objective_id == obj_id && strcmp(p->waivers[i].rule, rule) == 0)
            return &p->waivers[i];
    return NULL;
}

int plan_serving_week(const lnd_plan *p, size_t oi)
{
    int best = 0;
    for (size_t guard = 0; guard <= p->nobjs; guard++) {
        int w = p->prog_week ? p->prog_week[oi] : 0;
        if (w && (!best || w < best)) best = w;
        long pi = p->objs[oi].parent_id ? plan_obj_index(p, p->objs[oi].parent_id) : -1;
        if (pi < 0 || (size_t)pi == oi) break;
        oi = (size_t)pi;
    }
    return best;
}

size_t plan_children_of(const lnd_plan *p, size_t oi, const size_t **first)
{
    if (!p->child_count || oi >= p->nobjs) {
        *first = NULL;
        return 0;
    }
    *first = p->child_idx + p->child_first[oi];
    return p->child_count[oi];
}

long plan_kr_index(const lnd_plan *p, lnd_id id)
{
    const size_t *ids = plan_kr_ids(p);
    if (!ids) return -1;
    size_t lo = 0, hi = p->nkrs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->krs[ids[mid]].id < id) lo = mid + 1;
        else hi = mid;
    }
    return lo < p->nkrs && p->krs[ids[lo]].id == id ? (long)ids[lo] : -1;
}

size_t plan_krs_of(const lnd_plan *p, size_t oi, size_t *first)
{
    if (!p->kr_count || oi >= p->nobjs) {
        *first = p->nkrs;
        return 0;
    }
    *first = p->kr_first[oi];
    return p->kr_count[oi];
}

size_t plan_cascade(const lnd_plan *p, bool include_archived, plan_row **rows)
{
    size_t n = p->nobjs;
    lnd_arena *a = p->arena;
    plan_row *out = arena_alloc(a, (n + 1) * sizeof *out);
    long *parent = arena_alloc(a, (n + 1) * sizeof *parent);
    size_t *nchild = arena_alloc(a, (n + 1) * sizeof *nchild);
    size_t *start = arena_alloc(a, (n + 1) * sizeof *start);
    size_t *child = arena_alloc(a, (n + 1) * sizeof *child);
    size_t *stack = arena_alloc(a, (n + 1) * sizeof *stack);
    int *sdepth = arena_alloc(a, (n + 1) * sizeof *sdepth);
    bool *seen = arena_alloc(a, (n + 1) * sizeof *seen);

    for (size_t i = 0; i < n; i++) {
        const lnd_objective *o = &p->objs[i];
        parent[i] = -1;
        if (o->archived && !include_archived) continue;
        long pi = o->parent_id ? plan_obj_index(p, o->parent_id) : -1;
        if (pi >= 0 && (size_t)pi != i && (include_archived || !p->objs[pi].archived)) {
            parent[i] = pi;
            nchild[pi]++;
        }
    }
    size_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        start[i] = acc;
        acc += nchild[i];
        nchild[i] = 0;
    }
    for (size_t i = 0; i < n; i++)   /* children in id order, since objs are sorted by id */
        if (parent[i] >= 0) child[start[parent[i]] + nchild[parent[i]]++] = i;

    size_t count = 0;
    /* business roots first, then the other roots, then anything caught in a parent loop */
    for (int pass = 0; pass < 3; pass++) {
        for (size_t r = 0; r < n; r++) {
            const lnd_objective *o = &p->objs[r];
            if ((o->archived && !include_archived) || seen[r]) continue;
            if (pass < 2 && (parent[r] >= 0 || (pass == 0) != (o->level == LEVEL_BUSINESS)))
                continue;
            size_t sp = 0;
            stack[sp] = r;
            sdepth[sp++] = 0;
            while (sp > 0) {
                sp--;
                size_t i = stack[sp];
                int d = sdepth[sp];
                if (seen[i]) continue;
                seen[i] = true;
                out[count].obj = i;
                out[count++].depth = d;
                for (size_t c = nchild[i]; c > 0; c--) {   /* push reversed: pop in id order */
                    size_t ch = child[start[i] + c - 1];
                    if (!seen[ch] && sp < n) {
                        stack[sp] = ch;
                        sdepth[sp++] = d + 1;
                    }
                }
            }
        }
    }
    *rows = out;
    return count;
}
