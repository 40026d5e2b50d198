/* core/report_series.c — a KR's follow-up series and cohort comparison as sentences (see
 * report_series.h). */
#include "report_series.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cohort.h"
#include "followup.h"

void report_short_date(lnd_day d, char *buf, size_t n)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char iso[16];
    date_format(d, iso, sizeof iso);
    int m = (iso[5] - '0') * 10 + (iso[6] - '0'), day = (iso[8] - '0') * 10 + (iso[9] - '0');
    snprintf(buf, n, "%d %s", day, m >= 1 && m <= 12 ? mon[m - 1] : "?");
}

static void value(lnd_buf *b, double v, const char *unit)
{
    char n[48];
    model_fmt_num(v, n, sizeof n);
    buf_add(b, n);
    if (unit && *unit) buf_printf(b, "%s%s", strcmp(unit, "%") ? " " : "", unit);
}

/* Which follow-up (index into r->offsets) a check-in settled, -1 for none. */
static int settled(const window_rules *r, lnd_day end, const lnd_checkin *c)
{
    for (size_t o = 0; o < r->n; o++)
        if (c->followup && r->offsets[o] == c->followup) return (int)o;
    lnd_day day;
    if (c->followup || !window_stamp_day(c->at, &day)) return -1;
    return window_match(r, end, day);
}

bool report_series(const lnd_plan *p, size_t k, const report_history *h, const window_rules *r, lnd_buf *b)
{
    long pi = followup_serving(p, k);
    if (pi < 0) return false;
    const lnd_kr *kr = &p->krs[k];
    lnd_day end = followup_programme_end(p, (size_t)pi);
    buf_add(b, kr->title);
    buf_add(b, " ");
    if (kr->has_baseline) {
        value(b, kr->baseline, kr->unit);
        lnd_day bd;
        char d[16];
        if (kr->baseline_at && date_parse(kr->baseline_at, &bd)) {
            report_short_date(bd, d, sizeof d);
            buf_printf(b, " (baseline, %s)", d);
        } else {
            buf_add(b, " (baseline)");
        }
    } else {
        buf_add(b, "no baseline");
    }
    for (size_t o = 0; o < r->n; o++) {
        /* the latest check-in of the trained (or no) cohort that settled this follow-up */
        const lnd_checkin *best = NULL;
        for (size_t i = 0; h && i < h->n && !best; i++)
            if (!h->items[i].comparison && settled(r, end, &h->items[i]) == (int)o) best = &h->items[i];
        buf_add(b, " \xe2\x86\x92 ");
        if (best) {
            value(b, best->value, kr->unit);
            buf_printf(b, " (+%d d)", r->offsets[o]);
        } else {
            char d[16];
            report_short_date(end + r->offsets[o], d, sizeof d);
            buf_printf(b, "+%d d due %s", r->offsets[o], d);
        }
    }
    buf_add(b, ", target ");
    value(b, kr->target, kr->unit);
    return true;
}

static const char *cohorts_of(const lnd_plan *p, size_t k)
{
    long pi = -1;
    const lnd_kr *kr = &p->krs[k];
    long oi = plan_obj_index(p, kr->objective_id);
    /* the programme that names the cohorts: the one serving the KR (any evidence level) */
    for (int guard = 0; oi >= 0 && pi < 0 && guard < 64; guard++) {
        for (size_t i = 0; i < p->nprogs && pi < 0; i++)
            if (!p->progs[i].archived && p->progs[i].objective_id == p->objs[oi].id) pi = (long)i;
        oi = p->objs[oi].parent_id ? plan_obj_index(p, p->objs[oi].parent_id) : -1;
    }
    return pi >= 0 && p->progs[pi].cohorts && *p->progs[pi].cohorts ? p->progs[pi].cohorts : COHORT_DEFAULT;
}

bool report_cohorts(const lnd_plan *p, size_t k, const report_history *h, lnd_buf *b)
{
    if (!h) return false;
    bool any = false;
    for (size_t i = 0; i < h->n && !any; i++) any = h->items[i].cohort && *h->items[i].cohort;
    if (!any) return false;
    const lnd_kr *kr = &p->krs[k];
    const char *list = cohorts_of(p, k);
    char trained[COHORT_NAME_MAX + 1] = "trained", other[COHORT_NAME_MAX + 1] = "not yet trained";
    cohort_name(list, 0, trained, sizeof trained);
    cohort_name(list, 1, other, sizeof other);
    cohort_cmp c;
    cohort_compare(h->items, h->n, trained, other, kr->direction, &c);
    const cohort_run *runs[2] = {&c.trained, &c.other};
    const char *names[2] = {trained, other};
    for (int i = 0; i < 2; i++) {
        buf_printf(b, "%s%s: ", i ? "; " : "", names[i]);
        if (i == 0) {
            buf_add(b, kr->title);
            buf_add(b, " ");
        }
        if (runs[i]->n == 0) buf_add(b, "no check-ins");
        else if (runs[i]->n == 1) value(b, runs[i]->first, kr->unit);
        else {
            value(b, runs[i]->first, kr->unit);
            buf_add(b, " \xe2\x86\x92 ");
            value(b, runs[i]->last, kr->unit);
        }
    }
    if (!c.comparable) {
        buf_printf(b, "; too few to compare (%zu and %zu check-ins; 2 each needed)", c.trained.n, c.other.n);
        return true;
    }
    char d[48];
    model_fmt_num(fabs(c.diff) < 1e-9 ? 0 : c.diff, d, sizeof d);
    const char *what = kr->unit && strcmp(kr->unit, "%") == 0 ? "points" : kr->unit && *kr->unit ? kr->unit : "";
    buf_printf(b, "; difference %s%s%s%s (%zu and %zu check-ins)", c.diff > 0 ? "+" : "", d, *what ? " " : "",
               what, c.trained.n, c.other.n);
    if (kr->direction == DIR_DECREASE) buf_add(b, ", positive = the trained cohort fell more");
    return true;
}

void report_after_lines(const report_input *in, size_t k, const char *indent, bool labels, lnd_buf *b)
{
    if (in->dig) {   /* worked out as the history streamed past (report_digest.c) */
        const report_kr_digest *d = &in->dig[k];
        if (d->series) {
            buf_printf(b, "%s- %s", indent, labels ? "After the programme: " : "");
            report_md(b, d->series);
            buf_add(b, "\n");
        }
        if (d->cohorts) {
            buf_printf(b, "%s- %s", indent, labels ? "Cohorts: " : "");
            report_md(b, d->cohorts);
            buf_add(b, "\n");
        }
        return;
    }
    window_rules def;
    const window_rules *r = in->followups;
    if (!r) {
        window_rules_default(&def);
        r = &def;
    }
    const report_history *h = in->hist ? &in->hist[k] : NULL;
    lnd_buf t = {0};
    if (report_series(in->plan, k, h, r, &t)) {
        buf_printf(b, "%s- %s", indent, labels ? "After the programme: " : "");
        report_md(b, buf_str(&t));
        buf_add(b, "\n");
    }
    buf_free(&t);
    t = (lnd_buf){0};
    if (report_cohorts(in->plan, k, h, &t)) {
        buf_printf(b, "%s- %s", indent, labels ? "Cohorts: " : "");
        report_md(b, buf_str(&t));
        buf_add(b, "\n");
    }
    buf_free(&t);
}
