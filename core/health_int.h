/* SPDX-License-Identifier: MIT */
/* core/health_int.h — what the health rule files share (core/health.c, core/health_result.c):
 * the checking context and the one way to record a finding. Not for use outside core/health*. */
#ifndef LND_HEALTH_INT_H
#define LND_HEALTH_INT_H

#include "health.h"

typedef struct {
    const lnd_plan *p;
    const health_opts *o;
    lnd_day today;
    lnd_finding *v;
    size_t n, cap;
    size_t *order;        /* cascade position (1-based) of each objective index, 0 = none */
    lnd_arena *a;         /* where the findings' texts live */
} hctx;

/* Record a finding of rule id (skipped when the rule is disabled; marked waived when the
 * objective waives it). fix: this finding's own fix, NULL = the rule's (FIX_RULE). */
__attribute__((format(printf, 7, 8)))
void health_add(hctx *h, const char *id, lnd_id obj, lnd_id kr, lnd_id prog, const lnd_fix *fix,
                const char *fmt, ...);
/* A title as a finding's message quotes it: whole (the front end cuts to its width, and a
 * pipe gets every character); HEALTH_TITLE_MAX bounds the copy. */
#define HEALTH_TITLE_MAX 512
void health_title(const char *t, char *out, size_t n);

/* H12 nothing measured, H13 delivery on track while the result is off, H14 target = baseline. */
void health_rules_result(hctx *h, const plan_row *rows, size_t nrows);

#endif
