/* store/store_followup.c — the check-in rules that are not plain values, kept here once so
 * the CLI, the dashboard, CSV import and any second backend share them: a cohort must be one
 * the programme serving the KR names (the first is the trained/pilot cohort, the others are
 * comparison cohorts whose values never become the KR's current value); a check-in on a
 * behaviour or results KR near +30/+60/+90 days after that programme ended is marked as the
 * follow-up it settles (core/window.c decides which); and a closed cycle accepts only such
 * follow-ups, dated after the cycle and inside the KR's measurement window. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "../core/cohort.h"
#include "../core/dates.h"

void store_set_followups(store *s, const int *offsets, size_t n, int window_days)
{
    window_rules r = {.n = n > WINDOW_MAX_OFFSETS ? WINDOW_MAX_OFFSETS : n, .window_days = window_days};
    for (size_t i = 0; i < r.n; i++) r.offsets[i] = offsets[i];
    if (r.n == 0) window_rules_default(&r);
    s->followups = r;
}

typedef struct {
    char cycle[128];
    bool closed;
    lnd_day start;
    int weeks;
    bool followed;        /* a behaviour or results KR */
    lnd_id prog;          /* 0 = no programme serves the KR */
    int end_week;
    char cohorts[512];
} kr_context;

static store_rc load_context(store *s, lnd_id kr_id, kr_context *k)
{
    static const char sql[] =
        "WITH RECURSIVE up(id, depth) AS ("
        "  SELECT kr.objective_id, 0 FROM kr WHERE kr.id = ?1"
        "  UNION ALL SELECT o.parent_id, up.depth + 1 FROM objective o JOIN up ON o.id = up.id"
        "  WHERE o.parent_id IS NOT NULL AND up.depth < 64)"
        " SELECT c.name, c.state, c.start, c.weeks, kr.evidence,"
        "  (SELECT p.id FROM programme p JOIN up ON p.objective_id = up.id WHERE p.archived = 0"
        "   ORDER BY p.end_week DESC, p.id DESC LIMIT 1) AS pid"
        " FROM kr JOIN objective o ON o.id = kr.objective_id JOIN cycle c ON c.id = o.cycle_id"
        " WHERE kr.id = ?1";
    memset(k, 0, sizeof *k);
    db_stmt *st = st_prep(s, sql);
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, kr_id);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        snprintf(k->cycle, sizeof k->cycle, "%s", db_column_text(st, 0));
        k->closed = strcmp(db_column_text(st, 1), "closed") == 0;
        date_parse(db_column_text(st, 2), &k->start);
        k->weeks = db_column_int(st, 3);
        int ev = model_evidence_parse(db_column_text(st, 4));
        k->followed = ev >= 0 && window_kr_followed((lnd_evidence)ev);
        k->prog = db_column_int64(st, 5);
    }
    db_reset(st);
    if (rc != DB_ROW) return st_sqlfail(s, rc == DB_DONE ? DB_ERROR : rc, "reading the key result's cycle");
    if (!k->prog) return STORE_OK;
    st = st_prep(s, "SELECT end_week, cohorts FROM programme WHERE id = ?");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, k->prog);
    rc = db_step(st);
    if (rc == DB_ROW) {
        k->end_week = db_column_int(st, 0);
        snprintf(k->cohorts, sizeof k->cohorts, "%s", db_column_text(st, 1));
    }
    db_reset(st);
    return rc == DB_ROW ? STORE_OK : st_sqlfail(s, rc, "reading the serving programme");
}

static store_rc cohort_rule(store *s, lnd_checkin *c, const kr_context *k)
{
    c->comparison = false;
    if (st_blank(c->cohort)) {
        c->cohort = "";
        return STORE_OK;
    }
    if (!k->prog)
        return st_fail(s, STORE_INVALID, "K%lld is served by no programme, so it has no cohorts; log it without "
                       "a cohort or link a programme to its objective", c->kr_id);
    int i = cohort_index(k->cohorts, c->cohort);
    if (i < 0)
        return st_fail(s, STORE_INVALID, "cohort '%.64s' is not one programme P%lld names; use one of: %s",
                       c->cohort, k->prog, k->cohorts);
    static char name[COHORT_NAME_MAX + 1];   /* normalised (trimmed); copied by the insert */
    cohort_name(k->cohorts, (size_t)i, name, sizeof name);
    c->cohort = name;
    c->comparison = i > 0;
    return STORE_OK;
}

store_rc st_checkin_rules(store *s, lnd_checkin *c, const char *at)
{
    kr_context k;
    store_rc rc = load_context(s, c->kr_id, &k);
    if (rc != STORE_OK) return rc;
    if ((rc = cohort_rule(s, c, &k)) != STORE_OK) return rc;
    lnd_day day = 0;
    window_stamp_day(at, &day);
    const window_rules *r = &s->followups;
    lnd_day cycle_end = k.start + 7L * k.weeks - 1;
    lnd_day end = window_programme_end(k.start, k.weeks, k.end_week);
    c->followup = 0;
    if (k.prog && k.followed && day > end) {
        int m = window_match(r, end, day);
        if (m >= 0) c->followup = r->offsets[m];
    }
    if (!k.closed) return STORE_OK;
    char d1[16], d2[16];
    if (!k.prog || !k.followed || day <= cycle_end) {
        c->followup = 0;
        return st_fail(s, STORE_LOCKED, "cycle %s is closed; its check-ins are locked%s", k.cycle,
                       k.prog && k.followed ? " (follow-ups after it ends are still taken)" : "");
    }
    lnd_day close = window_close(r, end);
    if (day > close) {
        date_format(close, d1, sizeof d1);
        c->followup = 0;
        return st_fail(s, STORE_LOCKED, "K%lld: its measurement window closed on %s (cycle %s is closed); "
                       "nothing was written", c->kr_id, d1, k.cycle);
    }
    if (c->followup == 0) {
        /* inside the window but near no follow-up date: name the next one */
        for (size_t i = 0; i < r->n; i++) {
            lnd_day due = end + r->offsets[i];
            if (due + WINDOW_LATE < day) continue;
            date_format(due - WINDOW_EARLY, d1, sizeof d1);
            date_format(due + WINDOW_LATE, d2, sizeof d2);
            return st_fail(s, STORE_LOCKED, "K%lld: cycle %s is closed and no follow-up is due now; the +%d d "
                           "follow-up can be logged from %s to %s", c->kr_id, k.cycle, r->offsets[i], d1, d2);
        }
        date_format(close, d1, sizeof d1);
        return st_fail(s, STORE_LOCKED, "K%lld: cycle %s is closed and its follow-ups are past; the window "
                       "closes on %s", c->kr_id, k.cycle, d1);
    }
    return STORE_OK;
}
