/* SPDX-License-Identifier: MIT */
/* store/store_each.c — a cycle's objectives, KRs (with their objective's title), programmes
 * and waivers streamed row by row in the plan's order (store_load_plan), for `lnd export`:
 * memory stays flat however large the plan. Each row's strings live until a few hundred rows
 * later; callers copy what they keep. Only reads. */
#include "store_int.h"

#include <string.h>

#include "store_io.h"

typedef void (*each_read)(st_strs *ss, db_stmt *st, void *row);

/* Step st, reading each row into a zeroed `row` and passing it on; false from cb stops. */
static store_rc each(store *s, db_stmt *st, void *row, size_t size, each_read read,
                     bool (*cb)(void *ud, const void *row, db_stmt *st), void *ud, const char *what)
{
    lnd_arena *a = arena_new();
    st_strs ss = {.a = a};
    int rc;
    for (unsigned long i = 1; (rc = db_step(st)) == DB_ROW; i++) {
        memset(row, 0, size);
        read(&ss, st, row);
        if (!cb(ud, row, st)) {
            rc = DB_DONE;
            break;
        }
        if (i % 512 == 0) {   /* the strings of rows already passed on */
            arena_free(a);
            ss.a = a = arena_new();
        }
    }
    arena_free(a);
    db_reset(st);
    return rc == DB_DONE ? STORE_OK : st_sqlfail(s, rc, what);
}

typedef struct {
    void (*cb)(void);   /* the caller's callback, cast back to its own type */
    void *ud;
} each_ud;

static void obj_read(st_strs *ss, db_stmt *st, void *row) { st_objective_row(ss, st, row); }
static bool obj_pass(void *ud, const void *row, db_stmt *st)
{
    (void)st;
    const each_ud *e = ud;
    return ((store_objective_cb)e->cb)(e->ud, row);
}

store_rc store_each_objective(store *s, lnd_id cycle_id, store_objective_cb cb, void *ud)
{
    db_stmt *st = st_prep(s, "SELECT " ST_OBJ_COLS " FROM objective WHERE cycle_id = ? ORDER BY id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, cycle_id);
    lnd_objective row;
    each_ud e = {(void (*)(void))cb, ud};
    return each(s, st, &row, sizeof row, obj_read, obj_pass, &e, "reading objectives");
}

static void kr_read(st_strs *ss, db_stmt *st, void *row) { st_kr_row(ss, st, row); }
static bool kr_pass(void *ud, const void *row, db_stmt *st)
{
    const each_ud *e = ud;
    const char *title = db_column_text(st, db_column_count(st) - 1);
    return ((store_kr_cb)e->cb)(e->ud, row, title ? title : "");
}

store_rc store_each_kr(store *s, lnd_id cycle_id, store_kr_cb cb, void *ud)
{
    /* the last column is the objective's title (the inner `title` is the objective's) */
    db_stmt *st = st_prep(s, "SELECT " ST_KR_COLS ", (SELECT o.title FROM objective o WHERE o.id = "
                                  "kr.objective_id) FROM kr WHERE objective_id IN (SELECT id FROM objective "
                                  "WHERE cycle_id = ?) ORDER BY objective_id, id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, cycle_id);
    lnd_kr row;
    each_ud e = {(void (*)(void))cb, ud};
    return each(s, st, &row, sizeof row, kr_read, kr_pass, &e, "reading key results");
}

static void prog_read(st_strs *ss, db_stmt *st, void *row) { st_programme_row(ss, st, row); }
static bool prog_pass(void *ud, const void *row, db_stmt *st)
{
    (void)st;
    const each_ud *e = ud;
    return ((store_programme_cb)e->cb)(e->ud, row);
}

store_rc store_each_programme(store *s, lnd_id cycle_id, store_programme_cb cb, void *ud)
{
    db_stmt *st = st_prep(s, "SELECT " ST_PROG_COLS " FROM programme WHERE cycle_id = ? ORDER BY id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, cycle_id);
    lnd_programme row;
    each_ud e = {(void (*)(void))cb, ud};
    return each(s, st, &row, sizeof row, prog_read, prog_pass, &e, "reading programmes");
}

static void waiver_read(st_strs *ss, db_stmt *st, void *row)
{
    lnd_waiver *w = row;
    w->objective_id = db_column_int64(st, 0);
    w->rule = st_str(ss, st, 1, false);
    w->reason = st_str(ss, st, 2, false);
    w->author = st_str(ss, st, 3, false);
    w->at = st_str(ss, st, 4, false);
}
static bool waiver_pass(void *ud, const void *row, db_stmt *st)
{
    (void)st;
    const each_ud *e = ud;
    return ((store_waiver_cb)e->cb)(e->ud, row);
}

store_rc store_each_waiver(store *s, lnd_id cycle_id, store_waiver_cb cb, void *ud)
{
    db_stmt *st = st_prep(s, "SELECT objective_id, rule, reason, author, at FROM waiver WHERE objective_id IN "
                                  "(SELECT id FROM objective WHERE cycle_id = ?) ORDER BY objective_id, rule");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, cycle_id);
    lnd_waiver row;
    each_ud e = {(void (*)(void))cb, ud};
    return each(s, st, &row, sizeof row, waiver_read, waiver_pass, &e, "reading waivers");
}
