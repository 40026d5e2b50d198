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
static void print_report(const cli_ctx *ctx, const char *md, bool text)
{
    const char *p = md;
    if (text && !strncmp(p, "---\n", 4)) {
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
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = malloc(len + 1), *out = malloc(len * 3 + 8);
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
        free(line);
        free(out);
        if (!nl) break;
        p = nl + 1;
    }
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
    report_history *hist = NULL;
    lnd_review *rv = NULL;
    size_t nr = 0;
    if (src == STORE_OK) {
        hist = arena_alloc(a, (p->nkrs + 1) * sizeof *hist);
        src = store_report_histories(s, a, p, hist);   /* one query, not one per KR */
    }
    if (src == STORE_OK) src = store_reviews(s, a, p->cycle.id, &rv, &nr);
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
    health_opts ho;
    health_opts_from_config(&ctx->cfg, &ho);
    lnd_finding *hf;
    size_t nf = health_check(p, &ho, date_today(), a, &hf);
    char today[16];
    lnd_day day = date_today();
    date_format(day, today, sizeof today);
    window_rules fu;
    window_rules_default(&fu);
    memcpy(fu.offsets, ctx->cfg.followup_days, sizeof fu.offsets);
    fu.window_days = ctx->cfg.window_days;
    report_input in = {.plan = p, .day = day, .rules = &ctx->cfg.rules, .hist = hist,
                       .reviews = rv, .nreviews = nr, .health = hf, .nhealth = nf, .kpis = kpis,
                       .nkpis = nk, .kpi_hist = kh, .orig = orig, .norig = no, .today = today,
                       .followups = &fu};
    if (ro.json) {
        rc = cj_report(&in);
        goto out;
    }
    lnd_buf b = {0};
    report_markdown(&in, &b);
    print_report(ctx, buf_str(&b), ro.text);
    buf_free(&b);
    if (fflush(stdout) != 0) rc = cli_fail(EX_IOERR_, "cannot write to stdout");
out:
    plan_free(p);
    arena_free(a);
    store_close(s);
    return rc;
}
