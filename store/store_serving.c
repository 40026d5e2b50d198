/* SPDX-License-Identifier: MIT */
/* store/store_serving.c — which programmes serve an objective: the earliest start week of a
 * live programme linked to the objective or to any of its ancestors (a KR's fair pace starts
 * then; see core/pace.h). One recursive query, so `lnd checkin` need not load the plan. */
#include "store_int.h"

store_rc store_serving_week(store *s, lnd_id objective_id, int *week)
{
    static const char sql[] =
        "WITH RECURSIVE up(id, depth) AS ("
        "  SELECT ?1, 0"
        "  UNION ALL SELECT o.parent_id, up.depth + 1 FROM objective o JOIN up ON o.id = up.id"
        "  WHERE o.parent_id IS NOT NULL AND up.depth < 64)"
        " SELECT min(p.start_week) FROM programme p JOIN up ON p.objective_id = up.id"
        " WHERE p.archived = 0";
    *week = 0;
    db_stmt *st = st_prep(s, sql);
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, objective_id);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        if (db_column_type(st, 0) != DB_T_NULL) *week = db_column_int(st, 0);
        rc = db_step(st);
    }
    if (rc != DB_DONE) return st_sqlfail(s, rc, "reading the programmes serving an objective");
    return STORE_OK;
}
