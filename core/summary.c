/* SPDX-License-Identifier: MIT */
/* core/summary.c — per-objective and per-KR figures shared by every view (see summary.h). */
#include "summary.h"

#include "numfmt.h"

#include <math.h>
#include <stdio.h>

static lnd_day cycle_start(const lnd_plan *p)
{
    lnd_day start = 0;
    if (p->cycle.start) date_parse(p->cycle.start, &start);
    return start;
}

int summary_week_on(const lnd_plan *p, lnd_day today)
{
    lnd_day start;
    if (!p->cycle.start || !date_parse(p->cycle.start, &start)) return 0;
    return date_week_of_cycle(start, p->cycle.weeks, today);
}

void summary_when_text(const lnd_plan *p, lnd_day today, char *buf, unsigned long n)
{
    lnd_day start = cycle_start(p);
    lnd_day end = start + 7L * p->cycle.weeks;          /* the day after the last one */
    if (today < start) {
        char d[16];
        date_format(start, d, sizeof d);
        long in = start - today;
        snprintf(buf, n, "starts %s (in %ld day%s)", d, in, in == 1 ? "" : "s");
    } else if (today >= end) {
        long ago = today - (end - 1);
        if (ago == 0) snprintf(buf, n, "ended today");
        else if (ago == 1) snprintf(buf, n, "ended yesterday");
        else snprintf(buf, n, "ended %ld days ago", ago);
    } else {
        snprintf(buf, n, "week %d of %d", date_week_of_cycle(start, p->cycle.weeks, today), p->cycle.weeks);
    }
}

double summary_headline(const summary_obj *s)
{
    return s->result >= 0 ? s->result : s->delivery;
}

double summary_headline_pace(const summary_obj *s)
{
    return s->result >= 0 ? s->result_pace : s->delivery_pace;
}

bool summary_verdict_time(const lnd_cycle *c)
{
    return c->state == CYCLE_REVIEW || c->state == CYCLE_CLOSED;
}

double summary_suggested_score(const lnd_objective *o, const summary_obj *s)
{
    if (o->type == OTYPE_LEARNING) return -1;   /* its verdict is its finding */
    double v = s->result >= 0 || o->level == LEVEL_BUSINESS ? s->result
               : s->progress >= 0                            ? s->progress
                                                             : s->rollup;
    return v >= 0 ? num_pct_round(v) / 100.0 : -1;   /* the percent shown, as a score (numfmt.h) */
}

static void when_of(const lnd_plan *p, const lnd_kr *kr, lnd_day today, pace_when *w)
{
    w->start = cycle_start(p);
    w->weeks = p->cycle.weeks;
    w->today = today;
    long oi = plan_obj_index(p, kr->objective_id);
    w->prog_week = oi >= 0 ? plan_serving_week(p, (size_t)oi) : 0;
}

void summary_kr_at(const lnd_kr *kr, const progress_rules *r, const pace_when *w, summary_kr *out)
{
    out->progress = progress_kr(kr);
    out->pace = pace_expected(kr, w, r->lag_weeks);
    out->status = pace_kr_status(r, kr, w);
}

void summary_key_result(const lnd_plan *p, const lnd_kr *kr, const progress_rules *r,
                        lnd_day today, summary_kr *out)
{
    pace_when w;
    when_of(p, kr, today, &w);
    summary_kr_at(kr, r, &w, out);
}

/* Sums over a subtree. */
typedef struct {
    double rsum, rw, dsum, dw, pace_sum, rpace_sum;
    int nres, ndel, dconf;
    bool rdata, ddata;
    lnd_status rstatus;
} subtree_acc;

static void add_subtree(const lnd_plan *p, size_t oi, const progress_rules *r, lnd_day today,
                        int depth, subtree_acc *acc)
{
    size_t first, n = plan_krs_of(p, oi, &first);
    pace_when w = {.start = cycle_start(p), .weeks = p->cycle.weeks, .today = today,
                   .prog_week = plan_serving_week(p, oi)};
    for (size_t k = first; k < first + n; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived) continue;
        summary_kr ks;
        summary_kr_at(kr, r, &w, &ks);
        double wt = progress_kr_weight(kr);
        if (kr->evidence == EV_RESULTS) {
            acc->rsum += wt * ks.progress;
            acc->rpace_sum += wt * ks.pace;
            acc->rw += wt;
            acc->nres++;
            acc->rdata |= kr->has_current;
            acc->rstatus = progress_status_worse(acc->rstatus, ks.status);
        } else {
            acc->dsum += wt * ks.progress;
            acc->dw += wt;
            acc->pace_sum += wt * ks.pace;
            acc->ndel++;
            acc->ddata |= kr->has_current;
            if (kr->confidence >= 0 && (acc->dconf < 0 || kr->confidence < acc->dconf))
                acc->dconf = kr->confidence;
        }
    }
    if (depth > 64) return;
    const size_t *kids;
    size_t nk = plan_children_of(p, oi, &kids);
    for (size_t j = 0; j < nk; j++)
        if (!p->objs[kids[j]].archived && kids[j] != oi) add_subtree(p, kids[j], r, today, depth + 1, acc);
}

/* Delivery judged as a whole: against the expected progress of the KRs behind it. After the
 * cycle it is met or missed; with no check-in at all, not measured. */
static lnd_status delivery_status(const progress_rules *r, const subtree_acc *a, double delivery,
                                  bool ended)
{
    if (ended) {
        if (!a->ddata) return STATUS_NOT_MEASURED;
        return delivery >= 1 - 1e-9 ? STATUS_MET : STATUS_MISSED;
    }
    return progress_status(r, delivery, a->pace_sum / a->dw, a->dconf, a->ddata);
}

void summary_objective(const lnd_plan *p, size_t oi, const progress_rules *r, lnd_day today,
                       summary_obj *out)
{
    size_t first, n = plan_krs_of(p, oi, &first);
    out->nkrs = 0;
    out->confidence = -1;
    for (size_t k = first; k < first + n; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived) continue;
        out->nkrs++;
        if (kr->confidence >= 0 && (out->confidence < 0 || kr->confidence < out->confidence))
            out->confidence = kr->confidence;
    }
    out->progress = progress_objective(p, oi);
    out->rollup = p->objs[oi].level == LEVEL_BUSINESS ? progress_rollup(p, oi) : -1;
    lnd_day start = cycle_start(p);
    out->pace = pace_elapsed(start, start + 7L * p->cycle.weeks, today);
    pace_when cw = {.start = start, .weeks = p->cycle.weeks, .today = today};
    bool ended = pace_cycle_ended(&cw);

    subtree_acc acc = {.dconf = -1, .rstatus = STATUS_NONE};
    add_subtree(p, oi, r, today, 0, &acc);
    out->nresults = acc.nres;
    out->ndelivery = acc.ndel;
    out->has_data = acc.rdata || acc.ddata;
    out->result = acc.rw > 0 ? acc.rsum / acc.rw : -1;
    out->delivery = acc.dw > 0 ? acc.dsum / acc.dw : -1;
    out->result_pace = acc.rw > 0 ? acc.rpace_sum / acc.rw : out->pace;
    out->delivery_pace = acc.dw > 0 ? acc.pace_sum / acc.dw : out->pace;
    out->result_status = acc.nres ? acc.rstatus : STATUS_NONE;
    out->delivery_status = acc.ndel ? delivery_status(r, &acc, out->delivery, ended) : STATUS_NONE;
    out->result_note = NULL;
    if (acc.nres == 0 && p->objs[oi].level == LEVEL_BUSINESS) {
        out->result_note = "no business result measured";
        out->result_status = STATUS_NOT_MEASURED;
    }
    out->status = progress_status_worse(out->result_status, out->delivery_status);
}
