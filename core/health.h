/* SPDX-License-Identifier: MIT */
/* core/health.h — alignment health: the pitfalls the seed texts name, as rules with stable
 * ids (H01..H11), a severity, a message naming the objective or KR, and what fixes it as
 * data (each front end words its own advice). Pure: judged from a loaded plan, today and the
 * thresholds in the config; no I/O.
 *
 * The rules (ids are stable: scripts, configs and tests name them; numbered as the pitfalls in
 * shared/DOMAIN.md; a pitfall with two parts keeps one id and says which part in the message).
 * Archived objectives, KRs and programmes are never judged, and do not count as parents,
 * children or links. "Line of sight" = a chain of non-archived parents reaching a business
 * objective.
 *   H01 error    an L&D or team objective without line of sight: its parent is missing or
 *                archived, an L&D objective's chain never reaches a business objective, or a
 *                team objective's chain breaks higher up (the break itself is named too).
 *   H02 warning  an objective with KRs that are all `activity` (vanity metrics only), or with
 *                no `results` KR. Business objectives are judged too: they are results by
 *                nature, so they need a results KR as much as anyone.
 *   H03 warning  an objective with KRs but no leading, or no lagging, KR.
 *   H04 error    a KR without a baseline.
 *   H05 warning  an L&D objective where no KR of it or of its cascade below has a business
 *                co-owner. A team objective is judged the same way only when it has no L&D
 *                ancestor (otherwise the shared outcome is the L&D objective's to carry).
 *                Business objectives are owned by the business: not judged.
 *   H06 warning  an objective whose problem or outcome statement is empty or blank.
 *   H07 warning  more than max_objectives objectives of one level in the cycle (one finding
 *                per level, objective 0), or more than max_krs KRs in one objective.
 *   H08 warning  a programme serving no objective (0, missing or archived); else one ending
 *                after the earliest KR it serves falls due (due week 0 = last week); else one
 *                ending in the last late_weeks weeks of the cycle (late_weeks 0: never late).
 *   H09 warning  a KR with no check-in for more than cadence + quiet_grace_days days, counted
 *                from the later of the cycle start and its last check-in; only while the cycle
 *                is active and today falls inside it; a KR already done (checked in at or past
 *                its target) is not nagged. Cadence: the objective's, else cadence_default,
 *                else 7 days.
 *   H10 warning  a business objective that names a capability gap but has no non-archived
 *                L&D (or team) objective anywhere beneath it.
 *   H11 info     an objective whose every KR holds a level (has a baseline and target ==
 *                baseline): steady state, KPI-like. A milestone (0 -> 1) is not steady.
 *   H12 warning  an objective with no non-archived KR anywhere in its subtree: nothing is
 *                measured.
 *   H13 error    an objective on track (or done) on delivery while its business result is
 *                off track or missed (core/summary.h defines both numbers).
 *   H14 warning  a KR whose target equals its baseline: nothing to move (each such KR, also
 *                when H11 names its whole objective as steady state).
 *   H15 warning  a learning objective without a hypothesis (older data: new ones cannot be
 *                created without one).
 * Waivers: H02, H03 and H05 can be waived for one objective with a reason (plan->waivers);
 * the finding is then kept, marked waived, as info, with the reason in its message. */
#ifndef LND_HEALTH_H
#define LND_HEALTH_H

#include "config.h"
#include "dates.h"
#include "plan.h"
#include "progress.h"

typedef enum { HEALTH_ERROR, HEALTH_WARNING, HEALTH_INFO } lnd_health_sev;

typedef struct {
    const char *id;        /* "H01" */
    lnd_health_sev sev;
    const char *title;     /* what the rule catches */
    const char *fix;       /* what to change, in words no front end owns ("set a target that moves") */
    const char *field;     /* the form field that fixes it ("Target"), NULL = not one field */
    char on;               /* the field is on the finding's objective 'O' or KR 'K' */
} health_rule;

/* What resolves a finding, as data (core/ never names a command or a key): the CLI words it
 * as the command to run (cli/advice.c), the dashboard as the key to press (tui/tui_health.c). */
typedef enum {
    FIX_RULE,        /* the rule's own fix (health_rule.fix, .field) on the finding's ids */
    FIX_PARENT,      /* give objective id a parent of `level`: other (0 = one to choose) */
    FIX_BREAK,       /* the cascade breaks at objective id: give it a business parent */
    FIX_FOCUS,       /* too many: archive or merge KRs of the objective (level < 0) or
                      * objectives of `level` in the cycle */
    FIX_PROG_LINK,   /* link programme id to the objective it serves */
    FIX_PROG_END,    /* end programme id by week `week`, or move KR other's due week */
    FIX_PROG_START,  /* start programme id earlier, or move KR other's due week */
    FIX_PROG_LATE,   /* deliver programme id by week `week` (0: earlier) so results can move */
    FIX_BASELINE_AT, /* measure KR id's baseline before the next run, or correct its date */
    FIX_UNWAIVE,     /* waived by `who` (in the findings' arena): the waiver of rule on id */
} lnd_fix_kind;

typedef struct {
    lnd_fix_kind kind;
    int level;       /* an lnd_level (FIX_PARENT, FIX_FOCUS), -1 = none */
    int week;
    lnd_id id, other;
    const char *who;
} lnd_fix;

typedef struct {
    const char *id;        /* points into the rules table: static, compare with strcmp */
    lnd_health_sev sev;
    lnd_id obj_id;         /* 0 = the cycle as a whole (or a programme serving nothing) */
    lnd_id kr_id;          /* 0 = not about one KR */
    lnd_id prog_id;        /* 0 = not about a programme */
    const char *msg;       /* "O9 'Grow first-time…': L&D objective has no business parent"
                            * (at most 319 bytes; in the arena health_check was given) */
    lnd_fix fix;           /* what to change, as data: each front end words its own advice */
    bool waived;           /* waived for this objective with a reason (shown, never an error) */
} lnd_finding;
/* Titles inside msg are raw user text cut at 40 bytes on a UTF-8 boundary (then "…"):
 * sanitise at display time. */

typedef struct {
    int max_objectives;    /* per level in a cycle */
    int max_krs;           /* per objective */
    int late_weeks;        /* programme ending in the last N weeks is late (0: never) */
    int quiet_grace_days;  /* days past the cadence before "going quiet" */
    const char *disabled;  /* "H07,H11": comma/space separated, case-insensitive; NULL = none */
    int cadence_default;   /* days, for objectives without a cadence; <= 0 means 7 */
    const progress_rules *rules;  /* for H13's statuses; NULL = progress_defaults() */
} health_opts;

/* Thresholds, disabled rules and default cadence from the config (pointers into c). */
void health_opts_from_config(const lnd_config *c, health_opts *o);

/* Every finding of the plan (archived rows ignored; disabled rules produce nothing), errors
 * first, then warnings, then info; within a severity in cascade order (cycle-wide and
 * unlinked-programme findings first), then by rule id, KR and programme. Findings live in
 * arena a; *out is never NULL. */
size_t health_check(const lnd_plan *p, const health_opts *o, lnd_day today, lnd_arena *a,
                    lnd_finding **out);

/* The rules table, in id order (for help and `lnd check --rules`). */
const health_rule *health_rules(size_t *n);
/* The rule with this id (case-insensitive), NULL if none. */
const health_rule *health_rule_find(const char *id);
/* True when id is in the comma list disabled (NULL or "" disables nothing). */
bool health_rule_disabled(const char *disabled, const char *id);
const char *health_sev_name(lnd_health_sev s);   /* "error", "warning", "info" */
size_t health_count(const lnd_finding *f, size_t n, lnd_health_sev sev);
/* Worst severity among findings about an objective (its own or its KRs'), -1 if none. */
int health_worst_for_obj(const lnd_finding *f, size_t n, lnd_id obj_id);
/* Worst severity among findings about one KR, -1 if none. */
int health_worst_for_kr(const lnd_finding *f, size_t n, lnd_id kr_id);

#endif
