/* SPDX-License-Identifier: MIT */
/* cli/cmd_init.c — `lnd init [--demo] [--shared GROUP]` creates the database (with the
 * worked examples on --demo). The dashboard is cli/cmd_tui.c. */
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char init_help[] =
    "usage: lnd init [--demo] [--shared GROUP]\n\n"
    "Create the database (see --db) with the current schema. With --demo, load the worked\n"
    "examples (enterprise sales, onboarding, support first-call resolution, privacy) as an\n"
    "active 13-week cycle around today, with weekly check-ins so far.\n\n"
    "--shared GROUP (or config shared = \"GROUP\") shares it with a Unix group whatever your\n"
    "umask: the directory setgid and group-writable, the database and its -wal/-shm files\n"
    "group-readable and -writable (\"group\": the directory's own group). Run it again on an\n"
    "existing database to share it. See \"Sharing one database\" in lnd(1).\n"
    "On PostgreSQL (--db postgresql://…) init creates lnd's tables in that database;\n"
    "--shared does not apply there: share it with the server's roles.\n";

typedef struct {
    bool demo;
    cli_ctx *ctx;
} init_opts;

static int init_opt(void *st, int c, const char *arg)
{
    init_opts *o = st;
    if (c == 'd') o->demo = true;
    if (c == 's') o->ctx->shared_flag = arg;
    return 0;
}

int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"demo", no_argument, NULL, 'd'},
                                         {"shared", required_argument, NULL, 's'}, {0}};
    init_opts io = {.ctx = ctx};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, init_opt, &io, init_help);
    bool demo = io.demo;
    if (rc) return rc;
    if (optind < argc) return cli_fail(EX_USAGE_, "init: unexpected '%s'", argv[optind]);
    if ((rc = cli_setup(ctx))) return rc;
    bool server = store_is_server(ctx->db);
    if (ctx->shared_flag && !*ctx->shared_flag) return cli_fail(EX_USAGE_, "init: --shared needs a group name");
    if (server && ctx->shared_flag)
        return cli_fail(EX_USAGE_, "init --shared sets file modes; on PostgreSQL share the database with "
                        "roles: GRANT the team's role SELECT, INSERT, UPDATE on lnd's tables");
    store *s;
    char e[8];   /* on a server: does lnd's schema exist yet (open without creating) */
    bool existed = !server ? access(ctx->db, F_OK) == 0
                           : store_open(ctx->db, STORE_OPEN_READONLY, &s, e, sizeof e) == STORE_OK;
    if (server && existed) store_close(s);
    if ((rc = cli_open(ctx, STORE_OPEN_CREATE, &s))) return rc;
    if (demo) {
        lnd_arena *a = arena_new();
        lnd_cycle *cs;
        size_t n = 0;
        store_rc src = store_cycles(s, a, &cs, &n);
        arena_free(a);
        if (src == STORE_OK && n > 0) {
            store_close(s);
            return cli_fail(EX_DATAERR_, "%s already has cycles; the demo needs an empty database (use another --db)", ctx->db);
        }
        if (src == STORE_OK) src = demo_load(s, ctx->user);
        if (src != STORE_OK) {
            rc = cli_store_fail(s, src);
            store_close(s);
            return rc;
        }
        printf("demo database ready: %s\nopen it with: lnd --db %s   (or: lnd --db %s status)\n",
               cli_safe(ctx->db), cli_safe(ctx->db), cli_safe(ctx->db));
    } else {
        printf("%s %s (schema %d)\n", existed ? "database already exists:" : "database created:",
               cli_safe(ctx->db), store_schema_version());
    }
    const char *group = ctx->shared_flag ? ctx->shared_flag : ctx->cfg.shared;
    struct stat sb;
    const struct group *gr = *group && !server && stat(ctx->db, &sb) == 0 ? getgrgid(sb.st_gid) : NULL;
    if (*group && !server) printf("shared with group %s: members can read and write it whatever their umask\n",
                       gr ? gr->gr_name : group);
    store_close(s);
    return 0;
}
