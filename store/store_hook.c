/* SPDX-License-Identifier: MIT */
/* store/store_hook.c — the commit callback and the reader of a transaction's changes
 * (store_hook.h). st_audit records the audit ids a transaction writes; st_wend calls
 * st_hook_committed after a successful COMMIT and st_hook_reset after a rollback. */
#include "store_int.h"
#include "store_hook.h"

#include <string.h>

void store_on_commit(store *s, store_commit_fn fn, void *ud)
{
    s->hook_fn = fn;
    s->hook_ud = ud;
}

void st_hook_wrote(store *s, lnd_id audit_id)
{
    if (!s->hook_first) s->hook_first = audit_id;
    s->hook_last = audit_id;
}

void st_hook_reset(store *s)
{
    s->hook_first = s->hook_last = 0;
}

void st_hook_committed(store *s)
{
    lnd_id first = s->hook_first, last = s->hook_last;
    st_hook_reset(s);
    if (s->hook_fn && first) s->hook_fn(s->hook_ud, s, first, last);
}

store_rc store_changes(store *s, lnd_arena *a, lnd_id first, lnd_id last, size_t limit,
                       store_change **out, size_t *n, size_t *total)
{
    *out = NULL;
    *n = *total = 0;
    db_stmt *st = st_prep(s, "SELECT count(*) FROM audit WHERE id BETWEEN ? AND ?");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, first);
    db_bind_int64(st, 2, last);
    int rc = db_step(st);
    if (rc == DB_ROW) *total = (size_t)db_column_int64(st, 0);
    db_reset(st);
    if (rc != DB_ROW) return st_sqlfail(s, rc, "reading the audit log");
    st = st_prep(s, "SELECT a.id, a.at, a.author, a.action, a.entity, a.entity_id, a.detail,"
                    " c.id, c.kr_id, c.at, c.value, c.confidence, c.note, c.author, c.observed, c.applied"
                    " FROM audit a LEFT JOIN checkin c ON a.entity = 'checkin' AND c.id = a.entity_id"
                    " WHERE a.id BETWEEN ? AND ? ORDER BY a.id LIMIT ?");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, first);
    db_bind_int64(st, 2, last);
    db_bind_int64(st, 3, limit ? (int64_t)limit : INT64_MAX);
    size_t cap = *total < 64 ? 64 : (limit && limit < *total ? limit : *total);
    store_change *v = arena_alloc(a, cap * sizeof *v);
    while ((rc = db_step(st)) == DB_ROW && *n < cap) {
        store_change *c = &v[(*n)++];
        memset(c, 0, sizeof *c);
        c->audit.id = db_column_int64(st, 0);
        c->audit.at = st_col_str(a, st, 1);
        c->audit.user = st_col_str(a, st, 2);
        c->audit.action = st_col_str(a, st, 3);
        c->audit.entity = st_col_str(a, st, 4);
        c->audit.entity_id = db_column_int64(st, 5);
        c->audit.detail = st_col_str(a, st, 6);
        c->is_checkin = db_column_type(st, 7) != DB_T_NULL;
        if (c->is_checkin) {
            c->checkin.id = db_column_int64(st, 7);
            c->checkin.kr_id = db_column_int64(st, 8);
            c->checkin.at = st_col_str(a, st, 9);
            c->checkin.value = db_column_double(st, 10);
            c->checkin.confidence = db_column_int(st, 11);
            c->checkin.note = st_col_str(a, st, 12);
            c->checkin.author = st_col_str(a, st, 13);
            c->checkin.observed = db_column_int(st, 14);
            c->checkin.applied = db_column_int(st, 15);
        }
    }
    db_reset(st);
    if (rc != DB_DONE && rc != DB_ROW) return st_sqlfail(s, rc, "reading the audit log");
    *out = v;
    return STORE_OK;
}
