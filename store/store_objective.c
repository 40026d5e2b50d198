/* SPDX-License-Identifier: MIT */
/* store/store_objective.c — objectives: add, read one, edit against the version the user
 * started from (stale → STORE_CONFLICT naming who changed it), archive. Rules: a title,
 * known level and type, a parent in the same cycle that does not create a loop. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

void st_objective_row(st_strs *ss, db_stmt *st, lnd_objective *r)
{
    int c = 0;
    r->id = db_column_int64(st, c++);
    FIELDS_OBJ(STF_READ)
}

ST_GET_BY_ID(store_get_objective, lnd_objective, "objective", ST_OBJ_COLS, st_objective_row, "no objective O%lld",
             "reading an objective")

/* The parent must exist, be in the same cycle, not be archived and not sit beneath o. */
store_rc st_valid_parent(store *s, const lnd_objective *o)
{
    if (!o->parent_id) return STORE_OK;
    if (o->id && o->parent_id == o->id)
        return st_fail(s, STORE_INVALID, "O%lld cannot be its own parent; choose another parent or none", o->id);
    db_stmt *st = st_prep(s, "SELECT cycle_id, archived, parent_id FROM objective WHERE id = ?");
    if (!st) return STORE_IO;
    lnd_id at = o->parent_id;
    for (long steps = 0; at && steps < 1000000; steps++) {
        db_bind_int64(st, 1, at);
        int rc = db_step(st);
        lnd_id cyc = 0, up = 0;
        bool archived = false;
        if (rc == DB_ROW) {
            cyc = db_column_int64(st, 0);
            archived = db_column_int(st, 1) != 0;
            up = db_column_int64(st, 2);
        }
        db_reset(st);
        if (rc != DB_ROW && rc != DB_DONE) return st_sqlfail(s, rc, "checking the parent");
        if (steps == 0) {
            if (rc == DB_DONE)
                return st_fail(s, STORE_INVALID, "parent O%lld does not exist", at);
            if (cyc != o->cycle_id)
                return st_fail(s, STORE_INVALID, "parent O%lld is in another cycle; choose a parent in the same cycle",
                               at);
            if (archived)
                return st_fail(s, STORE_INVALID, "parent O%lld is archived; choose a current objective", at);
        }
        if (rc == DB_DONE) break;
        if (o->id && up == o->id)
            return st_fail(s, STORE_INVALID, "parent O%lld sits beneath O%lld; that would make a loop",
                           o->parent_id, o->id);
        at = up;
    }
    return STORE_OK;
}

static store_rc valid_objective(store *s, const lnd_objective *o)
{
    if (st_blank(o->title)) return st_fail(s, STORE_INVALID, "objective title is empty; give it a title");
    if ((unsigned)o->level >= LEVEL_N)
        return st_fail(s, STORE_INVALID, "objective level %d is unknown; use business, ld or team", (int)o->level);
    if ((unsigned)o->type >= OTYPE_N)
        return st_fail(s, STORE_INVALID, "objective type %d is unknown; use committed, aspirational or learning",
                       (int)o->type);
    if (o->cadence_days < 0 || o->cadence_days > 366)
        return st_fail(s, STORE_INVALID, "check-in cadence %d days is out of range; use 1 to 366", o->cadence_days);
    return STORE_OK;
}

ST_INSERT_ROW(st_obj_insert, lnd_objective, "objective", FIELDS_OBJ)

store_rc store_add_objective(store *s, lnd_objective *o, const char *user)
{
    lnd_objective tmp = *o;
    tmp.id = 0;
    store_rc rc = valid_objective(s, &tmp);
    if (rc != STORE_OK) return rc;
    if ((rc = st_wbegin(s)) != STORE_OK) return rc;
    db_stmt *st = st_prep(s, "SELECT 1 FROM cycle WHERE id = ?");
    if (!st) return st_wend(s, STORE_IO);
    db_bind_int64(st, 1, o->cycle_id);
    int r = db_step(st);
    db_reset(st);
    if (r == DB_DONE)
        return st_wend(s, st_fail(s, STORE_NOTFOUND, "no cycle with id %lld", o->cycle_id));
    if (r != DB_ROW) return st_wend(s, st_sqlfail(s, r, "adding an objective"));
    if ((rc = st_valid_parent(s, &tmp)) != STORE_OK) return st_wend(s, rc);
    tmp.archived = false;
    tmp.version = 1;
    if ((rc = st_obj_insert(s, &tmp, "adding an objective")) != STORE_OK) return st_wend(s, rc);
    lnd_id id = s->last_id;
    char detail[512];
    snprintf(detail, sizeof detail, "O%lld %s '%.300s'", id, model_level_name(o->level), o->title);
    rc = st_wend(s, st_audit(s, user, "add", "objective", id, detail));
    if (rc == STORE_OK) {
        o->id = id;
        o->version = 1;
        if (!o->cadence_days) o->cadence_days = 7;
    }
    return rc;
}

ST_UPDATE_ROW(obj_update, lnd_objective, "objective", FIELDS_OBJ, FIELDS_OBJ_N, fields_obj_diff)

store_rc store_update_objective(store *s, lnd_objective *o, const char *user)
{
    store_rc rc = valid_objective(s, o);
    if (rc != STORE_OK) return rc;
    if ((rc = st_wbegin(s)) != STORE_OK) return rc;
    lnd_arena *a = arena_new();
    lnd_objective old;
    char label[32];
    snprintf(label, sizeof label, "O%lld", o->id);
    rc = store_get_objective(s, a, o->id, &old);
    if (rc == STORE_OK && old.version != o->version) rc = st_conflict(s, "objective", "objective", o->id, label, o->version);
    if (rc == STORE_OK) {
        lnd_objective chk = *o;
        chk.cycle_id = old.cycle_id;
        rc = st_valid_parent(s, &chk);
    }
    if (rc == STORE_OK) rc = obj_update(s, o, &old, label, user, "saving the objective");
    arena_free(a);
    rc = st_wend(s, rc);
    if (rc == STORE_OK) {
        o->version++;
        if (!o->cadence_days) o->cadence_days = 7;
    }
    return rc;
}

store_rc st_archive(store *s, const char *table, const char *entity, lnd_id id, long version, const char *label,
                    const char *user)
{
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    /* one literal statement per table: no SQL is ever built from strings */
    const char *sql =
        !strcmp(table, "objective") ? "UPDATE objective SET archived = 1, version = version + 1 WHERE id = ? AND version = ?"
      : !strcmp(table, "kr")        ? "UPDATE kr SET archived = 1, version = version + 1 WHERE id = ? AND version = ?"
      : !strcmp(table, "programme") ? "UPDATE programme SET archived = 1, version = version + 1 WHERE id = ? AND version = ?"
      : !strcmp(table, "kpi")       ? "UPDATE kpi SET archived = 1, version = version + 1 WHERE id = ? AND version = ?"
                                    : NULL;
    if (!sql) return st_wend(s, st_fail(s, STORE_IO, "internal: cannot archive in %s", table));
    db_stmt *st;
    int r = db_prepare(s->db, sql, &st);
    if (r != DB_OK) return st_wend(s, st_sqlfail(s, r, "archiving"));
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, version);
    r = db_step(st);
    db_finalize(st);
    if (r != DB_DONE) rc = st_sqlfail(s, r, "archiving");
    else if (db_changes(s->db) == 0) rc = st_conflict(s, table, entity, id, label, version);
    if (rc == STORE_OK) {
        char detail[64];
        snprintf(detail, sizeof detail, "%s archived", label);
        rc = st_audit(s, user, "archive", entity, id, detail);
    }
    return st_wend(s, rc);
}

store_rc store_archive_objective(store *s, lnd_id id, long version, const char *user)
{
    char label[32];
    snprintf(label, sizeof label, "O%lld", id);
    return st_archive(s, "objective", "objective", id, version, label, user);
}
