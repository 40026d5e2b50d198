/* SPDX-License-Identifier: MIT */
/* core/plan_parent.c — the objectives a parent picker offers (see plan_parent.h). Must not
 * decide anything store/store_objective.c's valid_parent would refuse differently. */
#include "plan_parent.h"

/* true when objective index oi is id or sits beneath it */
static bool under(const lnd_plan *p, size_t oi, lnd_id id)
{
    long at = (long)oi;
    for (size_t steps = 0; at >= 0 && steps <= p->nobjs; steps++) {
        if (p->objs[at].id == id) return true;
        if (!p->objs[at].parent_id) return false;
        at = plan_obj_index(p, p->objs[at].parent_id);
    }
    return at >= 0;   /* a loop in the data: offer nothing beneath it */
}

size_t plan_parent_choices(const lnd_plan *p, lnd_id id, size_t **out, long *at)
{
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows), n = 0;
    size_t *v = arena_alloc(p->arena, (nrows + 1) * sizeof *v);
    long self = id ? plan_obj_index(p, id) : -1;
    lnd_id cur = self >= 0 ? p->objs[self].parent_id : 0;
    *at = -1;
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        if (id && under(p, oi, id)) continue;
        if (cur && p->objs[oi].id == cur) *at = (long)n;
        v[n++] = oi;
    }
    *out = v;
    return n;
}
