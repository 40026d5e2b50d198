/* SPDX-License-Identifier: MIT */
/* cli/cmd_export.c — `lnd export --format json|csv`: a cycle or everything, for backups,
 * other tools and spreadsheets. JSON (cli/export_json.c) holds every row with ids, versions
 * and timestamps so `lnd import` restores it exactly; CSV (libcsv quoting) is one row per
 * check-in for spreadsheets. Both stream rows as they are read. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/fields.h"
#include "../core/sanitize.h"
#include "../core/utf8.h"
#include "../store/store_io.h"
#include "cli.h"
#include "export.h"

#define ROW(...) export_row(__VA_ARGS__)
#define text_bad export_bad

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

/* One CSV row: a check-in of a KR, or (c NULL) the KR alone when it has none. */
typedef struct {
    FILE *f;
    const char *cycle, *objective;
    const lnd_kr *kr;
    bool any;
} csv_kr;

static void csv_row(csv_kr *k, const lnd_checkin *ck)
{
    FILE *f = k->f;
    const lnd_kr *r = k->kr;
    if (ck) ROW("check-in %lld (K%lld)", ck->id, r->id);
    else ROW("key result K%lld", r->id);
    char oid[24], kid[24];
    snprintf(oid, sizeof oid, "O%lld", r->objective_id);
    snprintf(kid, sizeof kid, "K%lld", r->id);
    csv_cell(f, "cycle", k->cycle, false);
    csv_cell(f, "objective_id", oid, false);
    csv_cell(f, "objective", k->objective, false);
    csv_cell(f, "kr_id", kid, false);
    FIELDS_KR(EX_CSV)
    bool has = ck != NULL;
    char at[32] = "";
    long long t;
    if (has && date_parse_instant(ck->at, &t)) date_format_instant(t, true, at, sizeof at);
    csv_cell(f, "at", at, false);
    csv_num(f, has, has ? ck->value : 0, false);
    csv_num(f, has && ck->confidence >= 0, has ? ck->confidence : 0, false);
    csv_num(f, has && ck->observed >= 0, has ? ck->observed : 0, false);
    csv_num(f, has && ck->applied >= 0, has ? ck->applied : 0, false);
    csv_cell(f, "author", has ? ck->author : "", false);
    csv_cell(f, "note", has ? ck->note : "", false);
    csv_cell(f, "cohort", has ? ck->cohort : "", false);
    csv_num(f, has && ck->followup > 0, has ? ck->followup : 0, true);
}

static bool csv_checkin(void *ud, const lnd_checkin *ck)
{
    csv_kr *k = ud;
    k->any = true;
    csv_row(k, ck);
    return !ferror(k->f);
}

/* One KR as it streams past (store_each_kr): its check-ins, oldest first, straight from
 * their index, or the KR alone when it has none. */
typedef struct {
    store *s;
    FILE *f;
    const lnd_cycle *c;
    store_rc rc;
} csv_cycle;

static bool csv_kr_rows(void *ud, const lnd_kr *kr, const char *objective)
{
    csv_cycle *cc = ud;
    csv_kr k = {cc->f, cc->c->name, objective, kr, false};
    cc->rc = store_each_checkin(cc->s, cc->c->id, kr->id, csv_checkin, &k);
    if (cc->rc == STORE_OK && !k.any) csv_row(&k, NULL);
    return cc->rc == STORE_OK;
}

static store_rc export_csv(store *s, lnd_cycle *cs, size_t n, FILE *f)
{
    export_begin();
    fputs("cycle,objective_id,objective,kr_id,", f);
    FIELDS_KR(EX_CSV_HEAD)
    fputs("at,value,confidence,observed,applied,author,note,cohort,followup\n", f);
    store_rc rc = STORE_OK;
    for (size_t c = 0; c < n && rc == STORE_OK; c++) {
        /* the KRs stream past in the plan's order: memory does not grow with the plan */
        csv_cycle cc = {s, f, &cs[c], STORE_OK};
        rc = store_each_kr(s, cs[c].id, csv_kr_rows, &cc);
        if (rc == STORE_OK) rc = cc.rc;
    }
    if (rc == STORE_OK && export_error()) rc = STORE_INVALID;
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
    /* Both formats stream row by row; to stdout they go through a temporary file first, so an
     * export that fails half way (a field it cannot write) leaves no partial output. */
    FILE *spool = src == STORE_OK && f == stdout ? tmpfile() : NULL;
    FILE *to = spool ? spool : f;
    if (src == STORE_OK && json) {
        bool wfail = false;
        src = export_json(s, eo.cycle ? &one : NULL, to, &wfail);
        if (src == STORE_OK && wfail) rc = cli_fail(EX_IOERR_, "cannot write the export");
    } else if (src == STORE_OK) {
        csv_tty = f == stdout && ctx->stdout_tty;
        src = export_csv(s, cs, n, to);
    }
    if (spool) {
        char buf[65536];
        size_t got;
        rewind(spool);
        while (src == STORE_OK && !rc && (got = fread(buf, 1, sizeof buf, spool)) > 0)
            if (fwrite(buf, 1, got, stdout) != got) break;
        fclose(spool);
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
