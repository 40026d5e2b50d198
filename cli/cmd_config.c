/* SPDX-License-Identifier: MIT */
/* cli/cmd_config.c — `lnd config`: the effective settings and where each came from (default,
 * FILE:LINE, environment, option), as text or JSON. Reads only: never writes the config. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

static const char config_help[] =
    "usage: lnd config [--format text|json]\n\n"
    "Print the effective settings, one per line, and where each came from: default,\n"
    "FILE:LINE (the configuration file), environment VAR, or option --NAME. The file is\n"
    "only read (see lnd.conf(5) and lnd.conf.example).\n";

typedef struct {
    const cli_ctx *ctx;
    json_t *arr;            /* JSON: the settings; NULL for text */
} cfg_out;

/* FILE:LINE when the file set key, else fallback. */
static const char *from_file(const cli_ctx *ctx, const char *key, const char *fallback, char *buf, size_t n)
{
    for (size_t i = 0; i < ctx->origin.n; i++)
        if (strcmp(ctx->origin.k[i].key, key) == 0) {
            snprintf(buf, n, "%s:%u", ctx->cfg.source, ctx->origin.k[i].line);
            return buf;
        }
    return fallback;
}

static void emit(cfg_out *o, const char *key, const char *value, const char *source)
{
    if (o->arr) {
        json_t *j = json_object();
        json_object_set_new(j, "key", json_string(key));
        json_object_set_new(j, "value", cj_str(value));
        json_object_set_new(j, "source", cj_str(source));
        json_array_append_new(o->arr, j);
        return;
    }
    int w = printf("%s = ", key);
    out_text(stdout, o->ctx, value, -1, false);
    w += (int)strlen(value);
    printf("%*s# ", w < 44 ? 44 - w : 1, "");
    out_text(stdout, o->ctx, source, -1, false);
    putchar('\n');
}

static void file_key(cfg_out *o, const char *key, const char *value)
{
    char b[4200];
    emit(o, key, value, from_file(o->ctx, key, "default", b, sizeof b));
}

static void file_int(cfg_out *o, const char *key, long v)
{
    char s[32];
    snprintf(s, sizeof s, "%ld", v);
    file_key(o, key, s);
}

static void file_num(cfg_out *o, const char *key, double v)
{
    char s[32];
    snprintf(s, sizeof s, "%g", v);
    file_key(o, key, s);
}

static void settings(cfg_out *o)
{
    const cli_ctx *c = o->ctx;
    const lnd_config *g = &c->cfg;
    char b[4200], v[256];
    const char *env;
    emit(o, "config", *g->source ? g->source : "(none: defaults)",
         c->config_flag ? "option --config" : getenv("LND_CONFIG") && *getenv("LND_CONFIG") ? "environment LND_CONFIG"
         : *g->source ? "search order (lnd.conf(5))" : "default");
    emit(o, "database", c->db, c->db_flag ? "option --db" : (env = getenv("LND_DB")) && *env ? "environment LND_DB"
                                 : from_file(c, "database", "default", b, sizeof b));
    emit(o, "user", c->user, c->user_flag ? "option --user" : from_file(c, "user", NULL, b, sizeof b) ?
         b : (env = getenv("USER")) && *env ? "environment USER" : "default");
    emit(o, "cycle", c->cycle_flag ? c->cycle_flag : "(the current one)", c->cycle_flag ? "option --cycle" : "default");
    file_key(o, "theme", g->theme);
    file_key(o, "shared", *g->shared ? g->shared : "(not shared)");
    emit(o, "ascii", c->ascii ? "true" : "false", c->ascii_flag ? "option --ascii"
         : from_file(c, "ascii", g->ascii < 0 ? "auto (the locale)" : "default", b, sizeof b));
    const char *why;
    int col = cli_color_source(c, c->stdout_tty, &why);
    snprintf(v, sizeof v, "%s", col ? "always" : "never");
    if (col && !out_term_has_color()) snprintf(v, sizeof v, "never (TERM has no colours)");
    else if (!strcmp(why, "auto")) snprintf(v, sizeof v, "auto (%s)", c->stdout_tty ? "a terminal: colour" : "not a terminal: none");
    /* "config", or "auto" that the file itself may say (color = "auto";) */
    emit(o, "color", v, !strcmp(why, "config") || !strcmp(why, "auto") ? from_file(c, "color", why, b, sizeof b) : why);
    file_int(o, "cadence_days", g->cadence_days);
    file_int(o, "hook_timeout", g->hook_timeout);
    file_num(o, "progress.at_risk_margin", g->rules.at_risk_margin);
    file_num(o, "progress.off_track_margin", g->rules.off_track_margin);
    file_int(o, "progress.low_confidence", g->rules.low_confidence);
    file_int(o, "progress.very_low_confidence", g->rules.very_low_confidence);
    file_int(o, "progress.lag_weeks", g->rules.lag_weeks);
    file_int(o, "progress.confidence_drop", g->rules.confidence_drop);
    file_num(o, "bands.green", g->rules.band_green);
    file_num(o, "bands.amber", g->rules.band_amber);
    file_int(o, "health.max_objectives", g->max_objectives);
    file_int(o, "health.max_krs", g->max_krs);
    file_int(o, "health.late_weeks", g->late_weeks);
    file_int(o, "health.quiet_grace_days", g->quiet_grace_days);
    file_key(o, "health.disabled", *g->disabled_rules ? g->disabled_rules : "(none)");
    snprintf(v, sizeof v, "%d,%d,%d", g->followup_days[0], g->followup_days[1], g->followup_days[2]);
    file_key(o, "health.followup_days", v);
    file_int(o, "health.window_days", g->window_days);
    env = getenv("LND_BUSY_TIMEOUT_MS");
    emit(o, "busy_timeout_ms", env && *env ? env : "(store default)", env && *env ? "environment LND_BUSY_TIMEOUT_MS" : "default");
    char today[16];
    date_format(date_today(), today, sizeof today);
    env = getenv("LND_TODAY");
    const char *now_env = getenv("LND_NOW");   /* today follows a pinned now (cli/clock.c) */
    emit(o, "today", today, env && *env ? "environment LND_TODAY" : now_env && *now_env ? "environment LND_NOW" : "clock");
}

int cmd_config(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 1}, {0}};
    cli_optv ov = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, cli_optv_set, &ov, config_help);
    if (rc) return rc;
    bool json = false;
    if (ov.v[1] && (rc = cj_format("config", ov.v[1], &json))) return rc;
    if (optind < argc) return cli_fail(EX_USAGE_, "config: unexpected '%s'; see `lnd config --help`", argv[optind]);
    if ((rc = cli_setup(ctx))) return rc;
    cfg_out o = {.ctx = ctx, .arr = json ? json_array() : NULL};
    settings(&o);
    if (json) {
        json_t *root = json_object();
        json_object_set_new(root, "settings", o.arr);
        return cj_print(root);
    }
    return fflush(stdout) ? cli_fail(EX_IOERR_, "cannot write to stdout") : 0;
}
