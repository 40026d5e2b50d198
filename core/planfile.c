/* SPDX-License-Identifier: MIT */
/* core/planfile.c — checks and resolves a plan spreadsheet (see planfile.h). Every problem
 * is reported with its line; nothing here reads files or the database. */
#include "planfile.h"
#include "numfmt.h"
#include "utf8.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const col_names[PF_NCOLS] = {
    "kind", "title", "parent", "level", "type", "problem", "outcome", "capability", "owner",
    "business_owner", "cadence", "unit", "baseline", "target", "direction", "due_week",
    "coowner", "weight", "evidence", "indicator", "hypothesis",
};

/* The table fields the columns above read, or leave out on purpose (a KR's baseline date is set
 * with `lnd kr edit`), are fields_kr_placed/fields_obj_placed; every other EDIT field of
 * FIELDS_KR and FIELDS_OBJ is a column too, named by its JSON key, read by core/fields_text.c. */

/* Column name -> index among the table's rest fields, -1 = not one. */
static int rest_col(const fields_meta *t, size_t n, const char *const *placed, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].edit && !fields_named(placed, t[i].name) && strcmp(t[i].name, name) == 0) return (int)i;
    return -1;
}

static void col_list(char *out, size_t n)
{
    size_t k = 0;
    out[0] = '\0';
    for (int c = 0; c < PF_NCOLS && k < n; c++)
        k += (size_t)snprintf(out + k, n - k, "%s%s", c ? ", " : "", col_names[c]);
    const fields_meta *rest[FIELDS_KR_N + FIELDS_OBJ_N];
    size_t nr = fields_rest(fields_kr, FIELDS_KR_N, fields_kr_placed, rest, FIELDS_KR_N);
    nr += fields_rest(fields_obj, FIELDS_OBJ_N, fields_obj_placed, rest + nr, FIELDS_OBJ_N);
    for (size_t i = 0; i < nr && k < n; i++)
        k += (size_t)snprintf(out + k, n - k, ", %s", rest[i]->name);
}

const char *pf_col_name(pf_col c) { return c < PF_NCOLS ? col_names[c] : "?"; }

static void errf(pf_err_fn err, void *ud, long line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void errf(pf_err_fn err, void *ud, long line, const char *fmt, ...)
{
    char m[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    err(ud, line, m);
}

/* "Business owner", "due-week", "Co-owner" -> business_owner, due_week, coowner */
static void norm(const char *in, char *out, size_t n)
{
    size_t k = 0;
    if (!strncmp(in, "\xef\xbb\xbf", 3)) in += 3;   /* UTF-8 BOM (spreadsheets) */
    while (*in == ' ') in++;
    for (; *in && k + 1 < n; in++)
        out[k++] = *in == ' ' || *in == '-' ? '_' : (char)tolower((unsigned char)*in);
    while (k && out[k - 1] == '_') k--;
    out[k] = '\0';
    if (!strcmp(out, "co_owner")) snprintf(out, n, "coowner");
    if (!strcmp(out, "objective")) snprintf(out, n, "parent");
}

bool pf_parse_header(pf_header *h, char **fields, int n, long line, pf_err_fn err, void *ud)
{
    bool ok = true;
    for (int c = 0; c < PF_NCOLS; c++) h->at[c] = -1;
    for (size_t c = 0; c < FIELDS_KR_N; c++) h->kr_at[c] = -1;
    for (size_t c = 0; c < FIELDS_OBJ_N; c++) h->obj_at[c] = -1;
    h->nfields = n;
    for (int i = 0; i < n; i++) {
        char name[64];
        norm(fields[i], name, sizeof name);
        int c = 0;
        while (c < PF_NCOLS && strcmp(col_names[c], name) != 0) c++;
        int kc = rest_col(fields_kr, FIELDS_KR_N, fields_kr_placed, name);
        int oc = rest_col(fields_obj, FIELDS_OBJ_N, fields_obj_placed, name);
        int *slot = c < PF_NCOLS ? &h->at[c] : kc >= 0 ? &h->kr_at[kc] : oc >= 0 ? &h->obj_at[oc] : NULL;
        if (!slot) {
            char cols[512];
            col_list(cols, sizeof cols);
            errf(err, ud, line, "unknown column '%.60s'; the columns are %s", fields[i], cols);
            ok = false;
        } else if (*slot >= 0) {
            errf(err, ud, line, "column '%s' appears twice in the header", name);
            ok = false;
        } else {
            *slot = i;
            if (kc >= 0 && oc >= 0) h->obj_at[oc] = i;   /* a field both tables have */
        }
    }
    if (ok && (h->at[PF_KIND] < 0 || h->at[PF_TITLE] < 0)) {
        errf(err, ud, line, "the header must name at least the columns kind and title");
        ok = false;
    }
    return ok;
}

static bool num(const char *s, double *out) { return num_parse(s, out); }

static bool whole(const char *s, long lo, long hi, long *out)
{
    double v;
    if (!num(s, &v) || v != floor(v) || v < lo || v > hi) return false;
    *out = (long)v;
    return true;
}

/* Field of column c ("" when the column is absent). */
static char *fld(const pf_header *h, char **f, int n, pf_col c)
{
    return h->at[c] >= 0 && h->at[c] < n ? f[h->at[c]] : "";
}

static const pf_col kr_only[] = {PF_UNIT, PF_BASELINE, PF_TARGET, PF_DIRECTION, PF_DUE, PF_COOWNER, PF_WEIGHT,
                                 PF_EVIDENCE, PF_INDICATOR};
static const pf_col obj_only[] = {PF_LEVEL, PF_TYPE, PF_PROBLEM, PF_OUTCOME, PF_CAPABILITY, PF_BOWNER, PF_CADENCE,
                                  PF_HYPOTHESIS};

/* The columns of table fields the hand-read columns do not name: one entity's are refused on
 * the other's rows, like the named ones; values are read by kind (core/fields_text.c). */
static bool rest_fields(const pf_header *h, char **f, int n, long line, pf_row *out, const char *what,
                        pf_err_fn err, void *ud)
{
    bool ok = true;
    const fields_meta *mine = out->is_kr ? fields_kr : fields_obj, *other = out->is_kr ? fields_obj : fields_kr;
    const int *mine_at = out->is_kr ? h->kr_at : h->obj_at, *other_at = out->is_kr ? h->obj_at : h->kr_at;
    size_t nmine = out->is_kr ? FIELDS_KR_N : FIELDS_OBJ_N, nother = out->is_kr ? FIELDS_OBJ_N : FIELDS_KR_N;
    void *row = out->is_kr ? (void *)&out->k : (void *)&out->o;
    for (size_t i = 0; i < nother; i++) {
        int at = other_at[i];
        bool shared = false;
        for (size_t j = 0; j < nmine; j++) shared = shared || (mine_at[j] >= 0 && mine_at[j] == at);
        if (at >= 0 && at < n && *f[at] && !shared) {
            errf(err, ud, line, "%s has no %s (that column is for %s); leave it empty", what, other[i].name,
                 out->is_kr ? "objectives" : "key results");
            ok = false;
        }
    }
    for (size_t i = 0; i < nmine; i++) {
        int at = mine_at[i];
        char why[160];
        if (at >= 0 && at < n && *f[at] && !fields_set_from_text(&mine[i], row, f[at], why, sizeof why)) {
            errf(err, ud, line, "%s '%.40s' %s", mine[i].name, f[at], why);
            ok = false;
        }
    }
    return ok;
}

bool pf_parse_row(const pf_header *h, char **f, int n, long line, const char *owner, int cadence,
                  pf_row *out, bool *blank, pf_err_fn err, void *ud)
{
    memset(out, 0, sizeof *out);
    out->line = line;
    out->parent_row = -1;
    *blank = true;
    for (int i = 0; i < n; i++)
        for (const char *p = f[i]; *p; p++)
            if (!isspace((unsigned char)*p)) *blank = false;
    if (*blank) return true;
    bool ok = true;
    if (n != h->nfields) {
        errf(err, ud, line, "%d field%s, but the header has %d; quote fields that contain commas", n,
             n == 1 ? "" : "s", h->nfields);
        return false;
    }
    for (int i = 0; i < n; i++)
        if (!utf8_valid(f[i], NULL)) {
            errf(err, ud, line, "column %d is not valid UTF-8; save the sheet as CSV UTF-8", i + 1);
            return false;
        }
    const char *kind = fld(h, f, n, PF_KIND), *title = fld(h, f, n, PF_TITLE);
    out->parent = fld(h, f, n, PF_PARENT);
    if (!strcasecmp(kind, "kr") || !strcasecmp(kind, "key result") || !strcasecmp(kind, "k")) out->is_kr = true;
    else if (strcasecmp(kind, "objective") && strcasecmp(kind, "o")) {
        errf(err, ud, line, "kind '%.40s' must be objective or kr", kind);
        return false;
    }
    const char *what = out->is_kr ? "a key result" : "an objective";
    if (!*title) {
        errf(err, ud, line, "%s needs a title", what);
        ok = false;
    }
    const pf_col *other = out->is_kr ? obj_only : kr_only;
    size_t nother = out->is_kr ? sizeof obj_only / sizeof *obj_only : sizeof kr_only / sizeof *kr_only;
    for (size_t i = 0; i < nother; i++)
        if (*fld(h, f, n, other[i])) {
            errf(err, ud, line, "%s has no %s (that column is for %s); leave it empty", what,
                 col_names[other[i]], out->is_kr ? "objectives" : "key results");
            ok = false;
        }
    ok = rest_fields(h, f, n, line, out, what, err, ud) && ok;
    const char *ow = fld(h, f, n, PF_OWNER);
    if (!out->is_kr) {
        lnd_objective *o = &out->o;
        o->title = (char *)title;
        o->problem = fld(h, f, n, PF_PROBLEM);
        o->outcome = fld(h, f, n, PF_OUTCOME);
        o->capability = fld(h, f, n, PF_CAPABILITY);
        o->hypothesis = fld(h, f, n, PF_HYPOTHESIS);
        o->owner = (char *)(*ow ? ow : owner);
        o->business_owner = fld(h, f, n, PF_BOWNER);
        o->level = *out->parent ? LEVEL_LD : LEVEL_BUSINESS;
        o->type = OTYPE_ASPIRATIONAL;
        o->cadence_days = cadence;
        const char *s = fld(h, f, n, PF_LEVEL);
        int v;
        if (*s && (v = model_level_parse(s)) < 0) errf(err, ud, line, "level '%.40s' must be business, ld or team", s), ok = false;
        else if (*s) o->level = (lnd_level)v;
        s = fld(h, f, n, PF_TYPE);
        if (*s && (v = model_otype_parse(s)) < 0)
            errf(err, ud, line, "type '%.40s' must be committed, aspirational or learning", s), ok = false;
        else if (*s) o->type = (lnd_otype)v;
        if (o->type == OTYPE_LEARNING && !*o->hypothesis)   /* as `objective add` requires */
            errf(err, ud, line, "a learning objective needs a hypothesis: what it tests (the hypothesis column)"), ok = false;
        s = fld(h, f, n, PF_CADENCE);
        long d;
        if (*s && !whole(s, 1, 365, &d)) errf(err, ud, line, "cadence '%.40s' must be a number of days from 1 to 365", s), ok = false;
        else if (*s) o->cadence_days = (int)d;
        return ok;
    }
    lnd_kr *k = &out->k;
    k->title = (char *)title;
    k->unit = fld(h, f, n, PF_UNIT);
    k->owner = (char *)(*ow ? ow : owner);
    k->coowner = fld(h, f, n, PF_COOWNER);
    k->weight = 1;
    k->confidence = -1;
    if (!*out->parent) errf(err, ud, line, "a key result needs its objective in the parent column (title or O id)"), ok = false;
    const char *s = fld(h, f, n, PF_TARGET);
    if (!num(s, &k->target)) errf(err, ud, line, "target '%.40s' must be a number", s), ok = false;
    s = fld(h, f, n, PF_BASELINE);
    if (*s && !(k->has_baseline = num(s, &k->baseline)))
        errf(err, ud, line, "baseline '%.40s' must be a number (or empty if not measured yet)", s), ok = false;
    int v;
    s = fld(h, f, n, PF_EVIDENCE);
    if (!*s) errf(err, ud, line, "evidence is required: activity, reaction, learning, behaviour or results"), ok = false;
    else if ((v = model_evidence_parse(s)) < 0)
        errf(err, ud, line, "evidence '%.40s' must be activity, reaction, learning, behaviour or results", s), ok = false;
    else k->evidence = (lnd_evidence)v;
    s = fld(h, f, n, PF_INDICATOR);
    if (!*s) errf(err, ud, line, "indicator is required: leading or lagging"), ok = false;
    else if ((v = model_indicator_parse(s)) < 0) errf(err, ud, line, "indicator '%.40s' must be leading or lagging", s), ok = false;
    else k->indicator = (lnd_indicator)v;
    s = fld(h, f, n, PF_DIRECTION);
    if (*s && (v = model_direction_parse(s)) < 0) errf(err, ud, line, "direction '%.40s' must be increase or decrease", s), ok = false;
    else k->direction = *s ? (lnd_direction)v : k->has_baseline && k->target < k->baseline ? DIR_DECREASE : DIR_INCREASE;
    long w;
    s = fld(h, f, n, PF_DUE);
    if (*s && !whole(s, 1, 53, &w)) errf(err, ud, line, "due_week '%.40s' must be a week number of the cycle", s), ok = false;
    else if (*s) k->due_week = (int)w;
    s = fld(h, f, n, PF_WEIGHT);
    if (*s && (!num(s, &k->weight) || k->weight <= 0)) errf(err, ud, line, "weight '%.40s' must be a number above 0", s), ok = false;
    return ok;
}

/* ---- resolving parents against the file and the cycle ---- */

static bool is_oid(const char *s, lnd_id *id)
{
    if ((s[0] != 'O' && s[0] != 'o') || !isdigit((unsigned char)s[1])) return false;
    char *end;
    long long v = strtoll(s + 1, &end, 10);
    if (*end || v <= 0) return false;
    *id = v;
    return true;
}

/* An existing objective of the cycle by title: its id, 0 none, -1 several. */
static lnd_id existing_obj(const lnd_plan *p, const char *title)
{
    lnd_id hit = 0;
    for (size_t i = 0; i < p->nobjs; i++)
        if (!p->objs[i].archived && strcmp(p->objs[i].title, title) == 0) hit = hit ? -1 : p->objs[i].id;
    return hit;
}

static size_t resolve_parent(pf_row *rows, size_t n, size_t r, const lnd_plan *p, pf_err_fn err, void *ud)
{
    pf_row *x = &rows[r];
    const char *par = x->parent;
    if (!*par) return 0;
    lnd_id id;
    if (is_oid(par, &id)) {
        for (size_t i = 0; i < p->nobjs; i++)
            if (p->objs[i].id == id && !p->objs[i].archived) {
                x->parent_id = id;
                return 0;
            }
        errf(err, ud, x->line, "parent %s is not an objective of cycle %s", par, p->cycle.name);
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        if (!rows[i].is_kr && strcmp(rows[i].o.title, par) == 0) {
            if (rows[i].present) x->parent_id = rows[i].present;
            else x->parent_row = (long)i;
            return 0;
        }
    lnd_id e = existing_obj(p, par);
    if (e > 0) {
        x->parent_id = e;
        return 0;
    }
    if (e < 0) errf(err, ud, x->line, "parent '%.60s' matches several objectives of the cycle; use its O id", par);
    else errf(err, ud, x->line, "parent '%.60s' is no objective in this file or in cycle %s", par, p->cycle.name);
    return 1;
}

size_t pf_resolve(pf_row *rows, size_t n, const lnd_plan *p, size_t *order, pf_err_fn err, void *ud)
{
    size_t errs = 0;
    /* objectives: duplicates in the file, and those already in the cycle */
    for (size_t r = 0; r < n; r++) {
        if (rows[r].is_kr) continue;
        for (size_t i = 0; i < r; i++)
            if (!rows[i].is_kr && strcmp(rows[i].o.title, rows[r].o.title) == 0) {
                errf(err, ud, rows[r].line, "objective '%.60s' is already on line %ld; titles must be unique",
                     rows[r].o.title, rows[i].line);
                errs++;
                break;
            }
        lnd_id e = existing_obj(p, rows[r].o.title);
        if (e > 0) rows[r].present = e;
        else if (e < 0) {
            errf(err, ud, rows[r].line, "objective '%.60s' is in the cycle several times; rename it", rows[r].o.title);
            errs++;
        }
    }
    for (size_t r = 0; r < n; r++) errs += resolve_parent(rows, n, r, p, err, ud);
    if (errs) return errs;
    /* a KR already present: same title under the same existing objective */
    for (size_t r = 0; r < n; r++) {
        pf_row *x = &rows[r];
        if (!x->is_kr && x->parent_row == (long)r) {
            errf(err, ud, x->line, "objective '%.60s' cannot be its own parent", x->o.title);
            errs++;
        }
        if (x->is_kr && x->k.due_week > p->cycle.weeks) {
            errf(err, ud, x->line, "due_week %d is after the cycle's last week (%d)", x->k.due_week, p->cycle.weeks);
            errs++;
        }
        if (!x->is_kr) continue;
        for (size_t i = 0; x->parent_id && i < p->nkrs; i++)
            if (!p->krs[i].archived && p->krs[i].objective_id == x->parent_id && !strcmp(p->krs[i].title, x->k.title))
                x->present = p->krs[i].id;
        for (size_t i = 0; i < r; i++)
            if (rows[i].is_kr && rows[i].parent_id == x->parent_id && rows[i].parent_row == x->parent_row &&
                !strcmp(rows[i].k.title, x->k.title)) {
                errf(err, ud, x->line, "key result '%.60s' is already on line %ld under the same objective",
                     x->k.title, rows[i].line);
                errs++;
            }
    }
    if (errs) return errs;
    /* creation order: objectives whose parent exists or is placed, repeatedly; then KRs */
    size_t k = 0;
    bool *placed = calloc(n ? n : 1, sizeof *placed);
    for (bool progress = true; progress;) {
        progress = false;
        for (size_t r = 0; r < n; r++)
            if (!rows[r].is_kr && !placed[r] && (rows[r].parent_row < 0 || placed[rows[r].parent_row])) {
                placed[r] = progress = true;
                order[k++] = r;
            }
    }
    for (size_t r = 0; r < n; r++)
        if (!rows[r].is_kr && !placed[r]) {
            errf(err, ud, rows[r].line, "objective '%.60s' is part of a parent loop; one of them needs another parent",
                 rows[r].o.title);
            errs++;
        }
    for (size_t r = 0; r < n; r++)
        if (rows[r].is_kr) order[k++] = r;
    free(placed);
    return errs;
}
