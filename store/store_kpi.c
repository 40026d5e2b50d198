/* SPDX-License-Identifier: MIT */
/* store/store_kpi.c — KPIs: steady-state health indicators with a healthy range and a value
 * history. Same rules as the other verbs: validation first, BEGIN IMMEDIATE, an audit row per
 * change. Programmes live in store_programme.c. */
#include "store_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"
#include "store_io.h"

store_rc st_valid_kpi(store *s, const lnd_kpi *k)
{
    if (st_blank(k->name)) return st_fail(s, STORE_INVALID, "KPI name is empty; give it a name");
    if ((k->has_min && !isfinite(k->min)) || (k->has_max && !isfinite(k->max)))
        return st_fail(s, STORE_INVALID, "KPI %s: threshold must be a finite number", k->name);
    if (k->has_min && k->has_max && k->min > k->max)
        return st_fail(s, STORE_INVALID, "KPI %s: minimum is above maximum; swap them", k->name);
    return STORE_OK;
}

store_rc store_add_kpi(store *s, lnd_kpi *k, const char *user)
{
    store_rc rc = st_valid_kpi(s, k);
    if (rc != STORE_OK) return rc;
    if ((rc = st_wbegin(s)) != STORE_OK) return rc;
    db_stmt *st = st_prep(s, "INSERT INTO kpi(name, unit, min, max) VALUES (?,?,?,?) RETURNING id");
    if (!st) return st_wend(s, STORE_IO);
    st_bind_text(st, 1, k->name);
    st_bind_text(st, 2, k->unit);
    st_bind_opt_double(st, 3, k->has_min, k->min);
    st_bind_opt_double(st, 4, k->has_max, k->max);
    int r = st_step_id(s, st);
    if (r != DB_DONE) return st_wend(s, st_sqlfail(s, r, "adding a KPI"));
    lnd_id id = s->last_id;
    char detail[512];
    snprintf(detail, sizeof detail, "KPI %lld '%.300s'", id, k->name);
    rc = st_wend(s, st_audit(s, user, "add", "kpi", id, detail));
    if (rc == STORE_OK) {
        k->id = id;
        k->version = 1;
        k->has_value = false;
    }
    return rc;
}

store_rc store_set_kpi_value(store *s, lnd_id id, double value, const char *user)
{
    if (!isfinite(value)) return st_fail(s, STORE_INVALID, "KPI value must be a finite number");
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    db_stmt *st = st_prep(s, "SELECT archived, value FROM kpi WHERE id = ?");
    if (!st) return st_wend(s, STORE_IO);
    db_bind_int64(st, 1, id);
    int r = db_step(st);
    bool archived = r == DB_ROW && db_column_int(st, 0) != 0;
    bool had = r == DB_ROW && db_column_type(st, 1) != DB_T_NULL;
    double old = had ? db_column_double(st, 1) : 0;
    db_reset(st);
    if (r == DB_DONE) return st_wend(s, st_fail(s, STORE_NOTFOUND, "no KPI %lld", id));
    if (r != DB_ROW) return st_wend(s, st_sqlfail(s, r, "reading a KPI"));
    if (archived) return st_wend(s, st_fail(s, STORE_NOTFOUND, "KPI %lld is archived", id));
    char now[32];
    date_now_stamp(now, sizeof now);
    st = st_prep(s, "INSERT INTO kpi_value(kpi_id, at, value, author) VALUES (?,?,?,?)");
    if (!st) return st_wend(s, STORE_IO);
    db_bind_int64(st, 1, id);
    st_bind_text(st, 2, now);
    db_bind_double(st, 3, value);
    st_bind_text(st, 4, st_blank(user) ? "unknown" : user);
    r = st_step_done(s, st);
    if (r == DB_DONE) {
        st = st_prep(s, "UPDATE kpi SET value = ?, updated_at = ? WHERE id = ?");   /* not an edit: no version */
        if (!st) return st_wend(s, STORE_IO);
        db_bind_double(st, 1, value);
        st_bind_text(st, 2, now);
        db_bind_int64(st, 3, id);
        r = st_step_done(s, st);
    }
    if (r != DB_DONE) return st_wend(s, st_sqlfail(s, r, "recording the KPI value"));
    char a[64] = "-", b[64], detail[160];
    if (had) model_fmt_num(old, a, sizeof a);
    model_fmt_num(value, b, sizeof b);
    snprintf(detail, sizeof detail, "value: %s \xe2\x86\x92 %s", a, b);
    return st_wend(s, st_audit(s, user, "value", "kpi", id, detail));
}

static void kpi_row(lnd_arena *a, db_stmt *st, void *row)
{
    lnd_kpi *k = row;
    k->id = db_column_int64(st, 0);
    k->name = st_col_str(a, st, 1);
    k->unit = st_col_str(a, st, 2);
    k->has_min = db_column_type(st, 3) != DB_T_NULL;
    k->min = db_column_double(st, 3);
    k->has_max = db_column_type(st, 4) != DB_T_NULL;
    k->max = db_column_double(st, 4);
    k->has_value = db_column_type(st, 5) != DB_T_NULL;
    k->value = db_column_double(st, 5);
    k->updated_at = db_column_type(st, 6) == DB_T_NULL ? NULL : st_col_str(a, st, 6);
    k->archived = db_column_int(st, 7) != 0;
    k->version = (long)db_column_int64(st, 8);
}

store_rc store_kpis(store *s, lnd_arena *a, lnd_kpi **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT id, name, unit, min, max, value, updated_at, archived, version "
                                  "FROM kpi ORDER BY id");
    if (!st) return STORE_IO;
    return st_rows(s, a, st, sizeof **out, kpi_row, (void **)out, n, "reading KPIs");
}

static void kpi_value_row(lnd_arena *a, db_stmt *st, void *row)
{
    lnd_checkin *c = row;
    c->id = db_column_int64(st, 0);
    c->kr_id = db_column_int64(st, 1);
    c->at = st_col_str(a, st, 2);
    c->value = db_column_double(st, 3);
    c->author = st_col_str(a, st, 4);
    c->note = arena_strdup(a, "");
    c->confidence = c->observed = c->applied = -1;
}

store_rc store_kpi_history(store *s, lnd_arena *a, lnd_id kpi_id, lnd_checkin **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT id, kpi_id, at, value, author FROM kpi_value WHERE kpi_id = ? "
                                  "ORDER BY at, id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, kpi_id);
    return st_rows(s, a, st, sizeof **out, kpi_value_row, (void **)out, n, "reading KPI history");
}
