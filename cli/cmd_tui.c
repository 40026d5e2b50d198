/* SPDX-License-Identifier: MIT */
/* cli/cmd_tui.c — `lnd tui` (and bare `lnd`): checks that stdin and stdout are a terminal,
 * opens the database and hands over to the dashboard in tui/. No curses calls here. */
#include <stdlib.h>
#include <unistd.h>

#include "../tui/tui.h"
#include "cli.h"

static const char tui_help[] =
    "usage: lnd [tui] [--cycle NAME]\n\n"
    "Open the full-screen dashboard. Press ? inside for every key.\n";

static int tui_opt(void *st, int c, const char *arg)
{
    if (c == 'c') *(const char **)st = arg;
    return 0;
}

int cmd_tui(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"cycle", required_argument, NULL, 'c'}, {0}};
    const char *cycle = NULL;
    int rc = cli_command_opts(ctx, argc, argv, "", opts, tui_opt, &cycle, tui_help);
    if (rc) return rc;
    if (optind < argc) return cli_fail(EX_USAGE_, "tui: unexpected '%s'", argv[optind]);
    if ((rc = cli_setup(ctx))) return rc;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return cli_fail(EX_USAGE_, "the dashboard needs a terminal; for a quick look use `lnd status`");
    store *s;
    ctx->hooks_detached = true;   /* hooks never wait on, or write over, the dashboard */
    if ((rc = cli_open(ctx, 0, &s))) return rc;
    tui_opts o = {.tick_clock = cli_clock_tick, .db_path = ctx->db, .user = ctx->user, .cycle = cli_cycle(ctx, cycle), .ascii = ctx->ascii,
                  .readonly = store_readonly(s),
                  .color = cli_color_wanted(ctx, true),   /* the rules of --color; it is a terminal */
                  .cfg = &ctx->cfg};
    rc = tui_run(s, &o);
    store_close(s);
    return rc;
}
