/* SPDX-License-Identifier: MIT */
/* core/config.h — lnd's configuration: defaults, the search order for the file, and a
 * strict libconfig loader (syntax errors, unknown keys and wrong types are reported as
 * "file:line: what is wrong"). The file is only read, never written. */
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

/* Find and load the configuration. explicit_path (from --config) wins; then $LND_CONFIG,
 * $XDG_CONFIG_HOME/lnd/lnd.conf, ~/.config/lnd/lnd.conf, /etc/lnd.conf. None found means
 * defaults. Returns 0 on success; on failure fills err with one line ("file:line: what is
 * wrong; fix") and returns a sysexits code: 66 explicit file missing/unreadable, 78 bad. */
int cfg_load(const char *explicit_path, lnd_config *c, char *err, size_t errsz);

/* Load exactly this file over the current values (used by cfg_load and tests). */
/* Before libconfig sees a text (the config or a theme): valid UTF-8 only (EX_DATAERR), and no
 * @include, which would read, or exit inside, files nobody checked (EX_CONFIG). 0 when fine;
 * err gets "file:line: what". */
int cfg_check_text(const char *path, const char *text, size_t len, char *err, size_t errsz);
int cfg_load_file(const char *path, lnd_config *c, char *err, size_t errsz);

/* Database path: flag, $LND_DB, config database, else $XDG_DATA_HOME/lnd/lnd.db or
 * ~/.local/share/lnd/lnd.db. Writes into out. Returns 0, or -1 when no home is known. */
int cfg_db_path(const char *flag, const lnd_config *c, char *out, size_t n);

#endif
