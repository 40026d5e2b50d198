/* SPDX-License-Identifier: MIT */
/* core/report_cascade.c — which objectives and programmes sit under a business objective,
 * for the report's chain of evidence: one child-index walk per cascade, linear in the plan.
 * Computation only: no I/O, no text. */
#include "report_int.h"

#include <stdlib.h>
#include <string.h>


static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

void report_cascade_free(cascade_index *ci)
{
    free(ci->sub);
    free(ci->depth);
    free(ci->mark);
    free(ci->pfirst);
    free(ci->pidx);
    free(ci->progs);
}

bool report_cascade_init(const lnd_plan *p, cascade_index *ci)
{
    size_t n = p->nobjs, np = p->nprogs;
    memset(ci, 0, sizeof *ci);
    ci->sub = malloc((n + 1) * sizeof *ci->sub);
    ci->depth = malloc((n + 1) * sizeof *ci->depth);
    ci->mark = calloc(n + 1, 1);
    ci->pfirst = calloc(n + 2, sizeof *ci->pfirst);
    ci->pidx = malloc((np + 1) * sizeof *ci->pidx);
    ci->progs = malloc((np + 1) * sizeof *ci->progs);
    size_t *next = calloc(n + 1, sizeof *next);
    bool ok = ci->sub && ci->depth && ci->mark && ci->pfirst && ci->pidx && ci->progs && next;
    for (size_t i = 0; ok && i < np; i++) {
        const lnd_programme *pr = &p->progs[i];
        long oi = pr->archived || !pr->objective_id ? -1 : plan_obj_index(p, pr->objective_id);
        if (oi >= 0) ci->pfirst[oi + 1]++;
    }
    for (size_t o = 0; ok && o < n; o++) ci->pfirst[o + 1] += ci->pfirst[o];
    for (size_t i = 0; ok && i < np; i++) {
        const lnd_programme *pr = &p->progs[i];
        long oi = pr->archived || !pr->objective_id ? -1 : plan_obj_index(p, pr->objective_id);
        if (oi >= 0) ci->pidx[ci->pfirst[oi] + next[oi]++] = i;
    }
    free(next);
    if (!ok) report_cascade_free(ci);
    return ok;
}

void report_cascade_of(const lnd_plan *p, cascade_index *ci, size_t root)
{
    size_t head = 0;
    ci->nsub = 0;
    ci->nprogs = 0;
    ci->sub[ci->nsub] = root;
    ci->depth[ci->nsub++] = 0;
    ci->mark[root] = 1;
    while (head < ci->nsub) {
        size_t oi = ci->sub[head];
        int d = ci->depth[head++];
        if (d >= 63) continue;
        for (size_t c = 0; c < p->child_count[oi]; c++) {
            size_t ch = p->child_idx[p->child_first[oi] + c];
            if (ci->mark[ch]) continue;
            ci->mark[ch] = 1;
            ci->sub[ci->nsub] = ch;
            ci->depth[ci->nsub++] = d + 1;
        }
    }
    qsort(ci->sub, ci->nsub, sizeof *ci->sub, cmp_size);
    for (size_t i = 0; i < ci->nsub; i++)
        for (size_t j = ci->pfirst[ci->sub[i]]; j < ci->pfirst[ci->sub[i] + 1]; j++) ci->progs[ci->nprogs++] = ci->pidx[j];
    qsort(ci->progs, ci->nprogs, sizeof *ci->progs, cmp_size);
}

void report_cascade_done(cascade_index *ci)
{
    for (size_t i = 0; i < ci->nsub; i++) ci->mark[ci->sub[i]] = 0;
    ci->nsub = ci->nprogs = 0;
}
