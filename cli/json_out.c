/* SPDX-License-Identifier: MIT */
/* cli/json_out.c — JSON values and listings for scripts (see json_out.h; the contract is
 * docs/json.md: add fields, never rename or drop them). No SQL, no curses. */
#include "json_out.h"

#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/learning.h"
#include "../core/pace.h"
#include "../core/sanitize.h"
#include "../core/summary.h"

json_t *cj_cycle(const lnd_plan *p, lnd_day today)
{
    lnd_day start = 0;
    date_parse(p->cycle.start, &start);
    char end[16];
    date_format(start + 7L * p->cycle.weeks - 1, end, sizeof end);
    json_t *cy = json_object();
    json_object_set_new(cy, "name", cj_str(p->cycle.name));
    json_object_set_new(cy, "state", json_string(model_cycle_state_name(p->cycle.state)));
    json_object_set_new(cy, "start", cj_str(p->cycle.start));
    json_object_set_new(cy, "end", json_string(end));
    json_object_set_new(cy, "week", json_integer(summary_week_on(p, today)));
    json_object_set_new(cy, "weeks", json_integer(p->cycle.weeks));
    json_object_set_new(cy, "pace", json_real(pace_elapsed(start, start + 7L * p->cycle.weeks, today)));
    return cy;
}

json_t *cj_str(const char *v)
{
    if (!v) return json_null();
    json_t *j = json_string(v);
    if (j) return j;
    size_t n = strlen(v) * 3 + 1;
    char *buf = malloc(n);
    if (!buf) return json_null();
    san_text(v, -1, false, buf, n);
    j = json_string(buf);
    free(buf);
    return j ? j : json_null();
}

json_t *cj_num(bool has, double v) { return has ? json_real(v) : json_null(); }

json_t *cj_id(char prefix, lnd_id id)
{
    char b[32];
    snprintf(b, sizeof b, "%c%lld", prefix, id);
    return json_string(b);
}

json_t *cj_time(const char *stamp)
{
    if (!stamp || !*stamp) return json_null();
    long long t;
    char iso[32];
    if (!date_parse_instant(stamp, &t)) return cj_str(stamp);
    date_format_instant(t, true, iso, sizeof iso);
    return json_string(iso);
}

int cj_print(json_t *root)
{
    int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    json_decref(root);
    if (rc == 0) rc = fputc('\n', stdout) == EOF;
    if (fflush(stdout) != 0) rc = 1;
    return rc ? cli_fail(EX_IOERR_, "cannot write JSON to stdout") : 0;
}

int cj_format(const char *cmd, const char *arg, bool *json)
{
    if (!strcmp(arg, "json")) *json = true;
    else if (!strcmp(arg, "text")) *json = false;
    else return cli_fail(EX_USAGE_, "%s: --format must be text or json, not '%s'", cmd, arg);
    return 0;
}

static void set(json_t *o, const char *k, json_t *v) { json_object_set_new(o, k, v); }

int cj_cycles(const lnd_cycle *cs, size_t n, lnd_day today)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        lnd_day st = 0;
        date_parse(cs[i].start, &st);
        char end[16];
        date_format(st + 7L * cs[i].weeks - 1, end, sizeof end);
        json_t *c = json_object();
        set(c, "name", cj_str(cs[i].name));
        set(c, "state", json_string(model_cycle_state_name(cs[i].state)));
        set(c, "start", cj_str(cs[i].start));
        set(c, "end", json_string(end));
        set(c, "weeks", json_integer(cs[i].weeks));
        set(c, "week", json_integer(date_week_of_cycle(st, cs[i].weeks, today)));
        set(c, "version", json_integer(cs[i].version));
        json_array_append_new(arr, c);
    }
    json_t *root = json_object();
    set(root, "cycles", arr);
    return cj_print(root);
}

int cj_programmes(const lnd_plan *p)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < p->nprogs; i++) {
        const lnd_programme *pr = &p->progs[i];
        if (pr->archived) continue;
        json_t *j = json_object();
        set(j, "id", cj_id('P', pr->id));
        set(j, "title", cj_str(pr->title));
        set(j, "objective", pr->objective_id ? cj_id('O', pr->objective_id) : json_null());
        set(j, "start_week", json_integer(pr->start_week));
        set(j, "end_week", json_integer(pr->end_week));
        set(j, "audience", cj_str(pr->audience && *pr->audience ? pr->audience : NULL));
        set(j, "cohorts", cj_str(pr->cohorts && *pr->cohorts ? pr->cohorts : NULL));
        set(j, "version", json_integer(pr->version));
        json_array_append_new(arr, j);
    }
    json_t *root = json_object();
    set(root, "cycle", cj_cycle(p, date_today()));
    set(root, "programmes", arr);
    return cj_print(root);
}

int cj_kpis(const lnd_kpi *ks, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        if (ks[i].archived) continue;
        bool ok = !ks[i].has_value || ((!ks[i].has_min || ks[i].value >= ks[i].min) &&
                                       (!ks[i].has_max || ks[i].value <= ks[i].max));
        json_t *j = json_object();
        set(j, "name", cj_str(ks[i].name));
        set(j, "unit", cj_str(ks[i].unit && *ks[i].unit ? ks[i].unit : NULL));
        set(j, "value", cj_num(ks[i].has_value, ks[i].value));
        set(j, "min", cj_num(ks[i].has_min, ks[i].min));
        set(j, "max", cj_num(ks[i].has_max, ks[i].max));
        set(j, "state", json_string(!ks[i].has_value ? "no value" : ok ? "ok" : "out of range"));
        set(j, "updated_at", cj_time(ks[i].updated_at));
        set(j, "version", json_integer(ks[i].version));
        json_array_append_new(arr, j);
    }
    json_t *root = json_object();
    set(root, "kpis", arr);
    return cj_print(root);
}

int cj_audit(const lnd_audit *au, size_t n, bool more)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *j = json_object();
        set(j, "at", cj_time(au[i].at));
        set(j, "user", cj_str(au[i].user));
        set(j, "account", cj_str(au[i].account && *au[i].account ? au[i].account : NULL));
        set(j, "action", cj_str(au[i].action));
        set(j, "entity", cj_str(au[i].entity));
        /* "O3", "K12", "P2" as ids are everywhere; other rows (check-ins, cycles, ...) by number */
        const char *e = au[i].entity;
        char pre = !strcmp(e, "objective") ? 'O' : !strcmp(e, "kr") ? 'K' : !strcmp(e, "programme") ? 'P' : 0;
        char eid[32];
        if (pre) snprintf(eid, sizeof eid, "%c%lld", pre, au[i].entity_id);
        else snprintf(eid, sizeof eid, "%lld", au[i].entity_id);
        set(j, "entity_id", cj_str(eid));
        set(j, "detail", cj_str(au[i].detail));
        json_array_append_new(arr, j);
    }
    json_t *root = json_object();
    set(root, "changes", arr);
    set(root, "more", json_boolean(more));
    return cj_print(root);
}

int cj_reviews(const cli_ctx *ctx, const lnd_plan *p, const lnd_review *rv, size_t nr, lnd_day today)
{
    json_t *arr = json_array();
    plan_row *rows;
    size_t n = plan_cascade(p, false, &rows);
    for (size_t i = 0; i < n; i++) {
        const lnd_objective *o = &p->objs[rows[i].obj];
        summary_obj so;
        summary_objective(p, rows[i].obj, &ctx->cfg.rules, today, &so);
        const lnd_review *r = cli_review_of(rv, nr, o->id);
        double sug = summary_suggested_score(o, &so);
        json_t *j = json_object();
        set(j, "id", cj_id('O', o->id));
        set(j, "title", cj_str(o->title));
        set(j, "type", json_string(model_otype_name(o->type)));
        set(j, "depth", json_integer(rows[i].depth));
        set(j, "score", cj_num(r && r->has_score, r ? r->score : 0));
        set(j, "suggested_score", cj_num(sug >= 0, sug));
        double sc = r && r->has_score ? r->score : sug;
        bool judged = summary_verdict_time(&p->cycle) && o->type != OTYPE_LEARNING && sc >= 0;
        set(j, "verdict", judged ? json_string(progress_verdict_name(progress_verdict(o->type, sc))) : json_null());
        set(j, "worked", cj_str(r && r->worked && *r->worked ? r->worked : NULL));
        set(j, "didnt", cj_str(r && r->didnt && *r->didnt ? r->didnt : NULL));
        set(j, "carry", cj_str(r && r->carry && *r->carry ? r->carry : NULL));
        set(j, "finding", cj_str(r && r->finding && *r->finding ? r->finding : NULL));
        set(j, "carry_forward", json_boolean(r && r->carry_forward));
        set(j, "updated_by", cj_str(r ? r->updated_by : NULL));
        set(j, "updated_at", cj_time(r ? r->updated_at : NULL));
        set(j, "version", r ? json_integer(r->version) : json_null());
        json_array_append_new(arr, j);
    }
    json_t *root = json_object();
    set(root, "cycle", cj_cycle(p, today));
    set(root, "state", json_string(model_cycle_state_name(p->cycle.state)));
    set(root, "objectives", arr);
    return cj_print(root);
}

void cj_rest(json_t *j, const fields_meta *t, size_t n, const char *const *placed, const void *row)
{
    const fields_meta *rest[FIELDS_KR_N + FIELDS_OBJ_N + FIELDS_PROG_N];
    size_t k = fields_rest(t, n, placed, rest, sizeof rest / sizeof *rest);
    for (size_t i = 0; i < k && i < sizeof rest / sizeof *rest; i++) {
        fields_value v = fields_value_of(rest[i], row);
        json_t *x = v.type == FV_STR    ? cj_str(v.s)
                    : v.type == FV_INT  ? json_integer(v.i)
                    : v.type == FV_REAL ? json_real(v.d)
                    : v.type == FV_BOOL ? json_boolean(v.i)
                    : v.type == FV_ID   ? cj_id(v.letter, v.i)
                                        : json_null();
        json_object_set_new(j, rest[i]->name, x);
    }
}

int cj_kr_show(const cli_ctx *ctx, const lnd_plan *p, const lnd_kr *kr, const lnd_checkin *ck, size_t nck,
               lnd_day today)
{
    summary_kr ks;
    summary_key_result(p, kr, &ctx->cfg.rules, today, &ks);
    json_t *j = json_object();
    set(j, "id", cj_id('K', kr->id));
    set(j, "objective", cj_id('O', kr->objective_id));
    set(j, "cycle", cj_cycle(p, today));
    set(j, "title", cj_str(kr->title));
    set(j, "unit", cj_str(kr->unit));
    set(j, "baseline", cj_num(kr->has_baseline, kr->baseline));
    set(j, "target", json_real(kr->target));
    set(j, "current", cj_num(kr->has_current, kr->current));
    set(j, "direction", json_string(model_direction_name(kr->direction)));
    set(j, "progress", json_real(ks.progress));
    set(j, "pace", json_real(ks.pace));
    set(j, "status", json_string(model_status_name(ks.status)));
    set(j, "confidence", kr->confidence >= 0 ? json_integer(kr->confidence) : json_null());
    set(j, "evidence", json_string(model_evidence_name(kr->evidence)));
    set(j, "indicator", json_string(model_indicator_name(kr->indicator)));
    set(j, "due_week", json_integer(kr->due_week));
    set(j, "owner", cj_str(kr->owner));
    set(j, "coowner", cj_str(kr->coowner));
    set(j, "weight", json_real(kr->weight));
    cj_rest(j, fields_kr, FIELDS_KR_N, fields_kr_placed, kr);
    set(j, "version", json_integer(kr->version));
    json_t *arr = json_array();
    for (size_t i = 0; i < nck; i++) {
        json_t *c = json_object();
        set(c, "at", cj_time(ck[i].at));
        set(c, "value", json_real(ck[i].value));
        set(c, "confidence", ck[i].confidence >= 0 ? json_integer(ck[i].confidence) : json_null());
        set(c, "note", cj_str(ck[i].note && *ck[i].note ? ck[i].note : NULL));
        set(c, "author", cj_str(ck[i].author));
        set(c, "account", cj_str(ck[i].account && *ck[i].account ? ck[i].account : NULL));
        set(c, "observed", ck[i].observed >= 0 ? json_integer(ck[i].observed) : json_null());
        set(c, "applied", ck[i].applied >= 0 ? json_integer(ck[i].applied) : json_null());
        set(c, "cohort", cj_str(ck[i].cohort && *ck[i].cohort ? ck[i].cohort : NULL));
        set(c, "comparison", json_boolean(ck[i].comparison));
        set(c, "followup", ck[i].followup ? json_integer(ck[i].followup) : json_null());
        json_array_append_new(arr, c);
    }
    set(j, "checkins", arr);
    return cj_print(j);
}
