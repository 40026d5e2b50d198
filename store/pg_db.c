/* SPDX-License-Identifier: MIT */
/* store/pg_db.c — the PostgreSQL driver behind store/db.h, through libpq. Values travel as
 * text (pg_sql.c converts them in the C locale); a bound parameter carries the type of its
 * bind call (int8, float8, text; NULL leaves it to the server), so `? IS NULL` and arithmetic
 * work as in SQLite. A statement runs at its first db_step, all rows fetched at once (lnd's
 * results are small), and db_step walks them. The first run of a statement goes through
 * PQexecParams (one round trip); from its second run it is prepared once on the server
 * (PQprepare) and runs by name without being parsed again (a check-in insert in a loop).
 * Errors are mapped by SQLSTATE, never by message text: LN001 is lnd's own (its triggers,
 * store/pg_schema.c). Writers serialise on one transaction-level advisory lock: today's
 * single-writer semantics, waited for up to lock_timeout (busy_timeout_ms; 0 waits 1 ms, as
 * SQLite's busy_timeout 0 does not wait). */
#include "db.h"
#include "pg_db_int.h"
#include "pg_schema.h"

#include <libpq-fe.h>
#include "pg_lib.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* PostgreSQL type OIDs (pg_type.h is server-side) */
enum { OID_BOOL = 16, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_TEXT = 25, OID_OID = 26,
       OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

#define PG_PENDING_MAX 32

typedef struct {
    db_conn base;
    PGconn *pg;
    locale_t c_locale;
    int64_t changes;
    unsigned stmt_seq;                    /* names the prepared statements lnd_1, lnd_2, … */
    char pending[PG_PENDING_MAX][16];     /* prepared statements to DEALLOCATE when possible */
    int npending;
    char err[512];
} pg_conn;

typedef struct {
    db_stmt base;
    char *sql;                            /* with $n placeholders */
    int nparams;
    char **vals;                          /* text of each parameter; NULL: SQL NULL */
    Oid *types;                           /* as bound; 0 for NULL (the server decides) */
    Oid *prep_types;                      /* the types it was prepared with */
    char name[16];                        /* "" until prepared */
    unsigned runs;
    PGresult *res;
    int row, nrows;
    bool executed;
} pg_stmt;

static const db_ops pg_ops;

static pg_conn *conn_of(db_conn *c) { return (pg_conn *)c; }
static pg_stmt *stmt_of(db_stmt *s) { return (pg_stmt *)s; }
static pg_conn *sconn(db_stmt *s) { return (pg_conn *)s->conn; }

/* ---- errors ---- */

static db_rc map_sqlstate(const char *st)
{
    if (!st || strlen(st) != 5) return DB_ERROR;
    if (!strcmp(st, "23505")) return DB_UNIQUE;
    if (!strcmp(st, "23503")) return DB_FOREIGNKEY;
    if (!strncmp(st, "23", 2)) return DB_CONSTRAINT;
    if (!strcmp(st, PG_SQLSTATE_CLOSED)) return DB_CLOSED;
    if (!strcmp(st, "55P03") || !strcmp(st, "57014")) return DB_BUSY;
    if (!strcmp(st, "42501") || !strcmp(st, "25006")) return DB_READONLY;
    if (!strcmp(st, "40001") || !strcmp(st, "40P01")) return DB_SERIALIZE;
    if (!strncmp(st, "08", 2) || !strncmp(st, "57P0", 4)) return DB_CANTOPEN;
    if (!strcmp(st, "53100")) return DB_FULL;
    if (!strcmp(st, "53200")) return DB_NOMEM;
    return DB_ERROR;
}

/* Keep the error of a failed result (or of the connection) and map it. */
static db_rc fail_res(pg_conn *c, const PGresult *res)
{
    const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!msg || !*msg) msg = PQerrorMessage(c->pg);
    pg_one_line(msg, c->err, sizeof c->err);
    if (PQstatus(c->pg) == CONNECTION_BAD) return DB_CANTOPEN;
    if (!res) return DB_NOMEM;
    return map_sqlstate(st);
}

static db_rc fail_msg(pg_conn *c, db_rc rc, const char *msg)
{
    snprintf(c->err, sizeof c->err, "%s", msg);
    return rc;
}

/* ---- prepared statements no longer wanted ---- */

static void deallocate(pg_conn *c, const char *name)
{
    PGTransactionStatusType ts = PQtransactionStatus(c->pg);
    if (ts == PQTRANS_IDLE || ts == PQTRANS_INTRANS) {
        char sql[40];
        snprintf(sql, sizeof sql, "DEALLOCATE %s", name);
        PQclear(PQexec(c->pg, sql));
    } else if (c->npending < PG_PENDING_MAX) {      /* an aborted transaction accepts nothing */
        snprintf(c->pending[c->npending++], sizeof c->pending[0], "%s", name);
    }                                                /* else: freed with the connection */
}

static void flush_pending(pg_conn *c)
{
    if (PQtransactionStatus(c->pg) != PQTRANS_IDLE) return;
    while (c->npending > 0) deallocate(c, c->pending[--c->npending]);
}

/* ---- statements ---- */

static db_rc pg_prepare(db_conn *dc, const char *sql, db_stmt **out)
{
    pg_conn *c = conn_of(dc);
    *out = NULL;
    pg_stmt *st = calloc(1, sizeof *st);
    if (!st) return fail_msg(c, DB_NOMEM, "out of memory");
    st->base.conn = dc;
    st->sql = pg_sql_rewrite(sql, &st->nparams);
    if (st->sql && st->nparams > 0) {
        st->vals = calloc((size_t)st->nparams, sizeof *st->vals);
        st->types = calloc((size_t)st->nparams, sizeof *st->types);
        st->prep_types = calloc((size_t)st->nparams, sizeof *st->prep_types);
    }
    if (!st->sql || (st->nparams > 0 && (!st->vals || !st->types || !st->prep_types))) {
        free(st->sql); free(st->vals); free(st->types); free(st->prep_types); free(st);
        return fail_msg(c, DB_NOMEM, "out of memory");
    }
    st->row = -1;
    *out = &st->base;
    return DB_OK;
}

static db_rc bind_val(db_stmt *s, int i, const char *text, size_t n, Oid type)
{
    pg_stmt *st = stmt_of(s);
    if (i < 1 || i > st->nparams) return fail_msg(sconn(s), DB_ERROR, "bind index out of range");
    char *v = NULL;
    if (text) {
        v = malloc(n + 1);
        if (!v) return fail_msg(sconn(s), DB_NOMEM, "out of memory");
        memcpy(v, text, n);
        v[n] = '\0';
    }
    free(st->vals[i - 1]);
    st->vals[i - 1] = v;
    st->types[i - 1] = type;
    return DB_OK;
}

static db_rc pg_bind_int64(db_stmt *s, int i, int64_t v)
{
    char b[32];
    pg_fmt_int64(b, sizeof b, v);
    return bind_val(s, i, b, strlen(b), OID_INT8);
}

static db_rc pg_bind_double(db_stmt *s, int i, double v)
{
    char b[40];
    pg_fmt_double(sconn(s)->c_locale, b, sizeof b, v);
    return bind_val(s, i, b, strlen(b), OID_FLOAT8);
}

static db_rc pg_bind_text(db_stmt *s, int i, const char *v, int n)
{
    if (!v) return bind_val(s, i, NULL, 0, 0);
    size_t len = n < 0 ? strlen(v) : strnlen(v, (size_t)n);   /* text stops at a NUL */
    return bind_val(s, i, v, len, OID_TEXT);
}

static db_rc pg_bind_null(db_stmt *s, int i)
{
    return bind_val(s, i, NULL, 0, 0);
}

/* Prepared types still fit when every non-NULL parameter has the type it was prepared with. */
static bool types_fit(const pg_stmt *st)
{
    for (int i = 0; i < st->nparams; i++)
        if (st->types[i] && st->types[i] != st->prep_types[i]) return false;
    return true;
}

/* Run the statement: PQexecParams the first time, prepared by name from the second. */
static PGresult *run(pg_conn *c, pg_stmt *st)
{
    const char *const *vals = (const char *const *)st->vals;
    if (st->name[0] && !types_fit(st)) {
        deallocate(c, st->name);
        st->name[0] = '\0';
    }
    if (!st->name[0] && st->runs++ > 0) {
        char name[16];
        snprintf(name, sizeof name, "lnd_%u", ++c->stmt_seq);
        PGresult *r = PQprepare(c->pg, name, st->sql, st->nparams, st->types);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) return r;    /* the error, as a run's */
        PQclear(r);
        memcpy(st->name, name, sizeof name);
        if (st->nparams) memcpy(st->prep_types, st->types, (size_t)st->nparams * sizeof *st->types);
    }
    if (st->name[0]) return PQexecPrepared(c->pg, st->name, st->nparams, vals, NULL, NULL, 0);
    return PQexecParams(c->pg, st->sql, st->nparams, st->types, vals, NULL, NULL, 0);
}

/* rows changed: INSERT/UPDATE/DELETE (with or without RETURNING), as SQLite's changes() */
static void note_changes(pg_conn *c, PGresult *res)
{
    const char *cmd = PQcmdStatus(res);
    if (!strncmp(cmd, "INSERT", 6) || !strncmp(cmd, "UPDATE", 6) || !strncmp(cmd, "DELETE", 6) ||
        !strncmp(cmd, "MERGE", 5))
        c->changes = strtoll(PQcmdTuples(res), NULL, 10);
}

static db_rc pg_step(db_stmt *s)
{
    pg_stmt *st = stmt_of(s);
    pg_conn *c = sconn(s);
    if (!st->executed) {
        PQclear(st->res);
        st->res = run(c, st);
        st->executed = true;
        st->row = -1;
        st->nrows = 0;
        ExecStatusType es = PQresultStatus(st->res);
        if (es != PGRES_TUPLES_OK && es != PGRES_COMMAND_OK) {
            db_rc rc = fail_res(c, st->res);
            PQclear(st->res);
            st->res = NULL;
            return rc;
        }
        note_changes(c, st->res);
        if (es == PGRES_TUPLES_OK) st->nrows = PQntuples(st->res);
    }
    if (!st->res) return DB_DONE;
    if (st->row + 1 < st->nrows) {
        st->row++;
        return DB_ROW;
    }
    st->row = st->nrows;
    return DB_DONE;
}

static void pg_reset(db_stmt *s)
{
    pg_stmt *st = stmt_of(s);
    PQclear(st->res);
    st->res = NULL;
    st->executed = false;
    st->row = -1;
    st->nrows = 0;
}

static void pg_clear_bindings(db_stmt *s)
{
    pg_stmt *st = stmt_of(s);
    for (int i = 0; i < st->nparams; i++) {
        free(st->vals[i]);
        st->vals[i] = NULL;
        st->types[i] = 0;
    }
}

static void pg_finalize(db_stmt *s)
{
    pg_stmt *st = stmt_of(s);
    pg_reset(s);
    if (st->name[0] && sconn(s)->pg) deallocate(sconn(s), st->name);
    pg_clear_bindings(s);
    free(st->vals); free(st->types); free(st->prep_types); free(st->sql); free(st);
}

/* ---- columns ---- */

static bool has_value(pg_stmt *st, int col)
{
    return st->res && st->row >= 0 && st->row < st->nrows && col >= 0 && col < PQnfields(st->res) &&
           !PQgetisnull(st->res, st->row, col);
}

static int pg_column_count(db_stmt *s)
{
    pg_stmt *st = stmt_of(s);
    return st->res ? PQnfields(st->res) : 0;
}

static db_type pg_column_type(db_stmt *s, int col)
{
    pg_stmt *st = stmt_of(s);
    if (!has_value(st, col)) return DB_T_NULL;
    switch (PQftype(st->res, col)) {
    case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
        return DB_T_INT;
    case OID_FLOAT4: case OID_FLOAT8:
        return DB_T_FLOAT;
    case OID_NUMERIC:                                     /* sum() of integers: an integer */
        return strpbrk(PQgetvalue(st->res, st->row, col), ".eEN") ? DB_T_FLOAT : DB_T_INT;
    default:
        return DB_T_TEXT;
    }
}

static int64_t pg_column_int64(db_stmt *s, int col)
{
    pg_stmt *st = stmt_of(s);
    return has_value(st, col) ? pg_parse_int64(sconn(s)->c_locale, PQgetvalue(st->res, st->row, col)) : 0;
}

static double pg_column_double(db_stmt *s, int col)
{
    pg_stmt *st = stmt_of(s);
    if (!has_value(st, col)) return 0.0;
    const char *v = PQgetvalue(st->res, st->row, col);
    if (PQftype(st->res, col) == OID_BOOL) return v[0] == 't' ? 1.0 : 0.0;
    return pg_parse_double(sconn(s)->c_locale, v);
}

static const char *pg_column_text(db_stmt *s, int col)
{
    pg_stmt *st = stmt_of(s);
    if (!has_value(st, col)) return NULL;
    const char *v = PQgetvalue(st->res, st->row, col);
    if (PQftype(st->res, col) == OID_BOOL) return v[0] == 't' ? "1" : "0";   /* as SQLite */
    return v;
}

static int pg_column_bytes(db_stmt *s, int col)
{
    pg_stmt *st = stmt_of(s);
    if (!has_value(st, col)) return 0;
    if (PQftype(st->res, col) == OID_BOOL) return 1;
    return PQgetlength(st->res, st->row, col);
}

/* ---- connection ---- */

static db_rc pg_exec(db_conn *dc, const char *sql)
{
    pg_conn *c = conn_of(dc);
    flush_pending(c);
    bool was_failed = PQtransactionStatus(c->pg) == PQTRANS_INERROR;
    PGresult *res = PQexec(c->pg, sql);
    ExecStatusType es = PQresultStatus(res);
    db_rc rc = DB_OK;
    if (es != PGRES_COMMAND_OK && es != PGRES_TUPLES_OK && es != PGRES_EMPTY_QUERY) {
        rc = fail_res(c, res);
    } else {
        note_changes(c, res);
        /* COMMIT of a transaction a failed statement aborted answers ROLLBACK: not a success */
        if (was_failed && !strcmp(PQcmdStatus(res), "ROLLBACK") && strncasecmp(sql, "ROLLBACK", 8))
            rc = fail_msg(c, DB_ERROR, "the transaction was rolled back: a statement in it failed");
    }
    PQclear(res);
    return rc;
}

static int64_t pg_changes(db_conn *dc)
{
    return conn_of(dc)->changes;
}

static bool pg_in_transaction(db_conn *dc)
{
    return PQtransactionStatus(conn_of(dc)->pg) != PQTRANS_IDLE;
}

static db_rc pg_begin_write(db_conn *dc)
{
    pg_conn *c = conn_of(dc);
    flush_pending(c);
    PGresult *res = PQexec(c->pg, "BEGIN; SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK_SQL ")");
    db_rc rc = DB_OK;
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = fail_res(c, res);
        if (rc == DB_BUSY) snprintf(c->err, sizeof c->err, "another lnd is writing (waited for the lock past lock_timeout)");
        if (PQtransactionStatus(c->pg) != PQTRANS_IDLE) PQclear(PQexec(c->pg, "ROLLBACK"));
    }
    PQclear(res);
    return rc;
}

static const char *pg_errmsg(db_conn *dc)
{
    return conn_of(dc)->err;
}

static void pg_close(db_conn *dc)
{
    pg_conn *c = conn_of(dc);
    PQfinish(c->pg);                                   /* frees its prepared statements too */
    if (c->c_locale) freelocale(c->c_locale);
    free(c);
}

/* How long a write waits for the write lock from now on (lock_timeout; 0 waits 1 ms, as
 * SQLite's busy_timeout 0 does not wait): the dashboard saves with a short wait. */
static void pg_set_busy_timeout(db_conn *dc, int ms)
{
    char sql[64];
    snprintf(sql, sizeof sql, "SET lock_timeout = %d", ms > 0 ? ms : 1);
    PQclear(PQexec(conn_of(dc)->pg, sql));
}

static const db_ops pg_ops = {
    .dialect = DB_POSTGRES, .name = "postgresql", .close = pg_close, .prepare = pg_prepare,
    .bind_int64 = pg_bind_int64, .bind_double = pg_bind_double, .bind_text = pg_bind_text,
    .bind_null = pg_bind_null, .step = pg_step, .reset = pg_reset, .clear_bindings = pg_clear_bindings,
    .finalize = pg_finalize, .column_count = pg_column_count, .column_type = pg_column_type,
    .column_int64 = pg_column_int64, .column_double = pg_column_double, .column_text = pg_column_text,
    .column_bytes = pg_column_bytes, .exec = pg_exec, .changes = pg_changes,
    .in_transaction = pg_in_transaction, .begin_write = pg_begin_write, .errmsg = pg_errmsg,
    .set_busy_timeout = pg_set_busy_timeout,
};

/* Server notices (NOTICE, WARNING) are not lnd's to print: the dashboard owns the terminal. */
static void quiet(void *arg, const char *msg)
{
    (void)arg;
    (void)msg;
}

db_rc pg_db_open(const char *conninfo, const db_open_opts *o, db_conn **out, char *err, size_t errsz)
{
    *out = NULL;
    if (!pg_lib_load(err, errsz)) return DB_CANTOPEN;
    char *perr = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &perr);
    if (!opts) {
        char line[400];
        pg_one_line(perr ? perr : "out of memory", line, sizeof line);
        snprintf(err, errsz, "invalid PostgreSQL connection string: %s", line);
        PQfreemem(perr);
        return DB_ERROR;
    }
    bool has_password = false;
    for (PQconninfoOption *p = opts; p->keyword; p++)
        if (!strcmp(p->keyword, "password") && p->val && *p->val) has_password = true;
    PQconninfoFree(opts);
    if (has_password) {
        snprintf(err, errsz, "the PostgreSQL connection string holds a password: take it out and put it in "
                             "~/.pgpass (or PGPASSFILE, or a service file)");
        return DB_ERROR;
    }
    /* application_name before dbname: the connection string may name another; client_encoding
     * after it: lnd reads and writes UTF-8 whatever the string says */
    const char *keys[] = {"application_name", "dbname", "client_encoding", NULL};
    const char *vals[] = {"lnd", conninfo, "UTF8", NULL};
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    if (!pg) {
        snprintf(err, errsz, "cannot connect: out of memory");
        return DB_NOMEM;
    }
    if (PQstatus(pg) != CONNECTION_OK) {
        pg_connect_error(PQerrorMessage(pg), PQhost(pg), PQport(pg), err, errsz);
        PQfinish(pg);
        return DB_CANTOPEN;
    }
    pg_conn *c = calloc(1, sizeof *c);
    if (c) c->c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (!c || !c->c_locale) {
        free(c);
        PQfinish(pg);
        snprintf(err, errsz, "cannot connect: out of memory");
        return DB_NOMEM;
    }
    c->base.ops = &pg_ops;
    c->pg = pg;
    PQsetNoticeProcessor(pg, quiet, NULL);
    char set[320];
    snprintf(set, sizeof set,
             "SET DateStyle = ISO; SET TimeZone = 'UTC'; SET extra_float_digits = 3;"
             " SET lock_timeout = %d; SET default_transaction_read_only = %s",
             o && o->busy_timeout_ms > 0 ? o->busy_timeout_ms : 1, o && o->readonly ? "on" : "off");
    db_rc rc = pg_exec(&c->base, set);
    if (rc != DB_OK) {
        snprintf(err, errsz, "%s", c->err);
        pg_close(&c->base);
        return rc;
    }
    *out = &c->base;
    return DB_OK;
}
