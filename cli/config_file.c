/* SPDX-License-Identifier: MIT */
/* cli/config_file.c — the configuration file and the environment as lnd reads them: the
 * search order, reading the file (never writing it), and the database path's variables.
 * core/config.c parses the text; nothing here interprets a setting. */
#include "config_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef LND_SYSCONFDIR
#define LND_SYSCONFDIR "/etc"   /* the Makefile's SYSCONFDIR */
#endif
#define EX_DATAERR 65
#define EX_NOINPUT 66
#define EX_IOERR 74
#define EX_CONFIG 78

static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* An XDG base directory variable: only absolute paths count (XDG spec). */
static const char *xdg(const char *name)
{
    const char *v = env(name);
    return v && v[0] == '/' ? v : NULL;
}

int cli_read_file(const char *path, size_t max, char **text, size_t *len, char *err, size_t errsz)
{
    *text = NULL;
    *len = 0;
    bool in = strcmp(path, "-") == 0;
    struct stat st;
    FILE *f = in ? stdin : NULL;
    if (!in && (stat(path, &st) != 0 || S_ISDIR(st.st_mode) || !(f = fopen(path, "r")))) {
        int e = errno;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) e = EISDIR;
        snprintf(err, errsz, "cannot read %s: %s", path, strerror(e));
        return EX_NOINPUT;
    }
    size_t cap = 4096, n = 0;
    char *b = malloc(cap + 1);
    while (b) {
        if (n == cap) {
            if (cap > max) break;
            char *nb = realloc(b, cap * 2 + 1);
            if (!nb) break;
            b = nb;
            cap *= 2;
        }
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    int e = errno;
    bool bad = !b || ferror(f);
    if (!in) fclose(f);
    if (bad || n > max) {
        free(b);
        snprintf(err, errsz, "cannot read %s: %s", in ? "stdin" : path,
                 bad ? strerror(e ? e : ENOMEM) : "too large");
        return bad ? EX_IOERR : EX_DATAERR;
    }
    b[n] = '\0';
    *text = b;
    *len = n;
    return 0;
}

static void seen(void *ud, const char *key, unsigned line)
{
    cli_cfg_origin *o = ud;
    for (size_t i = 0; i < o->n; i++)
        if (strcmp(o->k[i].key, key) == 0) {
            o->k[i].line = line;
            return;
        }
    if (o->n < sizeof o->k / sizeof o->k[0]) {
        snprintf(o->k[o->n].key, sizeof o->k[0].key, "%s", key);
        o->k[o->n++].line = line;
    }
}

int cli_config_load_file(const char *path, lnd_config *c, cli_cfg_origin *origin, char *err,
                         size_t errsz)
{
    char *text;
    size_t len;
    int rc = cli_read_file(path, 1 << 20, &text, &len, err, errsz);
    if (rc == EX_DATAERR) {   /* a configuration, not a data file */
        snprintf(err, errsz, "cannot read %s: larger than 1 MiB", path);
        return EX_CONFIG;
    }
    if (rc) return rc == EX_IOERR ? EX_NOINPUT : rc;
    cli_cfg_origin none = {0};
    rc = cfg_load_text(path, text, len, c, seen, origin ? origin : &none, err, errsz);
    free(text);
    if (!rc) snprintf(c->source, sizeof c->source, "%s", path);
    return rc;
}

int cli_config_load(const char *explicit_path, lnd_config *c, cli_cfg_origin *origin, char *err,
                    size_t errsz)
{
    cfg_defaults(c);
    const char *u = env("USER");
    if (u) snprintf(c->user, sizeof c->user, "%s", u);
    if (origin) origin->n = 0;
    if (err && errsz) err[0] = '\0';
    if (explicit_path) return cli_config_load_file(explicit_path, c, origin, err, errsz);
    const char *e = env("LND_CONFIG");
    if (e) return cli_config_load_file(e, c, origin, err, errsz);

    char cand[3][4200];
    int n = 0;
    const char *x = xdg("XDG_CONFIG_HOME"), *home = env("HOME");
    if (x) snprintf(cand[n++], sizeof cand[0], "%s/lnd/lnd.conf", x);
    if (home) snprintf(cand[n++], sizeof cand[0], "%s/.config/lnd/lnd.conf", home);
    snprintf(cand[n++], sizeof cand[0], "%s/lnd.conf", LND_SYSCONFDIR);
    for (int i = 0; i < n; i++) {
        struct stat st;
        /* cannot see it (absent, or a directory on the way we may not search): not there; a
         * file we can see but not read is reported by cli_config_load_file */
        if (stat(cand[i], &st) != 0) continue;
        return cli_config_load_file(cand[i], c, origin, err, errsz);
    }
    return 0;
}

int cli_db_path(const char *flag, const lnd_config *c, char *out, size_t n)
{
    cfg_db_env e = {.flag = flag, .lnd_db = env("LND_DB"), .xdg_data_home = xdg("XDG_DATA_HOME"),
                    .home = env("HOME")};
    return cfg_db_path(&e, c, out, n);
}
