/* SPDX-License-Identifier: MIT */
/* store/store_report.c — the reads `lnd report` needs, one query however large the plan:
 * every KR's check-in history in one pass over the checkin index (instead of one query per
 * KR, 40,000 at the enterprise size), handed out one KR at a time, so memory holds one KR's
 * check-ins, not the cycle's. Only reads; the report itself is core/report*.c. */
#include "store_int.h"

#include <stdint.h>
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

/* The current KR's strings, end to end in one buffer reused from KR to KR (a fresh arena
 * per KR was 40,000 block allocations); rows hold offsets until the KR is handed out. */
typedef struct {
    char *s;
    size_t len, cap;
    bool oom;
} scratch;

static char *keep(scratch *sc, db_stmt *st, int col)
{
    const char *t = db_column_text(st, col);
    size_t n = t ? strnlen(t, (size_t)db_column_bytes(st, col)) : 0;
    if (sc->len + n + 1 > sc->cap) {
        size_t ncap = sc->cap ? sc->cap : 65536;
        while (ncap < sc->len + n + 1) ncap *= 2;
        char *ns = realloc(sc->s, ncap);
        if (!ns) {
            sc->oom = true;
            return NULL;
        }
        sc->s = ns;
        sc->cap = ncap;
    }
    size_t off = sc->len;
    if (n) memcpy(sc->s + off, t, n);
    sc->s[off + n] = '\0';
    sc->len += n + 1;
    return (char *)(uintptr_t)off;   /* an offset until fix() */
}

static char *fix(const scratch *sc, char *off) { return sc->s + (uintptr_t)off; }

/* One KR's rows (oldest first in tmp) handed to cb newest first. */
static bool hand(const kr_slot *map, size_t nmap, lnd_id kr, lnd_checkin *tmp, size_t n, const scratch *sc,
                 store_history_cb cb, void *ud)
{
    kr_slot key = {.id = kr}, *hit = n ? bsearch(&key, map, nmap, sizeof *map, slot_cmp) : NULL;
    if (!hit) return true;
    for (size_t i = 0; i < n; i++) {
        lnd_checkin *c = &tmp[i];
        c->at = fix(sc, c->at);
        c->author = fix(sc, c->author);
        c->account = fix(sc, c->account);
        c->cohort = fix(sc, c->cohort);
    }
    for (size_t i = 0; i < n / 2; i++) {
        lnd_checkin t = tmp[i];
        tmp[i] = tmp[n - 1 - i];
        tmp[n - 1 - i] = t;
    }
    report_history h = {tmp, n};
    return cb(ud, hit->k, &h);
}

store_rc store_report_each_history(store *s, const lnd_plan *p, store_history_cb cb, void *ud)
{
    if (!p->nkrs) return STORE_OK;
    kr_slot *map = malloc(p->nkrs * sizeof *map);
    lnd_checkin *tmp = NULL;
    size_t cap = 0, n = 0;
    if (!map) return st_fail(s, STORE_IO, "out of memory reading check-ins");
    for (size_t k = 0; k < p->nkrs; k++) map[k] = (kr_slot){p->krs[k].id, k};
    qsort(map, p->nkrs, sizeof *map, slot_cmp);
    /* no note: the report never prints one */
    db_stmt *st = st_prep(s, "SELECT c.id, c.kr_id, c.at, c.value, c.confidence, c.author, "
                                  "c.observed, c.applied, c.account, c.cohort, c.comparison, c.followup "
                                  "FROM checkin c WHERE c.kr_id IN (SELECT kr.id FROM kr JOIN objective o "
                                  "ON o.id = kr.objective_id WHERE o.cycle_id = ?) ORDER BY c.kr_id, c.at, c.id");
    if (!st) {
        free(map);
        return STORE_IO;
    }
    db_bind_int64(st, 1, p->cycle.id);
    scratch sc = {0};
    lnd_id cur = 0;
    int rc = DB_DONE;
    store_rc out = STORE_OK;
    bool go = true;
    while ((rc = db_step(st)) == DB_ROW) {
        lnd_id kr = db_column_int64(st, 1);
        if (kr != cur) {
            if (!(go = hand(map, p->nkrs, cur, tmp, n, &sc, cb, ud))) break;
            cur = kr;
            n = 0;
            sc.len = 0;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            lnd_checkin *nt = realloc(tmp, ncap * sizeof *nt);
            if (!nt) {
                sc.oom = true;
                break;
            }
            tmp = nt;
            cap = ncap;
        }
        lnd_checkin *c = &tmp[n++];
        memset(c, 0, sizeof *c);
        c->id = db_column_int64(st, 0);
        c->kr_id = kr;
        c->at = keep(&sc, st, 2);
        c->value = db_column_double(st, 3);
        c->confidence = db_column_int(st, 4);
        c->author = keep(&sc, st, 5);
        c->observed = db_column_int(st, 6);
        c->applied = db_column_int(st, 7);
        c->account = keep(&sc, st, 8);
        c->cohort = keep(&sc, st, 9);
        c->comparison = db_column_int(st, 10) != 0;
        c->followup = db_column_int(st, 11);
        if (sc.oom) break;
    }
    if (sc.oom) out = st_fail(s, STORE_IO, "out of memory reading check-ins");
    else if (go && rc == DB_DONE) go = hand(map, p->nkrs, cur, tmp, n, &sc, cb, ud);
    db_reset(st);
    free(sc.s);
    free(tmp);
    free(map);
    if (out == STORE_OK && go && rc != DB_DONE) out = st_sqlfail(s, rc, "reading check-ins");
    return out;
}
