/* SPDX-License-Identifier: MIT */
/* cli/cmd_export.c — `lnd export --format json|csv`: a cycle or everything, for backups,
 * other tools and spreadsheets. JSON (jansson) holds every row with ids, versions and
 * timestamps so `lnd import` restores it exactly; CSV (libcsv quoting) is one row per
 * check-in for spreadsheets. */
#include <csv.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/fields.h"
#include "../core/sanitize.h"
#include "../core/utf8.h"
#include "../store/store_io.h"
#include "cli.h"
#include "export.h"

#define JSET(o, k, v) json_object_set_new((o), (k), (v))

/* The row being written and the first field that could not be (export never drops one). */
static char ex_row[96], ex_bad[384];
#define ROW(...) snprintf(ex_row, sizeof ex_row, __VA_ARGS__)

static void text_bad(const char *field, const char *s)
{
    size_t off = 0;
    if (ex_bad[0]) return;
    utf8_valid(s, &off);
    snprintf(ex_bad, sizeof ex_bad, "%s: %s is not valid UTF-8 at byte %zu; run `lnd doctor` to "
             "find every such field (an older lnd's database is repaired when this lnd opens it; "
             "else restore a backup)", ex_row, field, off);
}

/* A text field; invalid UTF-8 is recorded in ex_bad, never silently left out. */
static json_t *jtext(const char *field, const char *s)
{
    if (!s) return json_null();
    json_t *j = json_string(s);
    if (j) return j;
    text_bad(field, s);
    return json_null();
}
/* A timestamp: stored "YYYY-MM-DD HH:MM:SS" UTC is exported as ISO 8601 "…T…Z". */
static json_t *jstamp(const char *field, const char *s)
{
    long long t;
    char b[32];
    if (!s || !date_parse_instant(s, &t)) return jtext(field, s);
    date_format_instant(t, true, b, sizeof b);
    return json_string(b);
}
static json_t *jn(bool has, double v) { return has ? json_real(v) : json_null(); }
static json_t *ji(long long v) { return json_integer(v); }
static json_t *jopt_int(int v) { return v >= 0 ? json_integer(v) : json_null(); }

/* One field of a core/fields.h table as JSON (r: the row, j: its object). */
#define EX_J_ID(m, json, aux) JSET(j, json, ji(r->m));
#define EX_J_REF(m, json, aux) JSET(j, json, r->m ? ji(r->m) : json_null());
#define EX_J_TEXT(m, json, aux) JSET(j, json, jtext(json, r->m));
#define EX_J_OPTTEXT EX_J_TEXT
#define EX_J_DEFTEXT(m, json, aux) JSET(j, json, jtext(json, r->m));
#define EX_J_NUM(m, json, aux) JSET(j, json, json_real(r->m));
#define EX_J_STAMP(m, json, aux) JSET(j, json, jstamp(json, r->m));
#define EX_J_OPTINT(m, json, aux) JSET(j, json, jopt_int(r->m));
#define EX_J_POS EX_J_NUM
#define EX_J_OPTNUM(m, json, aux) JSET(j, json, jn(r->aux, r->m));
#define EX_J_INT(m, json, aux) JSET(j, json, ji(r->m));
#define EX_J_POSINT EX_J_INT
#define EX_J_ENUM(m, json, aux) JSET(j, json, jtext(json, model_##aux##_name(r->m)));
#define EX_J_BOOL(m, json, aux) JSET(j, json, json_boolean(r->m));
#define EX_JSON(kd, m, col, json, role, aux, ...) FIELDS_IF_SHOWN_##role(EX_J_##kd(m, json, aux))

/* The rows v[0..n) of a field table as the JSON array `key` of object `into`; the rest
 * names row r in messages (ROW's format and arguments). */
#define EX_ROWS(into, key, T, v, n, TABLE, ...)             \
    do {                                                    \
        json_t *arr = json_array();                         \
        for (size_t i = 0; i < (n); i++) {                  \
            const T *r = &(v)[i];                           \
            json_t *j = json_object();                      \
            ROW(__VA_ARGS__);                               \
            JSET(j, "id", ji(r->id));                       \
            TABLE(EX_JSON)                                  \
            json_array_append_new(arr, j);                  \
        }                                                   \
        JSET(into, key, arr);                               \
    } while (0)

static store_rc cycle_json(store *s, const lnd_cycle *c, json_t **out)
{
    lnd_plan *p;
    store_rc rc = store_load_plan(s, c->id, &p);
    if (rc != STORE_OK) return rc;
    json_t *jc = json_object();
    ROW("cycle C%lld", c->id);
    JSET(jc, "id", ji(c->id));
    JSET(jc, "name", jtext("name", c->name));
    JSET(jc, "start", jtext("start", c->start));
    JSET(jc, "weeks", ji(c->weeks));
    JSET(jc, "state", jtext("state", model_cycle_state_name(c->state)));
    JSET(jc, "version", ji(c->version));
    EX_ROWS(jc, "objectives", lnd_objective, p->objs, p->nobjs, FIELDS_OBJ, "objective O%lld", r->id);
    EX_ROWS(jc, "key_results", lnd_kr, p->krs, p->nkrs, FIELDS_KR, "key result K%lld", r->id);
    lnd_arena *a = arena_new();
    lnd_checkin *cs;
    size_t n;
    rc = store_cycle_checkins(s, a, c->id, &cs, &n);
    EX_ROWS(jc, "checkins", lnd_checkin, cs, rc == STORE_OK ? n : 0, FIELDS_CHECKIN, "check-in %lld (K%lld)", r->id,
            r->kr_id);
    EX_ROWS(jc, "programmes", lnd_programme, p->progs, p->nprogs, FIELDS_PROG, "programme P%lld", r->id);
    lnd_review *rv;
    size_t nr = 0;
    if (rc == STORE_OK) rc = store_reviews(s, a, c->id, &rv, &nr);
    json_t *jr = json_array();
    for (size_t i = 0; rc == STORE_OK && i < nr; i++) {
        json_t *j = json_object();
        ROW("review of O%lld", rv[i].objective_id);
        JSET(j, "objective", ji(rv[i].objective_id));
        JSET(j, "score", jn(rv[i].has_score, rv[i].score));
        JSET(j, "worked", jtext("worked", rv[i].worked));
        JSET(j, "didnt", jtext("didnt", rv[i].didnt));
        JSET(j, "carry", jtext("carry", rv[i].carry));
        JSET(j, "finding", jtext("finding", rv[i].finding));
        JSET(j, "carry_forward", json_boolean(rv[i].carry_forward));
        JSET(j, "version", ji(rv[i].version));
        JSET(j, "updated_by", jtext("updated_by", rv[i].updated_by));
        JSET(j, "updated_at", jstamp("updated_at", rv[i].updated_at));
        json_array_append_new(jr, j);
    }
    JSET(jc, "reviews", jr);
    if (p->nwaivers) {   /* only when there are some: exports without waivers stay as they were */
        json_t *jw = json_array();
        for (size_t i = 0; i < p->nwaivers; i++) {
            const lnd_waiver *w = &p->waivers[i];
            json_t *j = json_object();
            JSET(j, "objective", ji(w->objective_id));
            JSET(j, "rule", jtext("rule", w->rule));
            JSET(j, "reason", jtext("reason", w->reason));
            JSET(j, "author", jtext("author", w->author));
            JSET(j, "at", jstamp("at", w->at));
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

const char *export_error(void)
{
    return ex_bad[0] ? ex_bad : NULL;
}

store_rc export_json(store *s, const lnd_cycle *only, json_t **out)
{
    ex_bad[0] = '\0';
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
            ROW("KPI %lld", ks[i].id);
            JSET(j, "id", ji(ks[i].id));
            JSET(j, "name", jtext("name", ks[i].name));
            JSET(j, "unit", jtext("unit", ks[i].unit));
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
                ROW("KPI %lld history %zu", ks[i].id, x + 1);
                JSET(e, "at", jstamp("at", h[x].at));
                JSET(e, "value", json_real(h[x].value));
                JSET(e, "author", jtext("author", h[x].author));
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
            ROW("audit row %lld", au[i].id);
            JSET(j, "id", ji(au[i].id));
            JSET(j, "at", jstamp("at", au[i].at));
            JSET(j, "user", jtext("user", au[i].user));
            JSET(j, "account", jtext("account", au[i].account));
            JSET(j, "action", jtext("action", au[i].action));
            JSET(j, "entity", jtext("entity", au[i].entity));
            JSET(j, "entity_id", ji(au[i].entity_id));
            JSET(j, "detail", jtext("detail", au[i].detail));
            json_array_append_new(ja, j);
        }
        JSET(root, "audit", ja);
    }
    arena_free(a);
    if (rc == STORE_OK && ex_bad[0]) rc = STORE_INVALID;
    if (rc != STORE_OK) {
        json_decref(root);
        return rc;
    }
    *out = root;
    return STORE_OK;
}

static bool csv_tty;   /* the CSV goes to a terminal: cells pass through the sanitiser */

/* A text cell: never dropped (invalid UTF-8 fails the export naming the row), never a live
 * formula in a spreadsheet (a cell starting with = + - @ tab or CR that is not a plain number
 * gets a leading '), never raw control bytes on a terminal. */
static void csv_cell(FILE *f, const char *field, const char *s, bool last)
{
    if (!s) s = "";
    if (!utf8_valid(s, NULL)) {
        text_bad(field, s);
        s = "";
    }
    char *tmp = NULL;
    double num;
    if (strchr("=+-@\t\r", s[0]) && s[0] && !cli_parse_double(s, &num)) {
        size_t n = strlen(s);
        if ((tmp = malloc(n + 2))) {
            tmp[0] = '\'';
            memcpy(tmp + 1, s, n + 1);
            s = tmp;
        }
    }
    if (csv_tty) {
        size_t cap = 4 * strlen(s) + 8;
        char *safe = malloc(cap);
        if (safe) {
            san_text(s, -1, false, safe, cap);
            free(tmp);
            s = tmp = safe;
        }
    }
    csv_fwrite(f, s, strlen(s));
    fputc(last ? '\n' : ',', f);
    free(tmp);
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

/* One field of a core/fields.h table as a CSV cell, when it has a CSV column (r: the row). */
#define EX_C_TEXT(m, csv, aux) csv_cell(f, csv, r->m, false);
#define EX_C_OPTTEXT EX_C_TEXT
#define EX_C_OPTNUM(m, csv, aux) csv_num(f, r->aux, r->m, false);
#define EX_C_NUM(m, csv, aux) csv_num(f, true, r->m, false);
#define EX_C_POS EX_C_NUM
#define EX_C_INT EX_C_NUM
#define EX_C_POSINT EX_C_NUM
#define EX_C_ID EX_C_NUM
#define EX_C_REF EX_C_NUM
#define EX_C_BOOL EX_C_NUM
#define EX_C_ENUM(m, csv, aux) csv_cell(f, csv, model_##aux##_name(r->m), false);
#define EX_CSV(kd, m, col, json, role, aux, diff, fm, fkind, req, width, hint, csv) \
    if (csv[0]) { EX_C_##kd(m, csv, aux) }
#define EX_CSV_HEAD(kd, m, col, json, role, aux, diff, fm, fkind, req, width, hint, csv) \
    if (csv[0]) fprintf(f, "%s,", csv);

static store_rc export_csv(store *s, lnd_cycle *cs, size_t n, FILE *f)
{
    ex_bad[0] = '\0';
    fputs("cycle,objective_id,objective,kr_id,", f);
    FIELDS_KR(EX_CSV_HEAD)
    fputs("at,value,confidence,observed,applied,author,note,cohort,followup\n", f);
    store_rc rc = STORE_OK;
    for (size_t c = 0; c < n && rc == STORE_OK; c++) {
        lnd_plan *p;
        if ((rc = store_load_plan(s, cs[c].id, &p)) != STORE_OK) break;
        lnd_arena *a = arena_new();
        lnd_checkin *ck;
        size_t nck;
        rc = store_cycle_checkins(s, a, cs[c].id, &ck, &nck);
        for (size_t k = 0; rc == STORE_OK && k < p->nkrs; k++) {
            const lnd_kr *kr = &p->krs[k], *r = kr;
            long oi = plan_obj_index(p, kr->objective_id);
            bool any = false;
            for (size_t i = 0; i <= nck; i++) {
                bool row = i < nck ? ck[i].kr_id == kr->id : !any;
                if (!row) continue;
                any = true;
                if (i < nck) ROW("check-in %lld (K%lld)", ck[i].id, kr->id);
                else ROW("key result K%lld", kr->id);
                char oid[24], kid[24];
                snprintf(oid, sizeof oid, "O%lld", kr->objective_id);
                snprintf(kid, sizeof kid, "K%lld", kr->id);
                csv_cell(f, "cycle", cs[c].name, false);
                csv_cell(f, "objective_id", oid, false);
                csv_cell(f, "objective", oi >= 0 ? p->objs[oi].title : "", false);
                csv_cell(f, "kr_id", kid, false);
                FIELDS_KR(EX_CSV)
                bool has = i < nck;
                char at[32] = "";
                long long t;
                if (has && date_parse_instant(ck[i].at, &t)) date_format_instant(t, true, at, sizeof at);
                csv_cell(f, "at", at, false);
                csv_num(f, has, has ? ck[i].value : 0, false);
                csv_num(f, has && ck[i].confidence >= 0, has ? ck[i].confidence : 0, false);
                csv_num(f, has && ck[i].observed >= 0, has ? ck[i].observed : 0, false);
                csv_num(f, has && ck[i].applied >= 0, has ? ck[i].applied : 0, false);
                csv_cell(f, "author", has ? ck[i].author : "", false);
                csv_cell(f, "note", has ? ck[i].note : "", false);
                csv_cell(f, "cohort", has ? ck[i].cohort : "", false);
                csv_num(f, has && ck[i].followup > 0, has ? ck[i].followup : 0, true);
                if (i == nck) break;
            }
        }
        arena_free(a);
        plan_free(p);
    }
    if (rc == STORE_OK && ex_bad[0]) rc = STORE_INVALID;
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

static const char export_help[] =
    "usage: lnd export [--format json|csv] [--cycle NAME] [-o FILE]\n\n"
    "Export everything (default) or one cycle. JSON keeps every row with its id,\n"
    "version and timestamps: `lnd import FILE.json` restores it into an empty database.\n"
    "CSV is one row per check-in (RFC 4180 quoting) for spreadsheets.\n"
    "-o FILE writes FILE whole or not at all; -o - (or no -o) writes stdout.\n";

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"cycle", required_argument, NULL, 'c'},
                                         {"output", required_argument, NULL, 'o'}, {0}};
    export_opts eo = {.format = "json"};
    int rc = cli_command_opts(ctx, argc, argv, "o:", opts, export_opt, &eo, export_help);
    eo.cycle = cli_cycle(ctx, eo.cycle);   /* lnd --cycle NAME export */
    if (rc) return rc;
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
    if (src == STORE_OK && eo.output && strcmp(eo.output, "-") != 0) {   /* -o - is stdout */
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
        csv_tty = f == stdout && ctx->stdout_tty;
        /* CSV streams row by row: to stdout it goes through a temporary file first, so an
         * export that fails half way (a field it cannot write) leaves no partial output */
        FILE *spool = f == stdout ? tmpfile() : NULL;
        src = export_csv(s, cs, n, spool ? spool : f);
        if (spool) {
            char buf[65536];
            size_t got;
            rewind(spool);
            while (src == STORE_OK && (got = fread(buf, 1, sizeof buf, spool)) > 0)
                if (fwrite(buf, 1, got, stdout) != got) break;
            fclose(spool);
        }
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
    if (src != STORE_OK && export_error()) rc = cli_fail(EX_DATAERR_, "export: %s", cli_safe(export_error()));
    else if (src != STORE_OK) rc = cli_store_fail(s, src);
out:
    arena_free(a);
    store_close(s);
    return rc;
}
