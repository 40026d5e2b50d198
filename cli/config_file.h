/* SPDX-License-Identifier: MIT */
/* cli/config_file.h — finding and reading lnd's configuration file and the environment it
 * depends on, for core/config.c (which gets only text and values). Also what `lnd config`
 * needs to say where each setting came from. */
#ifndef LND_CLI_CONFIG_FILE_H
#define LND_CLI_CONFIG_FILE_H

#include <stddef.h>
#include "../core/config.h"

/* Where each key's value came from: keys as the file spells them, line 0 = default. */
typedef struct {
    char key[48];
    unsigned line;
} cli_cfg_seen;
typedef struct {
    cli_cfg_seen k[64];
    size_t n;
} cli_cfg_origin;

/* Find and load the configuration. explicit_path (from --config) wins; then $LND_CONFIG,
 * $XDG_CONFIG_HOME/lnd/lnd.conf, ~/.config/lnd/lnd.conf, SYSCONFDIR/lnd.conf. None found
 * means defaults (user from $USER). Returns 0; on failure fills err with one line
 * ("file:line: what is wrong; fix") and returns 66 (explicit file missing/unreadable), 65 or
 * 78. origin (may be NULL) receives the keys the file set. */
int cli_config_load(const char *explicit_path, lnd_config *c, cli_cfg_origin *origin, char *err,
                    size_t errsz);
/* Load exactly this file over the current values (used by cli_config_load and tests). */
int cli_config_load_file(const char *path, lnd_config *c, cli_cfg_origin *origin, char *err,
                         size_t errsz);
/* The database path from --db (flag), $LND_DB, the config, $XDG_DATA_HOME, $HOME. 0 or -1. */
int cli_db_path(const char *flag, const lnd_config *c, char *out, size_t n);
/* The text of a file, whole (at most max bytes), or of stdin when path is "-". NUL-terminated;
 * free() it. 0, or 66 (cannot open), 74 (read error), 65 (larger than max) with err. */
int cli_read_file(const char *path, size_t max, char **text, size_t *len, char *err, size_t errsz);

#endif
