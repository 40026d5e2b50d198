/* SPDX-License-Identifier: MIT */
/* cli/cmd_cycle.c — `lnd cycle add|list|activate|review|close`: planning periods (normally a
 * 13-week quarter) and their states planning → active → review → closed. */
#include <string.h>

#include "../core/review_left.h"
#include "../core/dates.h"
#include "../core/numfmt.h"
#include "../store/store_io.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

static const char cycle_help[] =
    "usage: lnd cycle add NAME --start YYYY-MM-DD [--weeks 13] [--state planning|active]\n"
    "       lnd cycle list [--format text|json]\n"
    "       lnd cycle activate|review|close NAME\n\n"
    "A cycle is a planning period, normally a quarter of 13 weeks starting on a Monday.\n"
    "States: planning -> active -> review -> closed. Closing locks the cycle's check-ins.\n"
    "While a cycle is in review, `lnd review` and `lnd report` use it until it is closed;\n"
    "`lnd status` and the dashboard show the active cycle containing today.\n";

typedef struct {
    const char *start, *weeks, *state;
    const char *format;
} cycle_opts;

static int cycle_opt(void *st, int c, const char *arg)
{
    cycle_opts *o = st;
    if (c == 's') o->start = arg;
    else if (c == 'w') o->weeks = arg;
    else if (c == 'S') o->state = arg;
    else if (c == 'f') o->format = arg;
    return 0;
}

static int cycle_add(cli_ctx *ctx, store *s, const char *name, const cycle_opts *co)
{
    lnd_cycle c = {.name = (char *)name, .weeks = 13, .state = CYCLE_PLANNING};
    lnd_day d;
    if (!co->start) return cli_fail(EX_USAGE_, "cycle add: --start YYYY-MM-DD is required");
    if (!date_parse(co->start, &d))
        return cli_fail(EX_DATAERR_, "cycle add: start '%s' is not a date; use YYYY-MM-DD", co->start);
    c.start = (char *)co->start;
    long w;
    if (co->weeks && !cli_parse_int(co->weeks, 1, 53, &w))
        return cli_fail(EX_DATAERR_, "cycle add: --weeks '%s' must be a whole number from 1 to 53", co->weeks);
    if (co->weeks) c.weeks = (int)w;
    if (co->state) {
        int stt = model_cycle_state_parse(co->state);
        if (stt < 0)
            return cli_fail(EX_DATAERR_, "cycle add: state '%s' must be planning, active, review or closed", co->state);
        c.state = (lnd_cycle_state)stt;
    }
    store_rc rc = store_add_cycle(s, &c, ctx->user);
    if (rc != STORE_OK) return cli_store_fail(s, rc);
    printf("cycle ");
    out_text(stdout, ctx, name, 40, false);
    printf(" added: %s, %d %s, %s\n", c.start, c.weeks, num_plural(c.weeks, "week", "weeks"), model_cycle_state_name(c.state));
    return 0;
}

static int cycle_list(cli_ctx *ctx, store *s, bool json)
{
    lnd_arena *a = arena_new();
    lnd_cycle *cs;
    size_t n;
    store_rc rc = store_cycles(s, a, &cs, &n);
    if (rc != STORE_OK) {
        arena_free(a);
        return cli_store_fail(s, rc);
    }
    if (json) {
        int jrc = cj_cycles(cs, n, date_today());
        arena_free(a);
        return jrc;
    }
    if (n == 0) printf("no cycles yet: lnd cycle add 2027-Q1 --start 2027-01-04\n");
    else printf("%-16s %-9s %-10s %-10s %s\n", "NAME", "STATE", "START", "END", "WEEK");
    lnd_day today = date_today();
    for (size_t i = 0; i < n; i++) {
        lnd_day st = 0;
        date_parse(cs[i].start, &st);
        char end[16];
        date_format(st + 7L * cs[i].weeks - 1, end, sizeof end);
        int wk = date_week_of_cycle(st, cs[i].weeks, today);
        out_text(stdout, ctx, cs[i].name, 16, true);
        printf(" %-9s %-10s %-10s ", model_cycle_state_name(cs[i].state), cs[i].start, end);
        if (wk == 0) printf("not started\n");
        else if (wk > cs[i].weeks) printf("ended\n");
        else printf("%d of %d\n", wk, cs[i].weeks);
    }
    arena_free(a);
    return 0;
}

/* Closing does not wait for the review; it says how much of it is missing ("2 of 3
 * objectives not reviewed"), counted as the dashboard's review mode counts: a review row. */
static void say_unreviewed(store *s, lnd_id cycle_id)
{
    lnd_plan *p = NULL;
    lnd_arena *a = arena_new();
    lnd_review *rv;
    size_t nr, live = 0, open = 0;
    if (store_load_plan(s, cycle_id, &p) == STORE_OK && store_reviews(s, a, cycle_id, &rv, &nr) == STORE_OK)
        open = review_left(p, rv, nr, &live);
    if (open)
        printf("%zu of %zu %s not reviewed\n", open, live, num_plural((long)live, "objective", "objectives"));
    plan_free(p);
    arena_free(a);
}

static int cycle_state(cli_ctx *ctx, store *s, const char *name, lnd_cycle_state st)
{
    lnd_arena *a = arena_new();
    lnd_cycle c;
    store_rc rc = store_find_cycle(s, a, name, &c);
    if (rc == STORE_OK) rc = store_set_cycle_state(s, c.id, st, c.version, ctx->user);
    int ret = 0;
    if (rc == STORE_NOTFOUND)
        ret = cli_fail(EX_DATAERR_, "no cycle named '%s'; see `lnd cycle list`", name);
    else if (rc != STORE_OK) ret = cli_store_fail(s, rc);
    else {
        printf("cycle ");
        out_text(stdout, ctx, c.name, 40, false);
        printf(" is now %s%s%s\n", st == CYCLE_REVIEW ? "in " : "", model_cycle_state_name(st),
               st == CYCLE_CLOSED ? "; its check-ins are locked" : "");
        if (st == CYCLE_REVIEW) printf("`lnd review` and `lnd report` use it until it is closed\n");
        if (st == CYCLE_CLOSED) say_unreviewed(s, c.id);
    }
    arena_free(a);
    return ret;
}

int cmd_cycle(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"start", required_argument, NULL, 's'},
        {"weeks", required_argument, NULL, 'w'},
        {"state", required_argument, NULL, 'S'},
        {"format", required_argument, NULL, 'f'},
        {0},
    };
    cycle_opts co = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, cycle_opt, &co, cycle_help);
    if (rc || (rc = cli_need_verb(argc, cycle_help))) return rc;
    const char *verb = argv[optind];
    const char *name = optind + 1 < argc ? argv[optind + 1] : NULL;
    bool json = false;
    if (co.format && (rc = cj_format("cycle list", co.format, &json))) return rc;
    bool list = strcmp(verb, "list") == 0;
    int st = strcmp(verb, "activate") == 0 ? CYCLE_ACTIVE
           : strcmp(verb, "review") == 0   ? CYCLE_REVIEW
           : strcmp(verb, "close") == 0    ? CYCLE_CLOSED
                                           : -1;
    if (!list && st < 0 && strcmp(verb, "add") != 0)
        return cli_fail(EX_USAGE_, "cycle: unknown action '%s'; use add, list, activate, review or close", verb);
    if (!list && !name) return cli_fail(EX_USAGE_, "cycle %s: which cycle? give its NAME", verb);
    if (optind + (list ? 1 : 2) < argc)
        return cli_fail(EX_USAGE_, "cycle %s: unexpected '%s'", verb, argv[optind + (list ? 1 : 2)]);
    if (!list && !*name) return cli_fail(EX_DATAERR_, "cycle %s: the name must not be empty", verb);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, list ? STORE_OPEN_READONLY : 0, &s))) return rc;
    if (list) rc = cycle_list(ctx, s, json);
    else if (st >= 0) rc = cycle_state(ctx, s, name, (lnd_cycle_state)st);
    else rc = cycle_add(ctx, s, name, &co);
    store_close(s);
    return rc;
}
