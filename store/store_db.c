/* SPDX-License-Identifier: MIT */
/* store/store_db.c — the plumbing every verb uses: a small cache of prepared statements
 * (keyed by the address of their static SQL), bind/column helpers, the driver's result codes
 * (store/db.h) turned into store_rc with one-line messages, and write transactions (BEGIN IMMEDIATE, or a
 * savepoint when the caller grouped writes with store_tx_begin). No SQL built from user data
 * here or anywhere in store/. */
#include "store_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

db_stmt *st_prep(store *s, const char *sql)
{
    int free_slot = -1;
    for (int i = 0; i < STORE_STMT_CACHE; i++) {
        if (s->cache[i].sql == sql) {
            db_stmt *st = s->cache[i].st;
            db_reset(st);
            db_clear_bindings(st);
            return st;
        }
        if (!s->cache[i].sql && free_slot < 0) free_slot = i;
    }
    db_stmt *st = NULL;
    int rc = db_prepare(s->db, sql, &st);
    if (rc != DB_OK) {
        st_sqlfail(s, rc, "prepare");
        return NULL;
    }
    if (free_slot < 0) {                 /* cache full: evict the first slot */
        db_finalize(s->cache[0].st);
        free_slot = 0;
    }
    s->cache[free_slot].sql = sql;
    s->cache[free_slot].st = st;
    return st;
}

int st_step_done(store *s, db_stmt *st)
{
    (void)s;
    int rc = db_step(st);
    db_reset(st);
    return rc == DB_ROW ? DB_DONE : rc;
}

int st_step_id(store *s, db_stmt *st)
{
    int rc = db_step(st);
    if (rc == DB_ROW) s->last_id = db_column_int64(st, 0);
    db_reset(st);
    return rc == DB_ROW ? DB_DONE : rc == DB_DONE ? DB_ERROR : rc;
}

store_rc st_one_int(store *s, const char *sql, const char *what, long long *out)
{
    db_stmt *st = st_prep(s, sql);
    if (!st) return STORE_IO;
    int rc = db_step(st);
    long long v = rc == DB_ROW ? db_column_int64(st, 0) : 0;
    db_reset(st);
    if (rc != DB_ROW) return st_sqlfail(s, rc, what);
    *out = v;
    return STORE_OK;
}

int st_exec(store *s, const char *sql)
{
    return db_exec(s->db, sql);
}

void st_bind_text(db_stmt *st, int i, const char *v)
{
    db_bind_text(st, i, v ? v : "", -1);
}

void st_bind_opt_double(db_stmt *st, int i, bool has, double v)
{
    if (has) db_bind_double(st, i, v);
    else db_bind_null(st, i);
}

void st_bind_id0(db_stmt *st, int i, lnd_id id)
{
    if (id) db_bind_int64(st, i, id);
    else db_bind_null(st, i);
}

char *st_col_str(lnd_arena *a, db_stmt *st, int col)
{
    const char *t = db_column_text(st, col);
    int n = db_column_bytes(st, col);
    return arena_strndup(a, t ? t : "", (size_t)n);
}

void st_strs_pack(st_strs *ss, lnd_arena *a)
{
    memset(ss, 0, sizeof *ss);
    ss->a = a;
    ss->pack = true;
    ss->tabcap = 8192;
    ss->tab = calloc(ss->tabcap, sizeof *ss->tab);   /* NULL: pack without sharing */
}

void st_strs_done(st_strs *ss)
{
    free(ss->tab);
    ss->tab = NULL;
}

char *st_str(st_strs *ss, db_stmt *st, int col, bool intern)
{
    const char *t = db_column_text(st, col);
    size_t n = t ? strnlen(t, (size_t)db_column_bytes(st, col)) : 0;
    if (!t) t = "";
    if (!ss->pack) return arena_strndup(ss->a, t, n);
    size_t slot = 0;
    bool share = intern && ss->tab && n <= 64;
    if (share) {
        unsigned long h = 2166136261u;                    /* FNV-1a */
        for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)t[i]) * 16777619u;
        slot = h & (ss->tabcap - 1);
        while (ss->tab[slot]) {
            if (memcmp(ss->tab[slot], t, n) == 0 && ss->tab[slot][n] == '\0') return ss->tab[slot];
            slot = (slot + 1) & (ss->tabcap - 1);
        }
        if (ss->tabn >= ss->tabcap / 2) share = false;     /* full enough: stop sharing */
    }
    if (ss->left < n + 1) {
        size_t sz = n + 1 > 16384 ? n + 1 : 65536;
        ss->buf = arena_alloc_raw(ss->a, sz);
        ss->left = sz;
    }
    char *p = ss->buf;
    memcpy(p, t, n);
    p[n] = '\0';
    ss->buf += n + 1;
    ss->left -= n + 1;
    if (share) {
        ss->tab[slot] = p;
        ss->tabn++;
    }
    return p;
}

store_rc st_fail(store *s, store_rc rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return rc;
}

store_rc st_sqlfail(store *s, int dbrc, const char *what)
{
    const char *msg = db_errmsg(s->db);
    switch ((db_rc)dbrc) {
    case DB_BUSY:
        return st_fail(s, STORE_BUSY, "database busy, try again");
    case DB_CANTOPEN:   /* a server that went away mid-command: 69, like a busy one */
        if (db_dialect(s->db) != DB_SQLITE) return st_fail(s, STORE_BUSY, "%s: lost the server: %s", what, msg);
        /* fall through */
    case DB_READONLY:
        return st_fail(s, STORE_READONLY, "cannot write %s: read-only; check permissions", s->path);
    case DB_CLOSED:
        return st_fail(s, STORE_LOCKED, "%s", msg);
    case DB_FOREIGNKEY:
        return st_fail(s, STORE_INVALID, "%s: it refers to a row that does not exist; check the id", what);
    case DB_UNIQUE:
        return st_fail(s, STORE_INVALID, "%s: that name is already taken; choose another", what);
    case DB_CONSTRAINT:
        return st_fail(s, STORE_INVALID, "%s: %s", what, msg);
    case DB_NOTADB:
        return st_fail(s, STORE_IO, "%s is not an lnd database (%s)", s->path, msg);
    case DB_FULL:
        return st_fail(s, STORE_IO, "cannot write %s: disk full", s->path);
    default:
        return st_fail(s, STORE_IO, "%s: %s (%s)", what, msg, s->path);
    }
}

store_rc st_not_here(store *s, const char *what)
{
    return st_fail(s, STORE_INVALID, "%s is not supported on %s yet; use an SQLite file", what,
                   s->db ? s->db->ops->name : "this database");
}

store_rc st_wbegin(store *s)
{
    if (s->readonly) {
        if (st_denied(s, s->path, true) != STORE_OK) return STORE_READONLY;   /* whose file, and the fix */
        return st_fail(s, STORE_READONLY, "cannot write %s: read-only; check permissions", s->path);
    }
    int rc;
    if (db_in_transaction(s->db)) {   /* inside store_tx_begin or another verb */
        rc = st_exec(s, "SAVEPOINT lnd_verb");
        if (rc != DB_OK) return st_sqlfail(s, rc, "savepoint");
        s->sp_depth++;
        return STORE_OK;
    }
    rc = db_begin_write(s->db);
    if (rc != DB_OK) return st_sqlfail(s, rc, "starting a write");
    return STORE_OK;
}

store_rc st_wend(store *s, store_rc rc)
{
    if (s->sp_depth > 0) {
        if (rc != STORE_OK) st_exec(s, "ROLLBACK TO lnd_verb");
        st_exec(s, "RELEASE lnd_verb");
        s->sp_depth--;
        return rc;
    }
    if (rc != STORE_OK) {
        if (db_in_transaction(s->db)) st_exec(s, "ROLLBACK");
        st_hook_reset(s);
        return rc;
    }
    int src = st_exec(s, "COMMIT");
    if (src != DB_OK) {
        store_rc r = st_sqlfail(s, src, "commit");
        if (db_in_transaction(s->db)) st_exec(s, "ROLLBACK");
        st_hook_reset(s);
        return r;
    }
    s->own_commits++;
    st_hook_committed(s);
    return STORE_OK;
}

/* ---- edit details for the audit log ---- */

static void diff_add(st_diff *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void diff_add(st_diff *d, const char *fmt, ...)
{
    if (d->len >= sizeof d->buf - 1) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(d->buf + d->len, sizeof d->buf - d->len, fmt, ap);
    va_end(ap);
    if (n > 0) d->len += (size_t)n;
    if (d->len >= sizeof d->buf) d->len = sizeof d->buf - 1;
}

void st_diff_raw(st_diff *d, const char *field, const char *old, const char *new_)
{
    if (strcmp(old ? old : "", new_ ? new_ : "") == 0) return;
    diff_add(d, "%s%s: %s \xe2\x86\x92 %s", d->len ? "; " : "", field, old, new_);
}

void st_diff_str(st_diff *d, const char *field, const char *old, const char *new_)
{
    if (!old) old = "";
    if (!new_) new_ = "";
    if (strcmp(old, new_) == 0) return;
    diff_add(d, "%s%s: '%.200s' \xe2\x86\x92 '%.200s'", d->len ? "; " : "", field, old, new_);
}

void st_diff_num(st_diff *d, const char *field, double old, double new_)
{
    if (old == new_) return;
    char a[64], b[64];
    model_fmt_num(old, a, sizeof a);
    model_fmt_num(new_, b, sizeof b);
    diff_add(d, "%s%s: %s \xe2\x86\x92 %s", d->len ? "; " : "", field, a, b);
}

store_rc st_rows(store *s, lnd_arena *a, db_stmt *st, size_t size, st_row_fn fn, void **out, size_t *n,
                 const char *what)
{
    size_t cap = 0;
    char *v = NULL;
    int rc;
    *out = NULL;
    *n = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            char *nv = arena_alloc(a, ncap * size);
            if (cap) memcpy(nv, v, cap * size);
            v = nv;
            cap = ncap;
        }
        fn(a, st, v + (*n)++ * size);
    }
    db_reset(st);
    if (rc != DB_DONE) return st_sqlfail(s, rc, what);
    *out = v;
    return STORE_OK;
}

store_rc st_each(store *s, db_stmt *st, st_row_fn fn, bool (*cb)(void *ud, const void *row), void *ud,
                 const char *what)
{
    union { lnd_checkin c; lnd_audit a; long double pad; } row;   /* the largest row streamed */
    lnd_arena *a = arena_new();
    int rc;
    for (unsigned long i = 1; (rc = db_step(st)) == DB_ROW; i++) {
        memset(&row, 0, sizeof row);
        fn(a, st, &row);
        if (!cb(ud, &row)) {
            rc = DB_DONE;
            break;
        }
        if (i % 512 == 0) {   /* the strings of rows already passed on */
            arena_free(a);
            a = arena_new();
        }
    }
    arena_free(a);
    db_reset(st);
    return rc == DB_DONE ? STORE_OK : st_sqlfail(s, rc, what);
}

void st_diff_changes(st_diff *d, const fields_change *ch, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (ch[i].text)
            diff_add(d, "%s%s: '%.200s' \xe2\x86\x92 '%.200s'", d->len ? "; " : "", ch[i].field, ch[i].old,
                     ch[i].new_);
        else
            diff_add(d, "%s%s: %s \xe2\x86\x92 %s", d->len ? "; " : "", ch[i].field, ch[i].old, ch[i].new_);
    }
}

void store_busy_wait(store *s, int ms)
{
    if (s && s->db) db_set_busy_timeout(s->db, ms < 0 ? st_busy_timeout_ms() : ms);
}

int store_busy_timeout(void)
{
    return st_busy_timeout_ms();
}
