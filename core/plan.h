/* SPDX-License-Identifier: MIT */
/* core/plan.h — one cycle's plan held in memory: objectives, KRs and programmes, with the
 * lookups every view needs (by id, KRs of an objective, children, the cascade order).
 * Filled by store_load_plan(); pure data, no I/O. */
#ifndef LND_PLAN_H
#define LND_PLAN_H

#include "arena.h"
#include "model.h"

typedef struct {
    lnd_cycle cycle;
    lnd_objective *objs;   size_t nobjs;    /* sorted by id */
    lnd_kr *krs;           size_t nkrs;     /* sorted by objective_id, then id */
    lnd_programme *progs;  size_t nprogs;   /* sorted by id */
    lnd_waiver *waivers;   size_t nwaivers; /* health rules waived, by objective id */
    lnd_arena *arena;      /* owns everything above */
    /* indexes built by plan_index() */
    size_t *kr_first;      /* per objective index: first KR index (or nkrs) */
    size_t *kr_count;      /* per objective index: how many KRs */
    size_t *child_first;   /* per objective index: start in child_idx */
    size_t *child_count;   /* per objective index: direct children (archived included) */
    size_t *child_idx;     /* objective indexes grouped by parent, in id order */
    int *prog_week;        /* per objective index: earliest start week of a live programme
                              linked to it, 0 = none */
} lnd_plan;

/* A row of the cascade: objective index into plan->objs and its depth (0 = top level). */
typedef struct {
    size_t obj;
    int depth;
} plan_row;

lnd_plan *plan_new(void);                  /* empty plan with its own arena */
void plan_free(lnd_plan *p);               /* NULL is fine */
void plan_index(lnd_plan *p);              /* (re)build indexes after filling the arrays */

long plan_obj_index(const lnd_plan *p, lnd_id id);   /* -1 if absent */
long plan_kr_index(const lnd_plan *p, lnd_id id);    /* -1 if absent */
/* KRs of objective at index oi: *first and return count. */
size_t plan_krs_of(const lnd_plan *p, size_t oi, size_t *first);

/* Direct children (objective indexes, archived included) of objective oi: *first points
 * into p->child_idx. O(1); built by plan_index(). */
size_t plan_children_of(const lnd_plan *p, size_t oi, const size_t **first);

/* Start week of the earliest live programme serving objective oi: linked to it or to one of
 * its ancestors (a KR is served by a programme when it sits on the programme's objective or
 * beneath it). 0 = no programme serves it. */
int plan_serving_week(const lnd_plan *p, size_t oi);

/* The waiver of rule (e.g. "H02") on objective id, NULL if none. */
const lnd_waiver *plan_waiver(const lnd_plan *p, lnd_id obj_id, const char *rule);

/* Cascade order: business objectives (and parentless ones) first by id, each followed by its
 * children depth-first. Objectives whose parent is missing or archived appear at top level.
 * Archived objectives are skipped unless include_archived. Returns count; rows in arena. */
size_t plan_cascade(const lnd_plan *p, bool include_archived, plan_row **rows);

#endif
