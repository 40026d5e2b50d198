/* SPDX-License-Identifier: MIT */
/* cli/cmd_import.c — `lnd import FILE.json` restores an export into an empty database
 * exactly (ids, versions, timestamps), checked whole first and written in one transaction;
 * the command's options and help, dispatching `--checkins` (cli/cmd_import_csv.c) and
 * `--plan` (cli/cmd_import_plan.c). JSON by jansson. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/fields.h"
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

/* One field of a core/fields.h table from JSON object v into row r; *ok false on the first
 * missing or wrong one (noun: "a key result", for a missing number). */
#define IM_J_ID(m, json, aux) r->m = jint(v, json, 0);
#define IM_J_REF IM_J_ID
#define IM_J_TEXT(m, json, aux) *ok = *ok && need_str(c, v, json, where, &r->m);
#define IM_J_OPTTEXT(m, json, aux) r->m = (char *)jstr_of(v, json);
#define IM_J_DEFTEXT IM_J_OPTTEXT
#define IM_J_NUM(m, json, aux) \
    if (*ok && !jhas_num(v, json)) *ok = need_num(c, v, json, noun); \
    r->m = jnum(v, json);
#define IM_J_STAMP(m, json, aux) *ok = *ok && need_str(c, v, json, where, &r->m);
#define IM_J_OPTINT(m, json, aux) r->m = (int)jint(v, json, -1);
#define IM_J_POS(m, json, aux) r->m = jhas_num(v, json) ? jnum(v, json) : aux;
#define IM_J_OPTNUM(m, json, aux) \
    r->aux = jhas_num(v, json); \
    r->m = r->aux ? jnum(v, json) : 0;
#define IM_J_INT(m, json, aux) r->m = jint(v, json, aux);
#define IM_J_POSINT IM_J_INT
#define IM_J_ENUM(m, json, aux)                                                     \
    {                                                                               \
        int e_ = 0;                                                                 \
        *ok = *ok && need_enum(c, v, json, where, model_##aux##_parse, &e_);        \
        r->m = e_;                                                                  \
    }
#define IM_J_BOOL(m, json, aux) r->m = json_is_true(json_object_get(v, json));
#define IM_JSON(kd, m, col, json, role, aux, ...) FIELDS_IF_SHOWN_##role(IM_J_##kd(m, json, aux))

/* Restore every row of the JSON array `key` of cycle jc through a field table. */
#define IM_ROWS(key, T, init, TABLE, label, restore)                                \
    json_array_foreach(json_object_get(jc, key), i, v) {                            \
        if (rc != STORE_OK || !*ok) break;                                          \
        T row = init, *r = &row;                                                    \
        snprintf(where, sizeof where, label " %lld", jint(v, "id", 0));             \
        row.id = jint(v, "id", 0);                                                  \
        TABLE(IM_JSON)                                                              \
        if (!*ok) break;                                                            \
        rc = restore(s, &row);                                                      \
    }

static bool need_num(jctx *c, json_t *o, const char *k, const char *noun)
{
    char m[160];
    snprintf(m, sizeof m, "%s has no numeric \"%s\"", noun, k);
    return jfail(c, o, m);
}

static store_rc restore_cycle(store *s, jctx *c, json_t *jc, bool *ok)
{
    lnd_cycle cy = {0};
    int st;
    char where[64];
    const char *noun = "a key result";
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
    IM_ROWS("objectives", lnd_objective, {.cycle_id = cy.id}, FIELDS_OBJ, "objective", store_restore_objective);
    IM_ROWS("key_results", lnd_kr, {0}, FIELDS_KR, "key result", store_restore_kr);
    IM_ROWS("programmes", lnd_programme, {.cycle_id = cy.id}, FIELDS_PROG, "programme", store_restore_programme);
    noun = "a check-in";
    IM_ROWS("checkins", lnd_checkin, {0}, FIELDS_CHECKIN, "check-in", store_restore_checkin);
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
static int json_not_utf8(const char *path, const char *file)
{
    FILE *f = fopen(path, "rb");
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
    char spool[4200] = "";   /* "-": stdin, read once into a temporary file */
    int bad = strcmp(file, "-") == 0 ? cli_spool_stdin(spool, sizeof spool) : 0;
    if (!bad) bad = json_not_utf8(*spool ? spool : file, *spool ? "stdin" : file);
    json_t *root = bad ? NULL : json_load_file(*spool ? spool : file, 0, &je);
    if (*spool) remove(spool);
    if (bad) return bad;
    if (*spool) file = "stdin";
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
              "adds nothing twice. FILE - reads stdin (lnd export | lnd --db new.db import -).\n\n", stdout);
        fputs(cli_import_plan_help, stdout);
        return 0;
    }
    if (argc - optind != 1) return cli_fail(EX_USAGE_, "import: give one file; see `lnd import --help`");
    if ((rc = cli_setup(ctx))) return rc;
    return checkins ? cli_import_checkins(ctx, argv[optind]) : import_json(ctx, argv[optind]);
}
