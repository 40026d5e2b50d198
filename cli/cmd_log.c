/* SPDX-License-Identifier: MIT */
/* cli/cmd_log.c — `lnd log`: the audit history, who changed what and when, newest first
 * (text or JSON). Reads only; no SQL here; curses never. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/numfmt.h"
#include "../core/summary.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

enum { L_SINCE = 1, L_LIMIT, L_ALL, L_FORMAT, L_N };

static const char log_help[] =
    "usage: lnd log [--since YYYY-MM-DD] [--limit N | --all] [--format text|json]\n\n"
    "Who changed what, when: every edit, archive, state change and check-in, newest first.\n"
    "Shows the newest 50 changes unless --since, --limit N or --all says otherwise; when\n"
    "more are left, a last line on stderr says so.\n\n"
    "  --since DATE   changes on or after DATE (local), all of them unless --limit\n"
    "  --limit N      the newest N changes\n"
    "  --all          every change\n"
    "  --format F     text (default) or json (docs/json.md)\n\n"
    "WHO is the display name (--user); when the operating-system account that made the\n"
    "change differs from it, both are shown: \"bob (as alice)\".\n";

int cmd_log(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"since", required_argument, NULL, L_SINCE}, {"limit", required_argument, NULL, L_LIMIT},
        {"all", no_argument, NULL, L_ALL}, {"format", required_argument, NULL, L_FORMAT}, {0}};
    cli_optv o = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, cli_optv_set, &o, log_help);
    if (rc) return rc;
    lnd_day d;
    if (o.v[L_SINCE] && !date_parse(o.v[L_SINCE], &d))
        return cli_fail(EX_USAGE_, "log: --since '%s' is not a date; use YYYY-MM-DD", o.v[L_SINCE]);
    long limit = 0;
    if (o.v[L_LIMIT] && !cli_parse_int(o.v[L_LIMIT], 1, 1000000, &limit))
        return cli_fail(EX_USAGE_, "log: --limit '%s' must be a positive number", o.v[L_LIMIT]);
    if (o.v[L_ALL] && o.v[L_LIMIT]) return cli_fail(EX_USAGE_, "log: use --limit N or --all, not both");
    bool json = false;
    if (o.v[L_FORMAT] && (rc = cj_format("log", o.v[L_FORMAT], &json))) return rc;
    if (!o.v[L_ALL] && !o.v[L_LIMIT] && !o.v[L_SINCE]) limit = 50;
    if (optind < argc) return cli_fail(EX_USAGE_, "log: unexpected '%s'", argv[optind]);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_audit *au;
    size_t n;
    char since[32];
    if (o.v[L_SINCE]) cli_local_midnight_utc(d, since, sizeof since);   /* stamps are UTC */
    /* one more than shown tells whether more are left */
    store_rc src = store_audit(s, a, o.v[L_SINCE] ? since : NULL, limit ? (size_t)limit + 1 : 0, &au, &n);
    bool more = limit && n > (size_t)limit;
    if (more) n = (size_t)limit;
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    else if (json) rc = cj_audit(au, n, more);
    for (size_t i = 0; src == STORE_OK && !json && i < n; i++) {
        char who[300], at[40], *line = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&line, &len);   /* the line, then cut whole to --width */
        if (!m) {
            rc = cli_fail(EX_SOFTWARE_, "log: out of memory");
            break;
        }
        date_stamp_local(au[i].at, true, at, sizeof at);
        fprintf(m, "%-20s  ", at);
        model_who(au[i].user, au[i].account, who, sizeof who);
        bool long_who = strlen(who) > 12;   /* "bob (as alice)": never cut, but by --width */
        out_text(m, ctx, who, long_who ? 60 : 12, !long_who);
        int used = 22 + (long_who ? out_text_width(ctx, who) : 12);
        used += fprintf(m, "  %-8s %-9s %5lld", au[i].action, au[i].entity, au[i].entity_id);
        /* piped: the whole detail; a terminal: 100 columns of it; --width N: what the line
         * leaves, down to none; the fixed columns are cut only when N leaves no detail */
        int dw = ctx->width ? ctx->width - used - 2 : out_cell(ctx, 100, used + 2);
        if (dw != 0 && !(ctx->width && dw < 0)) {
            fputs("  ", m);
            out_text(m, ctx, au[i].detail, dw, false);
        }
        fclose(m);
        if (ctx->width) out_text(stdout, ctx, line, ctx->width, false);
        else fputs(line, stdout);
        putchar('\n');
        free(line);
    }
    if (src == STORE_OK && !json && n == 0)
        printf("no changes%s%s\n", o.v[L_SINCE] ? " since " : " recorded yet", o.v[L_SINCE] ? o.v[L_SINCE] : "");
    if (src == STORE_OK && more && !json)
        fprintf(stderr, "lnd: newest %ld %s shown; --all or --limit N for more\n", limit, num_plural(limit, "change", "changes"));
    arena_free(a);
    store_close(s);
    return rc;
}

