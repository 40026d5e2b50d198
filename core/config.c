/* SPDX-License-Identifier: MIT */
/* core/config.c — lnd's configuration (see config.h): defaults and a strict libconfig loader
 * of a text cli/ hands in. Every problem is one line "file:line: what is wrong", exit code 78
 * (65 for bad UTF-8). No I/O: never reads files or the environment (cli/config_file.c does). */
#include "config.h"
#include "utf8.h"

#include <libconfig.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EX_DATAERR 65
#define EX_NOINPUT 66
#define EX_CONFIG 78

static void copy_str(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

void cfg_defaults(lnd_config *c)
{
    memset(c, 0, sizeof *c);
    copy_str(c->user, sizeof c->user, "unknown");   /* cli/ puts $USER here before a file */
    copy_str(c->theme, sizeof c->theme, "default");
    c->ascii = -1;
    c->color = -1;
    progress_defaults(&c->rules);
    c->cadence_days = 7;
    c->hook_timeout = 10;
    c->max_objectives = 5;
    c->max_krs = 5;
    c->late_weeks = 2;
    c->quiet_grace_days = 0;
    c->followup_days[0] = 30;
    c->followup_days[1] = 60;
    c->followup_days[2] = 90;
}

/* ---- the loader ---------------------------------------------------------------------- */

typedef struct {
    const char *path;
    char *err;
    size_t errsz;
    lnd_config *c;
    /* settings seen in this file, for cross-field checks */
    const config_setting_t *at_risk, *off_track, *low, *very_low, *green, *amber;
    cfg_seen_fn seen;
    void *ud;
} loader;

/* Tell the caller which key this file set, and on which line (`lnd config`). */
static void note(loader *L, const config_setting_t *s, const char *key)
{
    if (L->seen) L->seen(L->ud, key, (unsigned)config_setting_source_line(s));
}

static int fail(loader *L, const config_setting_t *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(loader *L, const config_setting_t *s, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *file = s ? config_setting_source_file(s) : NULL;
    if (L->err && L->errsz)
        snprintf(L->err, L->errsz, "%s:%u: %s", file ? file : L->path,
                 s ? (unsigned)config_setting_source_line(s) : 0u, msg);
    return EX_CONFIG;
}

static bool is_int(const config_setting_t *s)
{
    int t = config_setting_type(s);
    return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
}

static int get_string(loader *L, const config_setting_t *s, const char *key, char *dst,
                      size_t cap, bool allow_empty)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING)
        return fail(L, s, "'%s' must be a string in double quotes", key);
    const char *v = config_setting_get_string(s);
    if (!allow_empty && !*v) return fail(L, s, "'%s' must not be empty", key);
    if (strlen(v) >= cap)
        return fail(L, s, "'%s' is too long (at most %zu bytes)", key, cap - 1);
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return fail(L, s, "'%s' must not contain control characters", key);
    copy_str(dst, cap, v);
    note(L, s, key);
    return 0;
}

/* true/false, or "auto" (same as leaving the key out). */
static int get_tristate(loader *L, const config_setting_t *s, const char *key, int *dst)
{
    if (config_setting_type(s) == CONFIG_TYPE_BOOL) {
        *dst = config_setting_get_bool(s) ? 1 : 0;
        note(L, s, key);
        return 0;
    }
    if (config_setting_type(s) == CONFIG_TYPE_STRING &&
        strcmp(config_setting_get_string(s), "auto") == 0) {
        *dst = -1;
        note(L, s, key);
        return 0;
    }
    return fail(L, s, "'%s' must be true or false (or \"auto\")", key);
}

static int get_int(loader *L, const config_setting_t *s, const char *key, long long lo,
                   long long hi, int *dst)
{
    if (!is_int(s)) return fail(L, s, "'%s' must be a whole number", key);
    long long v = config_setting_get_int64(s);
    if (v < lo || v > hi)
        return fail(L, s, "'%s' must be between %lld and %lld", key, lo, hi);
    *dst = (int)v;
    note(L, s, key);
    return 0;
}

static int get_float(loader *L, const config_setting_t *s, const char *key, double lo,
                     double hi, double *dst)
{
    double v;
    if (is_int(s)) v = (double)config_setting_get_int64(s);
    else if (config_setting_type(s) == CONFIG_TYPE_FLOAT) v = config_setting_get_float(s);
    else return fail(L, s, "'%s' must be a number", key);
    if (!(v >= lo && v <= hi))
        return fail(L, s, "'%s' must be between %g and %g", key, lo, hi);
    *dst = v;
    note(L, s, key);
    return 0;
}

static int unknown(loader *L, const config_setting_t *s, const char *group)
{
    const char *name = config_setting_name(s);
    return fail(L, s, "unknown key '%s%s%s' (see lnd.conf.example)", group ? group : "",
                group ? "." : "", name ? name : "?");
}

static int need_group(loader *L, const config_setting_t *s, const char *key)
{
    if (config_setting_type(s) == CONFIG_TYPE_GROUP) return 0;
    return fail(L, s, "'%s' must be a group: %s = { ... };", key, key);
}

static int load_progress(loader *L, const config_setting_t *g)
{
    progress_rules *r = &L->c->rules;
    int rc = need_group(L, g, "progress");
    for (int i = 0; !rc && i < config_setting_length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
        const char *n = config_setting_name(s);
        if (strcmp(n, "at_risk_margin") == 0) {
            rc = get_float(L, s, "progress.at_risk_margin", 0, 1, &r->at_risk_margin);
            L->at_risk = s;
        } else if (strcmp(n, "off_track_margin") == 0) {
            rc = get_float(L, s, "progress.off_track_margin", 0, 1, &r->off_track_margin);
            L->off_track = s;
        } else if (strcmp(n, "low_confidence") == 0) {
            rc = get_int(L, s, "progress.low_confidence", 0, 10, &r->low_confidence);
            L->low = s;
        } else if (strcmp(n, "very_low_confidence") == 0) {
            rc = get_int(L, s, "progress.very_low_confidence", 0, 10, &r->very_low_confidence);
            L->very_low = s;
        } else if (strcmp(n, "lag_weeks") == 0) {
            rc = get_int(L, s, "progress.lag_weeks", 0, 52, &r->lag_weeks);
        } else if (strcmp(n, "confidence_drop") == 0) {
            rc = get_int(L, s, "progress.confidence_drop", 0, 10, &r->confidence_drop);
        } else {
            rc = unknown(L, s, "progress");
        }
    }
    return rc;
}

static int load_bands(loader *L, const config_setting_t *g)
{
    progress_rules *r = &L->c->rules;
    int rc = need_group(L, g, "bands");
    for (int i = 0; !rc && i < config_setting_length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
        const char *n = config_setting_name(s);
        if (strcmp(n, "green") == 0) {
            rc = get_float(L, s, "bands.green", 0, 1, &r->band_green);
            L->green = s;
        } else if (strcmp(n, "amber") == 0) {
            rc = get_float(L, s, "bands.amber", 0, 1, &r->band_amber);
            L->amber = s;
        } else {
            rc = unknown(L, s, "bands");
        }
    }
    return rc;
}

/* Rule ids such as "H07": letters then digits, stored upper-case and comma-separated. */
static int load_disabled(loader *L, const config_setting_t *s)
{
    int t = config_setting_type(s);
    const char *what = "'health.disabled' must be a list of rule ids, e.g. [ \"H07\", \"H11\" ]";
    if (t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) return fail(L, s, "%s", what);
    char out[sizeof L->c->disabled_rules] = "";
    size_t len = 0;
    for (int i = 0; i < config_setting_length(s); i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        if (config_setting_type(e) != CONFIG_TYPE_STRING) return fail(L, e, "%s", what);
        const char *v = config_setting_get_string(e);
        size_t n = strlen(v), k = 0;
        while (k < n && ((v[k] >= 'A' && v[k] <= 'Z') || (v[k] >= 'a' && v[k] <= 'z'))) k++;
        size_t letters = k;
        while (k < n && v[k] >= '0' && v[k] <= '9') k++;
        if (letters == 0 || k == letters || k != n || n > 8)
            return fail(L, e, "'health.disabled': '%.40s' is not a rule id such as \"H07\"", v);
        if (len + n + 2 > sizeof out)
            return fail(L, e, "'health.disabled' lists too many rules");
        if (len) out[len++] = ',';
        for (k = 0; k < n; k++)
            out[len++] = (v[k] >= 'a' && v[k] <= 'z') ? (char)(v[k] - 'a' + 'A') : v[k];
        out[len] = '\0';
    }
    memcpy(L->c->disabled_rules, out, sizeof out);
    note(L, s, "health.disabled");
    return 0;
}

static int load_followup(loader *L, const config_setting_t *s)
{
    const char *what = "'health.followup_days' must be three increasing day counts "
                       "between 1 and 3650, e.g. [30, 60, 90]";
    int t = config_setting_type(s), d[3];
    if ((t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST) || config_setting_length(s) != 3)
        return fail(L, s, "%s", what);
    for (int i = 0; i < 3; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        if (!is_int(e)) return fail(L, e, "%s", what);
        long long v = config_setting_get_int64(e);
        if (v < 1 || v > 3650 || (i > 0 && v <= d[i - 1])) return fail(L, e, "%s", what);
        d[i] = (int)v;
    }
    memcpy(L->c->followup_days, d, sizeof d);
    note(L, s, "health.followup_days");
    return 0;
}

static int load_health(loader *L, const config_setting_t *g)
{
    lnd_config *c = L->c;
    int rc = need_group(L, g, "health");
    for (int i = 0; !rc && i < config_setting_length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
        const char *n = config_setting_name(s);
        if (strcmp(n, "max_objectives") == 0)
            rc = get_int(L, s, "health.max_objectives", 1, 1000, &c->max_objectives);
        else if (strcmp(n, "max_krs") == 0)
            rc = get_int(L, s, "health.max_krs", 1, 1000, &c->max_krs);
        else if (strcmp(n, "late_weeks") == 0)
            rc = get_int(L, s, "health.late_weeks", 0, 52, &c->late_weeks);
        else if (strcmp(n, "quiet_grace_days") == 0)
            rc = get_int(L, s, "health.quiet_grace_days", 0, 365, &c->quiet_grace_days);
        else if (strcmp(n, "disabled") == 0)
            rc = load_disabled(L, s);
        else if (strcmp(n, "followup_days") == 0)
            rc = load_followup(L, s);
        else if (strcmp(n, "window_days") == 0)
            rc = get_int(L, s, "health.window_days", 0, 3650, &c->window_days);
        else
            rc = unknown(L, s, "health");
    }
    return rc;
}

static int load_root(loader *L, const config_setting_t *root)
{
    lnd_config *c = L->c;
    int rc = 0;
    for (int i = 0; !rc && i < config_setting_length(root); i++) {
        const config_setting_t *s = config_setting_get_elem(root, (unsigned)i);
        const char *n = config_setting_name(s);
        if (strcmp(n, "database") == 0)
            rc = get_string(L, s, "database", c->database, sizeof c->database, true);
        else if (strcmp(n, "user") == 0)
            rc = get_string(L, s, "user", c->user, sizeof c->user, false);
        else if (strcmp(n, "shared") == 0)
            rc = get_string(L, s, "shared", c->shared, sizeof c->shared, true);
        else if (strcmp(n, "theme") == 0)
            rc = get_string(L, s, "theme", c->theme, sizeof c->theme, false);
        else if (strcmp(n, "ascii") == 0)
            rc = get_tristate(L, s, "ascii", &c->ascii);
        else if (strcmp(n, "color") == 0)
            rc = get_tristate(L, s, "color", &c->color);
        else if (strcmp(n, "cadence_days") == 0)
            rc = get_int(L, s, "cadence_days", 1, 365, &c->cadence_days);
        else if (strcmp(n, "hook_timeout") == 0)
            rc = get_int(L, s, "hook_timeout", 1, 3600, &c->hook_timeout);
        else if (strcmp(n, "progress") == 0)
            rc = load_progress(L, s);
        else if (strcmp(n, "bands") == 0)
            rc = load_bands(L, s);
        else if (strcmp(n, "health") == 0)
            rc = load_health(L, s);
        else
            rc = unknown(L, s, NULL);
    }
    if (rc) return rc;

    /* values that only make sense together (checked when this file set either one) */
    const progress_rules *r = &c->rules;
    if ((L->at_risk || L->off_track) && r->off_track_margin < r->at_risk_margin)
        return fail(L, L->off_track ? L->off_track : L->at_risk,
                    "'progress.off_track_margin' (%g) must not be smaller than "
                    "'progress.at_risk_margin' (%g)", r->off_track_margin, r->at_risk_margin);
    if ((L->low || L->very_low) && r->very_low_confidence > r->low_confidence)
        return fail(L, L->very_low ? L->very_low : L->low,
                    "'progress.very_low_confidence' (%d) must not be greater than "
                    "'progress.low_confidence' (%d)", r->very_low_confidence, r->low_confidence);
    if ((L->green || L->amber) && !(r->band_amber > 0 && r->band_amber < r->band_green))
        return fail(L, L->amber ? L->amber : L->green,
                    "'bands' must satisfy 0 < amber < green <= 1 (amber %g, green %g)",
                    r->band_amber, r->band_green);
    return 0;
}

/* Before libconfig sees the text: valid UTF-8 only (65), and no @include (libconfig would
 * read, or exit inside, other files we never checked: 78). "file:line: what". */
int cfg_check_text(const char *path, const char *text, size_t len, char *err, size_t errsz)
{
    size_t off;
    unsigned line = 1;
    if (!utf8_valid_n(text, len, &off)) {
        for (size_t i = 0; i < off; i++) line += text[i] == '\n';
        size_t bol = off;
        while (bol > 0 && text[bol - 1] != '\n') bol--;
        if (err && errsz)
            snprintf(err, errsz, "%s:%u: not valid UTF-8 at byte %zu of the line (%s); save the file "
                     "as UTF-8", path, line, off - bol, text[off] ? "a Latin-1 character?" : "a NUL byte");
        return EX_DATAERR;
    }
    for (const char *p = text; p < text + len; line++) {
        const char *q = p;
        while (*q == ' ' || *q == '\t') q++;
        if (strncmp(q, "@include", 8) == 0) {
            if (err && errsz)
                snprintf(err, errsz, "%s:%u: @include is not supported; copy the settings into "
                         "this file", path, line);
            return EX_CONFIG;
        }
        const char *nl = memchr(p, '\n', (size_t)(text + len - p));
        if (!nl) break;
        p = nl + 1;
    }
    return 0;
}

int cfg_load_text(const char *path, const char *text, size_t len, lnd_config *c, cfg_seen_fn seen,
                  void *ud, char *err, size_t errsz)
{
    if (err && errsz) err[0] = '\0';
    int rc = cfg_check_text(path, text, len, err, errsz);
    if (rc) return rc;
    config_t cf;
    config_init(&cf);
    int ok = config_read_string(&cf, text);
    if (ok != CONFIG_TRUE) {
        const char *file = config_error_file(&cf), *etext = config_error_text(&cf);
        bool plain = !etext || strcmp(etext, "syntax error") == 0;
        if (err && errsz)
            snprintf(err, errsz, "%s:%d: syntax error%s%s", file ? file : path,
                     config_error_line(&cf), plain ? "" : ": ", plain ? "" : etext);
        config_destroy(&cf);
        return EX_CONFIG;
    }
    lnd_config tmp = *c;   /* a file that fails changes nothing */
    loader L = {.path = path, .err = err, .errsz = errsz, .c = &tmp, .seen = seen, .ud = ud};
    rc = load_root(&L, config_root_setting(&cf));
    config_destroy(&cf);
    if (rc) return rc;
    copy_str(tmp.source, sizeof tmp.source, path);
    *c = tmp;
    return 0;
}

static int put_path(char *out, size_t n, const char *a, const char *b)
{
    int w = snprintf(out, n, "%s%s", a, b);
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

int cfg_db_path(const cfg_db_env *env, const lnd_config *c, char *out, size_t n)
{
    if (!out || n == 0) return -1;
    out[0] = '\0';
    const char *home = env->home;
    if (env->flag && *env->flag) return put_path(out, n, env->flag, "");
    if (env->lnd_db) return put_path(out, n, env->lnd_db, "");
    if (c && c->database[0]) {
        const char *d = c->database;
        if (d[0] == '~' && (d[1] == '/' || d[1] == '\0')) {
            if (!home) return -1;
            return put_path(out, n, home, d + 1);
        }
        return put_path(out, n, d, "");
    }
    const char *x = env->xdg_data_home;
    if (x) return put_path(out, n, x, "/lnd/lnd.db");
    if (home) return put_path(out, n, home, "/.local/share/lnd/lnd.db");
    return -1;
}
