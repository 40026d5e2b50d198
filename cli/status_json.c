/* SPDX-License-Identifier: MIT */
/* cli/status_json.c — `lnd status --format json`: the cycle and its cascade as one JSON
 * document, streamed objective by objective through core/jsonw.h (the bytes jansson wrote,
 * without a tree per objective) and written out in 64 KB pieces, so memory stays flat and the
 * time close to the text format's. Which rows are shown is cmd_status.c's call. */
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/fields.h"
#include "../core/jsonw.h"
#include "../core/pace.h"
#include "../core/summary.h"
#include "json_out.h"
#include "status_json.h"

static void cycle_doc(jw *w, const lnd_plan *p, lnd_day today)
{
    int week = summary_week_on(p, today);
    lnd_day start = 0;
    date_parse(p->cycle.start, &start);
    char end[16];
    date_format(start + 7L * p->cycle.weeks - 1, end, sizeof end);
    jw_obj(w);
    jw_kstr(w, "name", p->cycle.name);
    jw_kstr(w, "state", model_cycle_state_name(p->cycle.state));
    jw_kstr(w, "start", p->cycle.start);
    jw_kstr(w, "end", end);
    jw_kint(w, "week", week);
    jw_kint(w, "weeks", p->cycle.weeks);
    jw_kreal(w, "pace", pace_elapsed(start, start + 7L * p->cycle.weeks, today));
    jw_end_obj(w);
}

/* The table fields these documents do not place by hand (core/fields.h, fields_kr_placed) follow
 * from the table, before "version". */
static void rest_doc(jw *w, const fields_meta *t, size_t n, const char *const *placed, const void *row)
{
    const fields_meta *rest[FIELDS_KR_N + FIELDS_OBJ_N + FIELDS_PROG_N];
    size_t k = fields_rest(t, n, placed, rest, sizeof rest / sizeof *rest);
    for (size_t i = 0; i < k && i < sizeof rest / sizeof *rest; i++) {
        fields_value v = fields_value_of(rest[i], row);
        const char *key = rest[i]->name;
        switch (v.type) {
        case FV_NULL: jw_knull(w, key); break;
        case FV_STR: jw_kstr(w, key, v.s); break;
        case FV_INT: jw_kint(w, key, v.i); break;
        case FV_REAL: jw_kreal(w, key, v.d); break;
        case FV_BOOL: jw_kbool(w, key, v.i != 0); break;
        case FV_ID: jw_kid(w, key, v.letter, v.i); break;
        }
    }
}

static void kr_doc(jw *w, const cli_ctx *ctx, const lnd_plan *p, const lnd_kr *kr, lnd_day today)
{
    summary_kr ks;
    summary_key_result(p, kr, &ctx->cfg.rules, today, &ks);
    jw_obj(w);
    jw_kid(w, "id", 'K', kr->id);
    jw_kstr(w, "title", kr->title);
    jw_kstr(w, "unit", kr->unit);
    jw_kreal_or_null(w, "baseline", kr->has_baseline, kr->baseline);
    jw_kreal(w, "target", kr->target);
    jw_kreal_or_null(w, "current", kr->has_current, kr->current);
    jw_kstr(w, "direction", model_direction_name(kr->direction));
    jw_kreal(w, "progress", ks.progress);
    jw_kreal(w, "pace", ks.pace);
    if (kr->confidence >= 0) jw_kint(w, "confidence", kr->confidence);
    else jw_knull(w, "confidence");
    jw_kstr(w, "status", model_status_name(ks.status));
    jw_kstr(w, "evidence", model_evidence_name(kr->evidence));
    jw_kstr(w, "indicator", model_indicator_name(kr->indicator));
    jw_kint(w, "due_week", kr->due_week);
    jw_kstr(w, "owner", kr->owner);
    jw_kstr(w, "coowner", kr->coowner);
    jw_kreal(w, "weight", kr->weight);
    jw_kint(w, "checkins", kr->checkins);
    char iso[32];
    long long t;
    if (kr->last_at && date_parse_instant(kr->last_at, &t)) date_format_instant(t, true, iso, sizeof iso);
    else snprintf(iso, sizeof iso, "%s", kr->last_at ? kr->last_at : "");
    jw_kstr(w, "last_checkin", kr->last_at ? iso : NULL);
    rest_doc(w, fields_kr, FIELDS_KR_N, fields_kr_placed, kr);
    jw_kint(w, "version", kr->version);
    jw_end_obj(w);
}

static void objective_doc(jw *w, const cli_ctx *ctx, const lnd_plan *p, const plan_row *row, lnd_day today,
                          const status_json_view *v)
{
    size_t oi = row->obj;
    const lnd_objective *o = &p->objs[oi];
    summary_obj s;
    summary_objective(p, oi, &ctx->cfg.rules, today, &s);
    jw_obj(w);
    jw_kid(w, "id", 'O', o->id);
    jw_kstr(w, "title", o->title);
    jw_kstr(w, "level", model_level_name(o->level));
    jw_kstr(w, "type", model_otype_name(o->type));
    if (o->parent_id) jw_kid(w, "parent", 'O', o->parent_id);
    else jw_knull(w, "parent");
    jw_kint(w, "depth", row->depth);
    jw_kstr(w, "owner", o->owner);
    jw_kstr(w, "business_owner", o->business_owner);
    jw_kstr(w, "problem", o->problem);
    jw_kstr(w, "outcome", o->outcome);
    jw_kstr(w, "capability", o->capability);
    jw_kstr(w, "hypothesis", o->hypothesis);
    const carry_origin *co = carry_origin_of(v->orig, v->norig, o->id);
    if (co) {
        jw_kobj(w, "carried_from");
        jw_kid(w, "objective", 'O', co->from);
        jw_kstr(w, "cycle", co->cycle);
        jw_kreal_or_null(w, "score", co->has_score, co->score);
        jw_kstr(w, "carry", co->carry);
        jw_end_obj(w);
    } else {
        jw_knull(w, "carried_from");
    }
    jw_kreal_or_null(w, "progress", s.progress >= 0, s.progress);
    jw_kreal_or_null(w, "rollup", s.rollup >= 0, s.rollup);
    jw_kreal_or_null(w, "result", s.result >= 0, s.result);
    jw_kreal_or_null(w, "delivery", s.delivery >= 0, s.delivery);
    jw_kstr(w, "result_note", s.result_note);
    jw_kstr(w, "status", model_status_name(s.status));
    rest_doc(w, fields_obj, FIELDS_OBJ_N, fields_obj_placed, o);
    jw_kint(w, "version", o->version);
    jw_karr(w, "key_results");
    size_t first, n = plan_krs_of(p, oi, &first);
    for (size_t k = first; k < first + n; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived || !v->kr[kr - p->krs]) continue;
        kr_doc(w, ctx, p, kr, today);
    }
    jw_end_arr(w);
    jw_end_obj(w);
}

int status_json_print(const cli_ctx *ctx, const lnd_plan *p, lnd_day today, const status_json_view *v)
{
    lnd_buf b = {0};
    jw w;
    int rc = 0;
    buf_add(&b, "{\n  \"cycle\": ");
    jw_init(&w, &b);
    cycle_doc(&w, p, today);
    buf_add(&b, ",\n  \"objectives\": [");
    size_t nout = 0;
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    for (size_t i = 0; i < nrows; i++) {
        if (!v->obj[rows[i].obj]) continue;
        buf_add(&b, nout++ ? ",\n" : "\n");
        jw_init(&w, &b);   /* each objective was its own json_dumpf: depth 0 */
        objective_doc(&w, ctx, p, &rows[i], today, v);
        if (b.len >= 65536) {
            if (fwrite(b.s, 1, b.len, stdout) != b.len) rc = 1;
            b.len = 0;
        }
    }
    buf_add(&b, nout ? "\n  ]\n}\n" : "]\n}\n");
    if (fwrite(b.s, 1, b.len, stdout) != b.len) rc = 1;
    buf_free(&b);
    return rc == 0 ? 0 : cli_fail(EX_IOERR_, "cannot write JSON to stdout");
}
