/* SPDX-License-Identifier: MIT */
/* store/store_open.c — opening and closing a store whatever the backend (the SQLite file
 * itself is opened by sqlite_open.c, a PostgreSQL server by pg_open.c), the busy timeout, caller-grouped transactions and the
 * data version the dashboard polls. */
#include "store_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int st_busy_timeout_ms(void)
{
    const char *e = getenv("LND_BUSY_TIMEOUT_MS");
    if (e && *e) {
        char *end;
        long v = strtol(e, &end, 10);
        if (*end == '\0' && v >= 0 && v <= 600000) return (int)v;
    }
    return 5000;
}

int st_make_parents(const char *path, char *where, size_t wn)
{
    size_t n = strlen(path);
    char *dir = malloc(n + 1);
    if (!dir) return ENOMEM;
    memcpy(dir, path, n + 1);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        free(dir);
        return 0;
    }
    *slash = '\0';
    int err = 0;
    for (char *p = dir + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
                err = errno;
                snprintf(where, wn, "%s", dir);
                break;
            }
            *p = c;
            if (c == '\0') break;
        }
    }
    free(dir);
    return err;
}

store_rc st_schema_refuse(store *s, const char *where, int version, bool other_tables, bool create)
{
    if (version > STORE_SCHEMA_VERSION)
        return st_fail(s, STORE_NEWER, "database schema %d is newer than this lnd (%d); upgrade lnd", version,
                       STORE_SCHEMA_VERSION);
    if (version == 0 && other_tables)
        return st_fail(s, STORE_INVALID, "%s is not an lnd database (it holds other tables)", where);
    if (version == 0 && !create) return st_fail(s, STORE_NODB, "no database at %s", where);
    return STORE_OK;
}

store_rc st_schema_upgrade(store *s, const char *where, int version)
{
    if (version >= STORE_SCHEMA_VERSION) return STORE_OK;
    if (s->readonly)
        return st_fail(s, STORE_READONLY, "cannot write %s: read-only; check permissions (schema %d must be "
                       "upgraded to %d)", where, version, STORE_SCHEMA_VERSION);
    return st_migrate(s, version);
}

static store_rc open_fail(store *s, store_rc rc, store **out, char *err, size_t errsz)
{
    snprintf(err, errsz, "%s", s->err);
    store_close(s);
    *out = NULL;
    return rc;
}

store_rc store_open(const char *path, int flags, store **out, char *err, size_t errsz)
{
    *out = NULL;
    if (errsz) err[0] = '\0';
    if (!path || !*path) {
        snprintf(err, errsz, "no database path given; use --db PATH");
        return STORE_INVALID;
    }
    store *s = calloc(1, sizeof *s);
    if (s) window_rules_default(&s->followups);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        snprintf(err, errsz, "out of memory opening %s", path);
        return STORE_IO;
    }
    store_rc rc = db_is_postgres_uri(path) ? st_pg_open(s, path, flags) : st_sqlite_open(s, path, flags);
    if (rc != STORE_OK) return open_fail(s, rc, out, err, errsz);
    *out = s;
    return STORE_OK;
}

void store_close(store *s)
{
    if (!s) return;
    for (int i = 0; i < STORE_STMT_CACHE; i++)
        if (s->cache[i].st) db_finalize(s->cache[i].st);
    if (s->db) {
        if (db_in_transaction(s->db)) st_exec(s, "ROLLBACK");
        db_close(s->db);
    }
    free(s->pending_close);
    free(s->path);
    free(s);
}

void store_set_account(store *s, const char *account)
{
    if (s) snprintf(s->account, sizeof s->account, "%s", account ? account : "");
}

bool store_readonly(const store *s)
{
    return s && s->readonly;
}

const char *store_errmsg(const store *s)
{
    return s ? s->err : "out of memory";
}

const char *store_rc_name(store_rc rc)
{
    static const char *const names[] = {"ok", "not found", "conflict", "busy", "invalid",
                                        "read-only", "newer schema", "no database", "locked", "i/o error",
                                        "permission denied"};
    return (unsigned)rc < sizeof names / sizeof names[0] ? names[rc] : "?";
}

int store_rc_exit(store_rc rc)
{
    switch (rc) {
    case STORE_OK: return 0;
    case STORE_NOTFOUND:
    case STORE_INVALID:
    case STORE_NEWER:
    case STORE_LOCKED: return 65;   /* EX_DATAERR */
    case STORE_CONFLICT: return 75; /* EX_TEMPFAIL: reload and try again */
    case STORE_BUSY: return 69;     /* EX_UNAVAILABLE */
    case STORE_READONLY: return 73; /* EX_CANTCREAT */
    case STORE_NODB: return 66;     /* EX_NOINPUT */
    case STORE_IO: return 74;       /* EX_IOERR */
    case STORE_DENIED: return 77;   /* EX_NOPERM */
    }
    return 74;
}

bool store_is_server(const char *where)
{
    return db_is_postgres_uri(where);
}

store_rc store_data_version(store *s, long long *out)
{
    long long v = 0;
    store_rc rc = db_dialect(s->db) == DB_SQLITE ? st_sqlite_data_version(s, &v) : st_pg_data_version(s, &v);
    if (rc != STORE_OK) return rc;
    *out = v + s->own_commits;   /* data_version ignores our own commits; count them too */
    return STORE_OK;
}

/* ---- caller-grouped transactions ---- */

store_rc store_tx_begin(store *s)
{
    if (s->in_tx) return st_fail(s, STORE_INVALID, "a transaction is already open; commit it first");
    store_rc rc = st_wbegin(s);
    if (rc == STORE_OK) {
        if (db_dialect(s->db) == DB_SQLITE) st_sqlite_bulk(s, true, false);
        s->in_tx = true;
        s->sp_depth = 0;
        s->npending = 0;
    }
    return rc;
}

store_rc store_tx_commit(store *s)
{
    if (!s->in_tx) return st_fail(s, STORE_INVALID, "no transaction is open");
    store_rc rc = STORE_OK;
    if (s->restoring && db_dialect(s->db) != DB_SQLITE) rc = st_pg_sync_ids(s);
    for (size_t i = 0; i < s->npending && rc == STORE_OK; i++) {   /* see store_restore.c */
        db_stmt *st = st_prep(s, "UPDATE cycle SET state = 'closed' WHERE id = ?");
        if (!st) rc = STORE_IO;
        else {
            db_bind_int64(st, 1, s->pending_close[i]);
            int r = st_step_done(s, st);
            if (r != DB_DONE) rc = st_sqlfail(s, r, "closing a restored cycle");
        }
    }
    s->npending = 0;
    s->in_tx = false;
    s->restoring = false;
    s->sp_depth = 0;
    rc = st_wend(s, rc);
    if (db_dialect(s->db) == DB_SQLITE) st_sqlite_bulk(s, false, rc == STORE_OK);
    return rc;
}

void store_tx_rollback(store *s)
{
    if (!s) return;
    s->in_tx = false;
    s->restoring = false;
    s->sp_depth = 0;
    s->npending = 0;
    st_hook_reset(s);
    if (s->db && db_in_transaction(s->db)) st_exec(s, "ROLLBACK");
    if (s->db && db_dialect(s->db) == DB_SQLITE) st_sqlite_bulk(s, false, false);
}
