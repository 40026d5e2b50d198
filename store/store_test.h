/* SPDX-License-Identifier: MIT */
/* store/store_test.h — test hooks of the store, for tests/unit/test_store*.c only: build a
 * database at an old schema version, poke user_version, and run raw SQL the way a raw
 * sqlite3 session would (to prove the triggers and constraints hold without the verbs).
 * No <sqlite3.h> here; the product never calls these. */
#ifndef LND_STORE_TEST_H
#define LND_STORE_TEST_H

#include <stddef.h>

#include "store.h"

/* Create a database at path with schema `version` (1..current) and nothing else. */
store_rc store_create_at_version(const char *path, int version, char *err, size_t errsz);
/* Run raw SQL on the store's connection (as a raw sqlite3 session would). */
store_rc store_exec_raw(store *s, const char *sql);
/* Set / read PRAGMA user_version of the file at path directly. */
store_rc store_set_user_version(const char *path, int version);
store_rc store_user_version(const char *path, int *version);
/* Run raw SQL on a fresh connection to path (foreign keys on), no migration. */
store_rc store_raw_path(const char *path, const char *sql, char *err, size_t errsz);

#endif
