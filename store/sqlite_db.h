/* SPDX-License-Identifier: MIT */
/* store/sqlite_db.h — private to the SQLite files of store/ (sqlite_*.c): the raw sqlite3
 * handle behind a db_conn, for what only SQLite has (PRAGMAs, sqlite_master, VACUUM INTO,
 * integrity checks, WAL control, the text repair), and SQLite result codes turned into db_rc.
 * Shared store_*.c files never include it. */
#ifndef LND_STORE_SQLITE_DB_H
#define LND_STORE_SQLITE_DB_H

#include <sqlite3.h>

#include "db.h"

/* The sqlite3 handle of an SQLite connection (NULL for any other backend). */
sqlite3 *sqlite_db_handle(db_conn *c);
/* Open with sqlite3_open_v2 flags as given (SQLITE_OPEN_URI for file: URIs), extended result
 * codes on, the busy timeout set. On failure *sqlrc holds SQLite's code and err its message;
 * *out is NULL. */
db_rc sqlite_db_open_flags(const char *path, int flags, int busy_timeout_ms, db_conn **out, int *sqlrc,
                           char *err, size_t errsz);
/* An SQLite result code (extended) as db_rc; the connection is read for lnd's own trigger
 * message ("… is closed …"). */
db_rc sqlite_db_rc(db_conn *c, int sqlrc);
/* The integer of a one-row literal query ("PRAGMA user_version"), uncached. An SQLite code. */
int sqlite_pragma_int(sqlite3 *db, const char *sql, int *out);

#endif
