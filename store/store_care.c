/* SPDX-License-Identifier: MIT */
/* store/store_care.c — `lnd backup` and `lnd doctor` whatever the backend: each backend has
 * its own way to copy and to check a database (SQLite: sqlite_care.c); a backend without one
 * yet says so in one line. */
#include "store_int.h"

store_rc store_backup(store *s, const char *dest)
{
    if (db_dialect(s->db) != DB_SQLITE) return st_not_here(s, "lnd backup");
    return st_sqlite_backup(s, dest);
}

store_rc store_doctor(store *s, store_problem_fn fn, void *ud)
{
    if (db_dialect(s->db) != DB_SQLITE) return st_not_here(s, "lnd doctor");
    return st_sqlite_doctor(s, fn, ud);
}
