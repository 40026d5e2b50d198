/* SPDX-License-Identifier: MIT */
/* core/summary.c — per-objective and per-KR figures shared by every view (see summary.h). */
#include "summary.h"

#include "dates.h"

int summary_week(const lnd_plan *p)
{
    lnd_day start;
    if (!p->cycle.start || !date_parse(p->cycle.start, &start)) return 0;
    return date_week_of_cycle(start, p->cycle.weeks, date_today());
}

void summary_key_result(const lnd_kr *kr, const progress_rules *r, int week, int weeks,
                        summary_kr *out)
{
    int due = kr->due_week > 0 && kr->due_week <= weeks ? kr->due_week : weeks;
    out->progress = progress_kr(kr);
    out->pace = progress_pace(week, due);
    out->status = progress_kr_status(r, kr, week, weeks);
}

void summary_objective(const lnd_plan *p, size_t oi, const progress_rules *r, int week,
                       summary_obj *out)
{
    size_t first, n = plan_krs_of(p, oi, &first);
    out->nkrs = 0;
    out->has_data = false;
    out->confidence = -1;
    for (size_t k = first; k < first + n; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived) continue;
        out->nkrs++;
        if (kr->has_current) out->has_data = true;
        if (kr->confidence >= 0 && (out->confidence < 0 || kr->confidence < out->confidence))
            out->confidence = kr->confidence;
    }
    out->progress = progress_objective(p, oi);
    out->rollup = p->objs[oi].level == LEVEL_BUSINESS ? progress_rollup(p, oi) : -1;
    out->pace = progress_pace(week, p->cycle.weeks);
    if (out->progress >= 0) {
        out->status = progress_status(r, out->progress, out->pace, out->confidence, out->has_data);
        return;
    }
    /* No KRs of its own: a business objective is as healthy as its worst child. */
    static const int severity[STATUS_N] = {[STATUS_NONE] = 0, [STATUS_DONE] = 1,
                                           [STATUS_ON_TRACK] = 2, [STATUS_AT_RISK] = 3,
                                           [STATUS_OFF_TRACK] = 4};
    out->status = STATUS_NONE;
    if (out->rollup < 0) return;
    const size_t *kids;
    size_t nk = plan_children_of(p, oi, &kids);
    for (size_t j = 0; j < nk; j++) {
        size_t c = kids[j];
        if (p->objs[c].archived) continue;
        summary_obj child;
        summary_objective(p, c, r, week, &child);
        if (child.progress >= 0 && severity[child.status] > severity[out->status])
            out->status = child.status;
    }
}
