/* SPDX-License-Identifier: MIT */
/* store/store_undo.c — `lnd undo`: revert your own last change to an objective, a key result
 * or a programme (an add, an edit, an archive or a restore), exactly, version-checked and
 * audited. Schema v9 keeps what that needs: triggers copy each row as it was before every
 * version change (plan_before, as JSON) and note the version each audited change left
 * (plan_change); they are in store/sqlite_schema.c and store/pg_schema.c, and the JSON is read
 * back here in each dialect (SQLite's json_extract, PostgreSQL's ->>).
 *
 * Rules: "yours" is the operating-system account on the audit row (schema v5), never the
 * display name; check-ins are never undone (a wrong one is corrected by a new check-in), nor
 * cycle, review, waiver or KPI changes; undoing an add archives the row (its id stays; `lnd
 * objective restore` brings it back); when anyone changed the row after your change (and did
 * not undo it) nothing is undone and the message names who and when. Each undo is itself an
 * audit row (action "undo"); undo again reverts your change before that one. Must not write
 * anything but the one row, its audit row and the undo bookkeeping. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The same on PostgreSQL: the JSON its triggers wrote (json_build_object, store/pg_schema.c),
 * read with ->> and cast back to each column's type */
#define PJ(k) "(?3::json->>'" k "')"
#define PG_OBJ_BACK                                                                               \
    "UPDATE objective SET parent_id = " PJ("parent_id") "::bigint, level = " PJ("level") ","     \
    " type = " PJ("type") ", title = " PJ("title") ", problem = " PJ("problem") ","               \
    " outcome = " PJ("outcome") ", capability = " PJ("capability") ", owner = " PJ("owner") ","   \
    " business_owner = " PJ("business_owner") ", cadence_days = " PJ("cadence_days") "::bigint,"  \
    " archived = " PJ("archived") "::bigint, hypothesis = " PJ("hypothesis") ","                 \
    " version = version + 1 WHERE id = ?1 AND version = ?2"
#define PG_KR_BACK                                                                                \
    "UPDATE kr SET objective_id = " PJ("objective_id") "::bigint, title = " PJ("title") ","       \
    " unit = " PJ("unit") ", baseline = " PJ("baseline") "::double precision,"                   \
    " target = " PJ("target") "::double precision, direction = " PJ("direction") ","             \
    " due_week = " PJ("due_week") "::bigint, owner = " PJ("owner") ", coowner = " PJ("coowner") "," \
    " weight = " PJ("weight") "::double precision, evidence = " PJ("evidence") ","               \
    " indicator = " PJ("indicator") ", archived = " PJ("archived") "::bigint,"                   \
    " baseline_at = " PJ("baseline_at") ", version = version + 1 WHERE id = ?1 AND version = ?2"
#define PG_PROG_BACK                                                                              \
    "UPDATE programme SET objective_id = " PJ("objective_id") "::bigint, title = " PJ("title") "," \
    " audience = " PJ("audience") ", start_week = " PJ("start_week") "::bigint,"                 \
    " end_week = " PJ("end_week") "::bigint, archived = " PJ("archived") "::bigint,"             \
    " cohorts = " PJ("cohorts") ", version = version + 1 WHERE id = ?1 AND version = ?2"

static char entity_prefix(const char *entity)
{
    return !strcmp(entity, "objective") ? 'O' : !strcmp(entity, "kr") ? 'K' : 'P';
}

/* An edit's detail "title: 'Old' → 'New'; owner: 'a' → 'b'" (st_diff_*) as what undo puts
 * back: "title back to 'Old'; owner back to 'a'". A new value runs to the last "; " before the
 * next arrow, so "; " inside a value does not split it. */
static void undo_words(const char *d, char *out, size_t n)
{
    static const char arrow[] = " \xe2\x86\x92 ";
    size_t len = 0;
    out[0] = '\0';
    while (d && *d && len + 1 < n) {
        const char *colon = strstr(d, ": "), *arr = strstr(d, arrow);
        if (!colon || !arr || colon > arr) {   /* not a field change: keep it as written */
            snprintf(out + len, n - len, "%s", d);
            return;
        }
        int w = snprintf(out + len, n - len, "%s%.*s back to %.*s", len ? "; " : "", (int)(colon - d), d,
                         (int)(arr - colon - 2), colon + 2);
        if (w < 0 || (size_t)w >= n - len) return;
        len += (size_t)w;
        const char *next = strstr(arr + strlen(arrow), arrow), *cut = NULL;
        for (const char *p = arr + strlen(arrow); (p = strstr(p, "; ")) && (!next || p < next); p += 2) cut = p;
        if (!next || !cut) return;
        d = cut + 2;
    }
}

/* Your newest change that undo may revert, inside the caller's transaction. */
static store_rc undo_find(store *s, lnd_arena *a, store_undo_info *u, long *changed_version)
{
    memset(u, 0, sizeof *u);
    if (!s->account[0])
        return st_fail(s, STORE_INVALID, "cannot tell whose changes are yours: no operating-system account is set");
    db_stmt *st = st_prep(s, "SELECT a.id, a.action, a.entity, a.entity_id, a.at, a.detail, c.version, a.author "
                                  "FROM audit a JOIN plan_change c ON c.audit_id = a.id "
                                  "WHERE a.account = ? AND a.action IN ('add','edit','archive','unarchive') "
                                  "AND a.detail <> 'no change' AND c.undone_by IS NULL ORDER BY a.id DESC LIMIT 1");
    if (!st) return STORE_IO;
    st_bind_text(st, 1, s->account);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        u->audit_id = db_column_int64(st, 0);
        u->action = st_col_str(a, st, 1);
        u->entity = st_col_str(a, st, 2);
        u->entity_id = db_column_int64(st, 3);
        u->at = st_col_str(a, st, 4);
        u->detail = st_col_str(a, st, 5);
        *changed_version = (long)db_column_int64(st, 6);
        u->user = st_col_str(a, st, 7);
        snprintf(u->label, sizeof u->label, "%c%lld", entity_prefix(u->entity), u->entity_id);
        if (!strcmp(u->action, "edit")) undo_words(u->detail, u->result, sizeof u->result);
        else snprintf(u->result, sizeof u->result, "%s", !strcmp(u->action, "add")       ? "archived"
                                                        : !strcmp(u->action, "archive") ? "restored"
                                                                                         : "archived again");
    }
    db_reset(st);
    if (rc == DB_DONE)
        return st_fail(s, STORE_NOTFOUND, "nothing of yours to undo: undo reverts your own adds, edits, archives and "
                                          "restores of objectives, key results and programmes");
    if (rc != DB_ROW) return st_sqlfail(s, rc, "reading the audit log");
    /* anyone's later change to the same row, not itself undone, blocks the undo */
    st = st_prep(s, "SELECT a.author, a.account, a.at, a.action FROM audit a LEFT JOIN plan_change c ON c.audit_id = a.id "
                    "WHERE a.entity = ? AND a.entity_id = ? AND a.id > ? "
                    "AND a.action IN ('add','edit','archive','unarchive','carry') AND a.detail <> 'no change' "
                    "AND c.undone_by IS NULL ORDER BY a.id DESC LIMIT 1");
    if (!st) return STORE_IO;
    st_bind_text(st, 1, u->entity);
    db_bind_int64(st, 2, u->entity_id);
    db_bind_int64(st, 3, u->audit_id);
    rc = db_step(st);
    store_rc r = STORE_OK;
    if (rc == DB_ROW) {
        char who[300];
        r = st_fail(s, STORE_CONFLICT, "%s was changed by %s at %s after your %s; nothing undone (change it by hand)",
                    u->label, model_who(db_column_text(st, 0),
                                        db_column_text(st, 1), who, sizeof who),
                    st_local(db_column_text(st, 2)), u->action);
    } else if (rc != DB_DONE) {
        r = st_sqlfail(s, rc, "reading the audit log");
    }
    db_reset(st);
    if (r != STORE_OK) return r;
    /* the title now, to say what is being undone */
    st = st_prep(s, !strcmp(u->entity, "objective") ? "SELECT title, version FROM objective WHERE id = ?"
                  : !strcmp(u->entity, "kr")        ? "SELECT title, version FROM kr WHERE id = ?"
                                                    : "SELECT title, version FROM programme WHERE id = ?");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, u->entity_id);
    rc = db_step(st);
    if (rc == DB_ROW) {
        u->title = st_col_str(a, st, 0);
        u->version = (long)db_column_int64(st, 1);
    }
    db_reset(st);
    if (rc == DB_DONE) return st_fail(s, STORE_NOTFOUND, "%s no longer exists; nothing undone", u->label);
    if (rc != DB_ROW) return st_sqlfail(s, rc, "reading the row to undo");
    return STORE_OK;
}

const char *store_undo_result(const store_undo_info *u)
{
    return u->result;
}

store_rc store_undo_peek(store *s, lnd_arena *a, store_undo_info *out)
{
    long v;
    return undo_find(s, a, out, &v);
}

/* The row as undo left it must pass the rules an edit applies to what it points at (its
 * parent or objective may have moved or been archived since): otherwise one line, nothing kept. */
static store_rc undo_check(store *s, const store_undo_info *u)
{
    lnd_arena *a = arena_new();
    store_rc rc;
    bool archived = false;
    if (!strcmp(u->entity, "objective")) {
        lnd_objective o;
        rc = store_get_objective(s, a, u->entity_id, &o);
        archived = rc == STORE_OK && o.archived;
        if (rc == STORE_OK && !archived) rc = st_valid_parent(s, &o);
    } else if (!strcmp(u->entity, "kr")) {
        lnd_kr k;
        rc = store_get_kr(s, a, u->entity_id, &k);
        archived = rc == STORE_OK && k.archived;
        if (rc == STORE_OK && !archived) rc = st_valid_kr_objective(s, &k);
    } else {
        lnd_programme p;
        rc = store_get_programme(s, a, u->entity_id, &p);
        archived = rc == STORE_OK && p.archived;
        if (rc == STORE_OK && !archived) rc = st_valid_programme(s, &p);
    }
    arena_free(a);
    if (rc == STORE_OK || rc == STORE_IO || rc == STORE_BUSY) return rc;
    char why[sizeof s->err];
    snprintf(why, sizeof why, "%s", s->err);
    return st_fail(s, STORE_INVALID, "cannot undo your %s of %s: %.900s; nothing undone (change it by hand)",
                   u->action, u->label, why);
}

/* Put the row back as it was before the change that produced version `changed`. */
static store_rc undo_apply(store *s, const store_undo_info *u, long changed)
{
    const bool obj = !strcmp(u->entity, "objective"), kr = !strcmp(u->entity, "kr");
    db_stmt *st;
    int rc;
    if (!strcmp(u->action, "add")) {
        st = st_prep(s, obj  ? "UPDATE objective SET archived = 1, version = version + 1 WHERE id = ?1 AND version = ?2"
                      : kr   ? "UPDATE kr SET archived = 1, version = version + 1 WHERE id = ?1 AND version = ?2"
                             : "UPDATE programme SET archived = 1, version = version + 1 WHERE id = ?1 AND version = ?2");
        if (!st) return STORE_IO;
    } else {
        char *row = NULL;
        st = st_prep(s, "SELECT row FROM plan_before WHERE entity = ? AND entity_id = ? AND version = ?");
        if (!st) return STORE_IO;
        st_bind_text(st, 1, u->entity);
        db_bind_int64(st, 2, u->entity_id);
        db_bind_int64(st, 3, changed);
        rc = db_step(st);
        if (rc == DB_ROW) row = strdup(db_column_text(st, 0) ? db_column_text(st, 0) : "");
        db_reset(st);
        if (rc == DB_DONE)
            return st_fail(s, STORE_NOTFOUND, "%s: the row before your %s was not recorded (made before lnd kept undo history, or imported); "
                                              "nothing undone", u->label, u->action);
        if (rc != DB_ROW || !row) return st_sqlfail(s, rc, "reading the row to undo");
        st = db_dialect(s->db) != DB_SQLITE ? st_prep(s, obj ? PG_OBJ_BACK : kr ? PG_KR_BACK : PG_PROG_BACK)
           : st_prep(s, obj ? "UPDATE objective SET parent_id = json_extract(?3,'$.parent_id'),"
                              " level = json_extract(?3,'$.level'), type = json_extract(?3,'$.type'),"
                              " title = json_extract(?3,'$.title'), problem = json_extract(?3,'$.problem'),"
                              " outcome = json_extract(?3,'$.outcome'), capability = json_extract(?3,'$.capability'),"
                              " owner = json_extract(?3,'$.owner'), business_owner = json_extract(?3,'$.business_owner'),"
                              " cadence_days = json_extract(?3,'$.cadence_days'), archived = json_extract(?3,'$.archived'),"
                              " hypothesis = json_extract(?3,'$.hypothesis'), version = version + 1"
                              " WHERE id = ?1 AND version = ?2"
                      : kr ? "UPDATE kr SET objective_id = json_extract(?3,'$.objective_id'),"
                             " title = json_extract(?3,'$.title'), unit = json_extract(?3,'$.unit'),"
                             " baseline = json_extract(?3,'$.baseline'), target = json_extract(?3,'$.target'),"
                             " direction = json_extract(?3,'$.direction'), due_week = json_extract(?3,'$.due_week'),"
                             " owner = json_extract(?3,'$.owner'), coowner = json_extract(?3,'$.coowner'),"
                             " weight = json_extract(?3,'$.weight'), evidence = json_extract(?3,'$.evidence'),"
                             " indicator = json_extract(?3,'$.indicator'), archived = json_extract(?3,'$.archived'),"
                             " baseline_at = json_extract(?3,'$.baseline_at'), version = version + 1"
                             " WHERE id = ?1 AND version = ?2"
                           : "UPDATE programme SET objective_id = json_extract(?3,'$.objective_id'),"
                             " title = json_extract(?3,'$.title'), audience = json_extract(?3,'$.audience'),"
                             " start_week = json_extract(?3,'$.start_week'), end_week = json_extract(?3,'$.end_week'),"
                             " archived = json_extract(?3,'$.archived'), cohorts = json_extract(?3,'$.cohorts'),"
                             " version = version + 1 WHERE id = ?1 AND version = ?2");
        if (!st) {
            free(row);
            return STORE_IO;
        }
        db_bind_text(st, 3, row, -1);
        free(row);
    }
    db_bind_int64(st, 1, u->entity_id);
    db_bind_int64(st, 2, u->version);
    rc = st_step_done(s, st);
    if (rc != DB_DONE) return st_sqlfail(s, rc, "undoing the change");
    if (db_changes(s->db) == 0) {
        const char *table = obj ? "objective" : kr ? "kr" : "programme";
        return st_conflict(s, table, u->entity, u->entity_id, u->label, u->version);
    }
    return undo_check(s, u);
}

store_rc store_undo(store *s, lnd_arena *a, lnd_id expect, const char *user, store_undo_info *out)
{
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    long changed = 0;
    rc = undo_find(s, a, out, &changed);
    if (rc == STORE_OK && expect && out->audit_id != expect)
        rc = st_fail(s, STORE_CONFLICT, "your last change is now %s %s (%s); look again before undoing",
                     out->action, out->label, st_local(out->at));
    if (rc == STORE_OK) rc = undo_apply(s, out, changed);
    if (rc == STORE_OK) {
        char detail[2300];
        snprintf(detail, sizeof detail, "undid %s of %s: %.2200s", out->action, out->label, store_undo_result(out));
        rc = st_audit(s, user, "undo", out->entity, out->entity_id, detail);
    }
    if (rc == STORE_OK) {
        db_stmt *st = st_prep(s, "UPDATE plan_change SET undone_by = ? WHERE audit_id = ?");
        if (!st) rc = STORE_IO;
        else {
            db_bind_int64(st, 1, s->last_id);
            db_bind_int64(st, 2, out->audit_id);
            int r = st_step_done(s, st);
            if (r != DB_DONE) rc = st_sqlfail(s, r, "recording the undo");
        }
    }
    rc = st_wend(s, rc);
    if (rc == STORE_OK) out->version++;
    return rc;
}
