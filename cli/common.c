/* cli/common.c — shared plumbing of the commands: global options, config and database
 * resolution, opening the store, one-line errors, strict number and id parsing. */
#include "cli.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/dates.h"

int cli_fail(int code, const char *fmt, ...)
{
    va_list ap;
    fputs("lnd: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

enum { G_DB = CLI_GLOBAL_BASE, G_CONFIG, G_USER, G_NOCOLOR, G_ASCII };

static const struct option global_opts[] = {
    {"db", required_argument, NULL, G_DB},
    {"config", required_argument, NULL, G_CONFIG},
    {"user", required_argument, NULL, G_USER},
    {"no-color", no_argument, NULL, G_NOCOLOR},
    {"no-colour", no_argument, NULL, G_NOCOLOR},
    {"ascii", no_argument, NULL, G_ASCII},
    {"help", no_argument, NULL, 'h'},
};
#define N_GLOBAL (sizeof global_opts / sizeof global_opts[0])

int cli_getopt(cli_ctx *ctx, int argc, char **argv, const char *shortopts,
               const struct option *cmd_opts,
               int (*on_opt)(void *st, int c, const char *arg), void *st, bool *help)
{
    struct option all[64];
    size_t n = 0;
    for (; cmd_opts && cmd_opts[n].name && n < 40; n++) all[n] = cmd_opts[n];
    for (size_t i = 0; i < N_GLOBAL; i++) all[n++] = global_opts[i];
    all[n] = (struct option){0};
    char shorts[64];
    const char *so = shortopts ? shortopts : "";
    bool stop_at_operand = *so == '+';      /* "+..." : options only before the command */
    snprintf(shorts, sizeof shorts, "%s:h%s", stop_at_operand ? "+" : "", so + stop_at_operand);
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
        case ':':
        case '?': {
            /* name the option really at fault: a short one is in optopt */
            char shortname[3] = {'-', (char)optopt, '\0'};
            const char *bad = optopt ? shortname : argv[optind - 1];
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

static bool locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int cli_setup(cli_ctx *ctx)
{
    char err[4400];
    int rc = cfg_load(ctx->config_flag, &ctx->cfg, err, sizeof err);
    if (rc) return cli_fail(rc, "%s", err);
    const char *today = getenv("LND_TODAY");
    lnd_day d;
    if (today && *today && !date_parse(today, &d))
        return cli_fail(EX_USAGE_, "LND_TODAY='%s' is not a date; use YYYY-MM-DD or unset it",
                        today);
    if (cfg_db_path(ctx->db_flag, &ctx->cfg, ctx->db, sizeof ctx->db) != 0)
        return cli_fail(EX_CONFIG_, "no database path: set --db, $LND_DB or HOME");
    ctx->user = ctx->user_flag ? ctx->user_flag : ctx->cfg.user;
    if (!*ctx->user) return cli_fail(EX_USAGE_, "--user must not be empty");
    ctx->stdout_tty = isatty(STDOUT_FILENO);
    const char *nc = getenv("NO_COLOR");
    if (ctx->no_color || (nc && *nc) || ctx->cfg.color == 0) ctx->color = false;
    else if (ctx->cfg.color == 1) ctx->color = ctx->stdout_tty;
    else ctx->color = ctx->stdout_tty;
    ctx->ascii = ctx->ascii_flag || ctx->cfg.ascii == 1 ||
                 (ctx->cfg.ascii != 0 && !locale_is_utf8());
    return 0;
}

int cli_open(cli_ctx *ctx, int flags, store **out)
{
    char err[4400];
    store_rc rc = store_open(ctx->db, flags, out, err, sizeof err);
    if (rc != STORE_OK) return cli_fail(store_rc_exit(rc), "%s", err);
    store_set_followups(*out, ctx->cfg.followup_days, 3, ctx->cfg.window_days);
    return 0;
}

int cli_store_fail(store *s, store_rc rc)
{
    return cli_fail(store_rc_exit(rc), "%s", store_errmsg(s));
}

bool cli_parse_double(const char *s, double *out)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    const char *digits = s + (*s == '-' || *s == '+');
    if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) return false;   /* no hex */
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v) || end == s) return false;
    *out = v;
    return true;
}

bool cli_parse_int(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi) return false;
    *out = v;
    return true;
}

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
