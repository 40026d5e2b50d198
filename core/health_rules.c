/* SPDX-License-Identifier: MIT */
/* core/health_rules.c — the alignment health rules table (ids, severities, titles, what
 * fixes each, in no front end's words), looking a rule up, the config's thresholds and disabled rules, and the questions
 * views ask of a list of findings (how many, the worst on an objective or KR). The rules
 * themselves are judged in health.c and health_result.c. Pure: no I/O. */
#include "health.h"

#include <string.h>

static const health_rule rules[] = {
    {"H01", HEALTH_ERROR, "L&D objective with no business parent (no line of sight)",
     "set a business parent", "Parent", 'O'},
    {"H02", HEALTH_WARNING, "only activity KRs (vanity metrics), or no results KR",
     "add a results KR, the business metric this should move", NULL, 'O'},
    {"H03", HEALTH_WARNING, "no leading or no lagging indicator",
     "mix both: leading shows learning is applied, lagging shows performance moved", NULL, 'O'},
    {"H04", HEALTH_ERROR, "KR without a baseline", "measure it before the programme runs", "Baseline", 'K'},
    {"H05", HEALTH_WARNING, "every KR is within L&D's own control (no business co-owner)",
     "share an outcome with a business co-owner", "Co-owner", 'K'},
    {"H06", HEALTH_WARNING, "missing problem or outcome statement",
     "say what must shift and what is different if it works", "Problem", 'O'},
    {"H07", HEALTH_WARNING, "too many objectives in a cycle, or KRs in an objective",
     "focus: about 3-5; archive or merge the rest", NULL, 'O'},
    {"H08", HEALTH_WARNING, "programme serving no objective, or delivered too late",
     "link it to an objective or end it before the KRs are due", NULL, 'O'},
    {"H09", HEALTH_WARNING, "KR gone quiet: no check-in for longer than its cadence",
     "log a check-in", NULL, 'K'},
    {"H10", HEALTH_WARNING, "business objective names a capability gap but has no L&D objective",
     "add an L&D objective beneath it", NULL, 'O'},
    {"H11", HEALTH_INFO, "only steady-state measures (KPI-like)",
     "set targets that improve, or track it as a KPI", NULL, 'O'},
    {"H12", HEALTH_WARNING, "objective with no KRs at all (nothing is measured)",
     "add a KR that shows it worked", NULL, 'O'},
    {"H13", HEALTH_ERROR, "on track on delivery while the business result is off track",
     "report the result, not the activity; rethink the programme or the result's target", NULL, 'O'},
    {"H14", HEALTH_WARNING, "KR whose target equals its baseline (nothing to move), or baseline dated after its programme began",
     "set a target that moves", "Target", 'K'},
    {"H15", HEALTH_WARNING, "learning objective without a hypothesis",
     "say what it tests", "Hypothesis", 'O'},
};
#define NRULES (sizeof rules / sizeof rules[0])

const health_rule *health_rules(size_t *n)
{
    *n = NRULES;
    return rules;
}

static int upper(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }

/* Case-insensitive equality of s[0..n) and id. */
static bool same_id(const char *s, size_t n, const char *id)
{
    if (strlen(id) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (upper((unsigned char)s[i]) != upper((unsigned char)id[i])) return false;
    return true;
}

const health_rule *health_rule_find(const char *id)
{
    for (size_t i = 0; id && i < NRULES; i++)
        if (same_id(id, strlen(id), rules[i].id)) return &rules[i];
    return NULL;
}

bool health_rule_disabled(const char *disabled, const char *id)
{
    for (const char *d = disabled; d && *d;) {
        while (*d == ',' || *d == ' ' || *d == '\t') d++;
        size_t n = strcspn(d, ", \t");
        if (n && same_id(d, n, id)) return true;
        d += n;
    }
    return false;
}

const char *health_sev_name(lnd_health_sev s)
{
    return s == HEALTH_ERROR ? "error" : s == HEALTH_WARNING ? "warning" : "info";
}

void health_opts_from_config(const lnd_config *c, health_opts *o)
{
    o->max_objectives = c->max_objectives;
    o->max_krs = c->max_krs;
    o->late_weeks = c->late_weeks;
    o->quiet_grace_days = c->quiet_grace_days;
    o->disabled = c->disabled_rules;
    o->cadence_default = c->cadence_days;
    o->rules = &c->rules;
}

size_t health_count(const lnd_finding *f, size_t n, lnd_health_sev sev)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += f[i].sev == sev;
    return c;
}

int health_worst_for_obj(const lnd_finding *f, size_t n, lnd_id obj_id)
{
    int worst = -1;
    for (size_t i = 0; obj_id && i < n; i++)
        if (f[i].obj_id == obj_id && (worst < 0 || (int)f[i].sev < worst)) worst = (int)f[i].sev;
    return worst;
}

int health_worst_for_kr(const lnd_finding *f, size_t n, lnd_id kr_id)
{
    int worst = -1;
    for (size_t i = 0; kr_id && i < n; i++)
        if (f[i].kr_id == kr_id && (worst < 0 || (int)f[i].sev < worst)) worst = (int)f[i].sev;
    return worst;
}
