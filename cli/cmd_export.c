/* cli/cmd_export.c — `lnd export --format json|csv`: a cycle or everything, for backups,
 * other tools and spreadsheets. JSON (jansson) holds every row with ids, versions and
 * timestamps so `lnd import` restores it exactly; CSV (libcsv quoting) is one row per
 * check-in for spreadsheets. */
#include <csv.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../store/store_io.h"
#include "cli.h"
#include "export.h"

#define JSET(o, k, v) json_object_set_new((o), (k), (v))

static json_t *js(const char *s) { return s ? json_string(s) : json_null(); }
static json_t *jn(bool has, double v) { return has ? json_real(v) : json_null(); }
static json_t *ji(long long v) { return json_integer(v); }
static json_t *jopt_int(int v) { return v >= 0 ? json_integer(v) : json_null(); }

static store_rc cycle_json(store *s, const lnd_cycle *c, json_t **out)
{
    lnd_plan *p;
    store_rc rc = store_load_plan(s, c->id, &p);
    if (rc != STORE_OK) return rc;
    json_t *jc = json_object();
    JSET(jc, "id", ji(c->id));
    JSET(jc, "name", js(c->name));
    JSET(jc, "start", js(c->start));
    JSET(jc, "weeks", ji(c->weeks));
    JSET(jc, "state", js(model_cycle_state_name(c->state)));
    JSET(jc, "version", ji(c->version));
    json_t *objs = json_array();
    for (size_t i = 0; i < p->nobjs; i++) {
        const lnd_objective *o = &p->objs[i];
        json_t *j = json_object();
        JSET(j, "id", ji(o->id));
        JSET(j, "parent", o->parent_id ? ji(o->parent_id) : json_null());
        JSET(j, "level", js(model_level_name(o->level)));
        JSET(j, "type", js(model_otype_name(o->type)));
        JSET(j, "title", js(o->title));
        JSET(j, "problem", js(o->problem));
        JSET(j, "outcome", js(o->outcome));
        JSET(j, "capability", js(o->capability));
        JSET(j, "owner", js(o->owner));
        JSET(j, "business_owner", js(o->business_owner));
        JSET(j, "cadence_days", ji(o->cadence_days));
        JSET(j, "carried_from", o->carried_from ? ji(o->carried_from) : json_null());
        JSET(j, "archived", json_boolean(o->archived));
        JSET(j, "version", ji(o->version));
        json_array_append_new(objs, j);
    }
    JSET(jc, "objectives", objs);
    json_t *krs = json_array();
    for (size_t i = 0; i < p->nkrs; i++) {
        const lnd_kr *k = &p->krs[i];
        json_t *j = json_object();
        JSET(j, "id", ji(k->id));
        JSET(j, "objective", ji(k->objective_id));
        JSET(j, "title", js(k->title));
        JSET(j, "unit", js(k->unit));
        JSET(j, "baseline", jn(k->has_baseline, k->baseline));
        JSET(j, "baseline_at", js(k->baseline_at));
        JSET(j, "target", json_real(k->target));
        JSET(j, "direction", js(model_direction_name(k->direction)));
        JSET(j, "due_week", ji(k->due_week));
        JSET(j, "owner", js(k->owner));
        JSET(j, "coowner", js(k->coowner));
        JSET(j, "weight", json_real(k->weight));
        JSET(j, "evidence", js(model_evidence_name(k->evidence)));
        JSET(j, "indicator", js(model_indicator_name(k->indicator)));
        JSET(j, "carried_from", k->carried_from ? ji(k->carried_from) : json_null());
        JSET(j, "archived", json_boolean(k->archived));
        JSET(j, "version", ji(k->version));
        json_array_append_new(krs, j);
    }
    JSET(jc, "key_results", krs);
    lnd_arena *a = arena_new();
    lnd_checkin *cs;
    size_t n;
    rc = store_cycle_checkins(s, a, c->id, &cs, &n);
    json_t *jcs = json_array();
    for (size_t i = 0; rc == STORE_OK && i < n; i++) {
        json_t *j = json_object();
        JSET(j, "id", ji(cs[i].id));
        JSET(j, "kr", ji(cs[i].kr_id));
        JSET(j, "at", js(cs[i].at));
        JSET(j, "value", json_real(cs[i].value));
        JSET(j, "confidence", jopt_int(cs[i].confidence));
        JSET(j, "note", js(cs[i].note));
        JSET(j, "author", js(cs[i].author));
        JSET(j, "observed", jopt_int(cs[i].observed));
        JSET(j, "applied", jopt_int(cs[i].applied));
        JSET(j, "cohort", js(cs[i].cohort));
        JSET(j, "comparison", json_boolean(cs[i].comparison));
        JSET(j, "followup", ji(cs[i].followup));
        json_array_append_new(jcs, j);
    }
    JSET(jc, "checkins", jcs);
    json_t *jp = json_array();
    for (size_t i = 0; i < p->nprogs; i++) {
        const lnd_programme *pr = &p->progs[i];
        json_t *j = json_object();
        JSET(j, "id", ji(pr->id));
        JSET(j, "objective", pr->objective_id ? ji(pr->objective_id) : json_null());
        JSET(j, "title", js(pr->title));
        JSET(j, "audience", js(pr->audience));
        JSET(j, "start_week", ji(pr->start_week));
        JSET(j, "end_week", ji(pr->end_week));
        JSET(j, "cohorts", js(pr->cohorts));
        JSET(j, "archived", json_boolean(pr->archived));
        JSET(j, "version", ji(pr->version));
        json_array_append_new(jp, j);
    }
    JSET(jc, "programmes", jp);
    lnd_review *rv;
    size_t nr = 0;
    if (rc == STORE_OK) rc = store_reviews(s, a, c->id, &rv, &nr);
    json_t *jr = json_array();
    for (size_t i = 0; rc == STORE_OK && i < nr; i++) {
        json_t *j = json_object();
        JSET(j, "objective", ji(rv[i].objective_id));
        JSET(j, "score", jn(rv[i].has_score, rv[i].score));
        JSET(j, "worked", js(rv[i].worked));
        JSET(j, "didnt", js(rv[i].didnt));
        JSET(j, "carry", js(rv[i].carry));
        JSET(j, "carry_forward", json_boolean(rv[i].carry_forward));
        JSET(j, "version", ji(rv[i].version));
        JSET(j, "updated_by", js(rv[i].updated_by));
        JSET(j, "updated_at", js(rv[i].updated_at));
        json_array_append_new(jr, j);
    }
    JSET(jc, "reviews", jr);
    if (p->nwaivers) {   /* only when there are some: exports without waivers stay as they were */
        json_t *jw = json_array();
        for (size_t i = 0; i < p->nwaivers; i++) {
            const lnd_waiver *w = &p->waivers[i];
            json_t *j = json_object();
            JSET(j, "objective", ji(w->objective_id));
            JSET(j, "rule", js(w->rule));
            JSET(j, "reason", js(w->reason));
            JSET(j, "author", js(w->author));
            JSET(j, "at", js(w->at));
            json_array_append_new(jw, j);
        }
        JSET(jc, "waivers", jw);
    }
    arena_free(a);
    plan_free(p);
    if (rc != STORE_OK) {
        json_decref(jc);
        return rc;
    }
    *out = jc;
    return STORE_OK;
}

store_rc export_json(store *s, const lnd_cycle *only, json_t **out)
{
    json_t *root = json_object();
    JSET(root, "format", json_string("lnd-export"));
    JSET(root, "format_version", json_integer(1));
    JSET(root, "schema", json_integer(store_schema_version()));
    lnd_arena *a = arena_new();
    lnd_cycle *cs = (lnd_cycle *)only;
    size_t n = only ? 1 : 0;
    store_rc rc = only ? STORE_OK : store_cycles(s, a, &cs, &n);
    json_t *jcs = json_array();
    for (size_t i = 0; rc == STORE_OK && i < n; i++) {
        json_t *jc;
        rc = cycle_json(s, &cs[i], &jc);
        if (rc == STORE_OK) json_array_append_new(jcs, jc);
    }
    JSET(root, "cycles", jcs);
    if (!only && rc == STORE_OK) {
        lnd_kpi *ks;
        size_t nk;
        rc = store_kpis(s, a, &ks, &nk);
        json_t *jk = json_array();
        for (size_t i = 0; rc == STORE_OK && i < nk; i++) {
            json_t *j = json_object();
            JSET(j, "id", ji(ks[i].id));
            JSET(j, "name", js(ks[i].name));
            JSET(j, "unit", js(ks[i].unit));
            JSET(j, "min", jn(ks[i].has_min, ks[i].min));
            JSET(j, "max", jn(ks[i].has_max, ks[i].max));
            JSET(j, "archived", json_boolean(ks[i].archived));
            JSET(j, "version", ji(ks[i].version));
            lnd_checkin *h;
            size_t nh;
            rc = store_kpi_history(s, a, ks[i].id, &h, &nh);
            json_t *jh = json_array();
            for (size_t x = 0; rc == STORE_OK && x < nh; x++) {
                json_t *e = json_object();
                JSET(e, "at", js(h[x].at));
                JSET(e, "value", json_real(h[x].value));
                JSET(e, "author", js(h[x].author));
                json_array_append_new(jh, e);
            }
            JSET(j, "history", jh);
            json_array_append_new(jk, j);
        }
        JSET(root, "kpis", jk);
        lnd_audit *au;
        size_t na = 0;
        if (rc == STORE_OK) rc = store_audit(s, a, NULL, 0, &au, &na);
        json_t *ja = json_array();
        for (size_t i = 0; rc == STORE_OK && i < na; i++) {
            json_t *j = json_object();
            JSET(j, "id", ji(au[i].id));
            JSET(j, "at", js(au[i].at));
            JSET(j, "user", js(au[i].user));
            JSET(j, "action", js(au[i].action));
            JSET(j, "entity", js(au[i].entity));
            JSET(j, "entity_id", ji(au[i].entity_id));
            JSET(j, "detail", js(au[i].detail));
            json_array_append_new(ja, j);
        }
        JSET(root, "audit", ja);
    }
    arena_free(a);
    if (rc != STORE_OK) {
        json_decref(root);
        return rc;
    }
    *out = root;
    return STORE_OK;
}

static void csv_cell(FILE *f, const char *s, bool last)
{
    csv_fwrite(f, s ? s : "", s ? strlen(s) : 0);
    fputc(last ? '\n' : ',', f);
}

static void csv_num(FILE *f, bool has, double v, bool last)
{
    char b[48] = "";
    /* the shortest form that reads back as the same double: 3.6, not 3.6000000000000001 */
    for (int prec = 15; has && prec <= 17; prec++) {
        snprintf(b, sizeof b, "%.*g", prec, v);
        if (strtod(b, NULL) == v) break;
    }
    /* numbers never need quoting */
    fputs(b, f);
    fputc(last ? '\n' : ',', f);
}

static store_rc export_csv(store *s, lnd_cycle *cs, size_t n, FILE *f)
{
    fputs("cycle,objective_id,objective,kr_id,kr,unit,baseline,target,direction,evidence,"
          "indicator,at,value,confidence,observed,applied,author,note,cohort,followup\n", f);
    store_rc rc = STORE_OK;
    for (size_t c = 0; c < n && rc == STORE_OK; c++) {
        lnd_plan *p;
        if ((rc = store_load_plan(s, cs[c].id, &p)) != STORE_OK) break;
        lnd_arena *a = arena_new();
        lnd_checkin *ck;
        size_t nck;
        rc = store_cycle_checkins(s, a, cs[c].id, &ck, &nck);
        for (size_t k = 0; rc == STORE_OK && k < p->nkrs; k++) {
            const lnd_kr *kr = &p->krs[k];
            long oi = plan_obj_index(p, kr->objective_id);
            bool any = false;
            for (size_t i = 0; i <= nck; i++) {
                bool row = i < nck ? ck[i].kr_id == kr->id : !any;
                if (!row) continue;
                any = true;
                char oid[24], kid[24];
                snprintf(oid, sizeof oid, "O%lld", kr->objective_id);
                snprintf(kid, sizeof kid, "K%lld", kr->id);
                csv_cell(f, cs[c].name, false);
                csv_cell(f, oid, false);
                csv_cell(f, oi >= 0 ? p->objs[oi].title : "", false);
                csv_cell(f, kid, false);
                csv_cell(f, kr->title, false);
                csv_cell(f, kr->unit, false);
                csv_num(f, kr->has_baseline, kr->baseline, false);
                csv_num(f, true, kr->target, false);
                csv_cell(f, model_direction_name(kr->direction), false);
                csv_cell(f, model_evidence_name(kr->evidence), false);
                csv_cell(f, model_indicator_name(kr->indicator), false);
                bool has = i < nck;
                csv_cell(f, has ? ck[i].at : "", false);
                csv_num(f, has, has ? ck[i].value : 0, false);
                csv_num(f, has && ck[i].confidence >= 0, has ? ck[i].confidence : 0, false);
                csv_num(f, has && ck[i].observed >= 0, has ? ck[i].observed : 0, false);
                csv_num(f, has && ck[i].applied >= 0, has ? ck[i].applied : 0, false);
                csv_cell(f, has ? ck[i].author : "", false);
                csv_cell(f, has ? ck[i].note : "", false);
                csv_cell(f, has ? ck[i].cohort : "", false);
                csv_num(f, has && ck[i].followup > 0, has ? ck[i].followup : 0, true);
                if (i == nck) break;
            }
        }
        arena_free(a);
        plan_free(p);
    }
    return rc;
}

typedef struct {
    const char *format, *cycle, *output;
} export_opts;

static int export_opt(void *st, int c, const char *arg)
{
    export_opts *o = st;
    if (c == 'f') o->format = arg;
    else if (c == 'c') o->cycle = arg;
    else if (c == 'o') o->output = arg;
    return 0;
}

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"cycle", required_argument, NULL, 'c'},
                                         {"output", required_argument, NULL, 'o'}, {0}};
    export_opts eo = {.format = "json"};
    bool help;
    int rc = cli_getopt(ctx, argc, argv, "o:", opts, export_opt, &eo, &help);
    if (rc) return rc;
    if (help) {
        fputs("usage: lnd export [--format json|csv] [--cycle NAME] [-o FILE]\n\n"
              "Export everything (default) or one cycle. JSON keeps every row with its id,\n"
              "version and timestamps: `lnd import FILE.json` restores it into an empty database.\n"
              "CSV is one row per check-in (RFC 4180 quoting) for spreadsheets.\n", stdout);
        return 0;
    }
    bool json = strcmp(eo.format, "json") == 0;
    if (!json && strcmp(eo.format, "csv") != 0)
        return cli_fail(EX_USAGE_, "export: --format must be json or csv, not '%s'", eo.format);
    if (optind < argc) return cli_fail(EX_USAGE_, "export: unexpected '%s'", argv[optind]);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_cycle one, *cs = NULL;
    size_t n = 0;
    store_rc src = STORE_OK;
    if (eo.cycle) {
        src = store_find_cycle(s, a, eo.cycle, &one);
        cs = &one;
        n = 1;
        if (src == STORE_NOTFOUND) {
            rc = cli_fail(EX_DATAERR_, "no cycle named '%s'; see `lnd cycle list`", eo.cycle);
            goto out;
        }
    } else if (!json) {
        src = store_cycles(s, a, &cs, &n);
    }
    FILE *f = stdout;
    char tmp[4200] = "";
    if (src == STORE_OK && eo.output) {
        snprintf(tmp, sizeof tmp, "%s.tmp", eo.output);
        if (!(f = fopen(tmp, "w"))) {
            rc = cli_fail(EX_CANTCREAT_, "cannot write %s; check the directory exists and is writable", eo.output);
            goto out;
        }
    }
    if (src == STORE_OK && json) {
        json_t *root;
        src = export_json(s, eo.cycle ? &one : NULL, &root);
        if (src == STORE_OK) {
            if (json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17)) != 0)
                rc = cli_fail(EX_IOERR_, "cannot write the export");
            fputc('\n', f);
            json_decref(root);
        }
    } else if (src == STORE_OK) {
        src = export_csv(s, cs, n, f);
    }
    if (f != stdout) {
        bool bad = fclose(f) != 0 || src != STORE_OK || rc;
        if (!bad && rename(tmp, eo.output) != 0) bad = true;
        if (bad) {
            remove(tmp);
            if (!rc && src == STORE_OK) rc = cli_fail(EX_IOERR_, "cannot write %s", eo.output);
        }
    } else if (fflush(stdout) != 0 && !rc) {
        rc = cli_fail(EX_IOERR_, "cannot write to stdout");
    }
    if (src != STORE_OK) rc = cli_store_fail(s, src);
out:
    arena_free(a);
    store_close(s);
    return rc;
}
