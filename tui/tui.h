/* SPDX-License-Identifier: MIT */
/* tui/tui.h — entry point of the full-screen dashboard. cli/ decides interactive vs not and
 * opens the store before calling this; everything curses lives behind this header. */
#ifndef LND_TUI_H
#define LND_TUI_H

#include <stdbool.h>
#include "../core/config.h"
#include "../store/store.h"

typedef struct {
    const char *db_path;       /* for messages */
    const char *user;          /* author of check-ins and edits */
    const char *cycle;         /* cycle name to open, NULL = current */
    bool ascii;                /* ASCII glyphs only */
    bool color;                /* false: monochrome (NO_COLOR, --no-color, config) */
    bool readonly;             /* the database cannot be written: the header says so */
    const lnd_config *cfg;
    void (*tick_clock)(void);  /* re-read the clock (cli/clock.c), so today follows midnight */
} tui_opts;

/* Runs until the user quits. Returns a sysexits-style exit code (0 on a normal quit). The
 * terminal is restored on every path out, including SIGTERM/SIGHUP and fatal errors. */
int tui_run(store *s, const tui_opts *o);

#endif
