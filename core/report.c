/* SPDX-License-Identifier: MIT */
/* core/report.c — the end-of-quarter report in business terms (see report.h). */
#include "numfmt.h"
#include "report_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "learning.h"
#include "summary.h"

/* Markdown-safe copy of user text: one line, no table pipes, no leading markup. */
void report_md(lnd_buf *b, const char *s)
{
    if (!s) return;
    const char *run = s;   /* plain bytes go out in runs, not one by one */
    for (const char *c = s; *c; c++) {
        char ch = *c;
        bool blank = ch == '\n' || ch == '\r' || ch == '\t';
        bool mark = ch == '|' || ch == '*' || ch == '_' || ch == '`' || ch == '[' || ch == ']' ||
                    ch == '<' || ch == '>' || (ch == '#' && c == s);
        if (!blank && !mark) continue;
        buf_addn(b, run, (size_t)(c - run));
        run = c + 1;
        if (blank) buf_addn(b, " ", 1);
        else {
            char esc[2] = {'\\', ch};
            buf_addn(b, esc, 2);
        }
    }
    buf_addn(b, run, strlen(run));
}

static void value_with_unit(lnd_buf *b, double v, const char *unit)
{
    char n[48];
    model_fmt_num(v, n, sizeof n);
    buf_add(b, n);
    if (unit && *unit) {
        if (strcmp(unit, "%") != 0) buf_add(b, " ");
        report_md(b, unit);
    }
}

void report_kr_sentence(const lnd_kr *kr, lnd_buf *b)
{
    report_md(b, kr->title);
    if (!kr->has_current) {
        buf_add(b, ": no measurement yet (");
        if (kr->has_baseline) {
            buf_add(b, "baseline ");
            value_with_unit(b, kr->baseline, kr->unit);
            buf_add(b, ", ");
        }
        buf_add(b, "target ");
        value_with_unit(b, kr->target, kr->unit);
        buf_add(b, ")");
        return;
    }
    if (!kr->has_baseline) {
        buf_add(b, " is at ");
        value_with_unit(b, kr->current, kr->unit);
        buf_add(b, " (target ");
        value_with_unit(b, kr->target, kr->unit);
        buf_add(b, "; no baseline, so the change cannot be shown)");
        return;
    }
    if (kr->current == kr->baseline) {
        buf_add(b, " stayed at ");
    } else {
        bool better = kr->direction == DIR_DECREASE ? kr->current < kr->baseline
                                                    : kr->current > kr->baseline;
        buf_add(b, better ? " moved from " : " moved the wrong way, from ");
        value_with_unit(b, kr->baseline, kr->unit);
        buf_add(b, " to ");
    }
    value_with_unit(b, kr->current, kr->unit);
    buf_add(b, " (target ");
    value_with_unit(b, kr->target, kr->unit);
    buf_add(b, ")");
}

int report_first_move(const lnd_plan *p, const lnd_kr *kr, const report_history *h)
{
    if (!h || !kr->has_baseline) return 0;
    lnd_day start;
    if (!date_parse(p->cycle.start, &start)) return 0;
    for (size_t i = h->n; i > 0; i--) {          /* oldest first */
        const lnd_checkin *c = &h->items[i - 1];
        bool moved = kr->direction == DIR_DECREASE ? c->value < kr->baseline
                                                   : c->value > kr->baseline;
        if (!moved || !c->at || c->comparison) continue;   /* a comparison cohort is not the KR */
        lnd_day day = date_stamp_day(c->at);
        if (day == -1) continue;
        int w = date_week_of_cycle(start, p->cycle.weeks, day);
        return w < 1 ? 1 : w;
    }
    return 0;
}

static const lnd_review *review_of(const report_input *in, lnd_id oid)
{
    for (size_t i = 0; i < in->nreviews; i++)
        if (in->reviews[i].objective_id == oid) return &in->reviews[i];
    return NULL;
}

/* Verdicts exist only once the cycle is in review; while it runs, a clearly labelled
 * projection; in planning, nothing. */
static bool verdict_time(const lnd_plan *p)
{
    return summary_verdict_time(&p->cycle);
}

/* A score as people write it: one decimal, two when needed (0.7, 0.69, 1.0), so it is never
 * shown rounded across a verdict threshold (0.69 is not "0.7"). */
static void fmt_score(double v, char *out, size_t n)
{
    snprintf(out, n, "%.2f", v);
    size_t len = strlen(out);
    if (len >= 4 && out[len - 1] == '0') out[len - 1] = '\0';
}

static void pct(lnd_buf *b, double p)
{
    if (p < 0) buf_add(b, "–");
    else buf_printf(b, "%ld%%", num_pct_round(p));
}

/* "64% of the way to target": a share of the way, never read as a value. */
static void way(lnd_buf *b, double p)
{
    buf_printf(b, "%ld%% of the way to target", num_pct_round(p));
}

/* The chain's last link: what the behaviour and results KRs beneath the root did after the
 * programme (the series and the cohorts; core/report_series.c). */
static void chain_after(const report_input *in, const cascade_index *ci, lnd_buf *b)
{
    const lnd_plan *p = in->plan;
    lnd_buf t = {0};
    for (size_t i = 0; i < ci->nsub; i++) {
        size_t oi = ci->sub[i];
        if (p->objs[oi].archived) continue;
        size_t first, n = plan_krs_of(p, oi, &first);
        for (size_t k = first; k < first + n; k++)
            if (!p->krs[k].archived) report_after_lines(in, k, "   ", false, &t);
    }
    if (t.len) buf_printf(b, "5. After the programme (follow-ups and cohorts):\n%s", buf_str(&t));
    buf_free(&t);
}

static void chain_of_evidence(const report_input *in, const cascade_index *ci, lnd_buf *b)
{
    const lnd_plan *p = in->plan;
    buf_add(b, "\n**Chain of evidence**\n\n");
    int nprog = 0;
    for (size_t i = 0; i < ci->nprogs; i++) {
        const lnd_programme *pr = &p->progs[ci->progs[i]];
        buf_add(b, nprog++ ? "; " : "1. Programmes delivered: ");
        report_md(b, pr->title);
        buf_printf(b, " (weeks %d–%d", pr->start_week, pr->end_week);
        if (pr->audience && *pr->audience) {
            buf_add(b, ", ");
            report_md(b, pr->audience);
        }
        buf_add(b, ")");
    }
    buf_add(b, nprog ? "\n" : "1. Programmes delivered: none recorded\n");
    static const struct { lnd_evidence ev; const char *label; } steps[] = {
        {EV_LEARNING, "Learning"}, {EV_BEHAVIOUR, "Behaviour"}, {EV_RESULTS, "Results"}};
    int first_move[3] = {0, 0, 0};
    for (int s = 0; s < 3; s++) {
        buf_printf(b, "%d. %s: ", s + 2, steps[s].label);
        int shown = 0;
        for (size_t m = 0; m < ci->nsub; m++) {
            size_t oi = ci->sub[m];
            if (p->objs[oi].archived) continue;
            size_t first, n = plan_krs_of(p, oi, &first);
            for (size_t k = first; k < first + n; k++) {
                const lnd_kr *kr = &p->krs[k];
                if (kr->archived || kr->evidence != steps[s].ev) continue;
                if (shown++) buf_add(b, "; ");
                report_kr_sentence(kr, b);
                int w = in->dig ? in->dig[k].first_move : report_first_move(p, kr, in->hist ? &in->hist[k] : NULL);
                if (w) {
                    buf_printf(b, ", first moved in week %d", w);
                    if (!first_move[s] || w < first_move[s]) first_move[s] = w;
                }
            }
        }
        buf_add(b, shown ? "\n" : "no key result at this level\n");
    }
    chain_after(in, ci, b);
    if (first_move[1] || first_move[2]) {
        char s[200];
        report_order_sentence(first_move[1], first_move[2], s, sizeof s);
        buf_printf(b, "\n%s\n", s);
    }
}

void report_order_sentence(int beh, int res, char *buf, size_t n)
{
    if (beh && res && beh == res)
        snprintf(buf, n, "Behaviour and results moved together (week %d): the order cannot be told "
                 "from these check-ins.", beh);
    else if (beh && res && beh < res)
        snprintf(buf, n, "Behaviour moved (week %d) before results did (week %d).", beh, res);
    else if (beh && res)
        snprintf(buf, n, "Results moved (week %d) before behaviour did (week %d): the result may owe "
                 "little to the programme.", res, beh);
    else if (beh)
        snprintf(buf, n, "Behaviour has moved (week %d); results have not yet.", beh);
    else if (res)
        snprintf(buf, n, "Results moved (week %d) without any measured behaviour change.", res);
    else
        snprintf(buf, n, "Neither behaviour nor results have moved yet.");
}

static void objective_section(const report_input *in, size_t oi, int depth, lnd_buf *b)
{
    const lnd_plan *p = in->plan;
    const lnd_objective *o = &p->objs[oi];
    summary_obj s;
    summary_objective(p, oi, in->rules, in->day, &s);
    buf_printf(b, "\n%s O%lld ", depth == 0 ? "##" : "###", o->id);
    report_md(b, o->title);
    bool judged = verdict_time(p);   /* in review: verdicts only, no live status */
    buf_printf(b, "\n\n*%s objective, %s.* ", o->level == LEVEL_BUSINESS ? "Business"
                                             : o->level == LEVEL_LD     ? "L&D"
                                                                        : "Team",
               model_otype_name(o->type));
    if (s.result >= 0) {
        buf_add(b, o->level == LEVEL_BUSINESS ? "Business result: " : "Result: ");
        way(b, s.result);
        if (!judged) buf_printf(b, " (%s)", model_status_name(s.result_status));
    } else {
        buf_add(b, s.result_note ? "No business result measured" : "No results KR");
    }
    if (s.delivery >= 0) {
        buf_add(b, "; delivery: ");
        way(b, s.delivery);
        if (!judged) buf_printf(b, " (%s)", model_status_name(s.delivery_status));
    }
    if (judged) buf_add(b, ".\n");
    else buf_printf(b, " — %s.\n", model_status_name(s.status));
    const carry_origin *co = carry_origin_of(in->orig, in->norig, o->id);
    if (co) {
        char line[700];
        carry_origin_text(co, line, sizeof line);
        buf_add(b, "\n- ");
        report_md(b, line);
        buf_add(b, "\n");
    }
    if (o->type == OTYPE_LEARNING) {
        buf_add(b, "\n- Hypothesis: ");
        report_md(b, o->hypothesis && *o->hypothesis ? o->hypothesis : "none stated");
    }
    if (o->problem && *o->problem) { buf_add(b, "\n- Problem: "); report_md(b, o->problem); }
    if (o->outcome && *o->outcome) { buf_add(b, "\n- Outcome: "); report_md(b, o->outcome); }
    if (o->capability && *o->capability) { buf_add(b, "\n- Capability: "); report_md(b, o->capability); }
    if (o->business_owner && *o->business_owner) { buf_add(b, "\n- Business owner: "); report_md(b, o->business_owner); }
    buf_add(b, "\n");
    size_t first, n = plan_krs_of(p, oi, &first);
    int shown = 0;
    for (size_t k = first; k < first + n; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived) continue;
        summary_kr ks;
        summary_key_result(p, kr, in->rules, in->day, &ks);
        buf_add(b, shown++ ? "" : "\n");
        buf_printf(b, "- K%lld ", kr->id);
        report_kr_sentence(kr, b);
        buf_add(b, " — ");
        way(b, ks.progress);
        if (!judged) buf_printf(b, ", %s", model_status_name(ks.status));
        buf_printf(b, "; %s, %s", model_evidence_name(kr->evidence), model_indicator_name(kr->indicator));
        if (in->dig) buf_add(b, in->dig[k].trend ? in->dig[k].trend : "");
        else report_confidence_trend(in->hist ? &in->hist[k] : NULL, b);
        if (kr->coowner && *kr->coowner) {
            buf_add(b, "; co-owned with ");
            report_md(b, kr->coowner);
        }
        /* a check-in logged under someone else's name says who really logged it */
        const lnd_checkin *last = !in->dig && in->hist && in->hist[k].n ? &in->hist[k].items[0] : NULL;
        char who[300];
        const char *by = in->dig ? in->dig[k].last_by : NULL;
        if (last && strcmp(model_who(last->author, last->account, who, sizeof who), last->author ? last->author : ""))
            by = who;
        if (by) {
            buf_add(b, "; last check-in by ");
            report_md(b, by);
        }
        buf_add(b, "\n");
        report_after_lines(in, k, "  ", true, b);
    }
    if (shown) {
        buf_add(b, "\n*Evidence mix:* ");
        report_evidence_mix(p, (long)oi, b);
        buf_add(b, ".\n");
    }
    const lnd_review *r = review_of(in, o->id);
    double score = r && r->has_score ? r->score : summary_suggested_score(o, &s);
    if (o->type == OTYPE_LEARNING) {
        /* its verdict is its finding: no score is suggested */
        char v[600];
        bool found = learning_verdict(r, v, sizeof v);
        if (judged) {
            buf_add(b, found ? "\n**Verdict (what was learned):** " : "\n**Verdict:** no finding recorded yet");
            if (found) report_md(b, r->finding);
            buf_add(b, ".\n");
        }
    } else if (p->cycle.state == CYCLE_PLANNING) {
        /* in planning there is nothing to judge yet */
    } else if (score < 0) {
        if (s.result_note)
            buf_printf(b, "\n**%s:** none possible: no business result measured.\n",
                       verdict_time(p) ? "Verdict" : "Score so far");
    } else if (verdict_time(p)) {
        lnd_verdict v = progress_verdict(o->type, score);
        char sc[16];
        fmt_score(score, sc, sizeof sc);
        buf_printf(b, "\n**Verdict:** %s, %s%s", sc, progress_verdict_name(v),
                   r && r->has_score ? "" : s.result >= 0 ? " (suggested from the business result; not yet reviewed)"
                                                          : " (suggested from progress; not yet reviewed)");
        buf_add(b, ".\n");
    } else {
        char sc[16];
        fmt_score(score, sc, sizeof sc);
        buf_printf(b, "\n**Score so far (a projection, not a verdict):** %s at today's %s; the verdict is "
                   "given at the review.\n", sc, s.result >= 0 ? "business result" : "progress");
    }
    if (r) {
        if (r->worked && *r->worked) { buf_add(b, "\n- What worked: "); report_md(b, r->worked); }
        if (r->didnt && *r->didnt) { buf_add(b, "\n- What did not: "); report_md(b, r->didnt); }
        if (r->carry && *r->carry) { buf_add(b, "\n- Carries forward: "); report_md(b, r->carry); }
        buf_add(b, "\n");
    }
}

/* A YAML double-quoted scalar of Markdown-safe text. */
static void yaml_str(lnd_buf *b, const char *s, const char *tail)
{
    lnd_buf t = {0};
    report_md(&t, s);
    if (tail) buf_add(&t, tail);
    buf_add(b, "\"");
    for (const char *c = buf_str(&t); *c; c++) {
        char one[3] = {*c, 0, 0};
        if (*c == '"' || *c == '\\') one[0] = '\\', one[1] = *c;
        buf_add(b, one);
    }
    buf_add(b, "\"");
    buf_free(&t);
}

/* The title block pandoc -s wants: title, where the cycle stands, the report's date. In
 * review or closed the cycle is named by its dates, never "week 7 of 13". */
static void title_block(const report_input *in, lnd_buf *b)
{
    const lnd_plan *p = in->plan;
    buf_add(b, "---\ntitle: ");
    yaml_str(b, p->cycle.name, ": learning in business terms");
    char when[96];
    lnd_day start = 0;
    date_parse(p->cycle.start, &start);
    if (verdict_time(p)) {
        char d0[16], d1[16];
        date_format(start, d0, sizeof d0);
        date_format(start + 7L * p->cycle.weeks - 1, d1, sizeof d1);
        snprintf(when, sizeof when, "Cycle %s, %s to %s", p->cycle.state == CYCLE_REVIEW ? "in review" : "closed", d0,
                 d1);
    } else {
        char w[64];
        summary_when_text(p, in->day, w, sizeof w);
        int week = summary_week_on(p, in->day);
        if (week >= 1 && week <= p->cycle.weeks)
            snprintf(when, sizeof when, "Cycle %s, %s (pace %ld%%)", model_cycle_state_name(p->cycle.state), w,
                     num_pct_round(pace_elapsed(start, start + 7L * p->cycle.weeks, in->day)));
        else snprintf(when, sizeof when, "Cycle %s, %s", model_cycle_state_name(p->cycle.state), w);
    }
    buf_printf(b, "\nsubtitle: \"%s\"\ndate: \"%s\"\n---\n", when, in->today ? in->today : "");
}

/* What the learning objectives found, and what carries forward. */
static void knowledge(const report_input *in, lnd_buf *b)
{
    const lnd_plan *p = in->plan;
    int found = 0;
    for (size_t i = 0; i < in->nreviews; i++) {
        const lnd_review *r = &in->reviews[i];
        long oi = plan_obj_index(p, r->objective_id);
        if (oi < 0 || p->objs[oi].type != OTYPE_LEARNING || !r->finding || !*r->finding) continue;
        buf_add(b, found++ ? "" : "\n## What was learned\n\n");
        buf_printf(b, "- O%lld ", r->objective_id);
        report_md(b, p->objs[oi].title);
        buf_add(b, ": ");
        report_md(b, r->finding);
        buf_add(b, "\n");
    }
    buf_add(b, "\n## Carried forward\n\n");
    int carried = 0;
    for (size_t i = 0; i < in->nreviews; i++) {
        const lnd_review *r = &in->reviews[i];
        long oi = plan_obj_index(p, r->objective_id);
        if (!r->carry_forward || oi < 0) continue;
        buf_printf(b, "- O%lld ", r->objective_id);
        report_md(b, p->objs[oi].title);
        if (r->carry && *r->carry) {
            buf_add(b, ": ");
            report_md(b, r->carry);
        }
        buf_add(b, "\n");
        carried++;
    }
    if (!carried) buf_add(b, "Nothing chosen to carry forward yet.\n");
}

void report_emit(const report_input *in, lnd_buf *b)
{
    if (in->flush) in->flush(in->flush_ud, b);
}

void report_markdown(const report_input *in, lnd_buf *b)
{
    const lnd_plan *p = in->plan;
    title_block(in, b);
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    bool judged = verdict_time(p);
    /* while the cycle runs: status, no verdict; in review: the verdict, no live status */
    buf_printf(b, "\n## Summary\n\n| Objective | Type | Result | Delivery | %s |\n|---|---|---:|---:|---|\n",
               judged ? "Verdict" : "Status");
    for (size_t i = 0; i < nrows; i++) {
        const lnd_objective *o = &p->objs[rows[i].obj];
        summary_obj s;
        summary_objective(p, rows[i].obj, in->rules, in->day, &s);
        const lnd_review *r = review_of(in, o->id);
        double score = r && r->has_score ? r->score : summary_suggested_score(o, &s);
        buf_printf(b, "| %sO%lld ", rows[i].depth ? "↳ " : "", o->id);
        report_md(b, o->title);
        buf_printf(b, " | %s | ", model_otype_name(o->type));
        if (s.result >= 0) pct(b, s.result);
        else buf_add(b, s.result_note ? "not measured" : "–");
        buf_add(b, " | ");
        pct(b, s.delivery);
        if (!judged) buf_printf(b, " | %s |", model_status_name(s.status));
        else if (o->type == OTYPE_LEARNING)
            buf_printf(b, " | %s |", r && r->finding && *r->finding ? "learning: see the finding" : "no finding yet");
        else if (score < 0) buf_add(b, " | – |");
        else buf_printf(b, " | %s%s |", progress_verdict_name(progress_verdict(o->type, score)),
                        r && r->has_score ? "" : " (suggested, not yet reviewed)");
        buf_add(b, "\n");
        if (b->len >= 65536) report_emit(in, b);
    }
    lnd_buf mix = {0};
    report_evidence_mix(p, -1, &mix);
    if (*buf_str(&mix)) buf_printf(b, "\n*Evidence mix of the plan:* %s.\n", buf_str(&mix));
    buf_free(&mix);
    cascade_index ci;
    bool have_ci = false;
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        objective_section(in, oi, rows[i].depth, b);
        bool last_of_root = i + 1 == nrows || rows[i + 1].depth == 0;
        if (last_of_root) {
            size_t root = i;
            while (root > 0 && rows[root].depth > 0) root--;
            if (p->objs[rows[root].obj].level == LEVEL_BUSINESS) {
                if (!have_ci) have_ci = report_cascade_init(p, &ci);
                if (have_ci) {
                    report_cascade_of(p, &ci, rows[root].obj);
                    chain_of_evidence(in, &ci, b);
                    report_cascade_done(&ci);
                }
            }
        }
        if (b->len >= 65536) report_emit(in, b);
    }
    if (have_ci) report_cascade_free(&ci);
    knowledge(in, b);
    report_kpis(in, b);
    report_discipline(in, b);
    report_emit(in, b);
    report_findings(in, b);
    report_emit(in, b);
}
