/* core/health.c — the alignment health rules (see health.h): one table of rules, one
 * function per rule over the plan, findings sorted by severity. Pure: no I/O. */
#include "health.h"

#include "progress.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const health_rule rules[] = {
    {"H01", HEALTH_ERROR, "L&D objective with no business parent (no line of sight)",
     "set a business parent: lnd objective edit O? --parent O<business objective>"},
    {"H02", HEALTH_WARNING, "only activity KRs (vanity metrics), or no results KR",
     "add a results KR: the business metric this should move"},
    {"H03", HEALTH_WARNING, "no leading or no lagging indicator",
     "mix both: leading shows learning is applied, lagging shows performance moved"},
    {"H04", HEALTH_ERROR, "KR without a baseline", "measure it before the programme runs: lnd kr edit K? --baseline N"},
    {"H05", HEALTH_WARNING, "every KR is within L&D's own control (no business co-owner)",
     "share an outcome: lnd kr edit K? --coowner NAME"},
    {"H06", HEALTH_WARNING, "missing problem or outcome statement",
     "say what must shift and what is different if it works: --problem, --outcome"},
    {"H07", HEALTH_WARNING, "too many objectives in a cycle, or KRs in an objective",
     "focus: about 3-5; archive or merge the rest"},
    {"H08", HEALTH_WARNING, "programme serving no objective, or delivered too late",
     "link it (lnd programme edit P? --objective O?) or end it before the KRs are due"},
    {"H09", HEALTH_WARNING, "KR gone quiet: no check-in for longer than its cadence",
     "log a check-in: lnd checkin K? VALUE"},
    {"H10", HEALTH_WARNING, "business objective names a capability gap but has no L&D objective",
     "add one beneath it: lnd objective add --parent O? --title ..."},
    {"H11", HEALTH_INFO, "only steady-state measures (KPI-like)",
     "set targets that improve, or track it as a KPI: lnd kpi add"},
};
#define NRULES (sizeof rules / sizeof rules[0])

const health_rule *health_rules(size_t *n)
{
    *n = NRULES;
    return rules;
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
}

typedef struct {
    const lnd_plan *p;
    const health_opts *o;
    lnd_day today;
    lnd_finding *v;
    size_t n, cap;
    size_t *order;        /* cascade position of each objective index */
} hctx;

static bool disabled(const health_opts *o, const char *id)
{
    if (!o->disabled || !*o->disabled) return false;
    const char *d = o->disabled;
    size_t l = strlen(id);
    while ((d = strstr(d, id)) != NULL) {
        bool start = d == o->disabled || d[-1] == ',' || d[-1] == ' ';
        bool end = d[l] == '\0' || d[l] == ',' || d[l] == ' ';
        if (start && end) return true;
        d += l;
    }
    return false;
}

static const health_rule *rule(const char *id)
{
    for (size_t i = 0; i < NRULES; i++)
        if (!strcmp(rules[i].id, id)) return &rules[i];
    return &rules[0];
}

/* Short, UTF-8-safe title for messages (at most ~40 bytes, then "…"). */
static void short_title(const char *t, char *out, size_t n)
{
    if (!t) t = "";
    size_t len = strlen(t), max = 40;
    if (len <= max) {
        snprintf(out, n, "%s", t);
        return;
    }
    while (max > 0 && ((unsigned char)t[max] & 0xC0) == 0x80) max--;
    snprintf(out, n, "%.*s…", (int)max, t);
}

__attribute__((format(printf, 6, 7)))
static void add(hctx *h, const char *id, lnd_id obj, lnd_id kr, lnd_id prog, const char *fmt, ...)
{
    if (disabled(h->o, id)) return;
    if (h->n == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 32;
        h->v = realloc(h->v, h->cap * sizeof *h->v);
        if (!h->v) abort();
    }
    lnd_finding *f = &h->v[h->n++];
    memset(f, 0, sizeof *f);
    const health_rule *r = rule(id);
    f->id = r->id;
    f->sev = r->sev;
    f->obj_id = obj;
    f->kr_id = kr;
    f->prog_id = prog;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
    /* the hint names the real ids where the default has placeholders */
    const char *src = r->hint;
    size_t w = 0;
    for (const char *c = src; *c && w + 24 < sizeof f->hint; c++) {
        if ((c[0] == 'O' || c[0] == 'K' || c[0] == 'P') && c[1] == '?') {
            lnd_id id_ = c[0] == 'O' ? obj : c[0] == 'K' ? kr : prog;
            if (id_)
                w += (size_t)snprintf(f->hint + w, sizeof f->hint - w, "%c%lld", c[0], id_);
            else
                w += (size_t)snprintf(f->hint + w, sizeof f->hint - w, "%c<id>", c[0]);
            c++;
            continue;
        }
        f->hint[w++] = *c;
    }
    f->hint[w] = '\0';
}

static bool empty(const char *s) { return !s || !*s; }

static void obj_rules(hctx *h, size_t oi)
{
    const lnd_plan *p = h->p;
    const lnd_objective *o = &p->objs[oi];
    char t[64];
    short_title(o->title, t, sizeof t);
    long pi = o->parent_id ? plan_obj_index(p, o->parent_id) : -1;
    bool parent_ok = pi >= 0 && !p->objs[pi].archived;
    if (o->level == LEVEL_LD && (!parent_ok || p->objs[pi].level != LEVEL_BUSINESS))
        add(h, "H01", o->id, 0, 0, "O%lld '%s': L&D objective has no business parent (no line of sight)", o->id, t);
    if (o->level == LEVEL_TEAM && !parent_ok)
        add(h, "H01", o->id, 0, 0, "O%lld '%s': team objective has no parent to cascade from", o->id, t);
    if (empty(o->problem) || empty(o->outcome))
        add(h, "H06", o->id, 0, 0, "O%lld '%s': no %s statement", o->id, t,
            empty(o->problem) && empty(o->outcome) ? "problem or outcome" : empty(o->problem) ? "problem" : "outcome");

    size_t first, nk = plan_krs_of(p, oi, &first);
    int n = 0, activity = 0, results = 0, leading = 0, lagging = 0, coowned = 0, steady = 0;
    for (size_t k = first; k < first + nk; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived) continue;
        n++;
        activity += kr->evidence == EV_ACTIVITY;
        results += kr->evidence == EV_RESULTS;
        leading += kr->indicator == IND_LEADING;
        lagging += kr->indicator == IND_LAGGING;
        coowned += !empty(kr->coowner);
        steady += kr->has_baseline && kr->target == kr->baseline;
        char kt[64];
        short_title(kr->title, kt, sizeof kt);
        if (!kr->has_baseline)
            add(h, "H04", o->id, kr->id, 0, "K%lld '%s': no baseline, so impact cannot be shown", kr->id, kt);
    }
    if (n == 0) return;
    if (activity == n)
        add(h, "H02", o->id, 0, 0, "O%lld '%s': every KR measures activity (vanity metrics only)", o->id, t);
    else if (results == 0)
        add(h, "H02", o->id, 0, 0, "O%lld '%s': no results KR: nothing shows the business moved", o->id, t);
    if (leading == 0 || lagging == 0)
        add(h, "H03", o->id, 0, 0, "O%lld '%s': no %s indicator", o->id, t, leading == 0 ? "leading" : "lagging");
    if (o->level != LEVEL_BUSINESS && coowned == 0)
        add(h, "H05", o->id, 0, 0, "O%lld '%s': no KR has a business co-owner: every result is within L&D's control", o->id, t);
    if (n > h->o->max_krs)
        add(h, "H07", o->id, 0, 0, "O%lld '%s': %d KRs (focus: at most %d)", o->id, t, n, h->o->max_krs);
    if (steady == n)
        add(h, "H11", o->id, 0, 0, "O%lld '%s': every KR holds a level (target = baseline): steady state, KPI-like", o->id, t);
}

static lnd_day day_of(const char *stamp)
{
    char d[11] = {0};
    lnd_day v;
    if (!stamp || strlen(stamp) < 10) return -1;
    memcpy(d, stamp, 10);
    return date_parse(d, &v) ? v : -1;
}

static void quiet_rule(hctx *h, lnd_day start)
{
    const lnd_plan *p = h->p;
    if (p->cycle.state != CYCLE_ACTIVE) return;
    lnd_day end = start + 7L * p->cycle.weeks - 1;
    if (h->today < start || h->today > end) return;
    for (size_t oi = 0; oi < p->nobjs; oi++) {
        const lnd_objective *o = &p->objs[oi];
        if (o->archived) continue;
        int cadence = o->cadence_days > 0 ? o->cadence_days : 7;
        size_t first, nk = plan_krs_of(p, oi, &first);
        for (size_t k = first; k < first + nk; k++) {
            const lnd_kr *kr = &p->krs[k];
            if (kr->archived || progress_kr(kr) >= 1) continue;   /* done: nothing to report */
            lnd_day last = day_of(kr->last_at);
            lnd_day from = last > start ? last : start;
            long quiet = h->today - from;
            if (quiet <= cadence + h->o->quiet_grace_days) continue;
            char kt[64];
            short_title(kr->title, kt, sizeof kt);
            if (last < 0)
                add(h, "H09", o->id, kr->id, 0, "K%lld '%s': no check-in in the %ld days since the cycle began (cadence %d days)", kr->id, kt, quiet, cadence);
            else
                add(h, "H09", o->id, kr->id, 0, "K%lld '%s': quiet for %ld days (cadence %d days)", kr->id, kt, quiet, cadence);
        }
    }
}

static void programme_rules(hctx *h)
{
    const lnd_plan *p = h->p;
    for (size_t i = 0; i < p->nprogs; i++) {
        const lnd_programme *pr = &p->progs[i];
        if (pr->archived) continue;
        char t[64];
        short_title(pr->title, t, sizeof t);
        long oi = pr->objective_id ? plan_obj_index(p, pr->objective_id) : -1;
        if (oi < 0 || p->objs[oi].archived) {
            add(h, "H08", 0, 0, pr->id, "P%lld '%s': serves no objective", pr->id, t);
            continue;
        }
        int latest_due = 0;
        size_t first, nk = plan_krs_of(p, (size_t)oi, &first);
        for (size_t k = first; k < first + nk; k++) {
            const lnd_kr *kr = &p->krs[k];
            if (kr->archived) continue;
            int due = kr->due_week > 0 ? kr->due_week : p->cycle.weeks;
            if (pr->end_week > due && (latest_due == 0 || due < latest_due)) latest_due = due;
        }
        if (latest_due)
            add(h, "H08", p->objs[oi].id, 0, pr->id, "P%lld '%s': ends in week %d, after a KR it serves is due (week %d)",
                pr->id, t, pr->end_week, latest_due);
        else if (pr->end_week > p->cycle.weeks - h->o->late_weeks)
            add(h, "H08", p->objs[oi].id, 0, pr->id, "P%lld '%s': ends in week %d of %d, too late to move this cycle's results",
                pr->id, t, pr->end_week, p->cycle.weeks);
    }
}

static int cmp_finding(const void *a, const void *b, void *ctx)
{
    const lnd_finding *x = a, *y = b;
    const hctx *h = ctx;
    if (x->sev != y->sev) return (int)x->sev - (int)y->sev;
    long ox = x->obj_id ? plan_obj_index(h->p, x->obj_id) : -1;
    long oy = y->obj_id ? plan_obj_index(h->p, y->obj_id) : -1;
    size_t px = ox >= 0 ? h->order[ox] : 0, py = oy >= 0 ? h->order[oy] : 0;
    if (px != py) return px < py ? -1 : 1;
    int c = strcmp(x->id, y->id);
    if (c) return c;
    return (x->kr_id > y->kr_id) - (x->kr_id < y->kr_id);
}

/* qsort has no context argument in C11: a small merge sort that carries one. */
static void msort(lnd_finding *v, lnd_finding *tmp, size_t n, hctx *h)
{
    if (n < 2) return;
    size_t m = n / 2;
    msort(v, tmp, m, h);
    msort(v + m, tmp, n - m, h);
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n) tmp[k++] = cmp_finding(&v[j], &v[i], h) < 0 ? v[j++] : v[i++];
    while (i < m) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

size_t health_check(const lnd_plan *p, const health_opts *o, lnd_day today, lnd_arena *a,
                    lnd_finding **out)
{
    hctx h = {.p = p, .o = o, .today = today};
    h.order = arena_alloc(a, (p->nobjs + 1) * sizeof *h.order);
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    for (size_t i = 0; i < nrows; i++) h.order[rows[i].obj] = i + 1;

    int per_level[LEVEL_N] = {0};
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        per_level[p->objs[oi].level]++;
        obj_rules(&h, oi);
        const lnd_objective *ob = &p->objs[oi];
        if (ob->level == LEVEL_BUSINESS && !empty(ob->capability)) {
            const size_t *kids;
            size_t nk = plan_children_of(p, oi, &kids), live = 0;
            for (size_t c = 0; c < nk; c++) live += !p->objs[kids[c]].archived && p->objs[kids[c]].level != LEVEL_BUSINESS;
            char t[64];
            short_title(ob->title, t, sizeof t);
            if (!live)
                add(&h, "H10", ob->id, 0, 0, "O%lld '%s': names a capability gap but has no L&D objective beneath it", ob->id, t);
        }
    }
    static const char *const lvname[] = {"business", "L&D", "team"};
    for (int l = 0; l < LEVEL_N; l++)
        if (per_level[l] > o->max_objectives)
            add(&h, "H07", 0, 0, 0, "cycle %s: %d %s objectives (focus: at most %d)", p->cycle.name,
                per_level[l], lvname[l], o->max_objectives);
    programme_rules(&h);
    lnd_day start;
    if (p->cycle.start && date_parse(p->cycle.start, &start)) quiet_rule(&h, start);

    lnd_finding *res = arena_alloc(a, (h.n + 1) * sizeof *res);
    if (h.n) {
        lnd_finding *tmp = malloc(h.n * sizeof *tmp);
        if (!tmp) abort();
        msort(h.v, tmp, h.n, &h);
        free(tmp);
        memcpy(res, h.v, h.n * sizeof *res);
    }
    free(h.v);
    *out = res;
    return h.n;
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
    for (size_t i = 0; i < n; i++)
        if (f[i].obj_id == obj_id && (worst < 0 || (int)f[i].sev < worst)) worst = (int)f[i].sev;
    return worst;
}
