/* SPDX-License-Identifier: MIT */
/* store/store_report.c — the reads `lnd report` needs, each one query however large the plan:
 * every KR's check-in history in one pass over the checkin index (instead of one query per
 * KR, 40,000 at the enterprise size), arrays sized exactly, strings packed and shared. Only
 * reads; the report itself is core/report*.c. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "../core/report.h"

typedef struct {
    lnd_id id;
    size_t k;
} kr_slot;

static int slot_cmp(const void *a, const void *b)
{
    lnd_id x = ((const kr_slot *)a)->id, y = ((const kr_slot *)b)->id;
    return (x > y) - (x < y);
}

/* One KR's rows (oldest first in tmp) into the arena, newest first as store_checkins gives them. */
static void flush(lnd_arena *a, const kr_slot *map, size_t nmap, lnd_id kr, lnd_checkin *tmp, size_t n,
                  report_history *hist)
{
    if (!n) return;
    kr_slot key = {.id = kr}, *hit = bsearch(&key, map, nmap, sizeof *map, slot_cmp);
    if (!hit) return;
    lnd_checkin *v = arena_alloc_raw(a, n * sizeof *v);   /* every element assigned below */
    for (size_t i = 0; i < n; i++) v[i] = tmp[n - 1 - i];
    hist[hit->k].items = v;
    hist[hit->k].n = n;
}

store_rc store_report_histories(store *s, lnd_arena *a, const lnd_plan *p, report_history *hist)
{
    memset(hist, 0, p->nkrs * sizeof *hist);
    if (!p->nkrs) return STORE_OK;
    kr_slot *map = malloc(p->nkrs * sizeof *map);
    lnd_checkin *tmp = NULL;
    size_t cap = 0, n = 0;
    if (!map) return st_fail(s, STORE_IO, "out of memory reading check-ins");
    for (size_t k = 0; k < p->nkrs; k++) map[k] = (kr_slot){p->krs[k].id, k};
    qsort(map, p->nkrs, sizeof *map, slot_cmp);
    /* the checkin_kr_at index order: no sort; each KR's rows reversed when flushed */
    db_stmt *st = st_prep(s, "SELECT c.id, c.kr_id, c.at, c.value, c.confidence, c.note, c.author, "
                                  "c.observed, c.applied, c.account, c.cohort, c.comparison, c.followup "
                                  "FROM checkin c WHERE c.kr_id IN (SELECT kr.id FROM kr JOIN objective o "
                                  "ON o.id = kr.objective_id WHERE o.cycle_id = ?) ORDER BY c.kr_id, c.at, c.id");
    if (!st) {
        free(map);
        return STORE_IO;
    }
    db_bind_int64(st, 1, p->cycle.id);
    st_strs ss;
    st_strs_pack(&ss, a);
    lnd_id cur = 0;
    int rc;
    store_rc out = STORE_OK;
    while ((rc = db_step(st)) == DB_ROW) {
        lnd_id kr = db_column_int64(st, 1);
        if (kr != cur) {
            flush(a, map, p->nkrs, cur, tmp, n, hist);
            cur = kr;
            n = 0;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            lnd_checkin *nt = realloc(tmp, ncap * sizeof *nt);
            if (!nt) {
                out = st_fail(s, STORE_IO, "out of memory reading check-ins");
                break;
            }
            tmp = nt;
            cap = ncap;
        }
        lnd_checkin *c = &tmp[n++];
        c->id = db_column_int64(st, 0);
        c->kr_id = kr;
        c->at = st_str(&ss, st, 2, true);
        c->value = db_column_double(st, 3);
        c->confidence = db_column_int(st, 4);
        c->note = st_str(&ss, st, 5, true);
        c->author = st_str(&ss, st, 6, true);
        c->observed = db_column_int(st, 7);
        c->applied = db_column_int(st, 8);
        c->account = st_str(&ss, st, 9, true);
        c->cohort = st_str(&ss, st, 10, true);
        c->comparison = db_column_int(st, 11) != 0;
        c->followup = db_column_int(st, 12);
    }
    if (out == STORE_OK) flush(a, map, p->nkrs, cur, tmp, n, hist);
    db_reset(st);
    st_strs_done(&ss);
    free(tmp);
    free(map);
    if (out == STORE_OK && rc != DB_DONE) out = st_sqlfail(s, rc, "reading check-ins");
    return out;
}
