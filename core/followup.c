/* SPDX-License-Identifier: MIT */
/* core/followup.c — the follow-up schedule of a plan (see followup.h). */
#include "followup.h"

#include <stdlib.h>
#include <string.h>

lnd_day followup_programme_end(const lnd_plan *p, size_t prog)
{
    lnd_day start = 0;
    date_parse(p->cycle.start, &start);
    return window_programme_end(start, p->cycle.weeks, p->progs[prog].end_week);
}

/* Is objective oi the programme's objective or beneath it? */
static bool serves(const lnd_plan *p, lnd_id target, size_t oi)
{
    for (int guard = 0; guard < 64; guard++) {
        const lnd_objective *o = &p->objs[oi];
        if (o->id == target) return true;
        if (!o->parent_id) return false;
        long pi = plan_obj_index(p, o->parent_id);
        if (pi < 0) return false;
        oi = (size_t)pi;
    }
    return false;
}

long followup_serving(const lnd_plan *p, size_t k)
{
    const lnd_kr *kr = &p->krs[k];
    if (kr->archived || !window_kr_followed(kr->evidence)) return -1;
    long oi = plan_obj_index(p, kr->objective_id);
    if (oi < 0 || p->objs[oi].archived) return -1;
    long best = -1;
    for (size_t pi = 0; pi < p->nprogs; pi++) {
        const lnd_programme *pr = &p->progs[pi];
        if (pr->archived || !pr->objective_id || !serves(p, pr->objective_id, (size_t)oi)) continue;
        if (best < 0 || pr->end_week > p->progs[best].end_week ||
            (pr->end_week == p->progs[best].end_week && pr->id > p->progs[best].id))
            best = (long)pi;
    }
    return best;
}

static int cmp_followup(const void *a, const void *b)
{
    const lnd_followup *x = a, *y = b;
    if (x->due != y->due) return x->due < y->due ? -1 : 1;
    return (x->kr > y->kr) - (x->kr < y->kr);
}

size_t followup_list(const lnd_plan *p, const window_rules *r, const lnd_checkin *cs, size_t ncs,
                     lnd_day today, lnd_arena *a, lnd_followup **out)
{
    /* which follow-ups (bit i = offset i) each KR's check-ins settled */
    unsigned *done = calloc(p->nkrs ? p->nkrs : 1, sizeof *done);
    long *serving = malloc((p->nkrs ? p->nkrs : 1) * sizeof *serving);
    for (size_t k = 0; k < p->nkrs; k++) serving[k] = followup_serving(p, k);
    for (size_t i = 0; i < ncs; i++) {
        long k = plan_kr_index(p, cs[i].kr_id);
        if (k < 0 || serving[k] < 0 || cs[i].comparison) continue;   /* a comparison cohort settles nothing */
        int m = -1;
        for (size_t o = 0; o < r->n && cs[i].followup; o++)
            if (r->offsets[o] == cs[i].followup) m = (int)o;
        lnd_day day;
        if (m < 0 && !cs[i].followup && window_stamp_day(cs[i].at, &day))
            m = window_match(r, followup_programme_end(p, (size_t)serving[k]), day);
        if (m >= 0) done[k] |= 1u << m;
    }
    size_t n = 0;
    for (size_t k = 0; k < p->nkrs; k++) n += serving[k] >= 0 ? r->n : 0;
    lnd_followup *v = arena_alloc(a, (n ? n : 1) * sizeof *v);
    n = 0;
    for (size_t k = 0; k < p->nkrs; k++) {
        if (serving[k] < 0) continue;
        lnd_day end = followup_programme_end(p, (size_t)serving[k]);
        for (size_t o = 0; o < r->n; o++) {
            /* a follow-up that could only be logged after the window has closed is never asked for */
            if (end + r->offsets[o] - WINDOW_EARLY > window_close(r, end)) continue;
            lnd_followup *fu = &v[n++];
            fu->prog = (size_t)serving[k];
            fu->kr = k;
            fu->offset_days = r->offsets[o];
            fu->due = end + r->offsets[o];
            fu->window_close = window_close(r, end);
            fu->state = window_fu_state_at(fu->due, (done[k] >> o) & 1u, today);
        }
    }
    free(done);
    free(serving);
    qsort(v, n, sizeof *v, cmp_followup);
    *out = v;
    return n;
}
