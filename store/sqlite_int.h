/* SPDX-License-Identifier: MIT */
/* store/sqlite_int.h — private to the SQLite files of store/ (sqlite_*.c): store_int.h plus the
 * raw sqlite3 handle (sqlite_db.h) and the hooks between those files. Shared store_*.c files
 * never include it; they reach SQLite-only behaviour through the st_sqlite_* calls declared in
 * store_int.h, and only when db_dialect() is DB_SQLITE. */
#ifndef LND_STORE_SQLITE_INT_H
#define LND_STORE_SQLITE_INT_H

#include "sqlite_db.h"
#include "store_int.h"

/* The sqlite3 handle of the store's connection. */
#define SQ(s) sqlite_db_handle((s)->db)
/* An SQLite result code said as st_sqlfail says a driver code. */
#define st_sqlite_fail(s, sqlrc, what) st_sqlfail((s), sqlite_db_rc((s)->db, (sqlrc)), (what))

/* v4 (sqlite_repair.c): re-encode text that is not UTF-8 as Latin-1 -> UTF-8, one audit row
 * per repaired field, inside the caller's transaction. An SQLite code. */
int st_repair_text(sqlite3 *db);
/* The file's schema version (PRAGMA user_version; 0 = none yet). An SQLite code.
 * sqlite_schema.c */
int sqlite_schema_version(sqlite3 *db, int *out);

#endif
