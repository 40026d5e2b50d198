/* SPDX-License-Identifier: MIT */
/* cli/cmd_report.c — `lnd report`: the quarter in business terms, as Markdown for a wiki or
 * PDF, or plain text for a terminal. Loads what core/report.c needs (plan, check-in
 * histories, reviews, health findings) and prints it sanitised. */
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/health.h"
#include "../core/report.h"
#include "../core/sanitize.h"
#include "../core/summary.h"
#include "../store/store_io.h"
#include "../core/window.h"
#include "cli.h"
#include "json_out.h"

typedef struct {
    const char *cycle;
    bool text;
    bool json;
} report_opts;

static int report_opt(void *st, int c, const char *arg)
{
    report_opts *o = st;
    if (c == 'c') o->cycle = arg;
    else if (c == 'f') {
        if (!strcmp(arg, "text")) o->text = true;
        else if (!strcmp(arg, "md") || !strcmp(arg, "markdown")) o->text = false;
        else if (!strcmp(arg, "json")) o->json = true;
        else return cli_fail(EX_USAGE_, "report: --format must be md, text or json, not '%s'", arg);
    }
    return 0;
}

/* Print the report line by line through the sanitiser; text mode drops Markdown marks and
 * turns the YAML title block into plain lines. */
static void print_report(const cli_ctx *ctx, const char *md, bool text, bool first)
{
    const char *p = md;
    if (text && first && !strncmp(p, "---\n", 4)) {
        const char *end = strstr(p + 4, "\n---\n");
        if (end) {
            for (const char *l = p + 4; l < end;) {
                const char *nl = strchr(l, '\n'), *q = strchr(l, '"');
                if (!nl || nl > end) nl = end;
                if (q && q < nl) {   /* key: "value" -> value */
                    size_t len = (size_t)(nl - q) - 2;
                    char *v = malloc(len + 1), *o = malloc(len * 3 + 8);
                    size_t w = 0;
                    for (size_t i = 0; i < len; i++) {
                        if (q[1 + i] == '\\' && i + 1 < len) i++;
                        v[w++] = q[1 + i];
                    }
                    v[w] = '\0';
                    san_text(v, -1, ctx->ascii, o, len * 3 + 8);
                    puts(o);
                    free(v);
                    free(o);
                }
                l = nl + 1;
            }
            p = end + 5;
        }
    }
    char *line = NULL, *out = NULL;   /* grown to the longest line, not allocated per line */
    size_t cap = 0;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len * 3 + 8 > cap) {
            cap = len * 3 + 8;
            free(line);
            free(out);
            line = malloc(cap);
            out = malloc(cap);
            if (!line || !out) break;
        }
        memcpy(line, p, len);
        line[len] = '\0';
        if (text) {   /* drop emphasis and escapes; headings become plain lines */
            size_t w = 0;
            for (size_t i = 0; i < len; i++) {
                if (line[i] == '\\' && i + 1 < len) { line[w++] = line[++i]; continue; }
                if (line[i] == '*') continue;
                line[w++] = line[i];
            }
            line[w] = '\0';
            char *h = line;
            while (*h == '#') h++;
            if (h != line && *h == ' ') memmove(line, h + 1, strlen(h));
        }
        san_text(line, -1, ctx->ascii, out, len * 3 + 8);
        puts(out);
        if (!nl) break;
        p = nl + 1;
    }
    free(line);
    free(out);
}

/* The report's writer (report_input.flush): its complete lines printed as they are made, so
 * a report of 20 MB is never held whole. */
typedef struct {
    const cli_ctx *ctx;
    bool text, first;
} report_out;

static void report_flush(void *ud, lnd_buf *b)
{
    report_out *o = ud;
    size_t n = b->len;
    while (n > 0 && b->s[n - 1] != '\n') n--;
    if (!n) return;
    char keep = b->s[n];
    b->s[n] = '\0';
    print_report(o->ctx, b->s, o->text, o->first);
    o->first = false;
    b->s[n] = keep;
    memmove(b->s, b->s + n, b->len - n + 1);
    b->len -= n;
}

/* Each KR's digest as its history streams past (store_report_each_history). */
typedef struct {
    const report_input *in;
    report_kr_digest *dig;
    unsigned char *done;
    lnd_arena *a;
} digest_ud;

static bool digest_one(void *ud, size_t k, const report_history *h)
{
    digest_ud *d = ud;
    report_digest(d->in, k, h, d->a, &d->dig[k]);
    d->done[k] = 1;
    return true;
}

static const char report_help[] =
    "usage: lnd report [--cycle NAME] [--format md|text|json]\n\n"
    "The quarter in business terms: per business objective each KR as \"first-call\n"
    "resolution moved from 64% to 71% (target 75%)\", the chain of evidence from\n"
    "programmes to learning, behaviour and results, verdicts, health findings and\n"
    "carry-forwards. Markdown (default) pastes into a wiki or converts to PDF; json\n"
    "gives the figures and sentences to scripts (docs/json.md).\n"
    "Without --cycle: the cycle in review until it is closed, else the current one.\n";

int cmd_report(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"cycle", required_argument, NULL, 'c'},
                                         {"format", required_argument, NULL, 'f'}, {0}};
    report_opts ro = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, report_opt, &ro, report_help);
    if (rc) return rc;
    if (optind < argc) return cli_fail(EX_USAGE_, "report: unexpected '%s'", argv[optind]);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_plan *p = NULL;
    store_rc src = STORE_OK;
    /* no --cycle: the cycle in review until it is closed, else the current one */
    lnd_cycle dflt;
    ro.cycle = cli_cycle(ctx, ro.cycle);   /* lnd --cycle NAME report */
    if (!ro.cycle && store_default_cycle(s, a, CYCLE_FOR_REVIEW, &dflt) == STORE_OK) ro.cycle = dflt.name;
    if ((rc = cli_load_plan(ctx, s, ro.cycle, &p))) goto out;
    lnd_review *rv = NULL;
    size_t nr = 0;
    src = store_reviews(s, a, p->cycle.id, &rv, &nr);
    if (src != STORE_OK) {
        rc = cli_store_fail(s, src);
        goto out;
    }
    lnd_kpi *kpis = NULL;
    size_t nk = 0, no = 0;
    carry_origin *orig = NULL;
    report_history *kh = NULL;
    src = store_kpis(s, a, &kpis, &nk);
    if (src == STORE_OK) kh = arena_alloc(a, (nk + 1) * sizeof *kh);
    for (size_t k = 0; k < nk && src == STORE_OK; k++) {
        lnd_checkin *c;
        src = store_kpi_history(s, a, kpis[k].id, &c, &kh[k].n);
        kh[k].items = c;
    }
    if (src == STORE_OK) src = store_carry_origins(s, a, p->cycle.id, &orig, &no);
    if (src != STORE_OK) {
        rc = cli_store_fail(s, src);
        goto out;
    }
    char today[16];
    lnd_day day = date_today();
    date_format(day, today, sizeof today);
    window_rules fu;
    window_rules_default(&fu);
    memcpy(fu.offsets, ctx->cfg.followup_days, sizeof fu.offsets);
    fu.window_days = ctx->cfg.window_days;
    report_input in = {.plan = p, .day = day, .rules = &ctx->cfg.rules,
                       .reviews = rv, .nreviews = nr, .kpis = kpis,
                       .nkpis = nk, .kpi_hist = kh, .orig = orig, .norig = no, .today = today,
                       .followups = &fu};
    /* one ordered pass over the cycle's check-ins, one KR at a time: what the report says of
     * each is kept, its check-ins are not (500,000 of them at the enterprise size) */
    report_kr_digest *dig = arena_alloc(a, (p->nkrs + 1) * sizeof *dig);
    unsigned char *done = arena_alloc(a, p->nkrs + 1);
    digest_ud du = {&in, dig, done, a};
    src = store_report_each_history(s, p, digest_one, &du);
    if (src != STORE_OK) {
        rc = cli_store_fail(s, src);
        goto out;
    }
    for (size_t k = 0; k < p->nkrs; k++)
        if (!done[k]) report_digest(&in, k, NULL, a, &dig[k]);
    in.dig = dig;
    store_close(s);   /* all read: SQLite's page cache is memory the findings can reuse */
    s = NULL;
    health_opts ho;
    health_opts_from_config(&ctx->cfg, &ho);
    lnd_finding *hf;
    in.nhealth = health_check(p, &ho, date_today(), a, &hf);
    in.health = hf;
    if (ro.json) {
        rc = cj_report(&in);
        goto out;
    }
    report_out ro_out = {ctx, ro.text, true};
    in.flush = report_flush;
    in.flush_ud = &ro_out;
    lnd_buf b = {0};
    report_markdown(&in, &b);
    if (b.len) print_report(ctx, buf_str(&b), ro.text, ro_out.first);
    buf_free(&b);
    if (fflush(stdout) != 0) rc = cli_fail(EX_IOERR_, "cannot write to stdout");
out:
    plan_free(p);
    arena_free(a);
    store_close(s);
    return rc;
}
