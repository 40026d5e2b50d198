/* SPDX-License-Identifier: MIT */
/* cli/main.c — lnd's entry point: global options, the command table, help and version.
 * Decides between the full-screen UI and a one-shot command before any curses starts. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifndef LND_SYSCONFDIR
#define LND_SYSCONFDIR "/etc"   /* the Makefile's SYSCONFDIR */
#endif

static const cli_command commands[] = {
    {"tui", "open the full-screen dashboard (the default)", cmd_tui},
    {"status", "print the cascade with progress, pace and status", cmd_status},
    {"checkin", "log a check-in on a key result", cmd_checkin},
    {"init", "create the database (--demo: with the worked examples)", cmd_init},
    {"cycle", "add, list, activate, review or close planning cycles", cmd_cycle},
    {"objective", "add, edit, archive or restore objectives", cmd_objective},
    {"kr", "add, edit, archive, restore or show key results", cmd_kr},
    {"check", "alignment health: the pitfalls in the plan (exit 1 on errors)", cmd_check},
    {"review", "end-of-cycle scores, retrospective and carry-forward", cmd_review},
    {"report", "the quarter in business terms (Markdown)", cmd_report},
    {"digest", "what is due, off track or less confident this week (for cron)", cmd_digest},
    {"programme", "add, edit, archive, restore or list learning programmes", cmd_programme},
    {"due", "follow-ups to log, across cycles (--mine, --format json)", cmd_due},
    {"kpi", "add, set or list steady-state KPIs", cmd_kpi},
    {"log", "who changed what, when", cmd_log},
    {"undo", "revert your own last change to an objective, KR or programme", cmd_undo},
    {"export", "export a cycle or everything as JSON or CSV", cmd_export},
    {"import", "restore a JSON export, or load check-ins from CSV", cmd_import},
    {"backup", "an exact copy of the database while others write", cmd_backup},
    {"doctor", "check the database: integrity, invariants, UTF-8 (exit 1 on problems)", cmd_doctor},
    {"config", "the effective settings and where each came from", cmd_config},
    {"completion", "print the bash, zsh or fish completion script", cmd_completion},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fputs("usage: lnd [--db PATH] [--config FILE] [--user NAME] [--cycle NAME] [--color=WHEN]\n"
          "           [--width N] [--ascii] [COMMAND ...]\n\n"
          "OKRs that tie Learning & Development to business results.\n\n"
          "commands:\n", f);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\noptions (also accepted after the command):\n"
          "  --db PATH       database file or postgresql:// URI (default: $LND_DB,\n"
          "                  config `database`, $XDG_DATA_HOME/lnd/lnd.db)\n"
          "  --config FILE   configuration file (default: $LND_CONFIG,\n"
          "                  $XDG_CONFIG_HOME/lnd/lnd.conf, ~/.config/lnd/lnd.conf,\n"
          "                  " LND_SYSCONFDIR "/lnd.conf)\n"
          "  --user NAME     display name on check-ins and the audit log (default: $USER);\n"
          "                  a label: the operating-system account is recorded beside it\n"
          "  --cycle NAME    the cycle commands work on (default: the current one)\n"
          "  --color=WHEN    auto (default: on a terminal), always or never; NO_COLOR,\n"
          "                  CLICOLOR_FORCE and config `color` too; never for TERM=dumb\n"
          "  --no-color      same as --color=never\n"
          "  --width N       line width of text output, 40 or more (default: the\n"
          "                  terminal's; full lines when not a terminal)\n"
          "  --ascii         ASCII glyphs only (automatic when the locale is not UTF-8)\n"
          "  -h, --help      this help; `lnd COMMAND --help` for a command's\n"
          "  -V, --version   print the version (before the command; after edit or\n"
          "                  archive, --version N is the row version)\n\n"
          "Start with `lnd init --demo`, then `lnd` or `lnd status`. See lnd(1).\n", f);
}

/* A command that printed its --help (CLI_HELPED) has succeeded. */
static int exit_code(int rc) { return rc == CLI_HELPED ? 0 : rc; }

/* core/'s allocators call this when memory runs out (then abort): one line, no partial
 * output added. */
static void out_of_memory(size_t asked)
{
    fprintf(stderr, "lnd: out of memory (asked for %zu bytes)\n", asked);
}

int main(int argc, char **argv)
{
    arena_set_oom(out_of_memory);
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");   /* numbers read and written the same in every locale */
    cli_ctx ctx = {0};
    cli_set_commands(commands, N_COMMANDS);
    if (argc > 1 && strcmp(argv[1], "__complete") == 0) return cli_complete(&ctx, argc - 1, argv + 1);
    int crc = cli_check_args(argc, argv);
    if (crc) return crc;
    bool help;
    int rc = cli_getopt(&ctx, argc, argv, "+", NULL, NULL, NULL, &help);
    if (rc) return rc;
    int first = optind;
    if (ctx.show_version) {   /* anywhere before the command: lnd --db x --version */
        printf("lnd %s (database schema %d)\n", LND_VERSION, store_schema_version());
        return 0;
    }
    if (help) {
        usage(stdout);
        return 0;
    }
    if ((crc = cli_clock_init())) return crc;
    if (first >= argc) {
        char *tui_argv[] = {"tui", NULL};
        return exit_code(cmd_tui(&ctx, 1, tui_argv));
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[first], commands[i].name) == 0)
            return exit_code(commands[i].run(&ctx, argc - first, argv + first));
    if (strcmp(argv[first], "help") == 0) {   /* lnd help CMD = lnd CMD --help */
        const cli_command *c = first + 1 < argc ? cli_find_command(argv[first + 1]) : NULL;
        if (first + 1 < argc && !c && strcmp(argv[first + 1], "help") != 0)
            return cli_fail(EX_USAGE_, "help: unknown command '%s'; see `lnd --help`", argv[first + 1]);
        if (!c) {
            usage(stdout);
            return 0;
        }
        char *hargv[] = {(char *)c->name, "--help", NULL};
        return exit_code(c->run(&ctx, 2, hargv));
    }
    return cli_fail(EX_USAGE_, "unknown command '%s'; see `lnd --help`", argv[first]);
}
