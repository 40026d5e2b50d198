/* SPDX-License-Identifier: MIT */
/* core/followup.c — behaviour follow-up schedule (see followup.h). */
#include "followup.h"

#include <stdlib.h>
#include <string.h>

lnd_day followup_programme_end(const lnd_plan *p, size_t prog)
{
    lnd_day start = 0;
    date_parse(p->cycle.start, &start);
    return date_week_start(start, p->progs[prog].end_week) + 6;
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

static int cmp_followup(const void *a, const void *b)
{
    const lnd_followup *x = a, *y = b;
    if (x->due != y->due) return x->due < y->due ? -1 : 1;
    if (x->kr != y->kr) return x->kr < y->kr ? -1 : 1;
    return (x->prog > y->prog) - (x->prog < y->prog);
}

size_t followup_list(const lnd_plan *p, const int *offsets, size_t noffsets, lnd_day today,
                     lnd_arena *a, lnd_followup **out)
{
    size_t cap = 16, n = 0;
    lnd_followup *v = malloc(cap * sizeof *v);
    for (size_t pi = 0; pi < p->nprogs; pi++) {
        const lnd_programme *pr = &p->progs[pi];
        if (pr->archived || !pr->objective_id || plan_obj_index(p, pr->objective_id) < 0) continue;
        lnd_day end = followup_programme_end(p, pi);
        for (size_t oi = 0; oi < p->nobjs; oi++) {
            if (p->objs[oi].archived || !serves(p, pr->objective_id, oi)) continue;
            size_t first, nk = plan_krs_of(p, oi, &first);
            for (size_t k = first; k < first + nk; k++) {
                const lnd_kr *kr = &p->krs[k];
                if (kr->archived || kr->evidence != EV_BEHAVIOUR) continue;
                lnd_day last = kr->last_at ? date_stamp_day(kr->last_at) : -1;
                for (size_t f = 0; f < noffsets; f++) {
                    if (offsets[f] <= 0) continue;
                    if (n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
                    lnd_followup *fu = &v[n++];
                    fu->prog = pi;
                    fu->kr = k;
                    fu->offset_days = offsets[f];
                    fu->due = end + offsets[f];
                    if (last >= 0 && last >= fu->due - FOLLOWUP_EARLY_DAYS) fu->state = FOLLOWUP_DONE;
                    else if (today > fu->due) fu->state = FOLLOWUP_OVERDUE;
                    else if (today >= fu->due - FOLLOWUP_EARLY_DAYS) fu->state = FOLLOWUP_DUE;
                    else fu->state = FOLLOWUP_UPCOMING;
                }
            }
        }
    }
    qsort(v, n, sizeof *v, cmp_followup);
    *out = arena_alloc(a, (n ? n : 1) * sizeof **out);
    memcpy(*out, v, n * sizeof *v);
    free(v);
    return n;
}

const char *followup_state_name(followup_state s)
{
    static const char *const names[] = {"overdue", "due", "upcoming", "done"};
    return (unsigned)s < 4 ? names[s] : "?";
}
