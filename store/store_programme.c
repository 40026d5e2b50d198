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

void st_programme_row(st_strs *ss, db_stmt *st, lnd_programme *r)
{
    int c = 0;
    r->id = db_column_int64(st, c++);
    FIELDS_PROG(STF_READ)
}

ST_INSERT_ROW(st_prog_insert, lnd_programme, "programme", FIELDS_PROG)

ST_GET_BY_ID(store_get_programme, lnd_programme, "programme", ST_PROG_COLS, st_programme_row, "no programme P%lld",
             "reading a programme")

/* Title, weeks within the cycle, objective (if any) in the same cycle. */
store_rc st_valid_programme(store *s, const lnd_programme *p)
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

store_rc store_add_programme(store *s, lnd_programme *p, const char *user)
{
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    if ((rc = st_valid_programme(s, p)) != STORE_OK) return st_wend(s, rc);
    lnd_programme row = *p;
    row.id = 0;
    row.archived = false;
    row.version = 1;
    if ((rc = st_prog_insert(s, &row, "adding a programme")) != STORE_OK) return st_wend(s, rc);
    lnd_id id = s->last_id;
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

ST_UPDATE_ROW(prog_update, lnd_programme, "programme", FIELDS_PROG, FIELDS_PROG_N, fields_prog_diff)

store_rc store_update_programme(store *s, lnd_programme *p, const char *user)
{
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    char label[48];
    snprintf(label, sizeof label, "programme %lld", p->id);
    lnd_arena *a = arena_new();
    lnd_programme old = {0};
    rc = store_get_programme(s, a, p->id, &old);
    if (rc == STORE_NOTFOUND) rc = st_fail(s, STORE_NOTFOUND, "no programme %lld; check the id", p->id);
    if (rc == STORE_OK && old.version != p->version)
        rc = st_conflict(s, "programme", "programme", p->id, label, p->version);
    if (rc == STORE_OK) {
        lnd_programme chk = *p;
        chk.cycle_id = old.cycle_id;
        rc = st_valid_programme(s, &chk);
    }
    if (rc == STORE_OK) rc = prog_update(s, p, &old, label, user, "saving the programme");
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
