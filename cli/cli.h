/* cli/cli.h — what the command-line commands share: the run context (options, config,
 * database path, output mode), error reporting with sysexits codes, argument parsing of
 * numbers and ids, and opening the store. No curses here; SQL stays in store/. */
#ifndef LND_CLI_H
#define LND_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include "../core/config.h"
#include "../store/store.h"

/* sysexits(3) */
enum {
    EX_OK_ = 0, EX_USAGE_ = 64, EX_DATAERR_ = 65, EX_NOINPUT_ = 66, EX_UNAVAILABLE_ = 69,
    EX_SOFTWARE_ = 70, EX_CANTCREAT_ = 73, EX_IOERR_ = 74, EX_TEMPFAIL_ = 75, EX_CONFIG_ = 78
};

typedef struct {
    const char *db_flag;       /* --db */
    const char *config_flag;   /* --config */
    const char *user_flag;     /* --user */
    bool no_color;             /* --no-color */
    bool ascii_flag;           /* --ascii */
    /* resolved by cli_setup() */
    lnd_config cfg;
    char db[4096];
    const char *user;
    bool color;                /* ANSI colour on stdout */
    bool ascii;                /* ASCII glyphs only */
    bool stdout_tty;
} cli_ctx;

/* A command: name, one-line summary, run(ctx, argc, argv) where argv[0] is the command. */
typedef struct {
    const char *name;
    const char *summary;
    int (*run)(cli_ctx *ctx, int argc, char **argv);
} cli_command;

/* Print "lnd: <message>" to stderr and return code (so callers can `return cli_fail(...)`). */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Global options shared by every command (long-option values >= CLI_GLOBAL_BASE). */
#define CLI_GLOBAL_BASE 1000
/* getopt_long over argv with the command's options plus the global ones; calls on_opt for
 * the command's own options. Returns 0, or EX_USAGE_ after printing one line; sets *help
 * when -h/--help was given. optind is left at the first operand. */
int cli_getopt(cli_ctx *ctx, int argc, char **argv, const char *shortopts,
               const struct option *cmd_opts,
               int (*on_opt)(void *st, int c, const char *arg), void *st, bool *help);

/* Load the config, resolve database path, user, colour and ASCII. Returns 0 or an exit
 * code after printing one line. */
int cli_setup(cli_ctx *ctx);

/* Open the database (must exist unless create). Prints a one-line error and returns an
 * exit code on failure; *out NULL then. */
int cli_open(cli_ctx *ctx, int flags, store **out);

/* Load the plan of cycle NAME (NULL: the current one), with the one-line errors every
 * command gives for an unknown or missing cycle. Returns 0 or an exit code; *p NULL then. */
int cli_load_plan(cli_ctx *ctx, store *s, const char *cycle, lnd_plan **p);

/* Report a failed store verb: "lnd: <store_errmsg>" and the mapped exit code. */
int cli_store_fail(store *s, store_rc rc);

/* Strict number parsing: the whole string, finite. false on anything else. */
bool cli_parse_double(const char *s, double *out);
bool cli_parse_int(const char *s, long lo, long hi, long *out);
/* "K12", "k12" or "12" with prefix 'K'; "O3" etc. */
bool cli_parse_id(const char *s, char prefix, lnd_id *out);


/* Commands (cli/cmd_*.c). */
int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_status(cli_ctx *ctx, int argc, char **argv);
int cmd_checkin(cli_ctx *ctx, int argc, char **argv);
int cmd_cycle(cli_ctx *ctx, int argc, char **argv);
int cmd_objective(cli_ctx *ctx, int argc, char **argv);
int cmd_kr(cli_ctx *ctx, int argc, char **argv);
int cmd_tui(cli_ctx *ctx, int argc, char **argv);
int cmd_programme(cli_ctx *ctx, int argc, char **argv);
int cmd_kpi(cli_ctx *ctx, int argc, char **argv);
int cmd_log(cli_ctx *ctx, int argc, char **argv);
int cmd_due(cli_ctx *ctx, int argc, char **argv);
int cmd_export(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_review(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_report(cli_ctx *ctx, int argc, char **argv);
int cmd_digest(cli_ctx *ctx, int argc, char **argv);

/* Health findings of a plan as one line each ("[error] H01 O9 'title': message (fix: hint)"),
 * with the config's thresholds and disabled rules (cli/cmd_check.c). Lines in arena. */
size_t cli_health_lines(const cli_ctx *ctx, const lnd_plan *p, lnd_arena *a, const char ***out);

/* Demo data (cli/demo.c): the worked examples of the domain, around today. */
store_rc demo_load(store *s, const char *user);

#endif
