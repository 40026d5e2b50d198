/* SPDX-License-Identifier: MIT */
/* store/store_changed.c — what other processes changed since a dashboard last looked, read
 * from the audit log: the newest audit row, and the objectives whose KRs took check-ins in
 * the rows after one the caller saw, so the dashboard's poll can re-read those objectives'
 * KRs instead of the whole plan. Only reads. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

/* Past this many objectives a full reload is as cheap, and the list stays small. */
#define CHANGES_MAX_OBJS 256

store_rc store_audit_last(store *s, lnd_id *out)
{
    *out = 0;
    db_stmt *st = st_prep(s, "SELECT max(id) FROM audit");
    if (!st) return STORE_IO;
    int rc = db_step(st);
    if (rc == DB_ROW) *out = db_column_int64(st, 0);
    db_reset(st);
    return rc == DB_ROW ? STORE_OK : st_sqlfail(s, rc, "reading the audit log");
}

store_rc store_changed_after(store *s, lnd_arena *a, lnd_id after, store_changed *out)
{
    memset(out, 0, sizeof *out);
    out->last = after;
    out->objs = arena_alloc(a, CHANGES_MAX_OBJS * sizeof *out->objs);
    /* a check-in's audit row names the check-in; its KR names the objective */
    db_stmt *st = st_prep(s, "SELECT a.id, a.entity = 'checkin' AND a.action = 'checkin', k.objective_id "
                                  "FROM audit a LEFT JOIN checkin c ON a.entity = 'checkin' AND c.id = a.entity_id "
                                  "LEFT JOIN kr k ON k.id = c.kr_id WHERE a.id > ? ORDER BY a.id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, after);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        out->rows++;
        out->last = db_column_int64(st, 0);
        lnd_id oid = db_column_int64(st, 2);
        if (!db_column_int(st, 1) || !oid) {   /* anything but a check-in: stop here */
            out->other = true;
            break;
        }
        size_t i = 0;
        while (i < out->nobjs && out->objs[i] != oid) i++;
        if (i < out->nobjs) continue;
        if (out->nobjs == CHANGES_MAX_OBJS) {
            out->other = true;
            break;
        }
        out->objs[out->nobjs++] = oid;
    }
    db_reset(st);
    if (rc != DB_ROW && rc != DB_DONE) return st_sqlfail(s, rc, "reading the audit log");
    if (out->other) return store_audit_last(s, &out->last);
    return STORE_OK;
}
