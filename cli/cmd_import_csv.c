/* SPDX-License-Identifier: MIT */
/* cli/cmd_import_csv.c — `lnd import --checkins FILE.csv`: metric values exported from
 * business systems (kr as an id or metric name, date, value, confidence, note, cohort). The
 * whole file is checked first and written in one transaction: a bad row stops with
 * `file:line: reason` and nothing is written; re-running the same file adds no duplicates.
 * CSV by libcsv (RFC 4180); the check-in rules are the store's (store_add_checkin). */
#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/sanitize.h"
#include "../core/utf8.h"
#include "../store/store_io.h"
#include "cli.h"

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

int cli_import_checkins(cli_ctx *ctx, const char *file)
{
    FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");   /* "-": stdin */
    if (!f) return cli_fail(EX_NOINPUT_, "cannot read %s: %s", file, strerror(errno));
    if (f == stdin) file = "stdin";
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
