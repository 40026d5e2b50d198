/* SPDX-License-Identifier: MIT */
/* core/report_findings.c — the report's appendix of health findings, each as a plain
 * sentence a business reader follows: full titles (never cut), no rule ids, no commands
 * (`lnd check` keeps its own short lines with fix hints). Pure. */
#include "report_int.h"

#include <string.h>

#include "health.h"

/* "O3 “title”", "Key result K7 “title”", "Programme P2 “title”": the subject of a finding,
 * with its whole title (NULL: the row is not in this plan, so the id alone). */
static void named(lnd_buf *b, const char *label, char prefix, lnd_id id, const char *title)
{
    buf_printf(b, "%s%c%lld", label, prefix, id);
    if (!title) return;
    buf_add(b, " “");
    report_md(b, title);
    buf_add(b, "”");
}

static void obj_name(const lnd_plan *p, lnd_id id, lnd_buf *b)
{
    long oi = plan_obj_index(p, id);
    named(b, "", 'O', id, oi < 0 ? NULL : p->objs[oi].title);
}

static void kr_name(const lnd_plan *p, lnd_id id, lnd_buf *b)
{
    long ki = plan_kr_index(p, id);
    named(b, "Key result ", 'K', id, ki < 0 ? NULL : p->krs[ki].title);
}

static void prog_name(const lnd_plan *p, lnd_id id, lnd_buf *b)
{
    const char *title = NULL;
    for (size_t i = 0; i < p->nprogs; i++)
        if (p->progs[i].id == id) title = p->progs[i].title;
    named(b, "Programme ", 'P', id, title);
}

/* The sentence after the subject, by rule. */
static const char *predicate(const char *rule, bool cycle_wide)
{
    static const struct { const char *id, *text; } t[] = {
        {"H01", " is not linked to a business objective, so nothing shows which business result it serves."},
        {"H02", " measures only activity, or has no key result on a business result."},
        {"H03", " lacks a leading or a lagging measure, so it cannot show both that learning is applied and "
                "that performance moved."},
        {"H04", " has no baseline, so its change cannot be shown."},
        {"H05", " has no key result co-owned by the business."},
        {"H06", " does not state the problem it addresses or the outcome it expects."},
        {"H07", " has more key results than a team can focus on."},
        {"H08", " serves no objective, or is delivered too late for the key results it serves."},
        {"H09", " has gone quiet: no check-in for longer than its cadence."},
        {"H10", " names a capability gap, but no L&D objective addresses it."},
        {"H11", " only holds steady-state measures; it may belong among the KPIs."},
        {"H12", " has no key result: nothing is measured."},
        {"H13", " shows its delivery moving ahead while its business result falls behind."},
        {"H14", " has a target equal to its baseline: there is nothing to move."},
        {"H15", " is a learning objective that does not say what it tests."},
    };
    if (cycle_wide) return "The cycle has more objectives at one level than a team can focus on.";
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(t[i].id, rule)) return t[i].text;
    return NULL;
}

/* H08 is about a programme: serving nothing, ending after a KR it serves is due, or ending
 * in the last weeks of the cycle. */
static void programme_sentence(const lnd_plan *p, const lnd_finding *f, lnd_buf *b)
{
    prog_name(p, f->prog_id, b);
    if (strstr(f->msg, "serves no objective")) {
        buf_add(b, " serves no objective, so no result can be credited to it.");
    } else if (f->kr_id) {
        buf_add(b, " ends after the key result it serves falls due: ");
        kr_name(p, f->kr_id, b);
        buf_add(b, ".");
    } else {
        buf_add(b, " ends in the last weeks of the cycle, too late to move this cycle's results.");
    }
}

static void sentence(const report_input *in, const lnd_finding *f, lnd_buf *b)
{
    const lnd_plan *p = in->plan;
    if (f->prog_id) {
        programme_sentence(p, f, b);
        return;
    }
    bool cycle_wide = !f->obj_id && !f->kr_id && !f->prog_id;
    const char *pred = predicate(f->id, cycle_wide);
    if (!cycle_wide) {
        if (f->kr_id) kr_name(p, f->kr_id, b);
        else if (f->prog_id) prog_name(p, f->prog_id, b);
        else obj_name(p, f->obj_id, b);
    }
    if (pred) buf_add(b, pred);
    else {
        const health_rule *r = health_rule_find(f->id);
        buf_add(b, ": ");
        buf_add(b, r ? r->title : f->id);
        buf_add(b, ".");
    }
    const lnd_waiver *w = f->waived ? plan_waiver(p, f->obj_id, f->id) : NULL;
    if (w) {
        buf_add(b, " Accepted as it is: ");
        report_md(b, w->reason);
        size_t n = w->reason ? strlen(w->reason) : 0;
        buf_add(b, n && w->reason[n - 1] == '.' ? "" : ".");
    }
}

void report_findings(const report_input *in, lnd_buf *b)
{
    buf_add(b, "\n## Appendix: health findings\n\n");
    if (!in->nhealth) {
        buf_add(b, "None: every objective is in line of sight of a business result.\n");
        return;
    }
    static const char *const heads[] = {"Must be fixed", "Worth fixing", "For information"};
    for (int sev = HEALTH_ERROR; sev <= HEALTH_INFO; sev++) {
        int shown = 0;
        for (size_t i = 0; i < in->nhealth; i++) {
            const lnd_finding *f = &in->health[i];
            if ((int)(f->waived ? HEALTH_INFO : f->sev) != sev) continue;
            if (!shown++) buf_printf(b, "%s:\n\n", heads[sev]);
            buf_add(b, "- ");
            sentence(in, f, b);
            buf_add(b, "\n");
            if (b->len >= 65536) report_emit(in, b);
        }
        if (shown) buf_add(b, "\n");
    }
}
