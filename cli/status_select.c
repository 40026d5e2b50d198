/* SPDX-License-Identifier: MIT */
/* cli/status_select.c — the rows `lnd status` shows (see status_select.h) and its --summary
 * listing. Decides on the loaded plan before anything is written; no SQL, no curses. */
#include "status_select.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/numfmt.h"
#include "../core/sanitize.h"
#include "json_out.h"
#include "out.h"

static const struct {
    const char *name;
    lnd_status st;
} status_words[] = {
    {"off", STATUS_OFF_TRACK}, {"off-track", STATUS_OFF_TRACK}, {"off track", STATUS_OFF_TRACK},
    {"risk", STATUS_AT_RISK}, {"at-risk", STATUS_AT_RISK}, {"at risk", STATUS_AT_RISK},
    {"on", STATUS_ON_TRACK}, {"on-track", STATUS_ON_TRACK}, {"on track", STATUS_ON_TRACK},
    {"done", STATUS_DONE}, {"met", STATUS_MET}, {"missed", STATUS_MISSED},
    {"none", STATUS_NONE}, {"no-data", STATUS_NONE}, {"no data", STATUS_NONE},
    {"not-due", STATUS_NOT_DUE}, {"not due", STATUS_NOT_DUE},
    {"not-measured", STATUS_NOT_MEASURED}, {"not measured", STATUS_NOT_MEASURED},
};

int status_parse_mask(const char *arg, unsigned *mask)
{
    *mask = 0;
    const char *p = arg;
    while (*p) {
        size_t n = strcspn(p, ",");
        bool hit = false;
        for (size_t i = 0; i < sizeof status_words / sizeof status_words[0]; i++)
            if (strlen(status_words[i].name) == n && strncmp(status_words[i].name, p, n) == 0) {
                *mask |= 1u << status_words[i].st;
                hit = true;
            }
        if (!hit)
            return cli_fail(EX_USAGE_, "status: --status '%.*s' is not a status; use off, risk, on, "
                            "done, met, missed, none, not-due or not-measured, comma-separated",
                            (int)n, p);
        p += n + (p[n] == ',');
    }
    if (!*mask) return cli_fail(EX_USAGE_, "status: --status needs at least one status, e.g. off,risk");
    return 0;
}

int status_add_id(status_filter *f, const char *arg)
{
    char k = (char)(arg[0] & ~0x20);
    lnd_id id;
    if ((k != 'O' && k != 'K') || !cli_parse_id(arg, k, &id))
        return cli_fail(EX_USAGE_, "status: '%s' is not an objective or KR id like O3 or K12", arg);
    if (f->nids == sizeof f->id / sizeof f->id[0])
        return cli_fail(EX_USAGE_, "status: at most %zu ids at once", f->nids);
    f->kind[f->nids] = k;
    f->id[f->nids++] = id;
    return 0;
}

bool status_filtered(const status_filter *f)
{
    return f->nids || f->depth || f->level >= 0 || f->type >= 0 || f->owner || f->status_mask;
}

/* owner names match without regard to ASCII case: --owner Marco finds "marco" */
static bool is(const char *who, const char *name)
{
    return who && *who && strcasecmp(who, name) == 0;
}

int status_select(const cli_ctx *ctx, const lnd_plan *p, const status_filter *f, lnd_day today,
                  unsigned char *obj, unsigned char *kr)
{
    const progress_rules *r = &ctx->cfg.rules;
    memset(obj, 0, p->nobjs);
    memset(kr, 0, p->nkrs);
    /* ids: every one must be in this cycle */
    for (size_t i = 0; i < f->nids; i++) {
        long at = f->kind[i] == 'O' ? plan_obj_index(p, f->id[i]) : plan_kr_index(p, f->id[i]);
        if (at < 0 || (f->kind[i] == 'K' && p->krs[at].archived) || (f->kind[i] == 'O' && p->objs[at].archived))
            return cli_fail(EX_DATAERR_, "status: no %s %c%lld in cycle %s; see `lnd status`",
                            f->kind[i] == 'O' ? "objective" : "key result", f->kind[i], f->id[i],
                            cli_safe(p->cycle.name));
    }
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    bool kr_filters = f->owner || f->status_mask;
    int root_depth = -1;            /* depth of the subtree being walked, -1 = none */
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        const lnd_objective *o = &p->objs[oi];
        int depth = rows[i].depth;
        bool only_krs = false;      /* included because a KR of it was named */
        if (f->nids) {
            if (root_depth >= 0 && depth <= root_depth) root_depth = -1;
            bool named = false;
            for (size_t k = 0; k < f->nids; k++) named |= f->kind[k] == 'O' && f->id[k] == o->id;
            if (named && root_depth < 0) root_depth = depth;
            if (root_depth < 0) {
                size_t first, n = plan_krs_of(p, oi, &first);
                for (size_t k = 0; k < f->nids && !only_krs; k++)
                    for (size_t j = first; j < first + n; j++)
                        only_krs |= f->kind[k] == 'K' && p->krs[j].id == f->id[k];
                if (!only_krs) continue;
            }
        }
        int rel = root_depth >= 0 ? depth - root_depth : depth;
        if (f->depth && !only_krs && rel >= f->depth) continue;
        if (f->level >= 0 && (int)o->level != f->level) continue;
        if (f->type >= 0 && (int)o->type != f->type) continue;
        bool owns = f->owner && (is(o->owner, f->owner) || is(o->business_owner, f->owner));
        bool self = false;
        if (kr_filters) {
            self = !f->owner || owns;
            if (self && f->status_mask) {
                summary_obj s;
                summary_objective(p, oi, r, today, &s);
                self = f->status_mask & (1u << s.status);
            }
        }
        bool any = false;
        size_t first, n = plan_krs_of(p, oi, &first);
        for (size_t j = first; j < first + n; j++) {
            const lnd_kr *k = &p->krs[j];
            if (k->archived) continue;
            if (only_krs) {
                bool named = false;
                for (size_t x = 0; x < f->nids; x++) named |= f->kind[x] == 'K' && f->id[x] == k->id;
                if (!named) continue;
            }
            if (f->owner && !owns && !is(k->owner, f->owner) && !is(k->coowner, f->owner)) continue;
            if (f->status_mask) {
                summary_kr ks;
                summary_key_result(p, k, r, today, &ks);
                if (!(f->status_mask & (1u << ks.status))) continue;
            }
            kr[j] = 1;
            any = true;
        }
        obj[oi] = !kr_filters || self || any || only_krs;
    }
    return 0;
}

int status_summary(const cli_ctx *ctx, const lnd_plan *p, lnd_day today, const unsigned char *obj,
                   bool json)
{
    const progress_rules *r = &ctx->cfg.rules;
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows), shown = 0;
    json_t *arr = json ? json_array() : NULL;
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        const lnd_objective *o = &p->objs[oi];
        if (rows[i].depth != 0) continue;
        /* a top-level objective (any level) stands for its subtree: shown when any row of it
         * passes the filters (`--summary O2` gives O1's line) */
        bool any = obj[oi];
        for (size_t j = i + 1; !any && j < nrows && rows[j].depth > 0; j++) any = obj[rows[j].obj];
        if (!any) continue;
        summary_obj s;
        summary_objective(p, oi, r, today, &s);
        shown++;
        if (json) {
            char id[32];
            snprintf(id, sizeof id, "O%lld", o->id);
            json_t *j = json_object();
            json_object_set_new(j, "id", json_string(id));
            json_object_set_new(j, "title", json_string(o->title));
            json_object_set_new(j, "level", json_string(model_level_name(o->level)));
            json_object_set_new(j, "result", s.result >= 0 ? json_real(s.result) : json_null());
            json_object_set_new(j, "result_status", s.result >= 0 ? json_string(model_status_name(s.result_status)) : json_null());
            json_object_set_new(j, "results_krs", json_integer(s.nresults));
            json_object_set_new(j, "result_note", s.result_note ? json_string(s.result_note) : json_null());
            json_object_set_new(j, "delivery", s.delivery >= 0 ? json_real(s.delivery) : json_null());
            json_object_set_new(j, "delivery_status", s.delivery >= 0 ? json_string(model_status_name(s.delivery_status)) : json_null());
            json_object_set_new(j, "status", json_string(model_status_name(s.status)));
            json_array_append_new(arr, j);
            continue;
        }
        char id[32], res[400];
        snprintf(id, sizeof id, "O%lld", o->id);
        int n = snprintf(res, sizeof res, "%s", s.result_note ? s.result_note : "no business result measured");
        if (s.result >= 0)
            n = snprintf(res, sizeof res, "result %ld%% (%d results KR%s, %s)", num_pct_round(s.result), s.nresults,
                         s.nresults == 1 ? "" : "s", model_status_name(s.result_status));
        if (s.delivery >= 0 && n > 0 && (size_t)n < sizeof res)
            snprintf(res + n, sizeof res - (size_t)n, "; delivery %ld%% (%s)", num_pct_round(s.delivery),
                     model_status_name(s.delivery_status));
        /* id(6) title "  " result: the title gives way first, then the result */
        int tw = out_cell(ctx, -1, 6 + 2 + out_text_width(ctx, res)), rw = -1;
        if (tw >= 0 && tw < 16) {
            tw = 16;
            rw = out_width(ctx, 80) - 6 - 2 - tw;
        }
        printf("%s%-5s%s ", out_bold(ctx), id, out_reset(ctx));
        out_text(stdout, ctx, o->title, tw, false);
        printf("  %s", out_status_color(ctx, s.status));
        out_text(stdout, ctx, res, rw, false);
        printf("%s\n", out_reset(ctx));
    }
    if (json) {
        json_t *root = json_object();
        json_object_set_new(root, "cycle", cj_cycle(p, today));
        json_object_set_new(root, "objectives", arr);
        int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
        putchar('\n');
        json_decref(root);
        return rc ? cli_fail(EX_IOERR_, "cannot write JSON to stdout") : 0;
    }
    if (!shown) printf("nothing matches these filters\n");
    return 0;
}
