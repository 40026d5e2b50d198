/* SPDX-License-Identifier: MIT */
/* core/report.h — the quarter in business terms, as Markdown with a YAML title block: per
 * business objective each KR as "first-call resolution moved from 64% to 71% (target 75%)
 * — 64% of the way to target", the chain of evidence from programmes to learning, behaviour
 * and results, the evidence mix, each KR's confidence trend, verdicts (in review only, and
 * then no live status), what was learned and carried forward (and from where), KPIs,
 * check-in discipline per owner, and the health findings as plain sentences in an appendix.
 * Pure: builds text into an lnd_buf from what the caller loaded. User text is included raw
 * (Markdown-escaped); the caller sanitises before printing to a terminal. Sections live in
 * report.c, report_scorecard.c and report_findings.c. */
#ifndef LND_REPORT_H
#define LND_REPORT_H

#include "buf.h"
#include "carry.h"
#include "dates.h"
#include "health.h"
#include "plan.h"
#include "progress.h"

typedef struct {
    const lnd_checkin *items;   /* newest first, as store_checkins returns */
    size_t n;
} report_history;

/* What the report says about one KR's check-ins, worked out once as its history streams past
 * (report_digest), so the histories need not all be in memory at once. */
typedef struct {
    int first_move;             /* report_first_move's week, 0 = has not moved */
    const char *trend;          /* report_confidence_trend's words ("" = none) */
    const char *last_by;        /* who really logged the newest check-in when not its author, NULL = same */
    const char *series;         /* report_series' sentence, NULL = none */
    const char *cohorts;        /* report_cohorts' sentence, NULL = none */
} report_kr_digest;

typedef struct {
    const lnd_plan *plan;
    lnd_day day;                    /* the day the figures are judged on */
    const progress_rules *rules;
    const report_history *hist;     /* per KR index of plan->krs, NULL = none loaded */
    const report_kr_digest *dig;    /* per KR index, used instead of hist when set (report_digest) */
    const lnd_review *reviews;      /* any order, NULL = none */
    size_t nreviews;
    const lnd_finding *health;      /* health findings: the appendix says each in a sentence */
    size_t nhealth;
    const lnd_kpi *kpis;            /* steady-state KPIs, NULL = none */
    size_t nkpis;
    const report_history *kpi_hist; /* per KPI, oldest first (store_kpi_history), NULL = none */
    const carry_origin *orig;       /* where carried objectives came from, NULL = none */
    size_t norig;
    const char *today;              /* YYYY-MM-DD */
    const struct window_rules_s *followups;   /* follow-up offsets and window, NULL = defaults */
    /* Called with the text so far at section ends, so a large report need not be held whole:
     * it may take out any complete lines. NULL = everything stays in out. */
    void (*flush)(void *ud, lnd_buf *out);
    void *flush_ud;
} report_input;

void report_markdown(const report_input *in, lnd_buf *out);

/* KR index k's digest from its history h (newest first, NULL = none), strings in a (core/report_digest.c). */
void report_digest(const report_input *in, size_t k, const report_history *h, lnd_arena *a, report_kr_digest *d);

/* Markdown-safe copy of user text: one line, no table pipes, no leading markup. */
void report_md(lnd_buf *b, const char *s);

/* After the quarter (core/report_series.c): under KR index k, the series through its
 * follow-ups and the cohort comparison, each as a line "<indent>- After the programme: ..."
 * / "<indent>- Cohorts: ..." (without the labels when !labels); nothing when it has neither. */
void report_after_lines(const report_input *in, size_t k, const char *indent, bool labels, lnd_buf *b);

/* One KR in business terms: "First-call resolution moved from 64% to 71% (target 75%)". */
void report_kr_sentence(const lnd_kr *kr, lnd_buf *out);

/* What the order of the first moves says, one sentence (buf >= 160): "moved together" in the
 * same week, "before" only when earlier. Weeks 0 = has not moved. */
void report_order_sentence(int behaviour_week, int results_week, char *buf, size_t n);

/* First week (1-based) whose check-in moved the KR off its baseline in its direction; 0 when
 * it has not moved. */
int report_first_move(const lnd_plan *p, const lnd_kr *kr, const report_history *h);

#endif
