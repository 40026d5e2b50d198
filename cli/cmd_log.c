/* SPDX-License-Identifier: MIT */
/* cli/cmd_log.c — `lnd log`: the audit history, who changed what and when, newest first
 * (text or JSON). Reads only; no SQL here; curses never. */
#include <string.h>

#include "../core/dates.h"
#include "../core/summary.h"
#include "cli.h"
#include "out.h"

enum { L_SINCE = 1, L_LIMIT, L_ALL, L_FORMAT, L_N };

int cmd_log(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"since", required_argument, NULL, L_SINCE}, {"limit", required_argument, NULL, L_LIMIT}, {0}};
    cli_optv o = {0};
    bool help;
    int rc = cli_getopt(ctx, argc, argv, "", opts, cli_optv_set, &o, &help);
    if (rc) return rc;
    if (help) {
        fputs("usage: lnd log [--since YYYY-MM-DD] [--limit N]\n\n"
              "Who changed what, when: every edit, archive, state change and check-in, newest first.\n"
              "WHO is the display name (--user); when the operating-system account that made the\n"
              "change differs from it, both are shown: \"bob (as alice)\".\n",
              stdout);
        return 0;
    }
    lnd_day d;
    if (o.v[L_SINCE] && !date_parse(o.v[L_SINCE], &d))
        return cli_fail(EX_DATAERR_, "log: --since '%s' is not a date; use YYYY-MM-DD", o.v[L_SINCE]);
    long limit = 0;
    if (o.v[L_LIMIT] && !cli_parse_int(o.v[L_LIMIT], 1, 1000000, &limit))
        return cli_fail(EX_DATAERR_, "log: --limit '%s' must be a positive number", o.v[L_LIMIT]);
    if (optind < argc) return cli_fail(EX_USAGE_, "log: unexpected '%s'", argv[optind]);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_audit *au;
    size_t n;
    char since[32];
    if (o.v[L_SINCE]) cli_local_midnight_utc(d, since, sizeof since);   /* stamps are UTC */
    store_rc src = store_audit(s, a, o.v[L_SINCE] ? since : NULL, (size_t)limit, &au, &n);
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    for (size_t i = 0; src == STORE_OK && i < n; i++) {
        char who[300], at[40];
        date_stamp_local(au[i].at, true, at, sizeof at);
        printf("%-20s  ", at);
        model_who(au[i].user, au[i].account, who, sizeof who);
        bool long_who = strlen(who) > 12;   /* "bob (as alice)": never cut */
        out_text(stdout, ctx, who, long_who ? 60 : 12, !long_who);
        printf("  %-8s %-9s %5lld  ", au[i].action, au[i].entity, au[i].entity_id);
        out_text(stdout, ctx, au[i].detail, 100, false);
        putchar('\n');
    }
    if (src == STORE_OK && n == 0)
        printf("no changes%s%s\n", o.v[L_SINCE] ? " since " : " recorded yet", o.v[L_SINCE] ? o.v[L_SINCE] : "");
    arena_free(a);
    store_close(s);
    return rc;
}

