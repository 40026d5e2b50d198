/* SPDX-License-Identifier: MIT */
/* core/carry.h — what carrying a reviewed objective forward keeps: which objectives go (the
 * ones their review marks, and their parents when asked), which parent each keeps in the
 * next cycle (a carried parent, or one the user names; an L&D objective never arrives
 * without its business parent), which KRs go (done ones only when asked), and the line that
 * shows where a carried objective came from. Pure: decides from a loaded plan and its
 * reviews; the store writes what it decides. */
#ifndef LND_CARRY_H
#define LND_CARRY_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "plan.h"

typedef struct {
    bool done_krs;        /* carry KRs whose target was reached too (as "hold at least this") */
    bool with_parents;    /* carry the parent of a carried objective even when not marked */
    lnd_id parent;        /* else: objective of the next cycle the orphans go under, 0 = none */
    const lnd_id *before; /* objectives of this plan already carried into the next cycle */
    size_t nbefore;
} carry_opts;

typedef struct {
    size_t obj;           /* index in plan->objs */
    long parent_pick;     /* index in the picks of its carried parent, -1 = none */
    lnd_id new_parent;    /* else: an objective of the next cycle to sit under, 0 = none */
    lnd_id parent_before; /* else: its parent, carried before: sit under that copy, 0 = none */
    bool marked;          /* its review says carry forward (false: pulled in as a parent) */
} carry_pick;

/* Where a carried objective came from, for "carried from O8 (2027-Q2, scored 0.4): ...". */
typedef struct {
    lnd_id objective_id;  /* the carried objective (in the new cycle) */
    lnd_id from;          /* the one it was carried from */
    char *cycle;          /* the cycle it came from */
    bool has_score;
    double score;
    char *carry;          /* its review's carry text */
    char *finding;        /* a learning objective's finding */
} carry_origin;

/* A KR whose last check-in reached its target (in its direction). */
bool carry_kr_done(const lnd_kr *kr);

/* Choose what to carry from plan p with its reviews. picks has room for p->nobjs; returns
 * how many, in plan order (parents before children), or -1 with err set (one line naming
 * the objective and the fix) when an objective with a parent would arrive without one. */
long carry_choose(const lnd_plan *p, const lnd_review *rv, size_t nrv, const carry_opts *o,
                  carry_pick *picks, char *err, size_t errsz);

/* "carried from O8 (2027-Q2, scored 0.4): Consultative selling for new AMs" (no score:
 * "not scored"; no text: nothing after the parenthesis). buf >= 64. */
void carry_origin_text(const carry_origin *c, char *buf, size_t n);

/* The origin of objective id among n origins, NULL if it was not carried. */
const carry_origin *carry_origin_of(const carry_origin *c, size_t n, lnd_id id);

#endif
