/* SPDX-License-Identifier: MIT */
/* cli/common.c — shared plumbing of the commands: global options, config and database
 * resolution, opening the store, one-line errors, strict number and id parsing. */
#include "cli.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <strings.h>
#include <unistd.h>

#include "../core/numfmt.h"
#include "../core/dates.h"
#include "../core/sanitize.h"
#include "../core/utf8.h"
#include "config_file.h"
#include "out.h"

static bool locale_is_utf8(void);

/* Every error line passes through the one sanitiser: user text quoted in a message (an id,
 * a file's contents, a stored name) can never put control bytes on the terminal. */
int cli_fail(int code, const char *fmt, ...)
{
    char msg[8192], safe[4 * sizeof msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cli_advise(msg, sizeof msg);
    san_text(msg, -1, !locale_is_utf8(), safe, sizeof safe);
    fprintf(stderr, "lnd: %s\n", safe);
    return code;
}

enum { G_DB = CLI_GLOBAL_BASE, G_CONFIG, G_USER, G_NOCOLOR, G_ASCII, G_COLOR, G_CYCLE, G_WIDTH,
       G_VERSION };

static const struct option global_opts[] = {
    {"db", required_argument, NULL, G_DB},
    {"config", required_argument, NULL, G_CONFIG},
    {"user", required_argument, NULL, G_USER},
    {"no-color", no_argument, NULL, G_NOCOLOR},
    {"no-colour", no_argument, NULL, G_NOCOLOR},
    {"color", optional_argument, NULL, G_COLOR},
    {"colour", optional_argument, NULL, G_COLOR},
    {"cycle", required_argument, NULL, G_CYCLE},
    {"width", required_argument, NULL, G_WIDTH},
    {"ascii", no_argument, NULL, G_ASCII},
    {"help", no_argument, NULL, 'h'},
    {0},
};
/* Only before the command: after it, --version N is the row version of edit and archive. */
static const struct option version_opt = {"version", no_argument, NULL, G_VERSION};

/* --color[=WHEN]: always (bare), never, auto. */
static int color_opt(cli_ctx *ctx, const char *v)
{
    if (!v || !strcmp(v, "always") || !strcmp(v, "yes") || !strcmp(v, "force")) ctx->color_flag = 1;
    else if (!strcmp(v, "never") || !strcmp(v, "no") || !strcmp(v, "none")) ctx->color_flag = 0;
    else if (!strcmp(v, "auto") || !strcmp(v, "tty")) ctx->color_flag = -1;
    else return cli_fail(EX_USAGE_, "--color must be auto, always or never, not '%s'", cli_safe(v));
    ctx->color_set = true;
    return 0;
}

const char *cli_cycle(const cli_ctx *ctx, const char *own)
{
    return own ? own : ctx->cycle_flag;
}
#define N_GLOBAL (sizeof global_opts / sizeof global_opts[0] - 1)

const struct option *cli_global_options(void) { return global_opts; }

int cli_command_opts(cli_ctx *ctx, int argc, char **argv, const char *shortopts, const struct option *cmd_opts,
                     int (*on_opt)(void *st, int c, const char *arg), void *st, const char *help)
{
    bool asked;
    int rc = cli_getopt(ctx, argc, argv, shortopts, cmd_opts, on_opt, st, &asked);
    if (rc || !asked) return rc;
    fputs(help, stdout);
    return CLI_HELPED;
}

int cli_need_verb(int argc, const char *help)
{
    if (optind < argc) return 0;
    fputs(help, stderr);
    return EX_USAGE_;
}

cli_probe *cli_probing;   /* set by cli/complete.c while it asks a command for its options */

int cli_getopt(cli_ctx *ctx, int argc, char **argv, const char *shortopts,
               const struct option *cmd_opts,
               int (*on_opt)(void *st, int c, const char *arg), void *st, bool *help)
{
    if (cli_probing) {          /* shell completion asks what this command accepts */
        cli_probing->opts = cmd_opts;
        cli_probing->shorts = shortopts;
        return CLI_PROBED;
    }
    struct option all[64];
    size_t n = 0;
    for (; cmd_opts && cmd_opts[n].name && n < 40; n++) all[n] = cmd_opts[n];
    for (size_t i = 0; i < N_GLOBAL; i++) all[n++] = global_opts[i];
    const char *so = shortopts ? shortopts : "";
    bool stop_at_operand = *so == '+';      /* "+..." : options only before the command */
    if (stop_at_operand) all[n++] = version_opt;
    all[n] = (struct option){0};
    char shorts[64];
    snprintf(shorts, sizeof shorts, "%s:h%s%s", stop_at_operand ? "+" : "", stop_at_operand ? "V" : "",
             so + stop_at_operand);
    *help = false;
    optind = 0;                 /* glibc: 0 re-initialises the scanner */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shorts, all, NULL)) != -1) {
        switch (c) {
        case 'h': *help = true; break;
        case G_DB: ctx->db_flag = optarg; break;
        case G_CONFIG: ctx->config_flag = optarg; break;
        case G_USER: ctx->user_flag = optarg; break;
        case G_NOCOLOR: ctx->no_color = true; break;
        case G_ASCII: ctx->ascii_flag = true; break;
        case G_COLOR: {
            int rc = color_opt(ctx, optarg);
            if (rc) return rc;
            break;
        }
        case G_CYCLE: ctx->cycle_flag = optarg; break;
        case G_WIDTH: {
            long w;
            if (!cli_parse_int(optarg, 40, 100000, &w))
                return cli_fail(EX_USAGE_, "--width '%s' must be a number of columns from 40 to 100000",
                                cli_safe(optarg));
            ctx->width = (int)w;
            break;
        }
        case 'V':
            if (stop_at_operand) ctx->show_version = true;
            break;
        case G_VERSION: ctx->show_version = true; break;
        case ':':
        case '?': {
            /* name the option really at fault: a short one is in optopt */
            char shortname[3] = {'-', (char)optopt, '\0'};
            const char *last = argv[optind - 1];   /* a long option is named as typed */
            bool long_opt = last && last[0] == '-' && last[1] == '-';
            const char *bad = optopt && !long_opt ? shortname : cli_safe(last);
            const char *what = c == ':' ? "needs a value" : "is unknown";
            if (c == '?' && optopt && (optopt == '.' || (optopt >= '0' && optopt <= '9')))
                return cli_fail(EX_USAGE_, "%s: put -- before a negative value: lnd %s ... -- %s",
                                stop_at_operand ? "lnd" : argv[0], stop_at_operand ? "COMMAND" : argv[0], bad);
            if (stop_at_operand)   /* options before the command */
                return cli_fail(EX_USAGE_, "option '%s' %s; see `lnd --help`", bad, what);
            return cli_fail(EX_USAGE_, "%s: option '%s' %s; see `lnd %s --help`", argv[0], bad, what,
                            argv[0]);
        }
        default:
            if (on_opt) {
                int rc = on_opt(st, c, optarg);
                if (rc) return rc;
            }
        }
    }
    return 0;
}

int cli_optv_set(void *st, int c, const char *arg)
{
    cli_optv *o = st;
    if (c > 0 && c < CLI_OPTV_N) o->v[c] = arg ? arg : "1";
    return 0;
}

int cli_spool_stdin(char *path, size_t n)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, n, "%s/lnd-stdin-XXXXXX", dir && *dir == '/' ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        path[0] = '\0';
        return cli_fail(EX_CANTCREAT_, "cannot keep stdin in a temporary file: %s; set TMPDIR", strerror(errno));
    }
    char buf[65536];
    ssize_t got;
    bool bad = false;
    while (!bad && (got = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
        if (got < 0 && errno == EINTR) continue;
        bad = got < 0 || write(fd, buf, (size_t)got) != got;
    }
    if (close(fd) != 0) bad = true;
    if (bad) {
        remove(path);
        path[0] = '\0';
        return cli_fail(EX_IOERR_, "cannot read stdin: %s", strerror(errno));
    }
    return 0;
}

int cli_check_args(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        size_t off;
        if (utf8_valid(argv[i], &off)) continue;
        const char *eq = strchr(argv[i], '=');
        if (argv[i][0] == '-' && argv[i][1] == '-' && eq && (size_t)(eq - argv[i]) < off)
            return cli_fail(EX_DATAERR_, "%.*s is not valid UTF-8 at byte %zu; retype it in a UTF-8 "
                            "terminal (nothing was written)", (int)(eq - argv[i]), argv[i],
                            off - (size_t)(eq - argv[i]) - 1);
        if (i > 1 && argv[i - 1][0] == '-' && argv[i - 1][1] == '-' && !strchr(argv[i - 1], '=') &&
            utf8_valid(argv[i - 1], NULL))
            return cli_fail(EX_DATAERR_, "%s is not valid UTF-8 at byte %zu; retype it in a UTF-8 "
                            "terminal (nothing was written)", argv[i - 1], off);
        return cli_fail(EX_DATAERR_, "argument %d is not valid UTF-8 at byte %zu; retype it in a "
                        "UTF-8 terminal (nothing was written)", i, off);
    }
    return 0;
}

const char *cli_safe(const char *s)
{
    static char ring[4][8192];
    static unsigned next;
    char *b = ring[next++ % 4];
    san_text(s, -1, !locale_is_utf8(), b, sizeof ring[0]);
    return b;
}

static bool locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* A database location: a plain path, or a file: URI (file:PATH, file:///PATH,
 * file://localhost/PATH; percent-escapes decoded, ?query dropped) made a path in place; a
 * PostgreSQL URI (postgresql://…, postgres://…) kept as it is. Any other scheme:// is refused
 * (78). */
static int db_location(char *db, size_t n)
{
    size_t sl = 0;
    while (db[sl] && (db[sl] == '+' || db[sl] == '-' || db[sl] == '.' ||
                      (db[sl] >= 'a' && db[sl] <= 'z') || (db[sl] >= 'A' && db[sl] <= 'Z') ||
                      (sl > 0 && db[sl] >= '0' && db[sl] <= '9')))
        sl++;
    bool file = sl == 4 && db[4] == ':' && strncasecmp(db, "file", 4) == 0;
    if (store_is_server(db)) return 0;   /* PostgreSQL: libpq reads it as it is */
    if (!file) {
        if (sl > 0 && db[sl] == ':' && db[sl + 1] == '/' && db[sl + 2] == '/')
            return cli_fail(EX_CONFIG_, "%.*s:// is not supported yet; give a file path, a file: URI or a postgresql:// URI "
                            "(--db, $LND_DB or the config's database)", (int)sl, db);
        return 0;
    }
    const char *p = db + 5;
    if (p[0] == '/' && p[1] == '/') {
        p += 2;
        if (strncmp(p, "localhost/", 10) == 0) p += 9;
        else if (*p != '/')
            return cli_fail(EX_CONFIG_, "file://%.*s: only local files are supported; use file:///PATH",
                            (int)strcspn(p, "/"), p);
    }
    char out[sizeof ((cli_ctx *)0)->db];
    size_t o = 0;
    for (; *p && *p != '?' && *p != '#' && o + 1 < sizeof out; p++) {
        unsigned v;
        if (*p == '%' && sscanf(p + 1, "%2x", &v) == 1 && v) {
            out[o++] = (char)v;
            p += 2;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
    if (!o) return cli_fail(EX_CONFIG_, "file: URI without a path; use file:///PATH");
    snprintf(db, n, "%s", out);
    return 0;
}

/* The colour rules, strongest first: --no-color / --color=WHEN, NO_COLOR, CLICOLOR_FORCE,
 * config color, else only on a terminal. */
int cli_color_source(const cli_ctx *ctx, bool tty, const char **why)
{
    const char *nc = getenv("NO_COLOR"), *force = getenv("CLICOLOR_FORCE");
    if (ctx->no_color) return *why = "option --no-color", 0;
    if (ctx->color_set && ctx->color_flag >= 0) return *why = "option --color", ctx->color_flag;
    if (!ctx->color_set) {
        if (nc && *nc) return *why = "environment NO_COLOR", 0;
        if (force && *force && strcmp(force, "0") != 0) return *why = "environment CLICOLOR_FORCE", 1;
        if (ctx->cfg.color >= 0) return *why = "config", ctx->cfg.color;
    }
    *why = "auto";
    return tty;
}

bool cli_color_wanted(const cli_ctx *ctx, bool tty)
{
    const char *why;
    return cli_color_source(ctx, tty, &why) == 1;
}

int cli_setup(cli_ctx *ctx)
{
    char err[4400];
    int rc = cli_config_load(ctx->config_flag, &ctx->cfg, &ctx->origin, err, sizeof err);
    if (rc) return cli_fail(rc, "%s", err);
    if (cli_db_path(ctx->db_flag, &ctx->cfg, ctx->db, sizeof ctx->db) != 0)
        return cli_fail(EX_CONFIG_, "no database path: set --db, $LND_DB or HOME");
    if ((rc = db_location(ctx->db, sizeof ctx->db))) return rc;
    if (strcmp(ctx->db, "-") == 0)   /* SQLite needs a file it can lock and seek */
        return cli_fail(EX_USAGE_, "the database cannot be '-' (stdin/stdout): give a file path "
                        "(--db, $LND_DB or the config's database)");
    ctx->user = ctx->user_flag ? ctx->user_flag : ctx->cfg.user;
    if (!*ctx->user) return cli_fail(EX_USAGE_, "--user must not be empty");
    /* who really runs lnd: recorded beside the display name, which anyone can set */
    const struct passwd *pw = getpwuid(getuid());
    if (pw && pw->pw_name && *pw->pw_name) snprintf(ctx->account, sizeof ctx->account, "%s", pw->pw_name);
    else snprintf(ctx->account, sizeof ctx->account, "uid %ld", (long)getuid());
    size_t off;
    if (!utf8_valid(ctx->user, &off))
        return cli_fail(EX_DATAERR_, "$USER is not valid UTF-8 at byte %zu; give --user NAME "
                        "(nothing was written)", off);
    const char *bt = getenv("LND_BUSY_TIMEOUT_MS");
    long btv;
    if (bt && *bt && !cli_parse_int(bt, 0, 600000, &btv))
        return cli_fail(EX_CONFIG_, "LND_BUSY_TIMEOUT_MS='%s' must be a whole number of "
                        "milliseconds from 0 to 600000; fix or unset it", cli_safe(bt));
    ctx->stdout_tty = isatty(STDOUT_FILENO);
    ctx->color = cli_color_wanted(ctx, ctx->stdout_tty) && out_term_has_color();
    ctx->ascii = ctx->ascii_flag || ctx->cfg.ascii == 1 ||
                 (ctx->cfg.ascii != 0 && !locale_is_utf8());
    return 0;
}

/* Root-owned files lock everyone else out: say so once, when the database is (or will be)
 * in a place others use (a directory that is not root's alone, or someone else's file). */
static void warn_root(const cli_ctx *ctx, int flags)
{
    static bool warned;
    if (warned || geteuid() != 0 || store_is_server(ctx->db)) return;   /* no files on a server */
    struct stat db, dir;
    bool have_db = stat(ctx->db, &db) == 0;
    char *d = strdup(ctx->db), *slash = d ? strrchr(d, '/') : NULL;
    if (slash) *(slash == d ? slash + 1 : slash) = '\0';
    bool have_dir = d && stat(slash ? d : ".", &dir) == 0;
    free(d);
    bool others = (have_dir && (dir.st_uid != 0 || (dir.st_mode & (S_IWGRP | S_IWOTH | S_ISGID)))) ||
                  (have_db && (db.st_mode & S_IWGRP)) || *ctx->cfg.shared || ctx->shared_flag;
    /* root writing someone else's database is harmless: SQLite gives -wal/-shm the file's owner */
    if (!others || (have_db ? db.st_uid != 0 : !(flags & STORE_OPEN_CREATE))) return;
    warned = true;
    fprintf(stderr, "lnd: warning: running as root on %s: files root creates there (the database, its -wal "
            "and -shm) lock other users out; run lnd as your own user\n", cli_safe(ctx->db));
}

int cli_open(cli_ctx *ctx, int flags, store **out)
{
    char err[4400];
    warn_root(ctx, flags);
    const char *group = ctx->shared_flag ? ctx->shared_flag : ctx->cfg.shared;
    if ((flags & STORE_OPEN_CREATE) && *group && !store_is_server(ctx->db)) {   /* a server has roles */   /* lnd init --shared GROUP, config shared */
        store_rc rc = store_share(ctx->db, group, err, sizeof err);
        if (rc != STORE_OK) {
            *out = NULL;
            return cli_fail(store_rc_exit(rc), "%s", err);
        }
    }
    store_rc rc = store_open(ctx->db, flags, out, err, sizeof err);
    if (rc != STORE_OK) return cli_fail(store_rc_exit(rc), "%s", err);
    store_set_account(*out, ctx->account);
    if (!(flags & STORE_OPEN_READONLY)) cli_hooks_attach(ctx, *out);
    store_set_followups(*out, ctx->cfg.followup_days, 3, ctx->cfg.window_days);
    return 0;
}

int cli_store_fail(store *s, store_rc rc)
{
    return cli_fail(store_rc_exit(rc), "%s", store_errmsg(s));
}

bool cli_parse_double(const char *s, double *out) { return num_parse(s, out); }

bool cli_parse_int(const char *s, long lo, long hi, long *out) { return num_parse_long(s, lo, hi, out); }

bool cli_parse_id(const char *s, char prefix, lnd_id *out)
{
    if (!s) return false;
    if (*s == prefix || *s == prefix + ('a' - 'A')) s++;
    long v;
    if (!cli_parse_int(s, 1, 0x7fffffffL, &v)) return false;
    *out = v;
    return true;
}


int cli_load_plan(cli_ctx *ctx, store *s, const char *cycle, lnd_plan **p)
{
    *p = NULL;
    cycle = cli_cycle(ctx, cycle);
    lnd_arena *a = arena_new();
    lnd_cycle cy;
    store_rc rc = store_find_cycle(s, a, cycle, &cy);
    if (rc == STORE_OK) rc = store_load_plan(s, cy.id, p);
    arena_free(a);
    if (rc == STORE_NOTFOUND)
        return cycle ? cli_fail(EX_DATAERR_, "no cycle named '%s'; see `lnd cycle list`", cycle)
                     : cli_fail(EX_NOINPUT_, "no cycle in %s yet; add one: lnd cycle add 2027-Q1 --start 2027-01-04", ctx->db);
    return rc == STORE_OK ? 0 : cli_store_fail(s, rc);
}
