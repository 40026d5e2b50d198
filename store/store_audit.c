/* SPDX-License-Identifier: MIT */
/* store/store_audit.c — the audit log: one row per change (who, when, what), written in the
 * same transaction as the change; reading it back; and the conflict message that names who
 * last changed a row. The log is append-only (triggers refuse UPDATE and DELETE). */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "../core/dates.h"

store_rc st_audit(store *s, const char *user, const char *action, const char *entity, lnd_id id,
                  const char *detail)
{
    char now[32];
    date_now_stamp(now, sizeof now);
    db_stmt *st = st_prep(s, "INSERT INTO audit(at, author, action, entity, entity_id, detail, account) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    if (!st) return STORE_IO;
    st_bind_text(st, 1, now);
    st_bind_text(st, 2, st_blank(user) ? "unknown" : user);
    st_bind_text(st, 3, action);
    st_bind_text(st, 4, entity);
    db_bind_int64(st, 5, id);
    st_bind_text(st, 6, detail);
    st_bind_text(st, 7, s->account);
    int rc = st_step_id(s, st);
    if (rc == DB_DONE) st_hook_wrote(s, s->last_id);
    return rc == DB_DONE ? STORE_OK : st_sqlfail(s, rc, "writing the audit log");
}

static void audit_row(lnd_arena *a, db_stmt *st, lnd_audit *out)
{
    out->id = db_column_int64(st, 0);
    out->at = st_col_str(a, st, 1);
    out->user = st_col_str(a, st, 2);
    out->action = st_col_str(a, st, 3);
    out->entity = st_col_str(a, st, 4);
    out->entity_id = db_column_int64(st, 5);
    out->detail = st_col_str(a, st, 6);
    out->account = st_col_str(a, st, 7);
}

static void audit_row_v(lnd_arena *a, db_stmt *st, void *row) { audit_row(a, st, row); }

store_rc store_audit(store *s, lnd_arena *a, const char *since, size_t limit, lnd_audit **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT id, at, author, action, entity, entity_id, detail, account FROM audit "
                                  "WHERE at >= ? ORDER BY id DESC LIMIT ?");
    if (!st) return STORE_IO;
    st_bind_text(st, 1, since ? since : "");
    db_bind_int64(st, 2, limit ? (int64_t)limit : INT64_MAX);
    return st_rows(s, a, st, sizeof **out, audit_row_v, (void **)out, n, "reading the audit log");
}

typedef struct { store_audit_cb cb; void *ud; } audit_each;
static bool audit_each_v(void *ud, const void *row)
{
    const audit_each *e = ud;
    return e->cb(e->ud, row);
}

store_rc store_each_audit(store *s, store_audit_cb cb, void *ud)
{
    db_stmt *st = st_prep(s, "SELECT id, at, author, action, entity, entity_id, detail, account FROM audit "
                                  "ORDER BY id DESC");
    if (!st) return STORE_IO;
    audit_each e = {cb, ud};
    return st_each(s, st, audit_row_v, audit_each_v, &e, "reading the audit log");
}

store_rc store_last_change(store *s, lnd_arena *a, const char *entity, lnd_id id, lnd_audit *out)
{
    memset(out, 0, sizeof *out);
    db_stmt *st = st_prep(s, "SELECT id, at, author, action, entity, entity_id, detail, account FROM audit "
                                  "WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1");
    if (!st) return STORE_IO;
    st_bind_text(st, 1, entity);
    db_bind_int64(st, 2, id);
    int rc = db_step(st);
    if (rc == DB_ROW) audit_row(a, st, out);
    db_reset(st);
    if (rc == DB_DONE) return st_fail(s, STORE_NOTFOUND, "no change recorded for %s %lld", entity, id);
    if (rc != DB_ROW) return st_sqlfail(s, rc, "reading the audit log");
    return STORE_OK;
}

store_rc store_last_field_change(store *s, lnd_arena *a, const char *entity, lnd_id id, const char *field,
                                 lnd_audit *out)
{
    /* an edit's detail is "title: 'Old' → 'New'; owner: 'a' → 'b'" (st_diff_*); field names
     * matched whatever their case, as SQLite's LIKE always did (PostgreSQL's LIKE minds case) */
    char first[80], later[84];
    snprintf(first, sizeof first, "%s: %%", field);
    snprintf(later, sizeof later, "%%; %s: %%", field);
    memset(out, 0, sizeof *out);
    db_stmt *st = st_prep(s, "SELECT id, at, author, action, entity, entity_id, detail, account FROM audit "
                             "WHERE entity = ? AND entity_id = ? AND action = 'edit' "
                             "AND (lower(detail) LIKE lower(?) OR lower(detail) LIKE lower(?)) "
                             "ORDER BY id DESC LIMIT 1");
    if (!st) return STORE_IO;
    st_bind_text(st, 1, entity);
    db_bind_int64(st, 2, id);
    st_bind_text(st, 3, first);
    st_bind_text(st, 4, later);
    int rc = db_step(st);
    if (rc == DB_ROW) audit_row(a, st, out);
    db_reset(st);
    if (rc == DB_DONE) {   /* never edited: the value it was created with */
        st = st_prep(s, "SELECT id, at, author, action, entity, entity_id, detail, account FROM audit "
                        "WHERE entity = ? AND entity_id = ? ORDER BY id LIMIT 1");
        if (!st) return STORE_IO;
        st_bind_text(st, 1, entity);
        db_bind_int64(st, 2, id);
        rc = db_step(st);
        if (rc == DB_ROW) audit_row(a, st, out);
        db_reset(st);
        if (rc == DB_DONE) return st_fail(s, STORE_NOTFOUND, "no change recorded for %s %lld", entity, id);
    }
    if (rc != DB_ROW) return st_sqlfail(s, rc, "reading the audit log");
    return STORE_OK;
}

store_rc st_conflict(store *s, const char *table, const char *entity, lnd_id id, const char *label, long had)
{
    /* one literal statement per table: no SQL is ever built from strings */
    const char *sql = !strcmp(table, "cycle")     ? "SELECT version FROM cycle WHERE id = ?"
                    : !strcmp(table, "objective") ? "SELECT version FROM objective WHERE id = ?"
                    : !strcmp(table, "kr")        ? "SELECT version FROM kr WHERE id = ?"
                    : !strcmp(table, "programme") ? "SELECT version FROM programme WHERE id = ?"
                    : !strcmp(table, "kpi")       ? "SELECT version FROM kpi WHERE id = ?"
                    : !strcmp(table, "review")    ? "SELECT version FROM review WHERE objective_id = ?"
                                                  : NULL;
    if (!sql) return st_fail(s, STORE_IO, "internal: no version query for %s", table);
    db_stmt *st;
    int rc = db_prepare(s->db, sql, &st);
    if (rc != DB_OK) return st_sqlfail(s, rc, "reading the current version");
    db_bind_int64(st, 1, id);
    rc = db_step(st);
    long now = rc == DB_ROW ? (long)db_column_int64(st, 0) : 0;
    db_finalize(st);
    if (rc == DB_DONE) return st_fail(s, STORE_NOTFOUND, "no %s %s; check the id", entity, label);
    if (rc != DB_ROW) return st_sqlfail(s, rc, "reading the current version");
    lnd_arena *a = arena_new();
    lnd_audit last;
    store_rc r = store_last_change(s, a, entity, id, &last);
    char who[300];
    if (r == STORE_OK)
        st_fail(s, STORE_CONFLICT, "%s was changed by %s at %s (version %ld, you had %ld); reload and reapply",
                label, model_who(last.user, last.account, who, sizeof who), st_local(last.at), now, had);
    else
        st_fail(s, STORE_CONFLICT, "%s was changed by someone else (version %ld, you had %ld); reload and reapply",
                label, now, had);
    arena_free(a);
    return STORE_CONFLICT;
}
