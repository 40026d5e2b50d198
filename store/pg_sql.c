/* SPDX-License-Identifier: MIT */
/* store/pg_sql.c — the text conversions of the PostgreSQL driver (store/pg_db.c): SQL written
 * with SQLite's `?` / `?NNN` placeholders renumbered as PostgreSQL's $1, $2, … outside quoted
 * strings, quoted identifiers, dollar quotes and comments; numbers to and from their text form
 * in the C locale whatever the process locale (libpq carries every value as text); server
 * messages cut to one line; whether a --db value names PostgreSQL. Pure functions, no I/O. */
#include "db.h"
#include "pg_db_int.h"

#include "../core/sanitize.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A dollar-quote tag at s ("$$" or "$tag$"): its length, or 0 when s does not start one. */
static size_t dollar_tag(const char *s)
{
    if (s[0] != '$') return 0;
    size_t i = 1;
    if (isdigit((unsigned char)s[1])) return 0;        /* $1: a parameter, not a quote */
    while (isalnum((unsigned char)s[i]) || s[i] == '_' || (unsigned char)s[i] >= 0x80) i++;
    return s[i] == '$' ? i + 1 : 0;
}

char *pg_sql_rewrite(const char *sql, int *nparams)
{
    size_t len = strlen(sql), cap = len * 7 + 16;      /* "?" -> "$NNNNNN" at worst: 7 for 1 */
    char *out = malloc(cap);
    if (!out) return NULL;
    size_t o = 0;
    int next = 0, max = 0;
    const char *p = sql;
    while (*p) {
        if (*p == '\'' || *p == '"') {                  /* '…' ('' inside) or "…" ("" inside) */
            char q = *p;
            bool esc = q == '\'' && p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                       (p - 1 == sql || !(isalnum((unsigned char)p[-2]) || p[-2] == '_'));
            out[o++] = *p++;
            while (*p) {
                if (esc && *p == '\\' && p[1]) { out[o++] = *p++; out[o++] = *p++; continue; }
                if (*p == q) {
                    out[o++] = *p++;
                    if (*p == q) { out[o++] = *p++; continue; }
                    break;
                }
                out[o++] = *p++;
            }
        } else if (p[0] == '-' && p[1] == '-') {        /* comment to the end of the line */
            while (*p && *p != '\n') out[o++] = *p++;
        } else if (p[0] == '/' && p[1] == '*') {        /* block comment (they nest) */
            int depth = 0;
            do {
                if (p[0] == '/' && p[1] == '*') { depth++; out[o++] = *p++; }
                else if (p[0] == '*' && p[1] == '/') { depth--; out[o++] = *p++; }
                out[o++] = *p++;
            } while (*p && depth > 0);
        } else if (*p == '$' && dollar_tag(p) &&
                   !(p > sql && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))) {
            size_t t = dollar_tag(p);
            const char *end = NULL;
            for (const char *q = p + t; *q; q++)
                if (*q == '$' && !strncmp(q, p, t)) { end = q; break; }
            size_t n = end ? (size_t)(end - p) + t : strlen(p);
            memcpy(out + o, p, n);
            o += n;
            p += n;
        } else if (*p == '?') {                         /* ? or ?NNN (SQLite's numbered form) */
            int idx;
            p++;
            if (isdigit((unsigned char)*p)) {
                idx = 0;
                while (isdigit((unsigned char)*p) && idx < 100000) idx = idx * 10 + (*p++ - '0');
            } else {
                idx = max + 1;                          /* SQLite: one more than the largest so far */
            }
            next = idx;
            if (idx > max) max = idx;
            o += (size_t)snprintf(out + o, cap - o, "$%d", next);
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    *nparams = max;
    return out;
}

void pg_fmt_int64(char *buf, size_t n, int64_t v)
{
    snprintf(buf, n, "%" PRId64, v);
}

void pg_fmt_double(locale_t c_locale, char *buf, size_t n, double v)
{
    locale_t old = uselocale(c_locale);
    snprintf(buf, n, "%.17g", v);                       /* 17 digits: the same double back */
    uselocale(old);
}

double pg_parse_double(locale_t c_locale, const char *s)
{
    if (!s) return 0.0;
    locale_t old = uselocale(c_locale);
    double v = strtod(s, NULL);                         /* "Infinity", "-Infinity", "NaN" too */
    uselocale(old);
    return v;
}

int64_t pg_parse_int64(locale_t c_locale, const char *s)
{
    if (!s) return 0;
    if (!strcmp(s, "t")) return 1;                      /* boolean */
    if (!strcmp(s, "f")) return 0;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*end == '\0' && errno == 0) return (int64_t)v;
    double d = pg_parse_double(c_locale, s);            /* a float or numeric: truncated, like SQLite */
    if (d != d) return 0;
    if (d >= 9223372036854775807.0) return INT64_MAX;
    if (d <= -9223372036854775808.0) return INT64_MIN;
    return (int64_t)d;
}

void pg_one_line(const char *msg, char *out, size_t n)
{
    char line[1024];
    if (!msg) msg = "";
    size_t l = strcspn(msg, "\r\n");
    if (l >= sizeof line) l = sizeof line - 1;
    memcpy(line, msg, l);
    line[l] = '\0';
    while (l > 0 && line[l - 1] == ' ') line[--l] = '\0';
    san_text(line, -1, false, out, n);
}

bool db_is_postgres_uri(const char *where)
{
    return where && (!strncmp(where, "postgresql://", 13) || !strncmp(where, "postgres://", 11));
}

void pg_connect_error(const char *libpq_msg, const char *host, const char *port, char *err, size_t n)
{
    char line[512];
    pg_one_line(libpq_msg, line, sizeof line);
    const char *why = line, *f = strstr(line, " failed: ");
    if (!strncmp(line, "connection to server", 20) && f) why = f + 9;
    if (!strncmp(why, "FATAL: ", 7)) why += 7;
    while (*why == ' ') why++;
    if (!host || !*host) host = "localhost";
    if (!port || !*port) port = "5432";
    if (host[0] == '/') snprintf(err, n, "cannot connect to %s/.s.PGSQL.%s: %s", host, port, why);
    else snprintf(err, n, "cannot connect to %s:%s: %s", host, port, why);
}
