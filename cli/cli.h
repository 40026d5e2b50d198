/* SPDX-License-Identifier: MIT */
/* cli/cli.h — what the command-line commands share: the run context (options, config,
 * database path, output mode), error reporting with sysexits codes, argument parsing of
 * numbers and ids, and opening the store. No curses here; SQL stays in store/. */
#ifndef LND_CLI_H
#define LND_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include "../core/config.h"
#include "../core/health.h"
#include "../store/store.h"
#include "config_file.h"

/* sysexits(3) */
enum {
    EX_OK_ = 0, EX_USAGE_ = 64, EX_DATAERR_ = 65, EX_NOINPUT_ = 66, EX_UNAVAILABLE_ = 69,
    EX_SOFTWARE_ = 70, EX_CANTCREAT_ = 73, EX_IOERR_ = 74, EX_TEMPFAIL_ = 75, EX_NOPERM_ = 77,
    EX_CONFIG_ = 78
};

typedef struct {
    const char *db_flag;       /* --db */
    const char *config_flag;   /* --config */
    const char *user_flag;     /* --user */
    const char *shared_flag;   /* init --shared GROUP */
    bool no_color;             /* --no-color */
    bool color_set;            /* --color=WHEN given: */
    int color_flag;            /*   -1 auto, 0 never, 1 always */
    const char *cycle_flag;    /* --cycle before the command (a command's own --cycle wins) */
    int width;                 /* --width N: line width of text output, 0 = the terminal's */
    bool show_version;         /* --version / -V before the command */
    bool ascii_flag;           /* --ascii */
    /* resolved by cli_setup() */
    lnd_config cfg;
    cli_cfg_origin origin;     /* which keys the config file set, on which line */
    char db[4096];
    const char *user;          /* display name: a label (--user, config user, $USER) */
    char account[128];         /* operating-system account: getpwuid(getuid()), else "uid N" */
    bool color;                /* ANSI colour on stdout */
    bool ascii;                /* ASCII glyphs only */
    bool stdout_tty;
    bool hooks_detached;       /* the dashboard: hooks run in the background (cli/hooks.c) */
} cli_ctx;

/* A command: name, one-line summary, run(ctx, argc, argv) where argv[0] is the command. */
typedef struct {
    const char *name;
    const char *summary;
    int (*run)(cli_ctx *ctx, int argc, char **argv);
} cli_command;

/* Print "lnd: <message>" to stderr and return code (so callers can `return cli_fail(...)`). */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Add the CLI's advice to a message from core/ or store/ that says only what is wrong
 * ("no key result K9" + "; see `lnd status` for ids"), in place (cli/advice.c). cli_fail does
 * it for every message. */
void cli_advise(char *msg, size_t n);
/* A health finding's fix as the command to run ("set a business parent: lnd objective edit O9
 * --parent O1"), into out; returns out. The rule's usual fix as `lnd check --rules` shows it. */
const char *cli_fix_text(const lnd_finding *f, char *out, size_t n);
const char *cli_rule_fix(const health_rule *r);

/* User text made safe for an error message (core/sanitize: controls, bidi and invalid bytes
 * made visible). Four calls may share one message. */
const char *cli_safe(const char *s);
/* Hand the clock to core/dates: now from time() or $LND_NOW, today's local date or
 * $LND_TODAY (cli/clock.c). Returns 0 or EX_USAGE_ after one line on a bad variable. */
int cli_clock_init(void);
/* Re-read the clock as cli_clock_init did (a long-running dashboard crosses midnight). */
void cli_clock_tick(void);
/* The stored (UTC) stamp of the local midnight that starts day d, for "since DATE" filters. */
void cli_local_midnight_utc(long d, char *buf, size_t n);
/* Refuse an argument that is not valid UTF-8: one line naming the option and the byte
 * offset, EX_DATAERR_. 0 when all are valid. */
int cli_check_args(int argc, char **argv);

/* "-" as an input file that is read twice: stdin copied once into a new temporary file whose
 * path goes into path (the caller removes it). 0, or the exit code after one line. */
int cli_spool_stdin(char *path, size_t n);

/* Global options shared by every command (long-option values >= CLI_GLOBAL_BASE). */
#define CLI_GLOBAL_BASE 1000
/* getopt_long over argv with the command's options plus the global ones; calls on_opt for
 * the command's own options. Returns 0, or EX_USAGE_ after printing one line; sets *help
 * when -h/--help was given. optind is left at the first operand. */
int cli_getopt(cli_ctx *ctx, int argc, char **argv, const char *shortopts,
               const struct option *cmd_opts,
               int (*on_opt)(void *st, int c, const char *arg), void *st, bool *help);

/* cli_getopt for a command: on -h/--help prints help to stdout and returns CLI_HELPED (main
 * exits 0), so a command only says `if (rc) return rc;`. */
int cli_command_opts(cli_ctx *ctx, int argc, char **argv, const char *shortopts, const struct option *cmd_opts,
                     int (*on_opt)(void *st, int c, const char *arg), void *st, const char *help);
#define CLI_HELPED 1002
/* A command that needs a verb (`lnd kpi add`): without one, its usage on stderr and 64. */
int cli_need_verb(int argc, const char *help);

/* Options kept as text by their code (1..CLI_OPTV_N-1): v[code] = the value, "1" for a
 * flag. cli_optv_set is the on_opt of cli_getopt for such commands. */
#define CLI_OPTV_N 32
typedef struct {
    const char *v[CLI_OPTV_N];
} cli_optv;
int cli_optv_set(void *st, int c, const char *arg);

/* The cycle a command works on: its own --cycle, else the global one, else NULL (current). */
const char *cli_cycle(const cli_ctx *ctx, const char *own);
/* Colour wanted on an output that is (tty) a terminal, by the rules: --no-color/--color=WHEN,
 * NO_COLOR, CLICOLOR_FORCE, config color, auto. cli_color_source says which rule decided
 * (for `lnd config`) and returns 1 colour, 0 none. */
bool cli_color_wanted(const cli_ctx *ctx, bool tty);
int cli_color_source(const cli_ctx *ctx, bool tty, const char **why);

/* Load the config, resolve database path, user, colour and ASCII. Returns 0 or an exit
 * code after printing one line. */
int cli_setup(cli_ctx *ctx);

/* Open the database (must exist unless create). Prints a one-line error and returns an
 * exit code on failure; *out NULL then. */
int cli_open(cli_ctx *ctx, int flags, store **out);

/* Load the plan of cycle NAME (NULL: the current one), with the one-line errors every
 * command gives for an unknown or missing cycle. Returns 0 or an exit code; *p NULL then. */
int cli_load_plan(cli_ctx *ctx, store *s, const char *cycle, lnd_plan **p);

/* Run the user's hooks after each commit on s (cli/hooks.c); cli_open does it for every
 * database it opens for writing. */
void cli_hooks_attach(cli_ctx *ctx, store *s);

/* Report a failed store verb: "lnd: <store_errmsg>" and the mapped exit code. */
int cli_store_fail(store *s, store_rc rc);

/* Edits from scripts (cli/edit.c): one write transaction around read, apply and write, so
 * edits of different fields never conflict. cli_edit_begin returns 0 or an exit code (after
 * one line); cli_edit_end commits when ok, else rolls back, and returns the commit's result. */
int cli_edit_begin(store *s);
store_rc cli_edit_end(store *s, bool ok);
/* --expect-OPT: the field's value now and the value the script expects, both formatted the
 * same way. 0 when equal; else one line (the field, its value, who set it) and 75. */
typedef struct {
    const char *entity;       /* audit entity: "objective", "kr", "programme" */
    lnd_id id;
    const char *label;        /* "K8" */
    const char *opt;          /* option name after --expect-: "title", "due-week" */
    const char *audit_field;  /* as the audit detail names it: "title", "due week" */
    const char *now, *want;
} cli_expect;
int cli_edit_expect(const cli_ctx *ctx, store *s, const cli_expect *e);

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
/* `lnd kr show K3` (cli/cmd_kr_show.c), dispatched from cmd_kr. */
int cli_kr_show(cli_ctx *ctx, int argc, char **argv);
int cmd_tui(cli_ctx *ctx, int argc, char **argv);
int cmd_programme(cli_ctx *ctx, int argc, char **argv);
int cmd_kpi(cli_ctx *ctx, int argc, char **argv);
int cmd_log(cli_ctx *ctx, int argc, char **argv);
int cmd_undo(cli_ctx *ctx, int argc, char **argv);   /* cli/cmd_undo.c */
/* Under status text: "review of 2026-Q4 pending: ..." when a cycle other than shown is in
 * review (cli/cycle_hint.c); prints nothing otherwise. */
void cli_review_hint(const cli_ctx *ctx, store *s, const lnd_cycle *shown);
int cmd_due(cli_ctx *ctx, int argc, char **argv);
int cmd_export(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
/* `lnd import --plan` (cli/cmd_import_plan.c), dispatched from cmd_import. */
bool cli_import_wants_plan(int argc, char **argv);
int cmd_import_plan(cli_ctx *ctx, int argc, char **argv);
extern const char cli_import_plan_help[];
int cmd_review(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_report(cli_ctx *ctx, int argc, char **argv);
int cmd_backup(cli_ctx *ctx, int argc, char **argv);
int cmd_doctor(cli_ctx *ctx, int argc, char **argv);
int cmd_digest(cli_ctx *ctx, int argc, char **argv);
int cmd_config(cli_ctx *ctx, int argc, char **argv);

/* Health findings of a plan as one line each ("[error] H01 O9 'title': message (fix: hint)"),
 * with the config's thresholds and disabled rules (cli/cmd_check.c). Lines in arena. */
size_t cli_health_lines(const cli_ctx *ctx, const lnd_plan *p, lnd_arena *a, const char ***out);

/* Shell completion (cli/complete.c, cli/complete_sh.c). main registers its command table
 * (the one --help lists); `lnd __complete WORD...` prints the candidates for the last word;
 * `lnd completion bash|zsh|fish` prints the script that calls it. */
void cli_set_commands(const cli_command *c, size_t n);
const cli_command *cli_find_command(const char *name);
int cli_complete(cli_ctx *ctx, int argc, char **argv);
int cmd_completion(cli_ctx *ctx, int argc, char **argv);
/* Probe mode: while cli_probing is set, cli_getopt records the command's option table and
 * short options there and returns CLI_PROBED at once (the command then returns it). */
typedef struct {
    const struct option *opts;
    const char *shorts;
} cli_probe;
extern cli_probe *cli_probing;
#define CLI_PROBED 1001
/* The global options every command accepts (--db, --config, ...), NULL-terminated. */
const struct option *cli_global_options(void);

/* Demo data (cli/demo.c): the worked examples of the domain, around today. */
store_rc demo_load(store *s, const char *user);

/* The help of `lnd objective` and `lnd kr` (cli/help_plan.c). */
extern const char cli_objective_help[], cli_kr_help[];

/* `lnd import --checkins FILE.csv` (cli/cmd_import_csv.c): 0 or the exit code. */
int cli_import_checkins(cli_ctx *ctx, const char *file);

/* ---- waivers (cli/waiver.c): `objective edit O3 --waive H02 --reason TEXT` / --unwaive ---- */
/* Checks the options and records or lifts the waiver (inside the edit's transaction); 0 or
 * the exit code after printing the error. */
int cli_waiver_apply(cli_ctx *ctx, store *s, lnd_id id, const char *waive, const char *unwaive,
                     const char *reason);
/* After the commit: one line saying what the waiver did. */
void cli_waiver_say(cli_ctx *ctx, lnd_id id, const char *waive, const char *unwaive, const char *reason);

#endif
