/* SPDX-License-Identifier: MIT */
/* store/pg_db_int.h — private to the PostgreSQL driver (store/pg_db.c, store/pg_sql.c): the
 * text conversions pg_sql.c provides (and db_is_postgres_uri, declared in db.h). */
#ifndef LND_STORE_PG_DB_INT_H
#define LND_STORE_PG_DB_INT_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* sql with `?` and `?NNN` placeholders (outside quotes, dollar quotes and comments) rewritten
 * as $1…$n; *nparams is the largest number used. malloc'd; NULL when out of memory. */
char *pg_sql_rewrite(const char *sql, int *nparams);

/* Numbers as text, in the C locale (c_locale from newlocale) whatever the process locale. */
void pg_fmt_int64(char *buf, size_t n, int64_t v);
void pg_fmt_double(locale_t c_locale, char *buf, size_t n, double v);     /* round-trips */
double pg_parse_double(locale_t c_locale, const char *s);
int64_t pg_parse_int64(locale_t c_locale, const char *s);   /* "t"/"f" -> 1/0; floats truncate */

/* The first line of a server or libpq message, sanitised (core/sanitize.h) into out. */
void pg_one_line(const char *msg, char *out, size_t n);

/* "cannot connect to HOST:PORT: REASON" (a socket: its path) from libpq's message
 * ("connection to server at \"h\", port 5432 failed: Connection refused\n\tIs the server
 * running…"): the reason after "failed: ", without "FATAL:", on one line. */
void pg_connect_error(const char *libpq_msg, const char *host, const char *port, char *err, size_t n);

#endif
