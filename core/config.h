/* SPDX-License-Identifier: MIT */
/* core/config.h — lnd's configuration: defaults and a strict libconfig loader of a text
 * (syntax errors, unknown keys and wrong types are reported as "file:line: what is wrong").
 * No I/O: cli/config_file.c finds and reads the file and the environment and hands them in. */
#ifndef LND_CONFIG_H
#define LND_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include "progress.h"

typedef struct {
    char database[4096];   /* "" = default path */
    char user[128];        /* default $USER, else "unknown" */
    char theme[64];        /* default "default" */
    char shared[64];       /* Unix group that shares the database lnd creates, "" = not shared */
    int ascii;             /* -1 auto (locale), 0 no, 1 yes */
    int color;             /* -1 auto (tty and NO_COLOR), 0 never, 1 always */
    progress_rules rules;  /* pace margins, confidence, score bands */
    int cadence_days;      /* default check-in cadence for new objectives (7) */
    /* health thresholds (issue: alignment health) */
    int max_objectives;    /* per cycle, default 5 (per level) */
    int max_krs;           /* per objective, default 5 */
    int late_weeks;        /* programme ending in the last N weeks is late, default 2 */
    int quiet_grace_days;  /* extra days past cadence before "going quiet", default 0 */
    char disabled_rules[256]; /* comma-separated rule ids, e.g. "H07,H11" */
    int followup_days[3];  /* follow-ups (behaviour and results KRs) after a programme ends: 30,60,90 */
    int window_days;       /* measurement window after a programme ends; 0 = last follow-up + 14 */
    int hook_timeout;      /* seconds a hook may run before it is killed (10) */
    char source[4096];     /* file the values came from, "" = defaults only */
} lnd_config;

void cfg_defaults(lnd_config *c);

/* Called for each key a file sets, with its name as the file spells it ("progress.lag_weeks")
 * and its line, so `lnd config` can say where each value came from. */
typedef void (*cfg_seen_fn)(void *ud, const char *key, unsigned line);

/* Before libconfig sees a text (the config or a theme): valid UTF-8 only (EX_DATAERR), and no
 * @include, which would read, or exit inside, files nobody checked (EX_CONFIG). 0 when fine;
 * err gets "file:line: what". */
int cfg_check_text(const char *path, const char *text, size_t len, char *err, size_t errsz);
/* Load the text of file path (named in messages only) over the current values; a text that
 * fails changes nothing. seen may be NULL. 0, or 65/78 with err "file:line: what". */
int cfg_load_text(const char *path, const char *text, size_t len, lnd_config *c, cfg_seen_fn seen,
                  void *ud, char *err, size_t errsz);

/* What the database path depends on besides the config, as cli/ read it (NULL: unset). */
typedef struct {
    const char *flag;           /* --db */
    const char *lnd_db;         /* $LND_DB */
    const char *xdg_data_home;  /* $XDG_DATA_HOME when absolute */
    const char *home;           /* $HOME */
} cfg_db_env;
/* Database path: flag, $LND_DB, config database (~ = home), else XDG_DATA_HOME/lnd/lnd.db or
 * HOME/.local/share/lnd/lnd.db. Writes into out. Returns 0, or -1 when no home is known. */
int cfg_db_path(const cfg_db_env *env, const lnd_config *c, char *out, size_t n);

#endif
