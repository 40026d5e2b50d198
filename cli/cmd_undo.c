/* SPDX-License-Identifier: MIT */
/* cli/cmd_undo.c — `lnd undo [--dry-run]`: revert your own last change to an objective, key
 * result or programme (store_undo: an add, edit, archive or restore; check-ins never) and say
 * what was undone; --dry-run says what would be, writing nothing. The rules live in
 * store/store_undo.c; this file only parses, calls and prints (user text sanitised). */
#include <string.h>

#include "../core/dates.h"
#include "cli.h"
#include "out.h"

static const char undo_help[] =
    "usage: lnd undo [--dry-run]\n\n"
    "Reverts your own last change to an objective, key result or programme: an add (the row is\n"
    "archived), an edit (every field goes back), an archive or a restore. \"Your own\" is\n"
    "your operating-system account in the audit log, whatever --user says. Run it again to\n"
    "undo the change before that one.\n\n"
    "Nothing is undone when someone else changed that row after you (the message says who and\n"
    "when; exit 75): change it by hand instead. Check-ins are never undone: correct a wrong\n"
    "one with a new check-in. Every undo is in `lnd log`.\n\n"
    "  --dry-run   say what would be undone, change nothing\n";

enum { U_DRY = 1 };

static int undo_opt(void *st, int c, const char *arg)
{
    (void)arg;
    if (c == U_DRY) *(bool *)st = true;
    return 0;
}

static void say(cli_ctx *ctx, const char *lead, const store_undo_info *u)
{
    char when[48];
    date_stamp_local(u->at, false, when, sizeof when);
    printf("%s %s of %s '", lead, strcmp(u->action, "unarchive") ? u->action : "restore", u->label);
    out_text(stdout, ctx, u->title, 60, false);
    printf("' (%s)", when);
    printf(": ");
    out_text(stdout, ctx, store_undo_result(u), 200, false);
    printf("\n");
}

int cmd_undo(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"dry-run", no_argument, NULL, U_DRY}, {0}};
    bool dry = false;
    int rc = cli_command_opts(ctx, argc, argv, "", opts, undo_opt, &dry, undo_help);
    if (rc) return rc;
    if (optind + 1 < argc) return cli_fail(EX_USAGE_, "undo: unexpected '%s'; see `lnd undo --help`", argv[optind + 1]);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, dry ? STORE_OPEN_READONLY : 0, &s))) return rc;
    lnd_arena *a = arena_new();
    store_undo_info u;
    store_rc src = dry ? store_undo_peek(s, a, &u) : store_undo(s, a, 0, ctx->user, &u);
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    else say(ctx, dry ? "would undo" : "undid", &u);
    arena_free(a);
    store_close(s);
    return rc;
}
