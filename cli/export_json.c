/* SPDX-License-Identifier: MIT */
/* cli/export_json.c — `lnd export --format json`: every row with ids, versions and timestamps
 * so `lnd import` restores it exactly, streamed as the rows are read through one buffered
 * writer (core/jsonw.h, jansson's bytes), so memory does not grow with the data. Also the
 * row-being-written and first-bad-field record both export formats share. No SQL here. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/fields.h"
#include "../core/jsonw.h"
#include "../core/utf8.h"
#include "../store/store_io.h"
#include "export.h"

/* The row being written and the first field that could not be (export never drops one). */
static char ex_row[96], ex_bad[384];
static int lazy_kind;   /* see row_lazy */
#define ROW(...) (lazy_kind = 0, snprintf(ex_row, sizeof ex_row, __VA_ARGS__))

/* The big streams name their row only when a field is bad (formatting 500,000 names that are
 * never shown was a tenth of the export): kind 1 check-in (a, b = id, KR), 2 audit row (a). */
static long long lazy_a, lazy_b;
static void row_lazy(int kind, long long a, long long b)
{
    lazy_kind = kind;
    lazy_a = a;
    lazy_b = b;
}

void export_row(const char *fmt, ...)
{
    lazy_kind = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ex_row, sizeof ex_row, fmt, ap);
    va_end(ap);
}

void export_begin(void)
{
    lazy_kind = 0;
    ex_bad[0] = '\0';
}

void export_bad(const char *field, const char *s)
{
    size_t off = 0;
    if (ex_bad[0]) return;
    if (lazy_kind == 1) snprintf(ex_row, sizeof ex_row, "check-in %lld (K%lld)", lazy_a, lazy_b);
    else if (lazy_kind == 2) snprintf(ex_row, sizeof ex_row, "audit row %lld", lazy_a);
    utf8_valid(s, &off);
    snprintf(ex_bad, sizeof ex_bad, "%s: %s is not valid UTF-8 at byte %zu; run `lnd doctor` to "
             "find every such field (an older lnd's database is repaired when this lnd opens it; "
             "else restore a backup)", ex_row, field, off);
}

/* The one buffered writer of a JSON export: core/jsonw.h's bytes (jansson's json_dumpf with
 * JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17)), written out in 64 KiB
 * pieces as rows are read, so memory stays flat at any size. */
typedef struct {
    jw w;
    lnd_buf b;
    FILE *f;
    bool failed;   /* a write failed */
} exw;

static void ex_flush(exw *x, bool all)
{
    if (x->b.len < 65536 && !all) return;
    if (x->b.len && fwrite(x->b.s, 1, x->b.len, x->f) != x->b.len) x->failed = true;
    x->b.len = 0;
}

/* A text field; invalid UTF-8 is recorded in ex_bad, never silently left out. */
static void jtext(jw *w, const char *field, const char *s)
{
    if (s && !utf8_valid(s, NULL)) {
        export_bad(field, s);
        jw_knull(w, field);
    } else {
        jw_kstr_valid(w, field, s);
    }
}
/* A timestamp: stored "YYYY-MM-DD HH:MM:SS" UTC is exported as ISO 8601 "…T…Z". */
static void jstamp(jw *w, const char *field, const char *s)
{
    long long t;
    char b[32];
    if (!s || !date_parse_instant(s, &t)) {
        jtext(w, field, s);
        return;
    }
    if (s[10] == ' ' && s[19] == '\0') {   /* valid and stored whole: the same digits, 'T' and 'Z' */
        memcpy(b, s, 19);
        b[10] = 'T';
        b[19] = 'Z';
        b[20] = '\0';
    } else {
        date_format_instant(t, true, b, sizeof b);
    }
    jw_kstr_valid(w, field, b);
}
static void jopt_int(jw *w, const char *k, int v)
{
    if (v >= 0) jw_kint(w, k, v);
    else jw_knull(w, k);
}

/* One field of a core/fields.h table as JSON (r: the row, w: the writer). */
#define EX_J_ID(m, json, aux) jw_kint(w, json, r->m);
#define EX_J_REF(m, json, aux) if (r->m) jw_kint(w, json, r->m); else jw_knull(w, json);
#define EX_J_TEXT(m, json, aux) jtext(w, json, r->m);
#define EX_J_OPTTEXT EX_J_TEXT
#define EX_J_DEFTEXT EX_J_TEXT
#define EX_J_STAMP(m, json, aux) jstamp(w, json, r->m);
#define EX_J_OPTINT(m, json, aux) jopt_int(w, json, r->m);
#define EX_J_NUM(m, json, aux) jw_kreal(w, json, r->m);
#define EX_J_POS EX_J_NUM
#define EX_J_OPTNUM(m, json, aux) jw_kreal_or_null(w, json, r->aux, r->m);
#define EX_J_INT(m, json, aux) jw_kint(w, json, r->m);
#define EX_J_POSINT EX_J_INT
#define EX_J_ENUM(m, json, aux) jtext(w, json, model_##aux##_name(r->m));
#define EX_J_BOOL(m, json, aux) jw_kbool(w, json, r->m);
#define EX_JSON(kd, m, col, json, role, aux, ...) FIELDS_IF_SHOWN_##role(EX_J_##kd(m, json, aux))

static bool checkin_json(void *ud, const lnd_checkin *c)
{
    exw *x = ud;
    jw *w = &x->w;
    row_lazy(1, c->id, c->kr_id);
    const lnd_checkin *r = c;
    jw_obj(w);
    jw_kint(w, "id", r->id);
    FIELDS_CHECKIN(EX_JSON)
    jw_end_obj(w);
    ex_flush(x, false);
    return !x->failed;
}

/* One row of a field table as a JSON object (r: the row), as EX_ROWS writes it. */
#define EX_ONE(x, r, TABLE, label)                          \
    do {                                                    \
        jw *w = &(x)->w;                                    \
        ROW(label, (r)->id);                                \
        jw_obj(w);                                          \
        jw_kint(w, "id", (r)->id);                          \
        TABLE(EX_JSON)                                      \
        jw_end_obj(w);                                      \
        ex_flush(x, false);                                 \
    } while (0)

static bool obj_json(void *ud, const lnd_objective *r)
{
    EX_ONE((exw *)ud, r, FIELDS_OBJ, "objective O%lld");
    return !((exw *)ud)->failed;
}

static bool kr_json(void *ud, const lnd_kr *r, const char *objective_title)
{
    (void)objective_title;
    EX_ONE((exw *)ud, r, FIELDS_KR, "key result K%lld");
    return !((exw *)ud)->failed;
}

static bool prog_json(void *ud, const lnd_programme *r)
{
    EX_ONE((exw *)ud, r, FIELDS_PROG, "programme P%lld");
    return !((exw *)ud)->failed;
}

/* Waivers are written only when there are some (exports without them stay as they were):
 * the array opens at the first. */
typedef struct {
    exw *x;
    bool open;
} waiver_out;

static bool waiver_json(void *ud, const lnd_waiver *wv)
{
    waiver_out *o = ud;
    jw *w = &o->x->w;
    if (!o->open) jw_karr(w, "waivers");
    o->open = true;
    jw_obj(w);
    jw_kint(w, "objective", wv->objective_id);
    jtext(w, "rule", wv->rule);
    jtext(w, "reason", wv->reason);
    jtext(w, "author", wv->author);
    jstamp(w, "at", wv->at);
    jw_end_obj(w);
    ex_flush(o->x, false);
    return !o->x->failed;
}

/* A cycle streamed row by row (store_each.c): memory does not grow with the plan. */
static store_rc cycle_json(store *s, const lnd_cycle *c, exw *x)
{
    store_rc rc = STORE_OK;
    jw *w = &x->w;
    ROW("cycle C%lld", c->id);
    jw_obj(w);
    jw_kint(w, "id", c->id);
    jtext(w, "name", c->name);
    jtext(w, "start", c->start);
    jw_kint(w, "weeks", c->weeks);
    jtext(w, "state", model_cycle_state_name(c->state));
    jw_kint(w, "version", c->version);
    jw_karr(w, "objectives");
    rc = store_each_objective(s, c->id, obj_json, x);
    jw_end_arr(w);
    jw_karr(w, "key_results");
    if (rc == STORE_OK) rc = store_each_kr(s, c->id, kr_json, x);
    jw_end_arr(w);
    jw_karr(w, "checkins");
    if (rc == STORE_OK) rc = store_each_checkin(s, c->id, 0, checkin_json, x);
    jw_end_arr(w);
    jw_karr(w, "programmes");
    if (rc == STORE_OK) rc = store_each_programme(s, c->id, prog_json, x);
    jw_end_arr(w);
    lnd_arena *a = arena_new();
    lnd_review *rv;
    size_t nr = 0;
    if (rc == STORE_OK) rc = store_reviews(s, a, c->id, &rv, &nr);
    jw_karr(w, "reviews");
    for (size_t i = 0; rc == STORE_OK && i < nr; i++) {
        ROW("review of O%lld", rv[i].objective_id);
        jw_obj(w);
        jw_kint(w, "objective", rv[i].objective_id);
        jw_kreal_or_null(w, "score", rv[i].has_score, rv[i].score);
        jtext(w, "worked", rv[i].worked);
        jtext(w, "didnt", rv[i].didnt);
        jtext(w, "carry", rv[i].carry);
        jtext(w, "finding", rv[i].finding);
        jw_kbool(w, "carry_forward", rv[i].carry_forward);
        jw_kint(w, "version", rv[i].version);
        jtext(w, "updated_by", rv[i].updated_by);
        jstamp(w, "updated_at", rv[i].updated_at);
        jw_end_obj(w);
        ex_flush(x, false);
    }
    jw_end_arr(w);
    waiver_out wo = {x, false};
    if (rc == STORE_OK) rc = store_each_waiver(s, c->id, waiver_json, &wo);
    if (wo.open) jw_end_arr(w);
    jw_end_obj(w);
    ex_flush(x, false);
    arena_free(a);
    return rc;
}

static bool audit_json(void *ud, const lnd_audit *au)
{
    exw *x = ud;
    jw *w = &x->w;
    row_lazy(2, au->id, 0);
    jw_obj(w);
    jw_kint(w, "id", au->id);
    jstamp(w, "at", au->at);
    jtext(w, "user", au->user);
    jtext(w, "account", au->account);
    jtext(w, "action", au->action);
    jtext(w, "entity", au->entity);
    jw_kint(w, "entity_id", au->entity_id);
    jtext(w, "detail", au->detail);
    jw_end_obj(w);
    ex_flush(x, false);
    return !x->failed;
}

const char *export_error(void)
{
    return ex_bad[0] ? ex_bad : NULL;
}

store_rc export_json(store *s, const lnd_cycle *only, FILE *f, bool *write_failed)
{
    export_begin();
    exw x = {.f = f};
    jw *w = &x.w;
    jw_init(w, &x.b);
    w->prec = 17;
    jw_obj(w);
    jw_kstr(w, "format", "lnd-export");
    jw_kint(w, "format_version", 1);
    jw_kint(w, "schema", store_schema_version());
    lnd_arena *a = arena_new();
    lnd_cycle *cs = (lnd_cycle *)only;
    size_t n = only ? 1 : 0;
    store_rc rc = only ? STORE_OK : store_cycles(s, a, &cs, &n);
    jw_karr(w, "cycles");
    for (size_t i = 0; rc == STORE_OK && !x.failed && i < n; i++) rc = cycle_json(s, &cs[i], &x);
    jw_end_arr(w);
    if (!only && rc == STORE_OK) {
        lnd_kpi *ks;
        size_t nk;
        rc = store_kpis(s, a, &ks, &nk);
        jw_karr(w, "kpis");
        for (size_t i = 0; rc == STORE_OK && i < nk; i++) {
            ROW("KPI %lld", ks[i].id);
            jw_obj(w);
            jw_kint(w, "id", ks[i].id);
            jtext(w, "name", ks[i].name);
            jtext(w, "unit", ks[i].unit);
            jw_kreal_or_null(w, "min", ks[i].has_min, ks[i].min);
            jw_kreal_or_null(w, "max", ks[i].has_max, ks[i].max);
            jw_kbool(w, "archived", ks[i].archived);
            jw_kint(w, "version", ks[i].version);
            lnd_arena *ha = arena_new();
            lnd_checkin *h;
            size_t nh;
            rc = store_kpi_history(s, ha, ks[i].id, &h, &nh);
            jw_karr(w, "history");
            for (size_t k = 0; rc == STORE_OK && k < nh; k++) {
                ROW("KPI %lld history %zu", ks[i].id, k + 1);
                jw_obj(w);
                jstamp(w, "at", h[k].at);
                jw_kreal(w, "value", h[k].value);
                jtext(w, "author", h[k].author);
                jw_end_obj(w);
                ex_flush(&x, false);
            }
            jw_end_arr(w);
            jw_end_obj(w);
            arena_free(ha);
        }
        jw_end_arr(w);
        jw_karr(w, "audit");
        if (rc == STORE_OK) rc = store_each_audit(s, audit_json, &x);
        jw_end_arr(w);
    }
    jw_end_obj(w);
    buf_addn(&x.b, "\n", 1);
    ex_flush(&x, true);
    buf_free(&x.b);
    arena_free(a);
    *write_failed = x.failed;
    if (rc == STORE_OK && ex_bad[0]) rc = STORE_INVALID;
    return rc;
}
