/* SPDX-License-Identifier: MIT */
/* cli/cmd_import_plan.c — `lnd import --plan FILE.csv [--dry-run] [--cycle NAME]`: objectives
 * and key results drafted in a spreadsheet. The whole file is read (libcsv, RFC 4180) and
 * checked first (core/planfile.c); then, inside one BEGIN IMMEDIATE transaction, parents
 * are resolved against the cycle as it is, rows already there are skipped, and the rest is
 * created — or, with --dry-run, only listed. Any bad row: every `file:line: reason`, exit 65,
 * nothing written. */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../core/planfile.h"
#include "../core/sanitize.h"
#include "cli.h"
#include "out.h"

#define MAX_ERRORS 20

typedef struct {
    cli_ctx *ctx;
    const char *file;
    lnd_arena *a;
    char *f[64];          /* fields of the row being read (arena) */
    int nf;
    bool in_row, header_done;
    long line, row_line, next_row_line;
    pf_header h;
    pf_row *rows;
    size_t nrows, cap;
    size_t nerr;
} pctx;

static void on_err(void *ud, long line, const char *msg)
{
    pctx *c = ud;
    if (c->nerr++ >= MAX_ERRORS) return;
    char safe[600];
    san_text(msg, -1, c->ctx->ascii, safe, sizeof safe);   /* it quotes the file's text */
    if (line > 0) cli_fail(0, "%s:%ld: %s", c->file, line, safe);
    else cli_fail(0, "%s: %s", c->file, safe);
}

static void on_field(void *data, size_t len, void *p)
{
    pctx *c = p;
    if (!c->in_row) {
        c->in_row = true;
        c->row_line = c->next_row_line;
    }
    if (c->nf < 64) {
        char *s = arena_alloc(c->a, len + 1);
        memcpy(s, data, len);
        s[len] = '\0';
        c->f[c->nf++] = s;
    } else if (c->nf++ == 64) {
        on_err(c, c->row_line, "more than 64 columns");
    }
}

static void on_row(int term, void *p)
{
    (void)term;
    pctx *c = p;
    if (!c->in_row) return;
    c->in_row = false;
    int n = c->nf < 64 ? c->nf : 64;
    c->nf = 0;
    if (!c->header_done) {
        c->header_done = true;
        pf_parse_header(&c->h, c->f, n, c->row_line, on_err, c);
        return;
    }
    if (c->nerr && c->h.at[PF_KIND] < 0) return;   /* the header was refused */
    pf_row r;
    bool blank;
    if (!pf_parse_row(&c->h, c->f, n, c->row_line, c->ctx->user, c->ctx->cfg.cadence_days, &r, &blank, on_err, c) ||
        blank)
        return;
    if (c->nrows == c->cap) {
        size_t ncap = c->cap ? 2 * c->cap : 64;
        pf_row *nr = arena_alloc(c->a, ncap * sizeof *nr);
        if (c->nrows) memcpy(nr, c->rows, c->nrows * sizeof *nr);
        c->rows = nr;
        c->cap = ncap;
    }
    c->rows[c->nrows++] = r;
}

/* Read and check the whole file. 0, or an exit code after the errors were printed. */
static int read_plan(pctx *c)
{
    FILE *f = strcmp(c->file, "-") == 0 ? stdin : fopen(c->file, "r");   /* "-": stdin */
    if (!f) return cli_fail(EX_NOINPUT_, "cannot read %s: %s", c->file, strerror(errno));
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    c->next_row_line = 1;
    bool broken = false;
    while (!broken && (got = getline(&line, &lcap, f)) > 0) {
        c->line++;
        if (p.pstate == 0) c->next_row_line = c->line;
        if (csv_parse(&p, line, (size_t)got, on_field, on_row, c) != (size_t)got) {
            on_err(c, c->line, csv_error(&p) == CSV_EPARSE
                                   ? "a quote inside an unquoted field, or text after a closing quote; "
                                     "quote the whole field and double quotes inside it (RFC 4180)"
                                   : csv_strerror(csv_error(&p)));
            broken = true;
        }
    }
    free(line);
    if (!broken && ferror(f)) on_err(c, c->line, "read error");
    if (!broken && csv_fini(&p, on_field, on_row, c) != 0)
        on_err(c, c->next_row_line, "unterminated quoted field: a quote opened here is never closed");
    csv_free(&p);
    fclose(f);
    if (!c->header_done) on_err(c, 1, "empty file: expected a header row such as kind,title,parent,...");
    else if (!c->nerr && !c->nrows) on_err(c, 1, "no objectives or key results below the header");
    return c->nerr ? EX_DATAERR_ : 0;
}

static const char *title_of(const pf_row *r) { return r->is_kr ? r->k.title : r->o.title; }

static void say(cli_ctx *ctx, const char *what, const char *title, const char *tail, long line)
{
    printf("%s '", what);
    out_text(stdout, ctx, title, 60, false);
    printf("'%s (line %ld)\n", tail, line);
}

/* Apply (or list, dry) the rows in order. ids[] receives created ids. */
static store_rc apply(cli_ctx *ctx, store *s, pf_row *rows, const size_t *order, size_t n, lnd_id cycle_id,
                      bool dry, lnd_id *ids, size_t *nobj, size_t *nkr, size_t *nskip, long *bad_line)
{
    char buf[64], under[160];
    for (size_t k = 0; k < n; k++) {
        pf_row *r = &rows[order[k]];
        lnd_id parent = r->parent_row >= 0 ? ids[r->parent_row] : r->parent_id;
        if (r->present) {
            snprintf(buf, sizeof buf, "%s %s", dry ? "would skip" : "skipped", r->is_kr ? "key result" : "objective");
            snprintf(under, sizeof under, ": already present as %c%lld", r->is_kr ? 'K' : 'O', r->present);
            say(ctx, buf, title_of(r), under, r->line);
            ids[order[k]] = r->present;
            (*nskip)++;
            continue;
        }
        char tail[200];
        if (parent) snprintf(under, sizeof under, " under O%lld", parent);
        else if (r->parent_row >= 0) snprintf(under, sizeof under, " under the objective of line %ld", rows[r->parent_row].line);
        else under[0] = '\0';
        store_rc rc = STORE_OK;
        if (!r->is_kr) {
            r->o.cycle_id = cycle_id;
            r->o.parent_id = parent;
            if (!dry) rc = store_add_objective(s, &r->o, ctx->user);
            if (rc != STORE_OK) { *bad_line = r->line; return rc; }
            ids[order[k]] = r->o.id;
            if (dry) snprintf(buf, sizeof buf, "would add objective");
            else snprintf(buf, sizeof buf, "added O%lld", r->o.id);
            snprintf(tail, sizeof tail, " (%s)%s", model_level_name(r->o.level), under);
            say(ctx, buf, r->o.title, tail, r->line);
            (*nobj)++;
        } else {
            r->k.objective_id = parent;
            if (!dry) rc = store_add_kr(s, &r->k, ctx->user);
            if (rc != STORE_OK) { *bad_line = r->line; return rc; }
            if (dry) snprintf(buf, sizeof buf, "would add key result");
            else snprintf(buf, sizeof buf, "added K%lld", r->k.id);
            snprintf(tail, sizeof tail, " (%s, %s)%s", model_evidence_name(r->k.evidence),
                     model_indicator_name(r->k.indicator), under);
            say(ctx, buf, r->k.title, tail, r->line);
            (*nkr)++;
        }
    }
    return STORE_OK;
}

static int import_plan(cli_ctx *ctx, const char *file, const char *cycle, bool dry)
{
    pctx c = {.ctx = ctx, .file = file, .a = arena_new()};
    int rc = read_plan(&c);
    if (strcmp(file, "-") == 0) file = "stdin";   /* as import --checkins - says it */
    if (rc) {
        if (c.nerr > MAX_ERRORS) cli_fail(0, "%s: %zu more errors not shown", file, c.nerr - MAX_ERRORS);
        arena_free(c.a);
        return cli_fail(rc, "%s: nothing was imported; fix the lines above", file);
    }
    store *s;
    if ((rc = cli_open(ctx, dry ? STORE_OPEN_READONLY : 0, &s))) {
        arena_free(c.a);
        return rc;
    }
    /* One write transaction for everything: the cycle is read under the same lock, so a
     * row someone adds meanwhile cannot be created twice. A dry run only reads. */
    store_rc src = dry ? STORE_OK : store_tx_begin(s);
    lnd_plan *p = NULL;
    size_t *order = arena_alloc(c.a, (c.nrows + 1) * sizeof *order);
    lnd_id *ids = arena_alloc(c.a, (c.nrows + 1) * sizeof *ids);
    size_t nobj = 0, nkr = 0, nskip = 0;
    long bad_line = 0;
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    else if (!(rc = cli_load_plan(ctx, s, cycle, &p))) {
        if (pf_resolve(c.rows, c.nrows, p, order, on_err, &c)) rc = EX_DATAERR_;
        else src = apply(ctx, s, c.rows, order, c.nrows, p->cycle.id, dry, ids, &nobj, &nkr, &nskip, &bad_line);
        if (src != STORE_OK) rc = cli_fail(store_rc_exit(src), "%s:%ld: %s", file, bad_line, store_errmsg(s));
    }
    if (!dry && !rc) {
        src = store_tx_commit(s);
        if (src != STORE_OK) rc = cli_fail(store_rc_exit(src), "%s: %s", file, store_errmsg(s));
    } else if (!dry) {
        store_tx_rollback(s);
    }
    if (rc) {
        if (c.nerr > MAX_ERRORS) cli_fail(0, "%s: %zu more errors not shown", file, c.nerr - MAX_ERRORS);
        cli_fail(rc, "%s: nothing was imported%s", file, c.nerr ? "; fix the lines above" : "");
    } else {
        printf("%s %zu objective%s and %zu key result%s from %s into %s (%zu already present)%s\n",
               dry ? "dry run: would import" : "imported", nobj, nobj == 1 ? "" : "s", nkr, nkr == 1 ? "" : "s",
               file, p->cycle.name, nskip, dry ? "; nothing written" : "");
    }
    plan_free(p);
    store_close(s);
    arena_free(c.a);
    return rc;
}

typedef struct {
    const char *cycle;
    bool dry;
} plan_opts;

static int plan_opt(void *st, int c, const char *arg)
{
    plan_opts *o = st;
    if (c == 'c') o->cycle = arg;
    if (c == 'D') o->dry = true;
    return 0;
}

bool cli_import_wants_plan(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--plan") == 0) return true;
    return false;
}

int cmd_import_plan(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"plan", no_argument, NULL, 'P'}, {"dry-run", no_argument, NULL, 'D'},
                                         {"cycle", required_argument, NULL, 'c'}, {0}};
    plan_opts o = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, plan_opt, &o, cli_import_plan_help);
    if (rc) return rc;
    if (argc - optind != 1) return cli_fail(EX_USAGE_, "import --plan: give one CSV file; see `lnd import --help`");
    if ((rc = cli_setup(ctx))) return rc;
    return import_plan(ctx, argv[optind], o.cycle, o.dry);
}

const char cli_import_plan_help[] =
    "usage: lnd import --plan FILE.csv [--dry-run] [--cycle NAME]\n\n"
    "FILE.csv: objectives and key results drafted in a spreadsheet, one per row, into the\n"
    "current cycle (or --cycle). A header row names the columns, in any order:\n"
    "  kind        objective or kr (required)\n"
    "  title       the objective, or the KR's metric name (required)\n"
    "  parent      an objective's parent, or a KR's objective: a title from this file or\n"
    "              the cycle, or an id like O5 (required for a KR)\n"
    "  objectives: level (business|ld|team), type (committed|aspirational|learning),\n"
    "              problem, outcome, capability, owner, business_owner, cadence (days),\n"
    "              hypothesis (required for a learning objective)\n"
    "  key results: target (required), baseline, unit, direction (increase|decrease),\n"
    "              due_week, owner, coowner, weight, evidence (activity|reaction|\n"
    "              learning|behaviour|results; required), indicator (leading|lagging;\n"
    "              required)\n"
    "The whole file is checked first and applied in one transaction; every bad row is\n"
    "reported as file:line: reason (exit 65) and nothing is written. --dry-run lists what\n"
    "would be created. Rows already in the cycle (same title; a KR under the same\n"
    "objective) are skipped and reported, so re-running the file adds nothing twice.\n";
