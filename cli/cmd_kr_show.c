/* SPDX-License-Identifier: MIT */
/* cli/cmd_kr_show.c — `lnd kr show K3`: one key result with its numbers, status and the
 * whole check-in history (oldest first), as text or JSON. Reads only; no SQL, no curses. */
#include <string.h>

#include "../core/dates.h"
#include "../core/fields.h"
#include "../core/numfmt.h"
#include "../core/summary.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

static const char kr_show_help[] =
    "usage: lnd kr show K3 [--format text|json]\n\n"
    "One key result: baseline -> current -> target, progress, pace, status, evidence level,\n"
    "owners, and every check-in on it, oldest first (value, confidence, who, note, cohort,\n"
    "behaviour observed/applied, follow-up). JSON fields: docs/json.md.\n";

static void print_checkin(const cli_ctx *ctx, const lnd_checkin *c)
{
    char at[48], v[32], who[300];
    date_stamp_local(c->at, true, at, sizeof at);
    model_fmt_num(c->value, v, sizeof v);
    printf("  %-20s %10s  ", at, v);
    if (c->confidence >= 0) printf("conf %2d  ", c->confidence);
    else printf("conf  -  ");
    model_who(c->author, c->account, who, sizeof who);
    out_text(stdout, ctx, who, 24, false);
    if (c->observed >= 0) printf("  %d of %d observed applying", c->applied, c->observed);
    if (c->cohort && *c->cohort) {
        printf("  cohort ");
        out_text(stdout, ctx, c->cohort, 40, false);
    }
    if (c->followup) printf("  follow-up +%d d", c->followup);
    if (c->note && *c->note) {
        printf("  \"");
        out_text(stdout, ctx, c->note, 200, false);
        putchar('"');
    }
    putchar('\n');
}

static void print_text(const cli_ctx *ctx, const lnd_plan *p, const lnd_kr *kr, const lnd_checkin *ck,
                       size_t n, lnd_day today)
{
    summary_kr ks;
    summary_key_result(p, kr, &ctx->cfg.rules, today, &ks);
    printf("%sK%lld%s ", out_bold(ctx), kr->id, out_reset(ctx));
    out_text(stdout, ctx, kr->title, -1, false);
    long oi = plan_obj_index(p, kr->objective_id);
    printf("\n  objective O%lld ", kr->objective_id);
    if (oi >= 0) out_text(stdout, ctx, p->objs[oi].title, -1, false);
    printf("\n  cycle ");
    out_text(stdout, ctx, p->cycle.name, 40, false);
    char b[32] = "?", c[32] = "-", t[32];
    if (kr->has_baseline) model_fmt_num(kr->baseline, b, sizeof b);
    if (kr->has_current) model_fmt_num(kr->current, c, sizeof c);
    model_fmt_num(kr->target, t, sizeof t);
    printf("\n  %s %s %s %s %s ", b, out_arrow(ctx), c, out_arrow(ctx), t);
    out_text(stdout, ctx, kr->unit, 20, false);
    printf(" (%s)  progress %ld%%  pace %ld%%  %s%s%s", model_direction_name(kr->direction),
           num_pct_round(ks.progress), num_pct_round(ks.pace), out_status_color(ctx, ks.status), model_status_name(ks.status),
           out_reset(ctx));
    if (kr->confidence >= 0) printf("  confidence %d", kr->confidence);
    printf("\n  %s, %s; ", model_evidence_name(kr->evidence), model_indicator_name(kr->indicator));
    if (kr->due_week > 0) printf("due week %d; ", kr->due_week);   /* 0: no due week */
    printf("weight %g; owner ", kr->weight);
    out_text(stdout, ctx, kr->owner && *kr->owner ? kr->owner : "-", 40, false);
    if (kr->coowner && *kr->coowner) {
        printf("; business co-owner ");
        out_text(stdout, ctx, kr->coowner, 40, false);
    }
    const fields_meta *rest[FIELDS_KR_N];   /* fields added to the table since: "; name value" */
    size_t nrest = fields_rest(fields_kr, FIELDS_KR_N, fields_kr_placed, rest, FIELDS_KR_N);
    for (size_t i = 0; i < nrest && i < FIELDS_KR_N; i++) {
        char buf[64];
        const char *v = fields_text(rest[i], kr, buf, sizeof buf);
        if (!*v) continue;
        printf("; %s ", rest[i]->diff);
        out_text(stdout, ctx, v, 40, false);
    }
    printf("\ncheck-ins (%zu):\n", n);
    for (size_t i = 0; i < n; i++) print_checkin(ctx, &ck[i]);
    if (n == 0) printf("  none yet: lnd checkin K%lld VALUE\n", kr->id);
}

int cli_kr_show(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 1}, {0}};
    cli_optv o = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, cli_optv_set, &o, kr_show_help);
    if (rc) return rc;
    bool json = false;
    if (o.v[1] && (rc = cj_format("kr show", o.v[1], &json))) return rc;
    lnd_id id;
    if (optind + 2 < argc) return cli_fail(EX_USAGE_, "kr show takes one id; e.g. lnd kr show K3");
    if (optind + 2 != argc || !cli_parse_id(argv[optind + 1], 'K', &id))
        return cli_fail(EX_USAGE_, "kr show: which key result? e.g. lnd kr show K3");
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_kr k;
    lnd_objective ob;
    lnd_plan *p = NULL;
    lnd_checkin *ck = NULL;
    size_t n = 0;
    store_rc src = store_get_kr(s, a, id, &k);
    if (src == STORE_OK) src = store_get_objective(s, a, k.objective_id, &ob);
    if (src == STORE_OK) src = store_load_plan(s, ob.cycle_id, &p);
    if (src == STORE_OK) src = store_checkins(s, a, id, &ck, &n);
    for (size_t i = 0; src == STORE_OK && i < n / 2; i++) {   /* the store gives newest first */
        lnd_checkin t = ck[i];
        ck[i] = ck[n - 1 - i];
        ck[n - 1 - i] = t;
    }
    long ki = src == STORE_OK ? plan_kr_index(p, id) : -1;
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    else if (ki < 0) rc = cli_fail(EX_DATAERR_, "no key result K%lld", id);
    else if (json) rc = cj_kr_show(ctx, p, &p->krs[ki], ck, n, date_today());
    else {
        print_text(ctx, p, &p->krs[ki], ck, n, date_today());
        if (fflush(stdout) != 0) rc = cli_fail(EX_IOERR_, "cannot write to stdout");
    }
    plan_free(p);
    arena_free(a);
    store_close(s);
    return rc;
}
