/* core/health.h — alignment health: the pitfalls the seed texts name, as rules with stable
 * ids (H01..H11), a severity, a message naming the objective or KR, and a one-line fix
 * hint. Pure: judged from a loaded plan, today and the thresholds in the config. */
#ifndef LND_HEALTH_H
#define LND_HEALTH_H

#include "config.h"
#include "dates.h"
#include "plan.h"

typedef enum { HEALTH_ERROR, HEALTH_WARNING, HEALTH_INFO } lnd_health_sev;

typedef struct {
    const char *id;        /* "H01" */
    lnd_health_sev sev;
    const char *title;     /* what the rule catches */
    const char *hint;      /* default fix */
} health_rule;

typedef struct {
    const char *id;
    lnd_health_sev sev;
    lnd_id obj_id;         /* 0 = the cycle as a whole */
    lnd_id kr_id;          /* 0 = not about one KR */
    lnd_id prog_id;        /* 0 = not about a programme */
    char msg[320];         /* "O9 'Grow first-time…': L&D objective has no business parent" */
    char hint[200];        /* "set a business parent: lnd objective edit O9 --parent O1" */
} lnd_finding;

typedef struct {
    int max_objectives;    /* per level in a cycle */
    int max_krs;           /* per objective */
    int late_weeks;        /* programme ending in the last N weeks is late */
    int quiet_grace_days;  /* days past the cadence before "going quiet" */
    const char *disabled;  /* "H07,H11" */
} health_opts;

void health_opts_from_config(const lnd_config *c, health_opts *o);

/* Every finding of the plan (archived rows ignored), errors first, then warnings, then
 * info; within a severity in cascade order. Findings live in arena a. */
size_t health_check(const lnd_plan *p, const health_opts *o, lnd_day today, lnd_arena *a,
                    lnd_finding **out);

const health_rule *health_rules(size_t *n);
const char *health_sev_name(lnd_health_sev s);   /* "error", "warning", "info" */
size_t health_count(const lnd_finding *f, size_t n, lnd_health_sev sev);
/* Worst severity among findings about an objective (its own or its KRs'), -1 if none. */
int health_worst_for_obj(const lnd_finding *f, size_t n, lnd_id obj_id);

#endif
