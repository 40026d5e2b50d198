/* SPDX-License-Identifier: MIT */
/* cli/cmd_import.c — `lnd import FILE.json` restores an export into an empty database
 * exactly (ids, versions, timestamps); `lnd import --checkins FILE.csv` loads metric values
 * exported from business systems. Both check the whole file first and write in one
 * transaction: a bad row stops with `file:line: reason` and nothing is written; re-running
 * the same CSV adds no duplicates. JSON by jansson, CSV by libcsv (RFC 4180). */
#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/sanitize.h"
#include "../core/utf8.h"
#include "../store/store_io.h"
#include "cli.h"

/* ---------------- JSON restore ---------------- */

typedef struct {
    const char *file;
    char err[512];
} jctx;

static bool jfail(jctx *c, json_t *at, const char *what)
{
    (void)at;
    if (!c->err[0]) snprintf(c->err, sizeof c->err, "%s: %s", c->file, what);
    return false;
}

static const char *jstr_of(json_t *o, const char *k) { json_t *v = json_object_get(o, k); return json_is_string(v) ? json_string_value(v) : NULL; }
static bool jhas_num(json_t *o, const char *k) { return json_is_number(json_object_get(o, k)); }
static double jnum(json_t *o, const char *k) { return json_number_value(json_object_get(o, k)); }
static long long jint(json_t *o, const char *k, long long dflt) { json_t *v = json_object_get(o, k); return json_is_integer(v) ? json_integer_value(v) : dflt; }

static bool need_str(jctx *c, json_t *o, const char *k, const char *where, char **out)
{
    const char *s = jstr_of(o, k);
    if (!s) {
        char m[160];
        snprintf(m, sizeof m, "%s: \"%s\" must be a string", where, k);
        return jfail(c, o, m);
    }
    *out = (char *)s;
    return true;
}

static bool need_enum(jctx *c, json_t *o, const char *k, const char *where, int (*parse)(const char *), int *out)
{
    const char *s = jstr_of(o, k);
    int v = s ? parse(s) : -1;
    if (v < 0) {
        char m[160];
        snprintf(m, sizeof m, "%s: \"%s\" has an unknown value", where, k);
        return jfail(c, o, m);
    }
    *out = v;
    return true;
}

static store_rc restore_cycle(store *s, jctx *c, json_t *jc, bool *ok)
{
    lnd_cycle cy = {0};
    int st;
    char where[64];
    snprintf(where, sizeof where, "cycle %lld", jint(jc, "id", 0));
    *ok = need_str(c, jc, "name", where, &cy.name) && need_str(c, jc, "start", where, &cy.start) &&
          need_enum(c, jc, "state", where, model_cycle_state_parse, &st);
    if (!*ok) return STORE_OK;
    cy.id = jint(jc, "id", 0);
    cy.weeks = (int)jint(jc, "weeks", 13);
    cy.state = (lnd_cycle_state)st;
    cy.version = jint(jc, "version", 1);
    store_rc rc = store_restore_cycle(s, &cy);
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(jc, "objectives"), i, v) {
        if (rc != STORE_OK || !*ok) break;
        lnd_objective o = {.cycle_id = cy.id};
        int lvl, ty;
        snprintf(where, sizeof where, "objective %lld", jint(v, "id", 0));
        *ok = need_str(c, v, "title", where, &o.title) && need_str(c, v, "problem", where, &o.problem) &&
              need_str(c, v, "outcome", where, &o.outcome) && need_str(c, v, "capability", where, &o.capability) &&
              need_str(c, v, "owner", where, &o.owner) && need_str(c, v, "business_owner", where, &o.business_owner) &&
              need_enum(c, v, "level", where, model_level_parse, &lvl) &&
              need_enum(c, v, "type", where, model_otype_parse, &ty);
        if (!*ok) break;
        o.id = jint(v, "id", 0);
        o.parent_id = jint(v, "parent", 0);
        o.level = (lnd_level)lvl;
        o.type = (lnd_otype)ty;
        o.cadence_days = (int)jint(v, "cadence_days", 7);
        o.carried_from = jint(v, "carried_from", 0);
        o.hypothesis = (char *)(jstr_of(v, "hypothesis") ? jstr_of(v, "hypothesis") : "");   /* since schema 5 */
        o.archived = json_is_true(json_object_get(v, "archived"));
        o.version = jint(v, "version", 1);
        rc = store_restore_objective(s, &o);
    }
    json_array_foreach(json_object_get(jc, "key_results"), i, v) {
        if (rc != STORE_OK || !*ok) break;
        lnd_kr k = {0};
        int dir, ev, ind;
        snprintf(where, sizeof where, "key result %lld", jint(v, "id", 0));
        *ok = need_str(c, v, "title", where, &k.title) && need_str(c, v, "unit", where, &k.unit) &&
              need_str(c, v, "owner", where, &k.owner) && need_str(c, v, "coowner", where, &k.coowner) &&
              need_enum(c, v, "direction", where, model_direction_parse, &dir) &&
              need_enum(c, v, "evidence", where, model_evidence_parse, &ev) &&
              need_enum(c, v, "indicator", where, model_indicator_parse, &ind);
        if (*ok && !jhas_num(v, "target")) *ok = jfail(c, v, "a key result has no numeric \"target\"");
        if (!*ok) break;
        k.id = jint(v, "id", 0);
        k.objective_id = jint(v, "objective", 0);
        k.has_baseline = jhas_num(v, "baseline");
        k.baseline = k.has_baseline ? jnum(v, "baseline") : 0;
        k.baseline_at = (char *)jstr_of(v, "baseline_at");
        k.target = jnum(v, "target");
        k.direction = (lnd_direction)dir;
        k.due_week = (int)jint(v, "due_week", 0);
        k.weight = jhas_num(v, "weight") ? jnum(v, "weight") : 1;
        k.evidence = (lnd_evidence)ev;
        k.indicator = (lnd_indicator)ind;
        k.carried_from = jint(v, "carried_from", 0);
        k.archived = json_is_true(json_object_get(v, "archived"));
        k.version = jint(v, "version", 1);
        rc = store_restore_kr(s, &k);
    }
    json_array_foreach(json_object_get(jc, "programmes"), i, v) {
        if (rc != STORE_OK || !*ok) break;
        lnd_programme p = {.cycle_id = cy.id};
        snprintf(where, sizeof where, "programme %lld", jint(v, "id", 0));
        *ok = need_str(c, v, "title", where, &p.title) && need_str(c, v, "audience", where, &p.audience);
        if (!*ok) break;
        p.id = jint(v, "id", 0);
        p.objective_id = jint(v, "objective", 0);
        p.start_week = (int)jint(v, "start_week", 1);
        p.end_week = (int)jint(v, "end_week", 1);
        p.cohorts = (char *)jstr_of(v, "cohorts");
        p.archived = json_is_true(json_object_get(v, "archived"));
        p.version = jint(v, "version", 1);
        rc = store_restore_programme(s, &p);
    }
    json_array_foreach(json_object_get(jc, "checkins"), i, v) {
        if (rc != STORE_OK || !*ok) break;
        lnd_checkin ck = {0};
        snprintf(where, sizeof where, "check-in %lld", jint(v, "id", 0));
        *ok = need_str(c, v, "at", where, &ck.at) && need_str(c, v, "note", where, &ck.note) &&
              need_str(c, v, "author", where, &ck.author);
        if (*ok && !jhas_num(v, "value")) *ok = jfail(c, v, "a check-in has no numeric \"value\"");
        if (!*ok) break;
        ck.id = jint(v, "id", 0);
        ck.kr_id = jint(v, "kr", 0);
        ck.value = jnum(v, "value");
        ck.confidence = (int)jint(v, "confidence", -1);
        ck.observed = (int)jint(v, "observed", -1);
        ck.applied = (int)jint(v, "applied", -1);
        ck.account = (char *)jstr_of(v, "account");   /* absent before schema 4: "" */
        ck.cohort = (char *)jstr_of(v, "cohort");
        ck.comparison = json_is_true(json_object_get(v, "comparison"));
        ck.followup = (int)jint(v, "followup", 0);
        rc = store_restore_checkin(s, &ck);
    }
    json_array_foreach(json_object_get(jc, "reviews"), i, v) {
        if (rc != STORE_OK || !*ok) break;
        lnd_review r = {0};
        *ok = need_str(c, v, "worked", "review", &r.worked) && need_str(c, v, "didnt", "review", &r.didnt) &&
              need_str(c, v, "carry", "review", &r.carry);
        if (!*ok) break;
        r.objective_id = jint(v, "objective", 0);
        r.has_score = jhas_num(v, "score");
        r.score = r.has_score ? jnum(v, "score") : 0;
        r.carry_forward = json_is_true(json_object_get(v, "carry_forward"));
        r.version = jint(v, "version", 1);
        r.finding = (char *)(jstr_of(v, "finding") ? jstr_of(v, "finding") : "");   /* since schema 5 */
        r.updated_by = (char *)jstr_of(v, "updated_by");
        r.updated_at = (char *)jstr_of(v, "updated_at");
        rc = store_restore_review(s, cy.id, &r);
    }
    json_array_foreach(json_object_get(jc, "waivers"), i, v) {
        if (rc != STORE_OK || !*ok) break;
        lnd_waiver w = {0};
        *ok = need_str(c, v, "rule", "waiver", &w.rule) && need_str(c, v, "reason", "waiver", &w.reason) &&
              need_str(c, v, "author", "waiver", &w.author) && need_str(c, v, "at", "waiver", &w.at);
        if (!*ok) break;
        w.objective_id = jint(v, "objective", 0);
        rc = store_restore_waiver(s, &w);
    }
    return rc;
}

/* A JSON file that is not UTF-8: name the field (the last "key": before the bad byte), its
 * line and the byte offset. 0 when the file is valid UTF-8 or cannot be read. */
static int json_not_utf8(const char *file)
{
    FILE *f = fopen(file, "rb");
    if (!f) return 0;
    size_t cap = 1 << 16, n = 0, got;
    char *b = malloc(cap);
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap) b = realloc(b, cap *= 2);
    fclose(f);
    size_t off;
    int rc = 0;
    if (b && !utf8_valid_n(b, n, &off)) {
        long line = 1;
        for (size_t i = 0; i < off; i++) line += b[i] == '\n';
        char key[64] = "a value";
        for (size_t i = off; i > 1; i--) {
            if (b[i - 1] != ':' || b[i - 2] != '"') continue;
            size_t e = i - 2, st = e;
            while (st > 0 && b[st - 1] != '"') st--;
            snprintf(key, sizeof key, "field \"%.*s\"", (int)(e - st < 40 ? e - st : 40), b + st);
            break;
        }
        rc = cli_fail(EX_DATAERR_, "%s:%ld: %s is not valid UTF-8 at byte %zu; save the file as UTF-8; "
                      "nothing was imported", file, line, cli_safe(key), off);
    }
    free(b);
    return rc;
}

static int import_json(cli_ctx *ctx, const char *file)
{
    json_error_t je;
    int bad = json_not_utf8(file);
    if (bad) return bad;
    json_t *root = json_load_file(file, 0, &je);
    if (!root) {
        if (je.line < 0 || errno == ENOENT)
            return cli_fail(EX_NOINPUT_, "cannot read %s: %s", file, je.text);
        return cli_fail(EX_DATAERR_, "%s:%d: %s", file, je.line, je.text);
    }
    if (!json_is_object(root) || !jstr_of(root, "format") || strcmp(jstr_of(root, "format"), "lnd-export") != 0) {
        json_decref(root);
        return cli_fail(EX_DATAERR_, "%s: not an lnd export (no \"format\": \"lnd-export\"); make one with `lnd export`", file);
    }
    if (jint(root, "schema", 0) > store_schema_version()) {
        json_decref(root);
        return cli_fail(EX_DATAERR_, "%s: exported by a newer lnd (schema %lld > %d); upgrade lnd", file,
                        jint(root, "schema", 0), store_schema_version());
    }
    int rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_CREATE, &s))) {
        json_decref(root);
        return rc;
    }
    bool empty = false;
    store_rc src = store_is_empty(s, &empty);
    if (src == STORE_OK && !empty) {
        store_close(s);
        json_decref(root);
        return cli_fail(EX_DATAERR_, "%s is not empty; import a JSON export into a new database (--db NEW.db)", ctx->db);
    }
    jctx jc = {.file = file};
    bool ok = true;
    size_t i, ncycles = 0, nkpi = 0;
    json_t *v;
    if (src == STORE_OK) src = store_tx_begin(s);
    json_array_foreach(json_object_get(root, "cycles"), i, v) {
        if (src != STORE_OK || !ok) break;
        src = restore_cycle(s, &jc, v, &ok);
        ncycles++;
    }
    json_array_foreach(json_object_get(root, "kpis"), i, v) {
        if (src != STORE_OK || !ok) break;
        lnd_kpi k = {0};
        ok = need_str(&jc, v, "name", "kpi", &k.name) && need_str(&jc, v, "unit", "kpi", &k.unit);
        if (!ok) break;
        k.id = jint(v, "id", 0);
        k.has_min = jhas_num(v, "min");
        k.min = k.has_min ? jnum(v, "min") : 0;
        k.has_max = jhas_num(v, "max");
        k.max = k.has_max ? jnum(v, "max") : 0;
        k.archived = json_is_true(json_object_get(v, "archived"));
        k.version = jint(v, "version", 1);
        src = store_restore_kpi(s, &k);
        size_t x;
        json_t *h;
        json_array_foreach(json_object_get(v, "history"), x, h) {
            if (src != STORE_OK) break;
            src = store_restore_kpi_value(s, k.id, jstr_of(h, "at"), jnum(h, "value"), jstr_of(h, "author"));
        }
        nkpi++;
    }
    json_array_foreach(json_object_get(root, "audit"), i, v) {
        if (src != STORE_OK || !ok) break;
        lnd_audit au = {.id = jint(v, "id", 0), .at = (char *)jstr_of(v, "at"), .user = (char *)jstr_of(v, "user"),
                        .account = (char *)jstr_of(v, "account"),
                        .action = (char *)jstr_of(v, "action"), .entity = (char *)jstr_of(v, "entity"),
                        .entity_id = jint(v, "entity_id", 0), .detail = (char *)jstr_of(v, "detail")};
        src = store_restore_audit(s, &au);
    }
    if (src == STORE_OK && ok) src = store_tx_commit(s);
    else store_tx_rollback(s);
    if (!ok) rc = cli_fail(EX_DATAERR_, "%s; nothing was imported", jc.err);
    else if (src != STORE_OK) {
        rc = cli_fail(store_rc_exit(src), "%s: %s; nothing was imported", file, store_errmsg(s));
    } else {
        printf("imported %zu cycle%s and %zu KPI%s from %s\n", ncycles, ncycles == 1 ? "" : "s", nkpi,
               nkpi == 1 ? "" : "s", cli_safe(file));
    }
    store_close(s);
    json_decref(root);
    return rc;
}

/* ---------------- CSV check-ins ---------------- */

enum { C_KR, C_DATE, C_VALUE, C_CONF, C_NOTE, C_COHORT, C_N };

typedef struct {
    lnd_id kr;
    char at[24];
    double value;
    int confidence;
    char *note;
    char *cohort;         /* "" = none; the store checks the name against the programme's */
    long line;
} csv_row;

typedef struct {
    const char *file;
    long line;             /* line being fed */
    long row_line;         /* line the current row started on */
    long next_row_line;    /* line where the parser's next row begins */
    int col[C_N];          /* column index of each field, -1 = absent */
    int ncols;
    bool header_done;
    char *fields[32];
    int nf;
    bool in_row;
    csv_row *rows;
    size_t nrows, cap;
    char err[600];
    cli_ctx *ctx;
    store *s;
    lnd_plan *plan;        /* current cycle, for metric names */
} csv_ctx;

__attribute__((format(printf, 3, 4)))
static void csv_err(csv_ctx *c, long line, const char *fmt, ...)
{
    if (c->err[0]) return;
    char m[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    /* the message quotes the file's text: never let it put control bytes on the terminal */
    char safe[sizeof m];
    san_text(m, -1, c->ctx->ascii, safe, sizeof safe);
    snprintf(c->err, sizeof c->err, "%s:%ld: %s", c->file, line, safe);
}

static void on_field(void *data, size_t len, void *p)
{
    csv_ctx *c = p;
    if (!c->in_row) {
        c->in_row = true;
        c->row_line = c->next_row_line;
    }
    if (c->nf < 32) {
        char *f = malloc(len + 1);
        memcpy(f, data, len);
        f[len] = '\0';
        c->fields[c->nf++] = f;
    } else {
        csv_err(c, c->row_line, "%s", "more than 32 columns");
    }
}

static bool resolve_kr(csv_ctx *c, const char *s, lnd_id *out)
{
    lnd_id id;
    if (cli_parse_id(s, 'K', &id)) {
        lnd_arena *a = arena_new();
        lnd_kr k;
        store_rc rc = store_get_kr(c->s, a, id, &k);
        arena_free(a);
        if (rc != STORE_OK || k.archived) {
            csv_err(c, c->row_line, "no key result %s; see `lnd status` for ids", s);
            return false;
        }
        *out = id;
        return true;
    }
    int hits = 0;
    for (size_t i = 0; c->plan && i < c->plan->nkrs; i++)
        if (!c->plan->krs[i].archived && strcmp(c->plan->krs[i].title, s) == 0) {
            *out = c->plan->krs[i].id;
            hits++;
        }
    if (hits == 1) return true;
    if (hits) csv_err(c, c->row_line, "metric name '%s' matches several key results; use the K id", s);
    else csv_err(c, c->row_line, "no key result with metric name '%s' in the current cycle; use the K id", s);
    return false;
}

/* " HH:MM:SS" or "THH:MM:SS", a real time of day. */
static bool valid_time(const char *t)
{
    static const char pat[] = "_dd:dd:dd";
    for (int i = 0; i < 9; i++) {
        if (pat[i] == 'd' && (t[i] < '0' || t[i] > '9')) return false;
        if (pat[i] == ':' && t[i] != ':') return false;
    }
    if (t[0] != ' ' && t[0] != 'T') return false;
    int hh = (t[1] - '0') * 10 + t[2] - '0', mm = (t[4] - '0') * 10 + t[5] - '0',
        ss = (t[7] - '0') * 10 + t[8] - '0';
    return hh < 24 && mm < 60 && ss < 60;
}

static void on_row(int term, void *p)
{
    (void)term;
    csv_ctx *c = p;
    if (!c->in_row) return;
    c->in_row = false;
    static const char *const names[C_N] = {[C_KR] = "kr", [C_DATE] = "date", [C_VALUE] = "value",
                                           [C_CONF] = "confidence", [C_NOTE] = "note"};
    for (int i = 0; i < c->nf; i++) {
        size_t off;
        if (utf8_valid(c->fields[i], &off)) continue;
        const char *name = NULL;
        for (int k = 0; c->header_done && k < C_N; k++)
            if (c->col[k] == i) name = names[k];
        if (name) csv_err(c, c->row_line, "column %s is not valid UTF-8 at byte %zu; save the file as UTF-8", name, off);
        else csv_err(c, c->row_line, "column %d is not valid UTF-8 at byte %zu; save the file as UTF-8", i + 1, off);
    }
    if (!c->header_done) {
        c->header_done = true;
        for (int i = 0; i < C_N; i++) c->col[i] = -1;
        c->ncols = c->nf;
        for (int i = 0; i < c->nf; i++) {
            const char *h = c->fields[i];
            if (i == 0 && !strncmp(h, "\xef\xbb\xbf", 3)) h += 3;   /* UTF-8 BOM (spreadsheets) */
            int k = !strcmp(h, "kr") || !strcmp(h, "kr_id") || !strcmp(h, "metric") ? C_KR
                  : !strcmp(h, "date") || !strcmp(h, "at")                          ? C_DATE
                  : !strcmp(h, "value")                                             ? C_VALUE
                  : !strcmp(h, "confidence")                                        ? C_CONF
                  : !strcmp(h, "note")                                              ? C_NOTE
                  : !strcmp(h, "cohort")                                            ? C_COHORT
                                                                                    : -1;
            if (k < 0) csv_err(c, c->row_line, "unknown column '%s'; use kr, date, value, confidence, note, cohort", h);
            else if (c->col[k] >= 0) csv_err(c, c->row_line, "column '%s' appears twice in the header", h);
            else c->col[k] = i;
        }
        if (c->col[C_KR] < 0 || c->col[C_DATE] < 0 || c->col[C_VALUE] < 0)
            csv_err(c, c->row_line, "%s", "the header must name the columns kr, date and value");
    } else if (!c->err[0]) {
        csv_row r = {.confidence = -1, .line = c->row_line};
        const char *f[C_N] = {0};
        if (c->nf != c->ncols)
            csv_err(c, c->row_line, "%d column%s, but the header has %d", c->nf, c->nf == 1 ? "" : "s",
                    c->ncols);
        for (int i = 0; i < C_N && !c->err[0]; i++) f[i] = c->col[i] >= 0 ? c->fields[c->col[i]] : "";
        lnd_day d;
        if (c->err[0]) {
        } else if (!*f[C_KR]) {
            csv_err(c, r.line, "%s", "empty kr column");
        } else if (resolve_kr(c, f[C_KR], &r.kr)) {
            size_t dl = strlen(f[C_DATE]);
            char day[11] = {0};
            memcpy(day, f[C_DATE], dl >= 10 ? 10 : dl);
            long long iso;
            bool is_iso = dl == 20 && date_parse_instant(f[C_DATE], &iso);   /* ISO 8601 UTC, as exported */
            if (!is_iso && ((dl != 10 && dl != 19) || !date_parse(day, &d) || (dl == 19 && !valid_time(f[C_DATE] + 10))))
                csv_err(c, r.line, "date '%s' is not YYYY-MM-DD (or YYYY-MM-DD HH:MM:SS, or YYYY-MM-DDTHH:MM:SSZ)", f[C_DATE]);
            else if (!cli_parse_double(f[C_VALUE], &r.value))
                csv_err(c, r.line, "value '%s' is not a number", f[C_VALUE]);
            else {
                if (is_iso) date_format_instant(iso, false, r.at, sizeof r.at);
                else if (dl == 10) snprintf(r.at, sizeof r.at, "%s 12:00:00", day);
                else {
                    snprintf(r.at, sizeof r.at, "%s", f[C_DATE]);
                    r.at[10] = ' ';
                }
                long conf;
                if (*f[C_CONF] && !cli_parse_int(f[C_CONF], 0, 10, &conf))
                    csv_err(c, r.line, "confidence '%s' must be a whole number from 0 to 10", f[C_CONF]);
                else if (*f[C_CONF]) r.confidence = (int)conf;
                r.note = strdup(f[C_NOTE]);
                r.cohort = strdup(f[C_COHORT]);
                if (c->nrows == c->cap) c->rows = realloc(c->rows, (c->cap = c->cap ? 2 * c->cap : 64) * sizeof *c->rows);
                c->rows[c->nrows++] = r;
            }
        }
    }
    for (int i = 0; i < c->nf; i++) free(c->fields[i]);
    c->nf = 0;
}

static int import_csv(cli_ctx *ctx, const char *file)
{
    FILE *f = fopen(file, "r");
    if (!f) return cli_fail(EX_NOINPUT_, "cannot read %s: %s", file, strerror(errno));
    int rc;
    store *s;
    if ((rc = cli_open(ctx, 0, &s))) {
        fclose(f);
        return rc;
    }
    csv_ctx c = {.file = file, .ctx = ctx, .s = s};
    lnd_arena *a = arena_new();
    lnd_cycle cy;
    if (store_find_cycle(s, a, NULL, &cy) == STORE_OK) store_load_plan(s, cy.id, &c.plan);
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL * 0);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    c.next_row_line = 1;
    while (!c.err[0] && (got = getline(&line, &lcap, f)) > 0) {
        size_t n = (size_t)got;
        c.line++;
        if (p.pstate == 0) c.next_row_line = c.line;   /* between rows: a new one may begin here */
        if (csv_parse(&p, line, n, on_field, on_row, &c) != n)
            csv_err(&c, c.line, "%s", csv_error(&p) == CSV_EPARSE
                                          ? "a quote inside an unquoted field, or text after a closing quote; "
                                            "quote the whole field and double quotes inside it (RFC 4180)"
                                          : csv_strerror(csv_error(&p)));
    }
    free(line);
    if (!c.err[0] && ferror(f)) csv_err(&c, c.line, "%s", "read error");
    if (!c.err[0] && csv_fini(&p, on_field, on_row, &c) != 0)
        csv_err(&c, c.next_row_line, "%s", "unterminated quoted field: a quote opened here is never closed");
    csv_free(&p);
    for (int i = 0; i < c.nf; i++) free(c.fields[i]);   /* a row the error cut short */
    c.nf = 0;
    fclose(f);
    if (!c.err[0] && !c.header_done) csv_err(&c, 1, "%s", "empty file: expected a header row kr,date,value");
    size_t added = 0, skipped = 0;
    store_rc src = STORE_OK;
    if (!c.err[0]) {
        src = store_tx_begin(s);
        for (size_t i = 0; src == STORE_OK && i < c.nrows; i++) {
            bool exists = false;
            src = store_checkin_exists(s, c.rows[i].kr, c.rows[i].at, c.rows[i].value, c.rows[i].cohort, &exists);
            if (src != STORE_OK) break;
            if (exists) {
                skipped++;
                continue;
            }
            int was = -1;
            src = store_last_confidence(s, c.rows[i].kr, &was);
            if (src == STORE_OK &&
                progress_drop_needs_note(&ctx->cfg.rules, was, c.rows[i].confidence, c.rows[i].note)) {
                rc = cli_fail(EX_DATAERR_, "%s:%ld: confidence on K%lld drops from %d to %d without a note; say why "
                              "in the note column; nothing was imported", file, c.rows[i].line, c.rows[i].kr,
                              was, c.rows[i].confidence);
                src = STORE_INVALID;
                break;
            }
            if (src != STORE_OK) break;
            lnd_checkin ck = {.kr_id = c.rows[i].kr, .at = c.rows[i].at, .value = c.rows[i].value,
                              .confidence = c.rows[i].confidence, .note = c.rows[i].note,
                              .author = (char *)ctx->user, .observed = -1, .applied = -1,
                              .cohort = c.rows[i].cohort};
            src = store_add_checkin(s, &ck, ctx->user);
            if (src != STORE_OK) {
                char m[64];
                snprintf(m, sizeof m, "%ld", c.rows[i].line);
                rc = cli_fail(store_rc_exit(src), "%s:%s: %s; nothing was imported", file, m, store_errmsg(s));
                break;
            }
            added++;
        }
        if (src == STORE_OK) src = store_tx_commit(s);
        else store_tx_rollback(s);
        if (src != STORE_OK && !rc) rc = cli_fail(store_rc_exit(src), "%s: %s; nothing was imported", file, store_errmsg(s));
    } else {
        rc = cli_fail(EX_DATAERR_, "%s; nothing was imported", c.err);
    }
    if (!rc) printf("imported %zu check-in%s from %s (%zu already present)\n", added, added == 1 ? "" : "s", cli_safe(file), skipped);
    for (size_t i = 0; i < c.nrows; i++) {
        free(c.rows[i].note);
        free(c.rows[i].cohort);
    }
    free(c.rows);
    plan_free(c.plan);
    arena_free(a);
    store_close(s);
    return rc;
}

static int import_opt(void *st, int c, const char *arg)
{
    (void)arg;
    if (c == 'C') *(bool *)st = true;
    return 0;
}

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"checkins", no_argument, NULL, 'C'}, {"plan", no_argument, NULL, 'P'},
                                         {"dry-run", no_argument, NULL, 'D'}, {"cycle", required_argument, NULL, 'c'}, {0}};
    if (cli_import_wants_plan(argc, argv)) return cmd_import_plan(ctx, argc, argv);   /* cli/cmd_import_plan.c */
    bool checkins = false, help;
    int rc = cli_getopt(ctx, argc, argv, "", opts, import_opt, &checkins, &help);
    if (rc) return rc;
    if (help) {
        fputs("usage: lnd import FILE.json\n"
              "       lnd import --checkins FILE.csv\n\n"
              "FILE.json: an `lnd export`, restored into an empty database exactly as it was.\n"
              "FILE.csv: metric values from business systems. A header row names the columns\n"
              "kr (K id or metric name), date (YYYY-MM-DD), value, and optionally confidence and\n"
              "note; RFC 4180 quoting. The whole file is checked first and applied in one\n"
              "transaction; a bad row stops it with file:line: reason. Re-running the same file\n"
              "adds nothing twice.\n\n", stdout);
        fputs(cli_import_plan_help, stdout);
        return 0;
    }
    if (argc - optind != 1) return cli_fail(EX_USAGE_, "import: give one file; see `lnd import --help`");
    if ((rc = cli_setup(ctx))) return rc;
    return checkins ? import_csv(ctx, argv[optind]) : import_json(ctx, argv[optind]);
}
