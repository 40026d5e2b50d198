/* SPDX-License-Identifier: MIT */
/* store/store_kr.c — key results: add, read one (with its latest check-in, kept on the row
 * by a trigger), edit against a version, archive. Rules: a metric name, finite baseline and
 * target, known direction/evidence/indicator, weight > 0, due week within the cycle, and
 * an objective that exists. Check-ins live in store_checkin.c. */
#include "store_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"

void st_kr_row(st_strs *ss, db_stmt *st, lnd_kr *r)
{
    int c = 0;
    r->id = db_column_int64(st, c++);
    FIELDS_KR(STF_READ)
    r->has_current = db_column_type(st, c) != DB_T_NULL;
    r->current = r->has_current ? db_column_double(st, c) : 0;
    r->confidence = db_column_int(st, c + 1);
    r->last_at = db_column_type(st, c + 2) == DB_T_NULL ? NULL : st_str(ss, st, c + 2, true);
    r->checkins = db_column_int(st, c + 3);
}

ST_GET_BY_ID(store_get_kr, lnd_kr, "kr", ST_KR_COLS, st_kr_row, "no key result K%lld", "reading a key result")

static store_rc valid_kr(store *s, const lnd_kr *k, bool adding)
{
    if (st_blank(k->title)) return st_fail(s, STORE_INVALID, "key result title is empty; name the metric");
    lnd_day bd;
    if (!st_blank(k->baseline_at) && !date_parse(k->baseline_at, &bd))
        return st_fail(s, STORE_INVALID, "baseline date '%s' is not a date; use YYYY-MM-DD", k->baseline_at);
    if (k->has_baseline && !isfinite(k->baseline))
        return st_fail(s, STORE_INVALID, "key result baseline must be a finite number");
    if (!isfinite(k->target)) return st_fail(s, STORE_INVALID, "key result target must be a finite number");
    if ((unsigned)k->direction >= DIR_N)
        return st_fail(s, STORE_INVALID, "key result direction %d is unknown; use increase or decrease",
                       (int)k->direction);
    if ((unsigned)k->evidence >= EV_N)
        return st_fail(s, STORE_INVALID, "key result evidence %d is unknown; use activity, reaction, learning, "
                       "behaviour or results", (int)k->evidence);
    if ((unsigned)k->indicator >= IND_N)
        return st_fail(s, STORE_INVALID, "key result indicator %d is unknown; use leading or lagging",
                       (int)k->indicator);
    if (!isfinite(k->weight) || k->weight < 0 || (k->weight == 0 && !adding))
        return st_fail(s, STORE_INVALID, "key result weight must be more than 0 (1 is normal)");
    if (k->due_week < 0) return st_fail(s, STORE_INVALID, "due week %d is before the cycle; use 1 or later (0 = end)",
                                        k->due_week);
    if (k->has_baseline && k->direction == DIR_DECREASE && k->target > k->baseline)
        return st_fail(s, STORE_INVALID, "key result must decrease but its target is above its baseline; "
                       "use --direction increase or a lower target");
    if (k->has_baseline && k->direction == DIR_INCREASE && k->target < k->baseline)
        return st_fail(s, STORE_INVALID, "key result must increase but its target is below its baseline; "
                       "use --direction decrease or a higher target");
    return STORE_OK;
}

/* The objective a KR hangs on: must exist and not be archived; due week within its cycle. */
store_rc st_valid_kr_objective(store *s, const lnd_kr *k)
{
    db_stmt *st = st_prep(s, "SELECT o.archived, c.weeks, c.name FROM objective o "
                                  "JOIN cycle c ON c.id = o.cycle_id WHERE o.id = ?");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, k->objective_id);
    int rc = db_step(st);
    bool archived = false;
    int weeks = 0;
    char cname[128] = "";
    if (rc == DB_ROW) {
        archived = db_column_int(st, 0) != 0;
        weeks = db_column_int(st, 1);
        snprintf(cname, sizeof cname, "%s", db_column_text(st, 2));
    }
    db_reset(st);
    if (rc == DB_DONE)
        return st_fail(s, STORE_NOTFOUND, "no objective O%lld", k->objective_id);
    if (rc != DB_ROW) return st_sqlfail(s, rc, "checking the objective");
    if (archived)
        return st_fail(s, STORE_INVALID, "objective O%lld is archived; put the key result on a current objective",
                       k->objective_id);
    if (k->due_week > weeks)
        return st_fail(s, STORE_INVALID, "due week %d is after the end of cycle %s (%d weeks); use 1 to %d, or 0 "
                       "for the end", k->due_week, cname, weeks, weeks);
    return STORE_OK;
}

ST_INSERT_ROW(st_kr_insert, lnd_kr, "kr", FIELDS_KR)

store_rc store_add_kr(store *s, lnd_kr *k, const char *user)
{
    store_rc rc = valid_kr(s, k, true);
    if (rc != STORE_OK) return rc;
    if ((rc = st_wbegin(s)) != STORE_OK) return rc;
    if ((rc = st_valid_kr_objective(s, k)) != STORE_OK) return st_wend(s, rc);
    lnd_kr row = *k;
    row.id = 0;
    row.archived = false;
    row.version = 1;
    if ((rc = st_kr_insert(s, &row, "adding a key result")) != STORE_OK) return st_wend(s, rc);
    lnd_id id = s->last_id;
    char detail[512], b[64], t[64];
    if (k->has_baseline) model_fmt_num(k->baseline, b, sizeof b);
    else snprintf(b, sizeof b, "no baseline");
    model_fmt_num(k->target, t, sizeof t);
    snprintf(detail, sizeof detail, "K%lld on O%lld '%.300s': %s \xe2\x86\x92 %s", id, k->objective_id, k->title,
             b, t);
    rc = st_wend(s, st_audit(s, user, "add", "kr", id, detail));
    if (rc == STORE_OK) {
        k->id = id;
        k->version = 1;
        if (k->weight == 0) k->weight = 1;
        k->has_current = false;
        k->confidence = -1;
        k->last_at = NULL;
        k->checkins = 0;
    }
    return rc;
}

ST_UPDATE_ROW(kr_update, lnd_kr, "kr", FIELDS_KR, FIELDS_KR_N, fields_kr_diff)

store_rc store_update_kr(store *s, lnd_kr *k, const char *user)
{
    store_rc rc = valid_kr(s, k, false);
    if (rc != STORE_OK) return rc;
    if ((rc = st_wbegin(s)) != STORE_OK) return rc;
    lnd_arena *a = arena_new();
    lnd_kr old;
    char label[32];
    snprintf(label, sizeof label, "K%lld", k->id);
    rc = store_get_kr(s, a, k->id, &old);
    if (rc == STORE_OK && old.version != k->version) rc = st_conflict(s, "kr", "kr", k->id, label, k->version);
    if (rc == STORE_OK) rc = st_valid_kr_objective(s, k);
    if (rc == STORE_OK) rc = kr_update(s, k, &old, label, user, "saving the key result");
    arena_free(a);
    rc = st_wend(s, rc);
    if (rc == STORE_OK) k->version++;
    return rc;
}

store_rc store_archive_kr(store *s, lnd_id id, long version, const char *user)
{
    char label[32];
    snprintf(label, sizeof label, "K%lld", id);
    return st_archive(s, "kr", "kr", id, version, label, user);
}
