/* SPDX-License-Identifier: MIT */
/* store/store_waiver.c — health rules waived for one objective, with the reason someone gave
 * (see store.h). Only rules about how an objective is measured can be waived: H02 (vanity
 * metrics / no results KR), H03 (no leading or lagging KR) and H05 (no business co-owner).
 * Writes are BEGIN IMMEDIATE with an audit row; the plan loader reads them with the plan. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "../core/dates.h"

static bool waivable(const char *rule)
{
    return rule && (strcmp(rule, "H02") == 0 || strcmp(rule, "H03") == 0 || strcmp(rule, "H05") == 0);
}

store_rc st_valid_waiver(store *s, const char *rule, const char *reason)
{
    if (!waivable(rule))
        return st_fail(s, STORE_INVALID, "rule %.20s cannot be waived; only H02, H03 and H05 can", rule ? rule : "");
    if (st_blank(reason)) return st_fail(s, STORE_INVALID, "a waiver of %s needs a reason", rule);
    return STORE_OK;
}

store_rc st_load_waivers(store *s, st_strs *ss, lnd_plan *p)
{
    static const char count_sql[] =
        "SELECT count(*) FROM waiver WHERE objective_id IN (SELECT id FROM objective WHERE cycle_id = ?)";
    static const char sql[] =
        "SELECT objective_id, rule, reason, author, at FROM waiver WHERE objective_id IN "
        "(SELECT id FROM objective WHERE cycle_id = ?) ORDER BY objective_id, rule";
    db_stmt *st = st_prep(s, count_sql);
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, p->cycle.id);
    int rc = db_step(st);
    long long n = rc == DB_ROW ? db_column_int64(st, 0) : 0;
    db_reset(st);
    if (rc != DB_ROW) return st_sqlfail(s, rc, "loading waivers");
    p->waivers = arena_alloc(p->arena, ((size_t)n + 1) * sizeof *p->waivers);
    p->nwaivers = 0;
    if (!(st = st_prep(s, sql))) return STORE_IO;
    db_bind_int64(st, 1, p->cycle.id);
    while ((rc = db_step(st)) == DB_ROW && p->nwaivers < (size_t)n) {
        lnd_waiver *w = &p->waivers[p->nwaivers++];
        w->objective_id = db_column_int64(st, 0);
        w->rule = st_str(ss, st, 1, true);
        w->reason = st_str(ss, st, 2, false);
        w->author = st_str(ss, st, 3, true);
        w->at = st_str(ss, st, 4, false);
    }
    db_reset(st);
    return rc == DB_DONE || rc == DB_ROW ? STORE_OK : st_sqlfail(s, rc, "loading waivers");
}

static store_rc objective_exists(store *s, lnd_id id)
{
    db_stmt *st = st_prep(s, "SELECT 1 FROM objective WHERE id = ? AND archived = 0");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, id);
    int rc = db_step(st);
    db_reset(st);
    if (rc == DB_ROW) return STORE_OK;
    if (rc == DB_DONE) return st_fail(s, STORE_NOTFOUND, "no objective O%lld", id);
    return st_sqlfail(s, rc, "finding an objective");
}

store_rc store_set_waiver(store *s, lnd_id objective_id, const char *rule, const char *reason,
                          const char *user)
{
    store_rc rc = st_valid_waiver(s, rule, reason);
    if (rc != STORE_OK) return rc;
    rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    if ((rc = objective_exists(s, objective_id)) != STORE_OK) return st_wend(s, rc);
    char at[32];
    date_now_stamp(at, sizeof at);
    db_stmt *st = st_prep(s, "INSERT INTO waiver(objective_id, rule, reason, author, at) VALUES (?,?,?,?,?) "
                             "ON CONFLICT (objective_id, rule) DO UPDATE SET reason = excluded.reason, "
                             "author = excluded.author, at = excluded.at");
    if (!st) return st_wend(s, STORE_IO);
    db_bind_int64(st, 1, objective_id);
    st_bind_text(st, 2, rule);
    st_bind_text(st, 3, reason);
    st_bind_text(st, 4, st_blank(user) ? "unknown" : user);
    st_bind_text(st, 5, at);
    int r = st_step_done(s, st);
    if (r != DB_DONE) return st_wend(s, st_sqlfail(s, r, "waiving a rule"));
    char detail[512];
    snprintf(detail, sizeof detail, "O%lld: %s waived: %.400s", objective_id, rule, reason);
    return st_wend(s, st_audit(s, user, "waive", "objective", objective_id, detail));
}

store_rc store_clear_waiver(store *s, lnd_id objective_id, const char *rule, const char *user)
{
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    db_stmt *st = st_prep(s, "DELETE FROM waiver WHERE objective_id = ? AND rule = ?");
    if (!st) return st_wend(s, STORE_IO);
    db_bind_int64(st, 1, objective_id);
    st_bind_text(st, 2, rule);
    int r = st_step_done(s, st);
    if (r != DB_DONE) return st_wend(s, st_sqlfail(s, r, "removing a waiver"));
    if (db_changes(s->db) == 0)
        return st_wend(s, st_fail(s, STORE_NOTFOUND, "O%lld has no waiver of %.20s", objective_id, rule ? rule : ""));
    char detail[128];
    snprintf(detail, sizeof detail, "O%lld: waiver of %.20s removed", objective_id, rule);
    return st_wend(s, st_audit(s, user, "unwaive", "objective", objective_id, detail));
}
