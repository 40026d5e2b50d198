/* SPDX-License-Identifier: MIT */
/* store/store_int.h — private to store/: the connection struct, the statement cache, write
 * transactions (BEGIN IMMEDIATE or a savepoint inside store_tx_begin), error messages, the
 * audit writer and the test hooks. Nothing outside store/ (and its unit tests) includes it.
 * It sees the database only through store/db.h; SQLite-only code is in sqlite_*.c
 * (sqlite_int.h). */
#ifndef LND_STORE_INT_H
#define LND_STORE_INT_H

#include "db.h"
#include <stdbool.h>

#include "store.h"
#include "../core/window.h"
#include "store_test.h"

#define STORE_SCHEMA_VERSION 10
#define STORE_STMT_CACHE 128   /* more than the distinct statements in store/ (about 60) */

struct store {
    db_conn *db;
    char *path;
    char account[128];      /* operating-system account written beside the display name */
    bool readonly;          /* opened STORE_OPEN_READONLY or the file is not writable */
    bool in_tx;             /* store_tx_begin is open */
    int sp_depth;           /* nested verb savepoints */
    long long own_commits;  /* our commits, so store_data_version sees them too */
    struct {
        const char *sql;    /* static string: the cache key is its address */
        db_stmt *st;
    } cache[STORE_STMT_CACHE];
    bool restoring;         /* this transaction restores rows (store_restore.c) */
    lnd_id *pending_close;  /* restored closed cycles: closed at commit (see store_restore.c) */
    lnd_id last_id;         /* id of the last row st_step_id inserted (INSERT … RETURNING id) */
    lnd_id hook_first, hook_last;   /* audit ids this transaction wrote (store_hook.c) */
    void (*hook_fn)(void *, store *, lnd_id, lnd_id);
    void *hook_ud;
    size_t npending, cap_pending;
    window_rules followups;  /* follow-up offsets and window (store_set_followups) */
    char err[1024];
};

/* Every text value that is not UTF-8: table, column, rowid and the first bad byte. */
typedef void (*store_text_problem)(void *ud, const char *table, const char *col, long long rowid,
                                   size_t off);
store_rc store_scan_text(store *s, store_text_problem fn, void *ud);

/* The busy timeout every connection gets: $LND_BUSY_TIMEOUT_MS (0..600000), else 5000. */
int st_busy_timeout_ms(void);

/* ---- statements (store_db.c) ---- */
/* Prepared, reset and cleared statement for a static SQL string; NULL on error (errmsg set). */
db_stmt *st_prep(store *s, const char *sql);
/* Run a cached statement that returns no rows, after binding. Resets it. */
int st_step_done(store *s, db_stmt *st);
/* Run a cached INSERT … RETURNING id after binding: s->last_id gets the new id. Resets it;
 * DB_DONE on success, like st_step_done. */
int st_step_id(store *s, db_stmt *st);
/* Execute literal SQL (no parameters, never user data). */
int st_exec(store *s, const char *sql);
/* Every row of a bound statement, read by fn into an arena array of elements of size bytes;
 * *out (a T **) and *n are set. Resets st; on failure says it failed while `what`. */
typedef void (*st_row_fn)(lnd_arena *a, db_stmt *st, void *row);
store_rc st_rows(store *s, lnd_arena *a, db_stmt *st, size_t size, st_row_fn fn, void **out, size_t *n,
                 const char *what);
/* The same rows streamed: each read by fn into one reused row (its text lives in an arena
 * recycled every few hundred rows: valid only during the call) and passed to cb, which
 * returns false to stop. Memory stays flat at any size. Resets st. */
store_rc st_each(store *s, db_stmt *st, st_row_fn fn, bool (*cb)(void *ud, const void *row), void *ud,
                 const char *what);

/* The one integer of a one-row query of a static SQL string (a version, a change counter);
 * on failure says it failed while `what`. */
store_rc st_one_int(store *s, const char *sql, const char *what, long long *out);

/* Bind helpers (index from 1). Text NULL binds "". */
void st_bind_text(db_stmt *st, int i, const char *v);
void st_bind_opt_double(db_stmt *st, int i, bool has, double v);
void st_bind_id0(db_stmt *st, int i, lnd_id id);   /* 0 -> NULL */
/* Column text copied into the arena ("" for NULL). */
char *st_col_str(lnd_arena *a, db_stmt *st, int col);

/* Where row readers put their strings: plainly in the arena (pack false), or, for big loads,
 * packed end to end in arena chunks with short repeated values (units, owners, dates)
 * shared — a plan of 40,000 KRs then touches a few MB less memory. */
typedef struct {
    lnd_arena *a;
    bool pack;
    char *buf;
    size_t left;
    char **tab;         /* intern table (malloc'd, power of two), NULL = none */
    size_t tabcap, tabn;
} st_strs;
char *st_str(st_strs *ss, db_stmt *st, int col, bool intern);
void st_strs_pack(st_strs *ss, lnd_arena *a);   /* start packing with an intern table */
void st_strs_done(st_strs *ss);                 /* frees the intern table only */

/* ---- errors ---- */
store_rc st_fail(store *s, store_rc rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Map a driver result code (db_rc) to store_rc with a one-line message about what we were doing. */
store_rc st_sqlfail(store *s, int dbrc, const char *what);

/* ---- write transactions ---- */
/* Start a write: BEGIN IMMEDIATE, or a SAVEPOINT when a transaction is already open
 * (store_tx_begin, or a verb built from other verbs). Every STORE_OK is paired with st_wend. */
store_rc st_wbegin(store *s);
/* End a write started by st_wbegin: commit/release on STORE_OK, else roll back. Returns rc,
 * or the commit's failure. */
store_rc st_wend(store *s, store_rc rc);

/* ---- waivers (store_waiver.c) ---- */
store_rc st_load_waivers(store *s, st_strs *ss, lnd_plan *p);
store_rc st_valid_waiver(store *s, const char *rule, const char *reason);   /* H02/H03/H05, a reason */

/* ---- commit hook (store_hook.c): st_audit notes ids, st_wend reports the commit ---- */
void st_hook_wrote(store *s, lnd_id audit_id);
void st_hook_reset(store *s);
void st_hook_committed(store *s);

/* ---- audit (store_audit.c) ---- */
store_rc st_audit(store *s, const char *user, const char *action, const char *entity,
                  lnd_id id, const char *detail);
/* Message for an update that matched no row: NOTFOUND if the row is gone, else CONFLICT
 * naming who changed it last. label e.g. "O3"; table e.g. "objective". */
store_rc st_conflict(store *s, const char *table, const char *entity, lnd_id id,
                     const char *label, long had);

/* Detail text builder for edits: "title: 'Old' → 'New'; target: 75 → 80". */
typedef struct {
    char buf[2048];
    size_t len;
} st_diff;
void st_diff_str(st_diff *d, const char *field, const char *old, const char *new_);
void st_diff_num(st_diff *d, const char *field, double old, double new_);
void st_diff_raw(st_diff *d, const char *field, const char *old, const char *new_);

/* ---- shared validation (store_valid.c) ---- */
bool st_blank(const char *s);
/* Normalise a check-in timestamp: NULL/"" = now; "YYYY-MM-DD" = noon that day;
 * "YYYY-MM-DD HH:MM:SS" (or with T). false if invalid. out >= 20 bytes. */
bool st_stamp(const char *in, char *out);
/* A stored UTC stamp as local time with its zone, for messages (two calls may share one). */
const char *st_local(const char *stamp);
store_rc st_valid_checkin(store *s, const lnd_checkin *c);
store_rc st_valid_kpi(store *s, const lnd_kpi *k);             /* store_kpi.c */
/* Rules on the rows an edit points at (edits and undo share them): an objective's parent
 * exists, is in its cycle, is not archived and not beneath it; a KR's objective exists and is
 * not archived; a programme's weeks and objective fit its cycle. */
store_rc st_valid_parent(store *s, const lnd_objective *o);       /* store_objective.c */
store_rc st_valid_kr_objective(store *s, const lnd_kr *k);        /* store_kr.c */
store_rc st_valid_programme(store *s, const lnd_programme *p);    /* store_programme.c */

/* ---- rows shared between files ---- */
/* Insert one check-in row as given (id 0 = a new one; at already normalised): the add verb
 * and import share it. store_checkin.c */
/* Add or import one check-in row (c->at as stored: "YYYY-MM-DD HH:MM:SS" UTC). */
store_rc st_checkin_insert(store *s, const lnd_checkin *c, const char *what);
/* Bind a review's fields: ?1 objective, ?2 score, ?3 worked, ?4 didnt, ?5 carry,
 * ?6 carry_forward, ?7 updated_by, ?8 updated_at, ?9 version, ?10 finding. store_review.c */
void st_review_bind(db_stmt *st, const lnd_review *r, const char *by, const char *at, long version);
#include "store_fields.h"   /* generated from the field tables of core/fields.h */
#define ST_KR_COLS STF_COLS(FIELDS_KR) ", cur_value, cur_confidence, last_at, ncheckins"
/* Add or import one KR row: its id (0 = a new one), then every field of FIELDS_KR. */
store_rc st_kr_insert(store *s, const lnd_kr *k, const char *what);
#define ST_OBJ_COLS STF_COLS(FIELDS_OBJ)
/* Add or import one objective row: its id (0 = a new one), then every field of FIELDS_OBJ. */
store_rc st_obj_insert(store *s, const lnd_objective *o, const char *what);
#define ST_PROG_COLS STF_COLS(FIELDS_PROG)
/* Add or import one programme row: its id (0 = a new one), then every field of FIELDS_PROG. */
store_rc st_prog_insert(store *s, const lnd_programme *p, const char *what);
void st_kr_row(st_strs *ss, db_stmt *st, lnd_kr *k);            /* ST_KR_COLS */
/* store_get_kr and its kin: one row by id through its row reader; STORE_NOTFOUND with
 * `missing` ("no key result K%lld"), any other failure said as `reading`. */
#define ST_GET_BY_ID(fn, T, table, cols, reader, missing, reading)                      \
    store_rc fn(store *s, lnd_arena *a, lnd_id id, T *out)                              \
    {                                                                                   \
        db_stmt *st = st_prep(s, "SELECT " cols " FROM " table " WHERE id = ?");        \
        if (!st) return STORE_IO;                                                       \
        db_bind_int64(st, 1, id);                                                       \
        int rc = db_step(st);                                                           \
        st_strs ss = {.a = a};                                                          \
        if (rc == DB_ROW) reader(&ss, st, out);                                         \
        db_reset(st);                                                                   \
        if (rc == DB_DONE) return st_fail(s, STORE_NOTFOUND, missing, id);              \
        if (rc != DB_ROW) return st_sqlfail(s, rc, reading);                            \
        return STORE_OK;                                                                \
    }
/* The UPDATE of every EDIT field of r (a FIELDS table row) against r->version, then the
 * audit row naming what changed since old (differ: fields_kr_diff and kin). Inside the
 * caller's write transaction; STORE_CONFLICT when the row moved on meanwhile. */
#define ST_UPDATE_ROW(fn, T, table, FIELDS, n, differ)                                             \
    static store_rc fn(store *s, const T *r, const T *old, const char *label, const char *user,    \
                       const char *what)                                                           \
    {                                                                                              \
        db_stmt *st = st_prep(s, STF_UPDATE(table, FIELDS));                                       \
        if (!st) return STORE_IO;                                                                  \
        int c = 1;                                                                                 \
        FIELDS(STF_BIND_EDIT)                                                                      \
        db_bind_int64(st, c++, r->id);                                                             \
        db_bind_int64(st, c, r->version);                                                          \
        int x = st_step_done(s, st);                                                               \
        if (x != DB_DONE) return st_sqlfail(s, x, what);                                           \
        if (db_changes(s->db) == 0) return st_conflict(s, table, table, r->id, label, r->version); \
        st_diff d = {0};                                                                           \
        fields_change ch[n];                                                                       \
        st_diff_changes(&d, ch, differ(old, r, ch, n));                                            \
        return st_audit(s, user, "edit", table, r->id, d.len ? d.buf : "no change");               \
    }
/* st_kr_insert and its kin: the INSERT of every field of a field table (store_fields.h);
 * s->last_id gets the row's id. */
#define ST_INSERT_ROW(fn, T, table, FIELDS)                                             \
    store_rc fn(store *s, const T *r, const char *what)                                 \
    {                                                                                   \
        bool dflt = !r->id && db_dialect(s->db) != DB_SQLITE;                           \
        db_stmt *st = st_prep(s, dflt ? STF_INSERT_NEW(table, FIELDS) : STF_INSERT(table, FIELDS)); \
        if (!st) return STORE_IO;                                                       \
        int c = 1;                                                                      \
        if (!dflt) st_bind_id0(st, c++, r->id);                                         \
        FIELDS(STF_BIND)                                                                \
        int x = st_step_id(s, st);                                                      \
        return x == DB_DONE ? STORE_OK : st_sqlfail(s, x, what);                        \
    }
void st_objective_row(st_strs *ss, db_stmt *st, lnd_objective *o); /* ST_OBJ_COLS */
void st_programme_row(st_strs *ss, db_stmt *st, lnd_programme *p); /* ST_PROG_COLS */
store_rc st_get_cycle(store *s, lnd_arena *a, lnd_id id, lnd_cycle *out);
/* Archive a row of `table` (objective, kr, programme, kpi) against version, with audit. */
store_rc st_archive(store *s, const char *table, const char *entity, lnd_id id, long version,
                    const char *label, const char *user);

/* ---- files (sqlite_open.c, sqlite_share.c) ---- */
/* mkdir -p of the directory part of path. 0 or an errno; *where gets the failing dir. */
int st_make_parents(const char *path, char *where, size_t wn);
/* When path (a directory on the way, the database, its -wal/-shm) cannot be read — or, with
 * write, the database cannot be written — say which, whose, its mode and the fix: returns
 * STORE_DENIED (STORE_READONLY with write). STORE_OK when no permission is at fault. */
store_rc st_denied(store *s, const char *path, bool write);

/* ---- check-in rules (store_followup.c) ---- */
/* Before a check-in on a KR is written (inside the write transaction): the cohort must be one
 * the serving programme names (sets c->comparison), the follow-up it settles is marked
 * (c->followup), and a closed cycle accepts only follow-ups inside the KR's measurement
 * window. at is the normalised stamp. */
store_rc st_checkin_rules(store *s, lnd_checkin *c, const char *at);


/* ---- SQLite only (sqlite_*.c): shared code calls these only when db_dialect() is DB_SQLITE;
 * on any other backend it says so (or does without) ---- */
/* Open path as SQLite into s (s->path set): missing file, parent directories, read-only
 * files, files that are not SQLite, the schema version (older: migrated; newer: refused before
 * anything is written), the per-connection pragmas. sqlite_open.c */
store_rc st_sqlite_open(store *s, const char *path, int flags);
/* Bulk writes (store_tx_begin … commit/rollback): a bigger page cache while on; after a
 * committed bulk transaction a large WAL is checkpointed. sqlite_open.c */
void st_sqlite_bulk(store *s, bool on, bool committed);
/* PRAGMA data_version: changes when another connection commits. sqlite_open.c */
store_rc st_sqlite_data_version(store *s, long long *out);
/* lnd backup and lnd doctor (sqlite_care.c). */
store_rc st_sqlite_backup(store *s, const char *dest);
store_rc st_sqlite_doctor(store *s, store_problem_fn fn, void *ud);
/* Literal dialect-only SQL (a PRAGMA) on an SQLite connection, a db_rc; elsewhere nothing
 * (DB_OK). sqlite_open.c */
int st_sqlite_exec(store *s, const char *sql);
/* A shared verb that needs what only SQLite has, asked on another backend: one line naming
 * the verb and the backend, STORE_INVALID. store_db.c */
store_rc st_not_here(store *s, const char *what);
/* Open a PostgreSQL connection string into s (pg_open.c): connect, check and create or
 * migrate the schema; the newest audit id as the data version the dashboard polls. */
store_rc st_pg_open(store *s, const char *uri, int flags);
store_rc st_pg_data_version(store *s, long long *out);
/* After an import kept its ids: each identity sequence continues after the largest id. */
store_rc st_pg_sync_ids(store *s);

/* ---- schema versions, whatever the backend (store_open.c) ---- */
/* Before anything is written: a newer schema is refused, a database without ours but with
 * other tables is not lnd's, none at all without create is no database. version 0 = none. */
store_rc st_schema_refuse(store *s, const char *where, int version, bool other_tables, bool create);
/* An older schema is migrated (st_migrate), or refused on a read-only store. */
store_rc st_schema_upgrade(store *s, const char *where, int version);

/* ---- schema (sqlite_schema.c) ---- */
store_rc st_migrate(store *s, int from);

#endif
