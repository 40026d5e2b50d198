/* SPDX-License-Identifier: MIT */
/* core/report_scorecard.c — the report's scorecard parts: the evidence mix (seed 000's
 * maturity ladder made visible), each KR's confidence trend, the KPIs (in range or out,
 * and their trend), and check-in discipline per owner (on time / late / quiet). Pure. */
#include "numfmt.h"
#include "report_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carry.h"
#include "dates.h"

void report_evidence_mix(const lnd_plan *p, long oi, lnd_buf *b)
{
    int n[EV_N] = {0}, total = 0;
    size_t first = 0, nk = p->nkrs;
    if (oi >= 0) nk = plan_krs_of(p, (size_t)oi, &first);   /* one objective: its KRs only */
    for (size_t k = first; k < first + nk; k++) {
        const lnd_kr *kr = &p->krs[k];
        long o = oi >= 0 ? oi : plan_obj_index(p, kr->objective_id);
        if (kr->archived || o < 0 || p->objs[o].archived) continue;
        if ((unsigned)kr->evidence >= EV_N) continue;
        n[kr->evidence]++;
        total++;
    }
    if (!total) return;
    buf_add(b, "KRs: ");
    int shown = 0;
    for (int e = 0; e < EV_N; e++) {
        if (!n[e]) continue;
        buf_printf(b, "%s%ld%% %s", shown++ ? ", " : "", num_pct_round((double)n[e] / total), model_evidence_name((lnd_evidence)e));
    }
}

void report_confidence_trend(const report_history *h, lnd_buf *b)
{
    if (!h) return;
    int vals[8], nv = 0, last = -1, seen = 0;
    for (size_t i = h->n; i > 0; i--) {            /* oldest first */
        int c = h->items[i - 1].confidence;
        if (c < 0) continue;
        seen++;
        if (c == last) continue;
        if (nv == 8) memmove(vals, vals + 1, 7 * sizeof *vals), nv = 7;
        vals[nv++] = last = c;
    }
    if (!nv) return;
    if (nv == 1) {
        buf_printf(b, "; confidence %d%s", vals[0], seen > 1 ? ", steady" : "");
        return;
    }
    buf_add(b, "; confidence ");
    for (int i = 0; i < nv; i++) buf_printf(b, "%s%d", i ? " → " : "", vals[i]);
}

static void num_unit(lnd_buf *b, double v, const char *unit)
{
    char s[48];
    model_fmt_num(v, s, sizeof s);
    buf_add(b, s);
    if (unit && *unit) {
        if (strcmp(unit, "%") != 0) buf_add(b, " ");
        report_md(b, unit);
    }
}

void report_kpis(const report_input *in, lnd_buf *b)
{
    buf_add(b, "\n## KPIs\n\n");
    size_t live = 0;
    for (size_t i = 0; i < in->nkpis; i++) live += !in->kpis[i].archived;
    if (!live) {
        buf_add(b, "No KPIs recorded: steady-state health indicators are kept apart from the OKRs.\n");
        return;
    }
    buf_add(b, "Steady-state health, kept apart from the OKRs: is it working?\n\n"
               "| KPI | Latest | Healthy range | Standing | Trend |\n|---|---:|---|---|---|\n");
    for (size_t i = 0; i < in->nkpis; i++) {
        const lnd_kpi *k = &in->kpis[i];
        if (k->archived) continue;
        buf_add(b, "| ");
        report_md(b, k->name);
        buf_add(b, " | ");
        if (k->has_value) num_unit(b, k->value, k->unit);
        else buf_add(b, "no value yet");
        buf_add(b, " | ");
        if (k->has_min && k->has_max) {
            num_unit(b, k->min, k->unit);
            buf_add(b, " to ");
            num_unit(b, k->max, k->unit);
        } else if (k->has_min) {
            buf_add(b, "at least ");
            num_unit(b, k->min, k->unit);
        } else if (k->has_max) {
            buf_add(b, "at most ");
            num_unit(b, k->max, k->unit);
        } else {
            buf_add(b, "none set");
        }
        bool in_range = k->has_value && (!k->has_min || k->value >= k->min) && (!k->has_max || k->value <= k->max);
        buf_printf(b, " | %s | ", !k->has_value ? "–" : in_range ? "in range" : "**out of range**");
        const report_history *h = in->kpi_hist ? &in->kpi_hist[i] : NULL;   /* oldest first */
        if (!h || h->n < 2) {
            buf_add(b, h && h->n == 1 ? "first reading" : "–");
        } else {
            double now = h->items[h->n - 1].value, before = h->items[h->n - 2].value;
            if (now == before) buf_add(b, "steady");
            else {
                buf_add(b, now > before ? "up from " : "down from ");
                num_unit(b, before, k->unit);
            }
        }
        buf_add(b, " |\n");
    }
}

/* The local day of a stored stamp (core/dates.c's one reading of stamps); false if none. */
static bool day_of(const char *at, lnd_day *d)
{
    *d = at ? date_stamp_day(at) : -1;
    return *d >= 0;
}

void report_discipline(const report_input *in, lnd_buf *b)
{
    const lnd_plan *p = in->plan;
    lnd_day start;
    if (!date_parse(p->cycle.start, &start) || in->day < start) return;   /* nothing due yet */
    lnd_day end = start + 7L * p->cycle.weeks - 1, ref = in->day < end ? in->day : end;
    typedef struct { const char *owner; int n, on_time, late, quiet; } row;
    row *rows = calloc(p->nkrs + 1, sizeof *rows);   /* at most one owner per KR */
    if (!rows) return;
    size_t nrows = 0;
    for (size_t k = 0; k < p->nkrs; k++) {
        const lnd_kr *kr = &p->krs[k];
        long oi = plan_obj_index(p, kr->objective_id);
        if (kr->archived || oi < 0 || p->objs[oi].archived) continue;
        const char *who = kr->owner && *kr->owner ? kr->owner : "(no owner)";
        size_t r = 0;
        while (r < nrows && strcmp(rows[r].owner, who)) r++;
        if (r == nrows) rows[nrows++] = (row){.owner = who};
        int cadence = p->objs[oi].cadence_days > 0 ? p->objs[oi].cadence_days : 7;
        lnd_day last;
        rows[r].n++;
        if (carry_kr_done(kr)) rows[r].on_time++;
        else if (!day_of(kr->last_at, &last)) rows[r].quiet++;
        else if (ref - last <= cadence) rows[r].on_time++;
        else if (ref - last <= 3L * cadence) rows[r].late++;
        else rows[r].quiet++;
    }
    if (!nrows) {
        free(rows);
        return;
    }
    buf_add(b, "\n## Check-in discipline\n\n"
               "Per owner, each key result's last check-in: on time (within its cadence, or done), late "
               "(within three cadences), quiet (older, or never).\n\n"
               "| Owner | KRs | On time | Late | Quiet |\n|---|---:|---:|---:|---:|\n");
    for (size_t r = 0; r < nrows; r++) {
        buf_add(b, "| ");
        report_md(b, rows[r].owner);
        buf_printf(b, " | %d | %d | %d | %d |\n", rows[r].n, rows[r].on_time, rows[r].late, rows[r].quiet);
    }
    free(rows);
}
