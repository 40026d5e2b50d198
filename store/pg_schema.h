/* SPDX-License-Identifier: MIT */
/* store/pg_schema.h — lnd's schema on PostgreSQL (store/pg_schema.c) and the constants the
 * PostgreSQL driver shares with it. Private to store/. */
#ifndef LND_STORE_PG_SCHEMA_H
#define LND_STORE_PG_SCHEMA_H

#include "db.h"

#include <stddef.h>

/* The PostgreSQL schema's own version line, kept in table lnd_schema. Version 1 is SQLite's
 * schema 10 (9 with the audit column `user` renamed `author`); each later SQLite step that
 * changes the schema adds one here. Version 2: foreign keys deferrable (import). */
#define PG_SCHEMA_VERSION 2

/* lnd's own SQLSTATE, raised by its triggers (append-only tables, closed cycles): DB_CLOSED */
#define PG_SQLSTATE_CLOSED "LN001"

/* The transaction-level advisory lock every write (and every migration) takes: one writer at
 * a time, as SQLite's BEGIN IMMEDIATE. "lnd" in ASCII, then 1. */
#define PG_WRITE_LOCK_SQL "7106148001"

/* Bring the database on c to PG_SCHEMA_VERSION: create it when empty, migrate it when older,
 * all in one transaction under the write lock (so two lnd starting at once migrate once).
 * *found is the version found (0: empty database). DB_OK; DB_NOTADB with *found >
 * PG_SCHEMA_VERSION when the database is newer than this lnd (err: "database schema N is newer
 * than this lnd (M); upgrade lnd"), or with *found = -1 when it holds other tables and no
 * lnd_schema; another code with err on failure. Nothing is written unless it succeeds. */
db_rc pg_schema_ensure(db_conn *c, int *found, char *err, size_t errsz);

#endif
