/* SPDX-License-Identifier: MIT */
/* cli/json_report.c — `lnd report --format json`: the quarter in business terms for scripts:
 * each objective's result, delivery, status and review, each KR's numbers with its
 * follow-up series and cohort comparison (the same sentences the Markdown report prints),
 * and the health findings counted. Fields: docs/json.md. No SQL, no curses. */
#include <string.h>

#include "../core/health.h"
#include "../core/report_series.h"
#include "../core/summary.h"
#include "../core/window.h"
#include "json_out.h"

static void set(json_t *o, const char *k, json_t *v) { json_object_set_new(o, k, v); }

/* The series or cohort sentence of KR k, or null. */
static json_t *sentence(const report_input *in, size_t k, bool cohorts)
{
    if (in->dig) {   /* worked out as the history streamed past */
        const char *t = cohorts ? in->dig[k].cohorts : in->dig[k].series;
        return t ? cj_str(t) : json_null();
    }
    static const report_history none = {0};
    const report_history *h = in->hist ? &in->hist[k] : &none;
    window_rules fu;
    window_rules_default(&fu);
    const window_rules *r = in->followups ? in->followups : &fu;
    lnd_buf b = {0};
    bool any = cohorts ? report_cohorts(in->plan, k, h, &b) : report_series(in->plan, k, h, r, &b);
    json_t *j = any ? cj_str(buf_str(&b)) : json_null();
    buf_free(&b);
    return j;
}

static json_t *krs_of(const report_input *in, size_t oi)
{
    const lnd_plan *p = in->plan;
    json_t *arr = json_array();
    size_t first, n = plan_krs_of(p, oi, &first);
    for (size_t k = first; k < first + n; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived) continue;
        summary_kr ks;
        summary_key_result(p, kr, in->rules, in->day, &ks);
        json_t *j = json_object();
        set(j, "id", cj_id('K', kr->id));
        set(j, "title", cj_str(kr->title));
        set(j, "evidence", json_string(model_evidence_name(kr->evidence)));
        set(j, "indicator", json_string(model_indicator_name(kr->indicator)));
        set(j, "unit", cj_str(kr->unit));
        set(j, "baseline", cj_num(kr->has_baseline, kr->baseline));
        set(j, "current", cj_num(kr->has_current, kr->current));
        set(j, "target", json_real(kr->target));
        set(j, "progress", json_real(ks.progress));
        set(j, "status", json_string(model_status_name(ks.status)));
        set(j, "series", sentence(in, k, false));
        set(j, "cohorts", sentence(in, k, true));
        json_array_append_new(arr, j);
    }
    return arr;
}

int cj_report(const report_input *in)
{
    const lnd_plan *p = in->plan;
    json_t *root = json_object(), *objs = json_array();
    set(root, "cycle", cj_cycle(p, in->day));
    set(root, "state", json_string(model_cycle_state_name(p->cycle.state)));
    set(root, "today", cj_str(in->today));
    set(root, "week", json_integer(summary_week_on(p, in->day)));
    bool judged = summary_verdict_time(&p->cycle);
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        const lnd_objective *o = &p->objs[oi];
        summary_obj s;
        summary_objective(p, oi, in->rules, in->day, &s);
        const lnd_review *r = NULL;
        for (size_t k = 0; k < in->nreviews && !r; k++)
            if (in->reviews[k].objective_id == o->id) r = &in->reviews[k];
        double sug = summary_suggested_score(o, &s), sc = r && r->has_score ? r->score : sug;
        json_t *j = json_object();
        set(j, "id", cj_id('O', o->id));
        set(j, "title", cj_str(o->title));
        set(j, "level", json_string(model_level_name(o->level)));
        set(j, "type", json_string(model_otype_name(o->type)));
        set(j, "parent", o->parent_id ? cj_id('O', o->parent_id) : json_null());
        set(j, "result", cj_num(s.result >= 0, s.result));
        set(j, "delivery", cj_num(s.delivery >= 0, s.delivery));
        set(j, "result_note", s.result_note ? json_string(s.result_note) : json_null());
        set(j, "status", json_string(model_status_name(s.status)));
        set(j, "score", cj_num(r && r->has_score, r ? r->score : 0));
        set(j, "suggested_score", cj_num(sug >= 0, sug));
        set(j, "verdict", judged && o->type != OTYPE_LEARNING && sc >= 0
                              ? json_string(progress_verdict_name(progress_verdict(o->type, sc))) : json_null());
        set(j, "key_results", krs_of(in, oi));
        json_array_append_new(objs, j);
    }
    set(root, "objectives", objs);
    long ne = 0, nw = 0;
    for (size_t i = 0; i < in->nhealth; i++) {
        const char *sev = health_sev_name(in->health[i].sev);
        ne += !strcmp(sev, "error");
        nw += !strcmp(sev, "warning");
    }
    json_t *h = json_object();
    set(h, "errors", json_integer(ne));
    set(h, "warnings", json_integer(nw));
    set(root, "health", h);
    return cj_print(root);
}
