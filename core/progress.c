/* SPDX-License-Identifier: MIT */
/* core/progress.c — the numbers of the domain (see progress.h): KR and objective progress,
 * roll-ups, pace, status, colour bands, verdicts and behaviour check-in values. Pure
 * functions over the model; no I/O, no allocation. Comparisons against thresholds use a
 * small tolerance (EPS) so that 0.7 computed as 0.69999999999 still counts as 0.7. */
#include "progress.h"

#include <math.h>

#define EPS 1e-9

void progress_defaults(progress_rules *r)
{
    r->at_risk_margin = 0.10;
    r->off_track_margin = 0.25;
    r->low_confidence = 4;
    r->very_low_confidence = 2;
    r->band_green = 0.7;
    r->band_amber = 0.4;
    r->lag_weeks = 4;
    r->confidence_drop = 3;
}

bool progress_drop_needs_note(const progress_rules *r, int before, int now, const char *note)
{
    if (r->confidence_drop <= 0 || before < 0 || now < 0 || before - now < r->confidence_drop) return false;
    for (const char *c = note; c && *c; c++)
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r') return false;
    return true;
}

static double clamp01(double v)
{
    if (isnan(v) || v < 0) return 0;
    return v > 1 ? 1 : v;
}

double progress_kr(const lnd_kr *kr)
{
    if (!kr->has_current) return 0;        /* the value is the baseline: no progress yet */
    double cur = kr->current;
    bool met = kr->direction == DIR_DECREASE ? cur <= kr->target : cur >= kr->target;
    /* Without a baseline a decrease has no starting point: only "met" or "not met" can be
     * told. An increase counts from 0 (completions, counts). */
    if (!kr->has_baseline && kr->direction == DIR_DECREASE) return met ? 1 : 0;
    double base = kr->has_baseline ? kr->baseline : 0;
    double span = kr->target - base;
    if (span == 0) return met ? 1 : 0;
    /* a direction that contradicts baseline and target is refused by the store; if one gets
     * here anyway, moving the wrong way is never progress */
    if ((kr->direction == DIR_DECREASE) != (span < 0)) return met ? 1 : 0;
    return clamp01((cur - base) / span);
}

double progress_kr_weight(const lnd_kr *kr)
{
    return kr->weight > 0 && isfinite(kr->weight) ? kr->weight : 1.0;
}

double progress_objective(const lnd_plan *p, size_t oi)
{
    size_t first, n = plan_krs_of(p, oi, &first);
    double sum = 0, wsum = 0;
    for (size_t k = first; k < first + n; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived) continue;
        double w = progress_kr_weight(kr);
        sum += w * progress_kr(kr);
        wsum += w;
    }
    return wsum > 0 ? clamp01(sum / wsum) : -1;
}

double progress_rollup(const lnd_plan *p, size_t oi)
{
    double sum = 0;
    int n = 0;
    const size_t *kids;
    size_t nk = plan_children_of(p, oi, &kids);
    for (size_t j = 0; j < nk; j++) {
        size_t i = kids[j];
        if (p->objs[i].archived) continue;
        double v = progress_objective(p, i);
        if (v < 0) continue;               /* a child without KRs has nothing to add */
        sum += v;
        n++;
    }
    return n ? sum / n : -1;
}

double progress_pace(int week, int weeks)
{
    if (weeks <= 0) return week > 0 ? 1 : 0;
    return clamp01((double)week / weeks);
}

lnd_status progress_status(const progress_rules *r, double progress, double pace,
                           int confidence, bool has_data)
{
    if (!has_data) {
        /* Nothing measured: "no data yet" while a zero would not be flagged, then at risk
         * (missing check-ins are a risk, not evidence of being off track). */
        return pace - r->at_risk_margin > EPS ? STATUS_AT_RISK : STATUS_NONE;
    }
    if (progress >= 1 - EPS) return STATUS_DONE;
    if (confidence >= 0 && confidence <= r->very_low_confidence) return STATUS_OFF_TRACK;
    if (progress < pace - r->off_track_margin - EPS) return STATUS_OFF_TRACK;
    if (progress < pace - r->at_risk_margin - EPS) return STATUS_AT_RISK;
    if (confidence >= 0 && confidence <= r->low_confidence) return STATUS_AT_RISK;
    return STATUS_ON_TRACK;
}

int progress_status_severity(lnd_status s)
{
    switch (s) {
    case STATUS_NONE: return 0;
    case STATUS_DONE: case STATUS_MET: case STATUS_NOT_DUE: return 1;
    case STATUS_ON_TRACK: return 2;
    case STATUS_AT_RISK: return 3;
    case STATUS_NOT_MEASURED: return 4;
    case STATUS_OFF_TRACK: case STATUS_MISSED: return 5;
    case STATUS_N: break;
    }
    return 0;
}

lnd_status progress_status_worse(lnd_status a, lnd_status b)
{
    return progress_status_severity(b) > progress_status_severity(a) ? b : a;
}

lnd_band progress_band(const progress_rules *r, double score)
{
    if (score >= r->band_green - EPS) return BAND_GREEN;
    if (score >= r->band_amber - EPS) return BAND_AMBER;
    return BAND_RED;
}

lnd_verdict progress_verdict(lnd_otype type, double score)
{
    switch (type) {
    case OTYPE_LEARNING:
        return VERDICT_LEARNING;
    case OTYPE_ASPIRATIONAL:
        if (score >= 0.7 - EPS) return VERDICT_SUCCESS;
        if (score >= 0.4 - EPS) return VERDICT_PARTIAL;
        return VERDICT_MISSED;
    case OTYPE_COMMITTED:
    default:
        return score >= 1 - EPS ? VERDICT_MET : VERDICT_MISSED;
    }
}

const char *progress_verdict_name(lnd_verdict v)
{
    switch (v) {
    case VERDICT_MET: return "met";
    case VERDICT_MISSED: return "missed";
    case VERDICT_SUCCESS: return "success";
    case VERDICT_PARTIAL: return "partial";
    case VERDICT_LEARNING: return "learning";
    }
    return "?";
}

int progress_behaviour_value(int observed, int applied, double *out)
{
    if (observed <= 0 || applied < 0 || applied > observed) return -1;
    if (out) *out = 100.0 * applied / observed;
    return 0;
}
