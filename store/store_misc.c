/* SPDX-License-Identifier: MIT */
/* store/store_misc.c — programmes (learning initiatives on the cycle calendar, each serving
 * an objective) and KPIs (steady-state health indicators with a healthy range and a value
 * history). Same rules as the other verbs: validation first, BEGIN IMMEDIATE, versions on
 * edits, an audit row per change. */
#include "store_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/cohort.h"
#include "../core/dates.h"
#include "store_io.h"

void st_programme_row(st_strs *ss, sqlite3_stmt *st, lnd_programme *p)
{
    p->id = sqlite3_column_int64(st, 0);
    p->cycle_id = sqlite3_column_int64(st, 1);
    p->objective_id = sqlite3_column_int64(st, 2);
    p->title = st_str(ss, st, 3, false);
    p->audience = st_str(ss, st, 4, true);
    p->start_week = sqlite3_column_int(st, 5);
    p->end_week = sqlite3_column_int(st, 6);
    p->archived = sqlite3_column_int(st, 7) != 0;
    p->version = (long)sqlite3_column_int64(st, 8);
    p->cohorts = st_str(ss, st, 9, true);
}

store_rc store_get_programme(store *s, lnd_arena *a, lnd_id id, lnd_programme *out)
{
    sqlite3_stmt *st = st_prep(s, "SELECT " ST_PROG_COLS " FROM programme WHERE id = ?");
    if (!st) return STORE_IO;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    st_strs ss = {.a = a};
    if (rc == SQLITE_ROW) st_programme_row(&ss, st, out);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) return st_fail(s, STORE_NOTFOUND, "no programme P%lld", id);
    if (rc != SQLITE_ROW) return st_sqlfail(s, rc, "reading a programme");
    return STORE_OK;
}

/* Title, weeks within the cycle, objective (if any) in the same cycle. */
static store_rc valid_programme(store *s, const lnd_programme *p)
{
    if (st_blank(p->title)) return st_fail(s, STORE_INVALID, "programme title is empty; give it a title");
    if (!st_blank(p->cohorts) && !cohort_list_valid(p->cohorts))
        return st_fail(s, STORE_INVALID, "cohorts '%s' must be 2 to 4 different names, comma-separated, the "
                       "trained one first (e.g. \"trained,not yet trained\" or \"pilot,control\")", p->cohorts);
    lnd_arena *a = arena_new();
    lnd_cycle c;
    store_rc rc = st_get_cycle(s, a, p->cycle_id, &c);
    if (rc == STORE_OK && (p->start_week < 1 || p->start_week > c.weeks || p->end_week < 1 || p->end_week > c.weeks))
        rc = st_fail(s, STORE_INVALID, "programme weeks %d-%d are outside cycle %s; use weeks 1 to %d",
                     p->start_week, p->end_week, c.name, c.weeks);
    if (rc == STORE_OK && p->start_week > p->end_week)
        rc = st_fail(s, STORE_INVALID, "programme starts in week %d but ends in week %d; the end must not be "
                     "before the start", p->start_week, p->end_week);
    if (rc == STORE_OK && p->objective_id) {
        lnd_objective o;
        rc = store_get_objective(s, a, p->objective_id, &o);
        if (rc == STORE_OK && o.cycle_id != p->cycle_id)
            rc = st_fail(s, STORE_INVALID, "objective O%lld is in another cycle; a programme serves an objective "
                         "of its own cycle", p->objective_id);
    }
    arena_free(a);
    return rc;
}

static void bind_programme(sqlite3_stmt *st, const lnd_programme *p)
{
    st_bind_id0(st, 1, p->objective_id);
    st_bind_text(st, 2, p->title);
    st_bind_text(st, 3, p->audience);
    sqlite3_bind_int(st, 4, p->start_week);
    sqlite3_bind_int(st, 5, p->end_week);
    st_bind_text(st, 20, st_blank(p->cohorts) ? "" : p->cohorts);   /* "": the default, or unchanged */
}

store_rc store_add_programme(store *s, lnd_programme *p, const char *user)
{
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    if ((rc = valid_programme(s, p)) != STORE_OK) return st_wend(s, rc);
    sqlite3_stmt *st = st_prep(s, "INSERT INTO programme(objective_id, title, audience, start_week, end_week, "
                                  "cycle_id, cohorts) VALUES (?1,?2,?3,?4,?5,?6,coalesce(nullif(?20,''),'" COHORT_DEFAULT "'))");
    if (!st) return st_wend(s, STORE_IO);
    bind_programme(st, p);
    sqlite3_bind_int64(st, 6, p->cycle_id);
    int r = st_step_done(s, st);
    if (r != SQLITE_DONE) return st_wend(s, st_sqlfail(s, r, "adding a programme"));
    lnd_id id = sqlite3_last_insert_rowid(s->db);
    char detail[512];
    snprintf(detail, sizeof detail, "programme %lld '%.300s': weeks %d-%d", id, p->title, p->start_week,
             p->end_week);
    rc = st_wend(s, st_audit(s, user, "add", "programme", id, detail));
    if (rc == STORE_OK) {
        p->id = id;
        p->version = 1;
    }
    return rc;
}

store_rc store_update_programme(store *s, lnd_programme *p, const char *user)
{
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    char label[48];
    snprintf(label, sizeof label, "programme %lld", p->id);
    lnd_arena *a = arena_new();
    lnd_programme old = {0};
    sqlite3_stmt *st = st_prep(s, "SELECT " ST_PROG_COLS " FROM programme WHERE id = ?");
    if (!st) rc = STORE_IO;
    else {
        sqlite3_bind_int64(st, 1, p->id);
        int r = sqlite3_step(st);
        st_strs ss = {.a = a};
        if (r == SQLITE_ROW) st_programme_row(&ss, st, &old);
        sqlite3_reset(st);
        if (r == SQLITE_DONE) rc = st_fail(s, STORE_NOTFOUND, "no programme %lld; check the id", p->id);
        else if (r != SQLITE_ROW) rc = st_sqlfail(s, r, "reading a programme");
    }
    if (rc == STORE_OK && old.version != p->version)
        rc = st_conflict(s, "programme", "programme", p->id, label, p->version);
    if (rc == STORE_OK) {
        lnd_programme chk = *p;
        chk.cycle_id = old.cycle_id;
        rc = valid_programme(s, &chk);
    }
    if (rc == STORE_OK) {
        st = st_prep(s, "UPDATE programme SET objective_id=?, title=?, audience=?, start_week=?, end_week=?, "
                        "version = version + 1, cohorts = coalesce(nullif(?20,''), cohorts) "
                        "WHERE id = ?6 AND version = ?7");
        if (!st) rc = STORE_IO;
        else {
            bind_programme(st, p);
            sqlite3_bind_int64(st, 6, p->id);
            sqlite3_bind_int64(st, 7, p->version);
            int r = st_step_done(s, st);
            if (r != SQLITE_DONE) rc = st_sqlfail(s, r, "saving the programme");
            else if (sqlite3_changes(s->db) == 0) rc = st_conflict(s, "programme", "programme", p->id, label, p->version);
        }
    }
    if (rc == STORE_OK) {
        st_diff d = {0};
        char o1[32] = "none", o2[32] = "none";
        if (old.objective_id) snprintf(o1, sizeof o1, "O%lld", old.objective_id);
        if (p->objective_id) snprintf(o2, sizeof o2, "O%lld", p->objective_id);
        st_diff_raw(&d, "objective", o1, o2);
        st_diff_str(&d, "title", old.title, p->title);
        st_diff_str(&d, "audience", old.audience, p->audience);
        st_diff_num(&d, "start week", old.start_week, p->start_week);
        st_diff_num(&d, "end week", old.end_week, p->end_week);
        if (!st_blank(p->cohorts)) st_diff_str(&d, "cohorts", old.cohorts, p->cohorts);
        rc = st_audit(s, user, "edit", "programme", p->id, d.len ? d.buf : "no change");
    }
    arena_free(a);
    rc = st_wend(s, rc);
    if (rc == STORE_OK) {
        p->version++;
        p->cycle_id = old.cycle_id;
    }
    return rc;
}

store_rc store_archive_programme(store *s, lnd_id id, long version, const char *user)
{
    char label[48];
    snprintf(label, sizeof label, "programme %lld", id);
    return st_archive(s, "programme", "programme", id, version, label, user);
}

/* ---- KPIs ---- */

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
    sqlite3_stmt *st = st_prep(s, "INSERT INTO kpi(name, unit, min, max) VALUES (?,?,?,?)");
    if (!st) return st_wend(s, STORE_IO);
    st_bind_text(st, 1, k->name);
    st_bind_text(st, 2, k->unit);
    st_bind_opt_double(st, 3, k->has_min, k->min);
    st_bind_opt_double(st, 4, k->has_max, k->max);
    int r = st_step_done(s, st);
    if (r != SQLITE_DONE) return st_wend(s, st_sqlfail(s, r, "adding a KPI"));
    lnd_id id = sqlite3_last_insert_rowid(s->db);
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
    sqlite3_stmt *st = st_prep(s, "SELECT archived, value FROM kpi WHERE id = ?");
    if (!st) return st_wend(s, STORE_IO);
    sqlite3_bind_int64(st, 1, id);
    int r = sqlite3_step(st);
    bool archived = r == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
    bool had = r == SQLITE_ROW && sqlite3_column_type(st, 1) != SQLITE_NULL;
    double old = had ? sqlite3_column_double(st, 1) : 0;
    sqlite3_reset(st);
    if (r == SQLITE_DONE) return st_wend(s, st_fail(s, STORE_NOTFOUND, "no KPI %lld", id));
    if (r != SQLITE_ROW) return st_wend(s, st_sqlfail(s, r, "reading a KPI"));
    if (archived) return st_wend(s, st_fail(s, STORE_NOTFOUND, "KPI %lld is archived", id));
    char now[32];
    date_now_stamp(now, sizeof now);
    st = st_prep(s, "INSERT INTO kpi_value(kpi_id, at, value, author) VALUES (?,?,?,?)");
    if (!st) return st_wend(s, STORE_IO);
    sqlite3_bind_int64(st, 1, id);
    st_bind_text(st, 2, now);
    sqlite3_bind_double(st, 3, value);
    st_bind_text(st, 4, st_blank(user) ? "unknown" : user);
    r = st_step_done(s, st);
    if (r == SQLITE_DONE) {
        st = st_prep(s, "UPDATE kpi SET value = ?, updated_at = ? WHERE id = ?");   /* not an edit: no version */
        if (!st) return st_wend(s, STORE_IO);
        sqlite3_bind_double(st, 1, value);
        st_bind_text(st, 2, now);
        sqlite3_bind_int64(st, 3, id);
        r = st_step_done(s, st);
    }
    if (r != SQLITE_DONE) return st_wend(s, st_sqlfail(s, r, "recording the KPI value"));
    char a[64] = "-", b[64], detail[160];
    if (had) model_fmt_num(old, a, sizeof a);
    model_fmt_num(value, b, sizeof b);
    snprintf(detail, sizeof detail, "value: %s \xe2\x86\x92 %s", a, b);
    return st_wend(s, st_audit(s, user, "value", "kpi", id, detail));
}

store_rc store_kpis(store *s, lnd_arena *a, lnd_kpi **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = st_prep(s, "SELECT id, name, unit, min, max, value, updated_at, archived, version "
                                  "FROM kpi ORDER BY id");
    if (!st) return STORE_IO;
    size_t cap = 0;
    lnd_kpi *v = NULL;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            lnd_kpi *nv = arena_alloc(a, ncap * sizeof *nv);
            if (cap) memcpy(nv, v, cap * sizeof *nv);
            v = nv;
            cap = ncap;
        }
        lnd_kpi *k = &v[(*n)++];
        k->id = sqlite3_column_int64(st, 0);
        k->name = st_col_str(a, st, 1);
        k->unit = st_col_str(a, st, 2);
        k->has_min = sqlite3_column_type(st, 3) != SQLITE_NULL;
        k->min = sqlite3_column_double(st, 3);
        k->has_max = sqlite3_column_type(st, 4) != SQLITE_NULL;
        k->max = sqlite3_column_double(st, 4);
        k->has_value = sqlite3_column_type(st, 5) != SQLITE_NULL;
        k->value = sqlite3_column_double(st, 5);
        k->updated_at = sqlite3_column_type(st, 6) == SQLITE_NULL ? NULL : st_col_str(a, st, 6);
        k->archived = sqlite3_column_int(st, 7) != 0;
        k->version = (long)sqlite3_column_int64(st, 8);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return st_sqlfail(s, rc, "reading KPIs");
    *out = v;
    return STORE_OK;
}

store_rc store_kpi_history(store *s, lnd_arena *a, lnd_id kpi_id, lnd_checkin **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = st_prep(s, "SELECT id, kpi_id, at, value, author FROM kpi_value WHERE kpi_id = ? "
                                  "ORDER BY at, id");
    if (!st) return STORE_IO;
    sqlite3_bind_int64(st, 1, kpi_id);
    size_t cap = 0;
    lnd_checkin *v = NULL;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            lnd_checkin *nv = arena_alloc(a, ncap * sizeof *nv);
            if (cap) memcpy(nv, v, cap * sizeof *nv);
            v = nv;
            cap = ncap;
        }
        lnd_checkin *c = &v[(*n)++];
        c->id = sqlite3_column_int64(st, 0);
        c->kr_id = sqlite3_column_int64(st, 1);
        c->at = st_col_str(a, st, 2);
        c->value = sqlite3_column_double(st, 3);
        c->author = st_col_str(a, st, 4);
        c->note = arena_strdup(a, "");
        c->confidence = c->observed = c->applied = -1;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return st_sqlfail(s, rc, "reading KPI history");
    *out = v;
    return STORE_OK;
}
