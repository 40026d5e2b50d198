/* SPDX-License-Identifier: MIT */
/* store/sqlite_db.c — the SQLite driver behind store/db.h: db_ops wrapping sqlite3_*, and
 * SQLite's result codes mapped to db_rc by code (extended codes on every connection). The
 * one message read is lnd's own trigger text, RAISE(ABORT, '… is closed …'), which SQLite
 * reports only as a trigger constraint. */
#include "sqlite_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    db_conn base;
    sqlite3 *db;
} sq_conn;

typedef struct {
    db_stmt base;
    sqlite3_stmt *st;
} sq_stmt;

static sqlite3 *H(db_conn *c) { return ((sq_conn *)c)->db; }
static sqlite3_stmt *S(db_stmt *st) { return ((sq_stmt *)st)->st; }

db_rc sqlite_db_rc(db_conn *c, int sqlrc)
{
    switch (sqlrc) {
    case SQLITE_OK: return DB_OK;
    case SQLITE_ROW: return DB_ROW;
    case SQLITE_DONE: return DB_DONE;
    case SQLITE_CONSTRAINT_UNIQUE: return DB_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY: return DB_FOREIGNKEY;
    case SQLITE_CONSTRAINT_TRIGGER:
        /* lnd's triggers: RAISE(ABORT, 'the cycle is closed: …') */
        if (c && strstr(sqlite3_errmsg(H(c)), "is closed")) return DB_CLOSED;
        return DB_CONSTRAINT;
    default: break;
    }
    switch (sqlrc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return DB_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM: return DB_READONLY;
    case SQLITE_CANTOPEN: return DB_CANTOPEN;
    case SQLITE_CONSTRAINT:
        if (c && strstr(sqlite3_errmsg(H(c)), "is closed")) return DB_CLOSED;
        return DB_CONSTRAINT;
    case SQLITE_NOTADB: return DB_NOTADB;
    case SQLITE_FULL: return DB_FULL;
    case SQLITE_NOMEM: return DB_NOMEM;
    default: return DB_ERROR;
    }
}

static void sq_close(db_conn *c)
{
    sqlite3_close(H(c));
    free(c);
}

static db_rc sq_prepare(db_conn *c, const char *sql, db_stmt **out)
{
    *out = NULL;
    sq_stmt *p = malloc(sizeof *p);
    if (!p) return DB_NOMEM;
    int rc = sqlite3_prepare_v3(H(c), sql, -1, SQLITE_PREPARE_PERSISTENT, &p->st, NULL);
    if (rc != SQLITE_OK) {
        free(p);
        return sqlite_db_rc(c, rc);
    }
    p->base.conn = c;
    *out = &p->base;
    return DB_OK;
}

static db_rc sq_bind_int64(db_stmt *st, int i, int64_t v)
{
    return sqlite_db_rc(st->conn, sqlite3_bind_int64(S(st), i, v));
}

static db_rc sq_bind_double(db_stmt *st, int i, double v)
{
    return sqlite_db_rc(st->conn, sqlite3_bind_double(S(st), i, v));
}

static db_rc sq_bind_text(db_stmt *st, int i, const char *v, int n)
{
    return sqlite_db_rc(st->conn, sqlite3_bind_text(S(st), i, v, n, SQLITE_TRANSIENT));
}

static db_rc sq_bind_null(db_stmt *st, int i)
{
    return sqlite_db_rc(st->conn, sqlite3_bind_null(S(st), i));
}

static db_rc sq_step(db_stmt *st) { return sqlite_db_rc(st->conn, sqlite3_step(S(st))); }
static void sq_reset(db_stmt *st) { sqlite3_reset(S(st)); }
static void sq_clear_bindings(db_stmt *st) { sqlite3_clear_bindings(S(st)); }

static void sq_finalize(db_stmt *st)
{
    sqlite3_finalize(S(st));
    free(st);
}

static int sq_column_count(db_stmt *st) { return sqlite3_column_count(S(st)); }

static db_type sq_column_type(db_stmt *st, int col)
{
    switch (sqlite3_column_type(S(st), col)) {
    case SQLITE_NULL: return DB_T_NULL;
    case SQLITE_INTEGER: return DB_T_INT;
    case SQLITE_FLOAT: return DB_T_FLOAT;
    default: return DB_T_TEXT;
    }
}

static int64_t sq_column_int64(db_stmt *st, int col) { return sqlite3_column_int64(S(st), col); }
static double sq_column_double(db_stmt *st, int col) { return sqlite3_column_double(S(st), col); }
static const char *sq_column_text(db_stmt *st, int col) { return (const char *)sqlite3_column_text(S(st), col); }
static int sq_column_bytes(db_stmt *st, int col) { return sqlite3_column_bytes(S(st), col); }

static db_rc sq_exec(db_conn *c, const char *sql)
{
    return sqlite_db_rc(c, sqlite3_exec(H(c), sql, NULL, NULL, NULL));
}

static int64_t sq_changes(db_conn *c) { return sqlite3_changes(H(c)); }
static bool sq_in_transaction(db_conn *c) { return !sqlite3_get_autocommit(H(c)); }
static db_rc sq_begin_write(db_conn *c) { return sq_exec(c, "BEGIN IMMEDIATE"); }
static const char *sq_errmsg(db_conn *c) { return sqlite3_errmsg(H(c)); }
static void sq_set_busy_timeout(db_conn *c, int ms) { sqlite3_busy_timeout(H(c), ms); }

static const db_ops sqlite_ops = {
    .dialect = DB_SQLITE,
    .name = "sqlite",
    .close = sq_close,
    .prepare = sq_prepare,
    .bind_int64 = sq_bind_int64,
    .bind_double = sq_bind_double,
    .bind_text = sq_bind_text,
    .bind_null = sq_bind_null,
    .step = sq_step,
    .reset = sq_reset,
    .clear_bindings = sq_clear_bindings,
    .finalize = sq_finalize,
    .column_count = sq_column_count,
    .column_type = sq_column_type,
    .column_int64 = sq_column_int64,
    .column_double = sq_column_double,
    .column_text = sq_column_text,
    .column_bytes = sq_column_bytes,
    .exec = sq_exec,
    .changes = sq_changes,
    .in_transaction = sq_in_transaction,
    .begin_write = sq_begin_write,
    .errmsg = sq_errmsg,
    .set_busy_timeout = sq_set_busy_timeout,
};

sqlite3 *sqlite_db_handle(db_conn *c)
{
    return c && c->ops == &sqlite_ops ? H(c) : NULL;
}

db_rc sqlite_db_open_flags(const char *path, int flags, int busy_timeout_ms, db_conn **out, int *sqlrc,
                           char *err, size_t errsz)
{
    *out = NULL;
    if (errsz) err[0] = '\0';
    sq_conn *c = calloc(1, sizeof *c);
    if (!c) {
        *sqlrc = SQLITE_NOMEM;
        snprintf(err, errsz, "out of memory");
        return DB_NOMEM;
    }
    c->base.ops = &sqlite_ops;
    int rc = sqlite3_open_v2(path, &c->db, flags, NULL);
    *sqlrc = rc;
    if (rc != SQLITE_OK) {
        snprintf(err, errsz, "%s", c->db ? sqlite3_errmsg(c->db) : "out of memory");
        db_rc r = c->db ? sqlite_db_rc(&c->base, rc) : DB_NOMEM;
        sqlite3_close(c->db);
        free(c);
        return r;
    }
    sqlite3_extended_result_codes(c->db, 1);
    sqlite3_busy_timeout(c->db, busy_timeout_ms);
    *out = &c->base;
    return DB_OK;
}

db_rc sqlite_db_open(const char *path, const db_open_opts *o, db_conn **out, char *err, size_t errsz)
{
    int flags = o->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (o->create ? SQLITE_OPEN_CREATE : 0);
    if (!strncmp(path, "file:", 5)) flags |= SQLITE_OPEN_URI;
    int sqlrc;
    return sqlite_db_open_flags(path, flags | SQLITE_OPEN_NOMUTEX, o->busy_timeout_ms, out, &sqlrc, err, errsz);
}

int sqlite_pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}
