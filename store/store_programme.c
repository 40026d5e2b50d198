/* SPDX-License-Identifier: MIT */
/* store/store_programme.c — programmes: learning initiatives on the cycle calendar, each
 * serving an objective (or none, a health finding), with their cohorts. Same rules as the
 * other verbs: validation first, BEGIN IMMEDIATE, versions on edits, an audit row per change.
 * KPIs live in store_kpi.c. */
#include "store_int.h"

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

ST_GET_BY_ID(store_get_programme, lnd_programme, "programme", ST_PROG_COLS, st_programme_row, "no programme P%lld",
             "reading a programme")

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
