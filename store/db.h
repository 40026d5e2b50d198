/* SPDX-License-Identifier: MIT */
/* store/db.h — the database driver seam: one small set of calls (open, prepare, bind, step,
 * column, exec) that every file in store/ uses instead of a particular library, with one table
 * of operations per backend behind it: store/sqlite_db.c (SQLite) and store/pg_db.c
 * (PostgreSQL through libpq). Private to store/; nothing outside store/ includes it.
 *
 * SQL handed to db_prepare is written once in the dialect both backends accept: `?`
 * placeholders (the PostgreSQL driver numbers them $1, $2, … outside quoted text),
 * `ON CONFLICT … DO`, `RETURNING`, `IS [NOT] DISTINCT FROM`, no `LIMIT -1`, no rowid, no
 * PRAGMA. What cannot be shared (schema DDL, triggers, the schema version, file-level care such
 * as backup and integrity checks) is asked of db_dialect() and lives in sqlite_*.c / pg_*.c.
 *
 * Values: every column can be read as int64, double or text whatever its type (the
 * PostgreSQL driver parses text results); db_column_text is NUL-terminated and valid until the
 * next step/reset/finalize of the statement. */
#ifndef LND_STORE_DB_H
#define LND_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct db_conn db_conn;
typedef struct db_stmt db_stmt;

typedef enum { DB_SQLITE = 1, DB_POSTGRES = 2 } db_dialect_t;

/* Result codes, mapped by each driver from its own (SQLite result codes, PostgreSQL SQLSTATE);
 * never from message text. */
typedef enum {
    DB_OK = 0,
    DB_ROW,           /* db_step: a row is ready */
    DB_DONE,          /* db_step: no more rows */
    DB_BUSY,          /* locked by another writer past the timeout (SQLite BUSY/LOCKED,
                         PostgreSQL 55P03 lock_not_available / 57014 lock_timeout) */
    DB_CONSTRAINT,    /* other constraint (CHECK, NOT NULL) */
    DB_UNIQUE,        /* unique or primary key (23505) */
    DB_FOREIGNKEY,    /* foreign key (23503) */
    DB_CLOSED,        /* lnd's own trigger refused a write to a closed cycle or an append-only
                         table (SQLite RAISE(ABORT, '… is closed …'), PostgreSQL SQLSTATE LN001) */
    DB_READONLY,      /* the file or the role may not write (SQLite READONLY/PERM, 42501) */
    DB_CANTOPEN,      /* cannot open / connect (file missing, server unreachable: 08xxx) */
    DB_NOTADB,        /* not a database of ours */
    DB_FULL,          /* disk full (SQLite FULL, 53100) */
    DB_NOMEM,
    DB_SERIALIZE,     /* serialization failure / deadlock (40001, 40P01): retry the transaction */
    DB_ERROR          /* anything else: see db_errmsg */
} db_rc;

/* Column types as db_column_type reports them. */
typedef enum { DB_T_NULL = 0, DB_T_INT, DB_T_FLOAT, DB_T_TEXT } db_type;

/* ---- the operations table each backend provides ---- */
typedef struct db_ops {
    db_dialect_t dialect;
    const char *name;                                        /* "sqlite", "postgresql" */
    void (*close)(db_conn *c);
    db_rc (*prepare)(db_conn *c, const char *sql, db_stmt **out);
    db_rc (*bind_int64)(db_stmt *st, int i, int64_t v);       /* i from 1 */
    db_rc (*bind_double)(db_stmt *st, int i, double v);
    db_rc (*bind_text)(db_stmt *st, int i, const char *v, int n);   /* copied; n<0: strlen */
    db_rc (*bind_null)(db_stmt *st, int i);
    db_rc (*step)(db_stmt *st);                              /* DB_ROW, DB_DONE or an error */
    void (*reset)(db_stmt *st);                              /* rewind; bindings kept */
    void (*clear_bindings)(db_stmt *st);
    void (*finalize)(db_stmt *st);
    int (*column_count)(db_stmt *st);
    db_type (*column_type)(db_stmt *st, int col);            /* col from 0 */
    int64_t (*column_int64)(db_stmt *st, int col);
    double (*column_double)(db_stmt *st, int col);
    const char *(*column_text)(db_stmt *st, int col);        /* NULL for SQL NULL */
    int (*column_bytes)(db_stmt *st, int col);
    db_rc (*exec)(db_conn *c, const char *sql);              /* literal SQL, may hold several
                                                                statements; never user data */
    int64_t (*changes)(db_conn *c);                          /* rows the last statement changed */
    bool (*in_transaction)(db_conn *c);
    db_rc (*begin_write)(db_conn *c);   /* single-writer transaction: SQLite BEGIN IMMEDIATE;
                                           PostgreSQL BEGIN + pg_advisory_xact_lock */
    const char *(*errmsg)(db_conn *c);                       /* last error, one line */
    /* Added by the SQLite seam: how long a write waits for another writer (SQLite
     * busy_timeout, PostgreSQL lock_timeout); ms < 0 is never passed. May be NULL. */
    void (*set_busy_timeout)(db_conn *c, int ms);
} db_ops;

/* Every connection starts with its ops table; drivers extend the struct privately. */
struct db_conn {
    const db_ops *ops;
};
struct db_stmt {
    db_conn *conn;
};

/* ---- calls used by store/ (thin inline dispatch) ---- */
static inline db_dialect_t db_dialect(db_conn *c) { return c->ops->dialect; }
static inline void db_close(db_conn *c) { if (c) c->ops->close(c); }
static inline db_rc db_prepare(db_conn *c, const char *sql, db_stmt **out) { return c->ops->prepare(c, sql, out); }
static inline db_rc db_bind_int64(db_stmt *st, int i, int64_t v) { return st->conn->ops->bind_int64(st, i, v); }
static inline db_rc db_bind_int(db_stmt *st, int i, int v) { return st->conn->ops->bind_int64(st, i, v); }
static inline db_rc db_bind_double(db_stmt *st, int i, double v) { return st->conn->ops->bind_double(st, i, v); }
static inline db_rc db_bind_text(db_stmt *st, int i, const char *v, int n) { return st->conn->ops->bind_text(st, i, v, n); }
static inline db_rc db_bind_null(db_stmt *st, int i) { return st->conn->ops->bind_null(st, i); }
static inline db_rc db_step(db_stmt *st) { return st->conn->ops->step(st); }
static inline void db_reset(db_stmt *st) { st->conn->ops->reset(st); }
static inline void db_clear_bindings(db_stmt *st) { st->conn->ops->clear_bindings(st); }
static inline void db_finalize(db_stmt *st) { if (st) st->conn->ops->finalize(st); }
static inline int db_column_count(db_stmt *st) { return st->conn->ops->column_count(st); }
static inline db_type db_column_type(db_stmt *st, int col) { return st->conn->ops->column_type(st, col); }
static inline int64_t db_column_int64(db_stmt *st, int col) { return st->conn->ops->column_int64(st, col); }
static inline int db_column_int(db_stmt *st, int col) { return (int)st->conn->ops->column_int64(st, col); }
static inline double db_column_double(db_stmt *st, int col) { return st->conn->ops->column_double(st, col); }
static inline const char *db_column_text(db_stmt *st, int col) { return st->conn->ops->column_text(st, col); }
static inline int db_column_bytes(db_stmt *st, int col) { return st->conn->ops->column_bytes(st, col); }
static inline db_rc db_exec(db_conn *c, const char *sql) { return c->ops->exec(c, sql); }
static inline int64_t db_changes(db_conn *c) { return c->ops->changes(c); }
static inline bool db_in_transaction(db_conn *c) { return c->ops->in_transaction(c); }
static inline db_rc db_begin_write(db_conn *c) { return c->ops->begin_write(c); }
static inline const char *db_errmsg(db_conn *c) { return c->ops->errmsg(c); }
static inline void db_set_busy_timeout(db_conn *c, int ms) { if (c->ops->set_busy_timeout) c->ops->set_busy_timeout(c, ms); }

/* Is this --db / $LND_DB / `database =` value a PostgreSQL connection string
 * (postgresql://…, postgres://…)? Plain paths and file: URIs are SQLite. */
bool db_is_postgres_uri(const char *where);

/* Drivers. Each returns DB_OK and a connection, or an error code and a one-line message in
 * err (naming the file, or the host and the server's reason). */
typedef struct {
    bool readonly;         /* open for reading only */
    bool create;           /* SQLite: create the file if missing */
    int busy_timeout_ms;   /* SQLite busy_timeout; PostgreSQL lock_timeout */
} db_open_opts;
db_rc sqlite_db_open(const char *path, const db_open_opts *o, db_conn **out, char *err, size_t errsz);
db_rc pg_db_open(const char *conninfo, const db_open_opts *o, db_conn **out, char *err, size_t errsz);

#endif
