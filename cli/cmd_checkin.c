/* SPDX-License-Identifier: MIT */
/* cli/cmd_checkin.c — `lnd checkin`: one line to log a check-in over SSH, including a
 * manager's behaviour-change observation (observed N, applied M), and say what changed. */
#include <string.h>

#include "../core/dates.h"
#include "../core/progress.h"
#include "../core/sanitize.h"
#include "../core/summary.h"
#include "../core/numfmt.h"
#include "cli.h"
#include "out.h"

typedef struct {
    const char *confidence, *note, *observed, *applied, *cohort;
} checkin_opts;

static int checkin_opt(void *st, int c, const char *arg)
{
    checkin_opts *o = st;
    switch (c) {
    case 'c': o->confidence = arg; break;
    case 'n': o->note = arg; break;
    case 'O': o->observed = arg; break;
    case 'A': o->applied = arg; break;
    case 'C': o->cohort = arg; break;
    }
    return 0;
}

static const char checkin_help[] =
    "usage: lnd checkin KR VALUE [--confidence 0-10] [--note TEXT] [--cohort NAME]\n"
    "       lnd checkin KR --observed N --applied M [--confidence 0-10] [--note TEXT] [--cohort NAME]\n\n"
    "Log a check-in on key result KR (e.g. K12): its new value, how confident you are the\n"
    "target will be hit (0-10), and a note. A behaviour-change check-in records how many\n"
    "participants you observed and how many applied the behaviour; the value becomes the\n"
    "share applying (6 of 8 -> 75). Check-ins are never edited or deleted: log a new one.\n\n"
    "  -c, --confidence N  0 (no chance) to 10 (certain)\n"
    "  -n, --note TEXT     what you saw, what changed; required when confidence drops by\n"
    "                      progress.confidence_drop (3) or more since the last check-in\n"
    "  --observed N        participants observed (behaviour check-in)\n"
    "  --applied M         of those, how many applied the behaviour\n"
    "  --cohort NAME       the group measured, as the serving programme names it (trained,\n"
    "                      not yet trained); a comparison cohort never sets the current value\n\n"
    "A check-in near +30/+60/+90 days after the programme serving the KR ended is marked as\n"
    "that follow-up; once the cycle is closed only such follow-ups are taken, until the KR's\n"
    "measurement window closes (see `lnd due`).\n";

static int find_cycle(store *s, lnd_arena *a, lnd_id cycle_id, lnd_cycle *out)
{
    lnd_cycle *cs;
    size_t n;
    if (store_cycles(s, a, &cs, &n) != STORE_OK) return -1;
    for (size_t i = 0; i < n; i++)
        if (cs[i].id == cycle_id) {
            *out = cs[i];
            return 0;
        }
    return -1;
}

static void say_value(const cli_ctx *ctx, const lnd_kr *k, bool has, double v)
{
    char b[64];
    if (!has) {
        fputs("-", stdout);
        return;
    }
    model_fmt_num(v, b, sizeof b);
    fputs(b, stdout);
    if (k->unit && *k->unit) {
        if (strcmp(k->unit, "%") != 0) putchar(' ');
        out_text(stdout, ctx, k->unit, 12, false);
    }
}

/* What the store decided: a follow-up mark, a comparison cohort (never the current value). */
static void say_marks(const cli_ctx *ctx, const lnd_checkin *c, const lnd_cycle *cy)
{
    if (c->followup > 0) {
        printf("logged as the +%d d follow-up", c->followup);
        if (cy->state == CYCLE_CLOSED) {
            fputs(" (cycle ", stdout);
            out_text(stdout, ctx, cy->name, 20, false);
            fputs(" is closed: it shows in the series, not in the reviewed numbers)", stdout);
        }
        putchar('\n');
    }
    if (c->comparison) {
        fputs("cohort '", stdout);
        out_text(stdout, ctx, c->cohort, 40, false);
        fputs("' is a comparison cohort: compared in the report, never the current value\n", stdout);
    }
}

int cmd_checkin(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"confidence", required_argument, NULL, 'c'},
        {"note", required_argument, NULL, 'n'},
        {"observed", required_argument, NULL, 'O'},
        {"applied", required_argument, NULL, 'A'},
        {"cohort", required_argument, NULL, 'C'},
        {0},
    };
    checkin_opts co = {0};
    /* A negative VALUE ("-5") looks like an option to getopt: take it out first, unless it is
     * the argument of an option that takes one (--confidence -1 stays an error there). */
    char *args[argc + 1];
    const char *neg = NULL;
    int nargs_in = 0;
    for (int i = 0; i < argc; i++) {
        double d;
        const char *prev = i > 0 ? argv[i - 1] : "";
        bool takes = !strcmp(prev, "-c") || !strcmp(prev, "-n") || !strcmp(prev, "--confidence") ||
                     !strcmp(prev, "--note") || !strcmp(prev, "--observed") || !strcmp(prev, "--applied") || !strcmp(prev, "--cohort") ||
                     !strcmp(prev, "--db") || !strcmp(prev, "--config") || !strcmp(prev, "--user");
        if (i > 0 && !neg && !takes && argv[i][0] == '-' && cli_parse_double(argv[i], &d)) {
            neg = argv[i];
            continue;
        }
        args[nargs_in++] = argv[i];
    }
    args[nargs_in] = NULL;
    argc = nargs_in;
    argv = args;
    int rc = cli_command_opts(ctx, argc, argv, "c:n:", opts, checkin_opt, &co,
                              checkin_help);
    if (rc) return rc;
    /* the value taken out above is the last operand */
    char *ops[argc + 2];
    int nargs = 0;
    for (int i = optind; i < argc; i++) ops[nargs++] = argv[i];
    if (neg) ops[nargs++] = (char *)neg;
    ops[nargs] = NULL;
    argv = ops;
    optind = 0;
    bool behaviour = co.observed || co.applied;
    lnd_checkin c = {.confidence = -1, .observed = -1, .applied = -1};
    if (nargs < 1) return cli_fail(EX_USAGE_, "checkin: which key result? usage: lnd checkin K12 75");
    const char *krs = argv[optind];
    if (!cli_parse_id(krs, 'K', &c.kr_id))
        return cli_fail(EX_USAGE_, "checkin: '%s' is not a key result id; use the K number from `lnd status`", krs);
    if (behaviour) {
        if (nargs > 1)
            return cli_fail(EX_USAGE_, "checkin: give either VALUE or --observed/--applied, not both");
        long ob, ap;
        if (!co.observed || !co.applied)
            return cli_fail(EX_USAGE_, "checkin: a behaviour check-in needs both --observed N and --applied M");
        if (!cli_parse_int(co.observed, 1, 1000000, &ob))
            return cli_fail(EX_DATAERR_, "checkin: --observed '%s' must be a whole number of people, at least 1", co.observed);
        if (!cli_parse_int(co.applied, 0, 1000000, &ap))
            return cli_fail(EX_DATAERR_, "checkin: --applied '%s' must be a whole number, 0 or more", co.applied);
        if (progress_behaviour_value((int)ob, (int)ap, &c.value) != 0)
            return cli_fail(EX_DATAERR_, "checkin: --applied %ld is more than --observed %ld", ap, ob);
        c.observed = (int)ob;
        c.applied = (int)ap;
    } else {
        if (nargs < 2) return cli_fail(EX_USAGE_, "checkin: %s needs a value; usage: lnd checkin %s 75", krs, krs);
        if (nargs > 2) return cli_fail(EX_USAGE_, "checkin: unexpected '%s'; quote a note: --note \"...\"", argv[optind + 2]);
        if (!cli_parse_double(argv[optind + 1], &c.value))
            return cli_fail(EX_DATAERR_, "checkin: value '%s' is not a number", argv[optind + 1]);
    }
    if (co.confidence) {
        long v;
        if (!cli_parse_int(co.confidence, 0, 10, &v))
            return cli_fail(EX_DATAERR_, "checkin: confidence '%s' must be a whole number from 0 to 10", co.confidence);
        c.confidence = (int)v;
    }
    c.note = (char *)(co.note ? co.note : "");
    c.cohort = (char *)(co.cohort ? co.cohort : "");
    if ((rc = cli_setup(ctx))) return rc;
    c.author = (char *)ctx->user;

    store *s;
    if ((rc = cli_open(ctx, 0, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_kr before, after;
    lnd_objective o;
    lnd_cycle cy;
    store_rc src = store_get_kr(s, a, c.kr_id, &before);
    if (src == STORE_NOTFOUND || (src == STORE_OK && before.archived)) {
        rc = cli_fail(EX_DATAERR_, "checkin: no key result K%lld; see `lnd status` for ids", c.kr_id);
        goto out;
    }
    int last_conf = -1;
    if (src == STORE_OK) src = store_last_confidence(s, c.kr_id, &last_conf);
    if (src == STORE_OK && progress_drop_needs_note(&ctx->cfg.rules, last_conf, c.confidence, c.note)) {
        rc = cli_fail(EX_USAGE_, "checkin: confidence on K%lld drops from %d to %d; say why with --note \"...\"",
                      c.kr_id, last_conf, c.confidence);
        goto out;
    }
    if (src == STORE_OK) src = store_get_objective(s, a, before.objective_id, &o);
    if (src == STORE_OK && find_cycle(s, a, o.cycle_id, &cy) != 0) src = STORE_IO;
    if (src == STORE_OK) src = store_add_checkin(s, &c, ctx->user);
    if (src == STORE_OK) src = store_get_kr(s, a, c.kr_id, &after);
    if (src != STORE_OK) {
        rc = cli_store_fail(s, src);
        goto out;
    }
    pace_when when = {.weeks = cy.weeks, .today = date_today()};
    date_parse(cy.start, &when.start);
    if (store_serving_week(s, before.objective_id, &when.prog_week) != STORE_OK) when.prog_week = 0;
    summary_kr k0, k1;
    summary_kr_at(&before, &ctx->cfg.rules, &when, &k0);
    summary_kr_at(&after, &ctx->cfg.rules, &when, &k1);
    printf("K%lld ", c.kr_id);
    out_text(stdout, ctx, after.title, 48, false);
    fputs(": ", stdout);
    say_value(ctx, &after, before.has_current, before.current);
    printf(" %s ", out_arrow(ctx));
    say_value(ctx, &after, after.has_current, after.current);
    if (c.observed >= 0) printf(" (%d of %d applying)", c.applied, c.observed);
    printf(", progress %ld%% %s %ld%%, %s%s%s\n", num_pct_round(k0.progress), out_arrow(ctx),
           num_pct_round(k1.progress), out_status_color(ctx, k1.status), model_status_name(k1.status),
           out_reset(ctx));
    say_marks(ctx, &c, &cy);
    lnd_day end = when.start + 7L * cy.weeks, day = c.at && *c.at ? date_stamp_day(c.at) : date_today();
    if (!c.comparison && c.followup == 0 && day >= end)   /* the quarter's numbers are as of its last day */
        printf("note: dated after the cycle's last day: it shows in the series, not in the cycle's numbers\n");
    else if (!c.comparison && c.followup == 0 && after.has_current && after.current != c.value)
        printf("note: a later-dated check-in still sets the current value\n");
out:
    arena_free(a);
    store_close(s);
    return rc;
}
