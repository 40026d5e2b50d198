/* SPDX-License-Identifier: MIT */
/* store/pg_open.c — opening a store on PostgreSQL (postgresql://…, postgres://…): connect
 * through store/pg_db.c, then look at the schema without taking the write lock (a reader never
 * waits for a writer just to open), and only when it is missing or older bring it to the
 * current version with pg_schema_ensure (once, under the write lock). The messages and exit
 * codes are SQLite's: a newer schema refused (65), other tables "not an lnd database", none at
 * all without create "no database at" (66); a server that cannot be reached is one line naming
 * host and reason, STORE_BUSY (69). store_open.c calls it. */
#include "pg_schema.h"
#include "store_int.h"

#include <stdio.h>
#include <string.h>

/* One integer from a literal query; -1 when NULL or no row. */
static long one_long(store *s, const char *sql, db_rc *rc)
{
    db_stmt *st = NULL;
    long v = -1;
    *rc = db_prepare(s->db, sql, &st);
    if (*rc != DB_OK) return -1;
    *rc = db_step(st);
    if (*rc == DB_ROW) {
        if (db_column_type(st, 0) != DB_T_NULL) v = (long)db_column_int64(st, 0);
        *rc = DB_OK;
    } else if (*rc == DB_DONE) {
        *rc = DB_OK;
    }
    db_finalize(st);
    return v;
}

store_rc st_pg_open(store *s, const char *uri, int flags)
{
    bool create = (flags & STORE_OPEN_CREATE) && !(flags & STORE_OPEN_READONLY);
    /* read-only is set after the schema is current: an older one is migrated by whichever
     * lnd opens it first, a reader too (as on SQLite) */
    db_open_opts o = {.readonly = false, .create = create, .busy_timeout_ms = st_busy_timeout_ms()};
    char err[768] = "";
    db_rc rc = pg_db_open(uri, &o, &s->db, err, sizeof err);
    if (rc == DB_CANTOPEN) return st_fail(s, STORE_BUSY, "%s", err);
    if (rc == DB_NOMEM) return st_fail(s, STORE_IO, "%s", err);
    if (rc != DB_OK) return st_fail(s, STORE_INVALID, "%s", err);

    /* the version, read without the write lock */
    long v = one_long(s, "SELECT CASE WHEN to_regclass('lnd_schema') IS NULL THEN -1 ELSE 0 END", &rc);
    if (rc == DB_OK && v == 0) v = one_long(s, "SELECT coalesce(max(version), 0) FROM lnd_schema", &rc);
    long tables = 0;
    if (rc == DB_OK && v < 0)
        tables = one_long(s, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()", &rc);
    if (rc != DB_OK) return st_sqlfail(s, rc, "reading the schema version");
    if (v > PG_SCHEMA_VERSION)
        return st_fail(s, STORE_NEWER, "database schema %ld is newer than this lnd (%d); upgrade lnd", v,
                       PG_SCHEMA_VERSION);
    if (v < 0 && tables > 0)
        return st_fail(s, STORE_INVALID, "%s is not an lnd database (it holds other tables)", uri);
    if (v <= 0 && !create) return st_fail(s, STORE_NODB, "no database at %s", uri);
    int found = 0;
    rc = v == PG_SCHEMA_VERSION ? DB_OK : pg_schema_ensure(s->db, &found, err, sizeof err);
    if (rc == DB_OK && (flags & STORE_OPEN_READONLY)) {
        rc = db_exec(s->db, "SET default_transaction_read_only = on");
        if (rc != DB_OK) return st_sqlfail(s, rc, "opening the database");
        s->readonly = true;
    }
    if (rc == DB_OK) return STORE_OK;
    if (rc == DB_NOTADB && found > PG_SCHEMA_VERSION) return st_fail(s, STORE_NEWER, "%s", err);
    if (rc == DB_NOTADB) return st_fail(s, STORE_INVALID, "%s is not an lnd database (it holds other tables)", uri);
    if (rc == DB_BUSY) return st_fail(s, STORE_BUSY, "database busy, try again");
    if (rc == DB_READONLY)
        return st_fail(s, STORE_READONLY, "cannot write %s: read-only; check permissions (schema %ld must be "
                       "upgraded to %d)", uri, v, PG_SCHEMA_VERSION);
    if (rc == DB_CANTOPEN) return st_fail(s, STORE_BUSY, "%s", err);
    return st_fail(s, STORE_IO, "%s", err);
}

store_rc st_pg_data_version(store *s, long long *out)
{
    /* every write lnd makes adds an audit row (an import restores them), and writers take
     * one lock in turn, so the newest audit id only grows: one index probe */
    return st_one_int(s, "SELECT coalesce(max(id), 0) FROM audit", "reading the newest change", out);
}

store_rc st_pg_sync_ids(store *s)
{
    static const char *const tables[] = {"cycle", "objective", "kr", "checkin", "programme", "kpi", "kpi_value", "audit"};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char sql[320];
        snprintf(sql, sizeof sql,
                 "SELECT setval(pg_get_serial_sequence('%s', 'id'), coalesce((SELECT max(id) FROM %s), 1),"
                 " (SELECT max(id) FROM %s) IS NOT NULL)", tables[i], tables[i], tables[i]);
        int rc = st_exec(s, sql);
        if (rc != DB_OK) return st_sqlfail(s, rc, "continuing the ids after the import");
    }
    return STORE_OK;
}
