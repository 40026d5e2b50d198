/* SPDX-License-Identifier: MIT */
/* cli/cmd_status.c — `lnd status`: the cascade of a cycle with progress bars, baseline →
 * current → target, pace and status; colour only on a terminal, JSON for scripts. Never
 * starts curses. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/carry.h"
#include "../core/dates.h"
#include "../core/sanitize.h"
#include "../core/summary.h"
#include "../store/store_io.h"
#include "../core/numfmt.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"
#include "status_select.h"
#include "status_json.h"

typedef struct {
    const char *cycle;
    bool mine;
    bool json;
    const carry_origin *orig;   /* where carried objectives came from */
    size_t norig;
    status_filter f;
    const unsigned char *obj, *kr;   /* the rows shown (status_select) */
} status_opts;

static int status_opt(void *st, int c, const char *arg)
{
    status_opts *o = st;
    long v;
    switch (c) {
    case 'c': o->cycle = arg; break;
    case 'm': o->mine = true; break;
    case 'f':
        if (strcmp(arg, "json") == 0) o->json = true;
        else if (strcmp(arg, "text") == 0) o->json = false;
        else return cli_fail(EX_USAGE_, "status: --format must be text or json, not '%s'", arg);
        break;
    case 'd':
        if (!cli_parse_int(arg, 1, 1000, &v))
            return cli_fail(EX_USAGE_, "status: --depth '%s' must be a number from 1 (top level only)", arg);
        o->f.depth = (int)v;
        break;
    case 'l':
        if ((o->f.level = model_level_parse(arg)) < 0)
            return cli_fail(EX_USAGE_, "status: --level '%s' must be business, ld or team", arg);
        break;
    case 't':
        if ((o->f.type = model_otype_parse(arg)) < 0)
            return cli_fail(EX_USAGE_, "status: --type '%s' must be committed, aspirational or learning", arg);
        break;
    case 'o': o->f.owner = arg; break;
    case 's': return status_parse_mask(arg, &o->f.status_mask);
    case 'S': o->f.summary = true; break;
    }
    return 0;
}

static const char status_help[] =
    "usage: lnd status [ID...] [--cycle NAME] [--depth N] [--level L] [--type T] [--owner NAME]\n"
    "                  [--mine] [--status S,...] [--summary] [--width N] [--format text|json]\n\n"
    "Print the cycle's cascade: business objectives, the L&D objectives beneath them and\n"
    "their key results, with progress, baseline -> current -> target, pace and status.\n"
    "Filters combine (all must hold); an objective shows with the KRs that pass.\n\n"
    "  ID...            only these subtrees (O3: the objective and all beneath it;\n"
    "                   K12: that KR under its objective)\n"
    "  --cycle NAME     a cycle other than the current one (see `lnd cycle list`)\n"
    "  --depth N        N levels of objectives from the top (or from each ID): 1 = top only\n"
    "  --level L        objectives of one level: business, ld or team\n"
    "  --type T         objectives of one type: committed, aspirational or learning\n"
    "  --owner NAME     what NAME owns or co-owns (objectives with all their KRs, or KRs);\n"
    "                   Marco matches marco\n"
    "  --mine           --owner with your name (--user, default $USER)\n"
    "  --status S,...   KRs (and objectives) in these states: off, risk, on, done, met,\n"
    "                   missed, none, not-due, not-measured\n"
    "  --summary        one line per top-level objective with its result and delivery (with\n"
    "                   filters: those whose subtree holds a matching row)\n"
    "  --width N        line width, 40 or more (default: the terminal's; full lines when\n"
    "                   piped)\n"
    "  --format FORMAT  text (default; colour on a terminal) or json (docs/json.md)\n";

static void pct(double p, char *buf, size_t n)
{
    if (p < 0) snprintf(buf, n, "  -");
    else snprintf(buf, n, "%3ld%%", num_pct_round(p));
}

/* "64 → 71 → 75 %"; returns its display width */
static int kr_values(const cli_ctx *ctx, const lnd_kr *k, char *buf, size_t n)
{
    char b[32], c[32], t[32];
    if (k->has_baseline) model_fmt_num(k->baseline, b, sizeof b);
    else snprintf(b, sizeof b, "?");
    if (k->has_current) model_fmt_num(k->current, c, sizeof c);
    else snprintf(c, sizeof c, "-");
    model_fmt_num(k->target, t, sizeof t);
    const char *ar = out_arrow(ctx);
    size_t len = 0;
    const char *parts[] = {b, " ", ar, " ", c, " ", ar, " ", t};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        size_t l = strlen(parts[i]);
        if (len + l + 1 > n) break;
        memcpy(buf + len, parts[i], l);
        len += l;
    }
    buf[len] = '\0';
    return (int)(strlen(b) + strlen(c) + strlen(t) + 4 + 2 * (ctx->ascii ? 2 : 1));
}

static void print_right(const cli_ctx *ctx, double p, lnd_status st, bool with_bar)
{
    char bar[128] = "", pc[16];
    if (with_bar) out_bar(ctx, p, 10, bar, sizeof bar);
    pct(p, pc, sizeof pc);
    const char *col = out_status_color(ctx, st), *rst = out_reset(ctx);
    const char *parts[] = {with_bar ? " " : "", col, bar, rst, " ", pc, "  ", col, model_status_name(st), rst, "\n"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) fputs(parts[i], stdout);
}

#define RIGHT_W 32   /* " " bar(10) " " pct(4) "  " status(12) + margin */
#define VALUES_W 22
#define BAR_W 11     /* " " bar(10): dropped first on a narrow line, after the KR values */
#define TITLE_MIN 12 /* a title narrower than this makes room by dropping columns */

/* The line under an objective: its business result and its delivery, each labelled. */
static void print_result_line(const cli_ctx *ctx, const summary_obj *s, int indent, int width)
{
    if (s->nresults == 0 && s->ndelivery == 0 && !s->result_note) return;
    char line[600];
    int n = 0;
    if (s->result >= 0)
        n = snprintf(line, sizeof line, "result %ld%% (%d results KR%s, %s)", num_pct_round(s->result), s->nresults,
                     s->nresults == 1 ? "" : "s", model_status_name(s->result_status));
    else
        n = snprintf(line, sizeof line, "%s", s->result_note ? s->result_note : "no results KR");
    if (s->delivery >= 0 && n >= 0 && (size_t)n < sizeof line)
        snprintf(line + n, sizeof line - (size_t)n, "; delivery %ld%% (%s)", num_pct_round(s->delivery),
                 model_status_name(s->delivery_status));
    printf("%*s%s", indent + 4, "", out_dim(ctx));
    out_text(stdout, ctx, line, width - indent - 4, false);
    printf("%s\n", out_reset(ctx));
}

/* Piped: wide enough that no title is cut (`lnd status | grep` finds every word). */
static int full_width(const cli_ctx *ctx, const lnd_plan *p, const status_opts *so)
{
    int w = 100;
    char buf[4096];
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        if (!so->obj[oi]) continue;
        int need = rows[i].depth * 2 + 8 + san_text(p->objs[oi].title, -1, ctx->ascii, buf, sizeof buf) + RIGHT_W;
        if (need > w) w = need;
        size_t first, n = plan_krs_of(p, oi, &first);
        for (size_t k = first; k < first + n; k++) {
            if (!so->kr[k]) continue;
            need = rows[i].depth * 2 + 10 + san_text(p->krs[k].title, -1, ctx->ascii, buf, sizeof buf) +
                   VALUES_W + RIGHT_W;
            if (need > w) w = need;
        }
    }
    return w;
}

static void print_text(const cli_ctx *ctx, const lnd_plan *p, lnd_day today, const status_opts *so)
{
    int width = ctx->stdout_tty || ctx->width ? out_width(ctx, 100) : full_width(ctx, p, so);
    if (width > 160 && (ctx->stdout_tty && !ctx->width)) width = 160;
    const progress_rules *r = &ctx->cfg.rules;
    int week = summary_week_on(p, today);
    char when[64];
    summary_when_text(p, today, when, sizeof when);
    printf("%s", out_bold(ctx));
    int hw = width - out_text_width(ctx, p->cycle.name);
    out_text(stdout, ctx, p->cycle.name, 40, false);
    char head[400];
    int hn = snprintf(head, sizeof head, "  %s  %s", model_cycle_state_name(p->cycle.state), when);
    if (week >= 1 && week <= p->cycle.weeks && hn > 0 && (size_t)hn < sizeof head) {
        lnd_day start = 0;
        date_parse(p->cycle.start, &start);
        hn += snprintf(head + hn, sizeof head - (size_t)hn, "  pace %ld%%",
                       num_pct_round(pace_elapsed(start, start + 7L * p->cycle.weeks, today)));
    }
    if (so->mine && hn > 0 && (size_t)hn < sizeof head)
        snprintf(head + hn, sizeof head - (size_t)hn, "  mine: %s", ctx->user);
    printf("%s", out_reset(ctx));
    out_text(stdout, ctx, head, hw < 1 ? 1 : hw, false);   /* the user name is sanitised here */
    putchar('\n');

    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows), shown = 0;
    /* one id column width for the whole listing, so titles line up: "K12 " */
    lnd_id maxid = 1;
    for (size_t i = 0; i < p->nobjs; i++) if (p->objs[i].id > maxid) maxid = p->objs[i].id;
    for (size_t i = 0; i < p->nkrs; i++) if (p->krs[i].id > maxid) maxid = p->krs[i].id;
    char tmp[32];
    int idw = snprintf(tmp, sizeof tmp, "K%lld", maxid) + 1;
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        const lnd_objective *o = &p->objs[oi];
        if (!so->obj[oi]) continue;
        shown++;
        summary_obj s;
        summary_objective(p, oi, r, today, &s);
        int indent = rows[i].depth * 2;
        char id[32];
        snprintf(id, sizeof id, "O%lld", o->id);
        int left = width - RIGHT_W - indent - idw - 1;
        bool bar = left >= TITLE_MIN;
        if (!bar) left += BAR_W;
        if (left < 1) left = 1;
        printf("%*s%s%-*s%s ", indent, "", out_bold(ctx), idw, id, out_reset(ctx));
        out_text(stdout, ctx, o->title, left, true);
        print_right(ctx, o->level == LEVEL_BUSINESS ? s.result : summary_headline(&s), s.status, bar);
        print_result_line(ctx, &s, indent, width);
        const carry_origin *co = carry_origin_of(so->orig, so->norig, o->id);
        if (co) {
            char line[700];
            carry_origin_text(co, line, sizeof line);
            printf("%*s%s", indent + 4, "", out_dim(ctx));
            out_text(stdout, ctx, line, width - indent - 4, false);
            printf("%s\n", out_reset(ctx));
        }
        size_t first, n = plan_krs_of(p, oi, &first);
        for (size_t k = first; k < first + n; k++) {
            const lnd_kr *kr = &p->krs[k];
            if (kr->archived || !so->kr[k]) continue;
            summary_kr ks;
            summary_key_result(p, kr, r, today, &ks);
            char kid[32], vals[160];
            snprintf(kid, sizeof kid, "K%lld", kr->id);
            int vw = kr_values(ctx, kr, vals, sizeof vals);
            int kindent = indent + 2;
            int kleft = width - RIGHT_W - VALUES_W - kindent - idw - 1;
            bool values = kleft >= TITLE_MIN, kbar = values || kleft + VALUES_W >= TITLE_MIN;
            if (!values) kleft += VALUES_W;
            if (!kbar) kleft += BAR_W;
            if (kleft < 1) kleft = 1;
            printf("%*s%-*s ", kindent, "", idw, kid);
            out_text(stdout, ctx, kr->title, kleft, true);
            if (!values) {
                print_right(ctx, ks.progress, ks.status, kbar);
                continue;
            }
            /* values cell: numbers are ours, the unit is user text */
            int uw = 0;
            if (kr->unit && *kr->unit) {
                uw = VALUES_W - 1 - vw - 1;
                if (uw < 1) uw = 1;
            }
            printf(" %s", vals);
            if (uw) {
                putchar(' ');
                char ub[64];
                int w = san_text(kr->unit, uw, ctx->ascii, ub, sizeof ub);
                fputs(ub, stdout);
                vw += 1 + w;
            }
            for (; vw < VALUES_W - 1; vw++) putchar(' ');
            print_right(ctx, ks.progress, ks.status, true);
        }
    }
    if (nrows == 0) printf("no objectives yet: add one with `lnd objective add --title ...`\n");
    else if (so->mine && shown == 0 && !so->f.nids && !so->f.depth && so->f.level < 0 && so->f.type < 0 &&
             !so->f.status_mask)
        printf("nothing owned by this user in this cycle\n");
    else if (shown == 0) printf("nothing matches these filters\n");
}

/* An id of another cycle's objective or KR: say which cycle holds it (65), else 0. */
static int other_cycle(store *s, lnd_arena *a, const lnd_plan *p, const status_filter *f)
{
    for (size_t i = 0; i < f->nids; i++) {
        bool kr = f->kind[i] == 'K';
        if ((kr ? plan_kr_index(p, f->id[i]) : plan_obj_index(p, f->id[i])) >= 0) continue;
        lnd_objective o;
        lnd_kr k;
        lnd_id oid = f->id[i];
        if (kr && store_get_kr(s, a, f->id[i], &k) == STORE_OK) oid = k.objective_id;
        else if (kr) continue;
        lnd_cycle *cs;
        size_t n;
        if (store_get_objective(s, a, oid, &o) != STORE_OK || store_cycles(s, a, &cs, &n) != STORE_OK) continue;
        for (size_t c = 0; c < n; c++)
            if (cs[c].id == o.cycle_id && cs[c].id != p->cycle.id)
                return cli_fail(EX_DATAERR_, "status: %c%lld is in cycle %s, not %s; see it with lnd --cycle %s status %c%lld",
                                f->kind[i], f->id[i], cli_safe(cs[c].name), cli_safe(p->cycle.name),
                                cli_safe(cs[c].name), f->kind[i], f->id[i]);
    }
    return 0;
}

static int print_json(const cli_ctx *ctx, const lnd_plan *p, lnd_day today, const status_opts *so)
{
    status_json_view v = {.orig = so->orig, .norig = so->norig, .obj = so->obj, .kr = so->kr};
    return status_json_print(ctx, p, today, &v);
}

int cmd_status(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"cycle", required_argument, NULL, 'c'},
        {"mine", no_argument, NULL, 'm'},
        {"format", required_argument, NULL, 'f'},
        {"depth", required_argument, NULL, 'd'},
        {"level", required_argument, NULL, 'l'},
        {"type", required_argument, NULL, 't'},
        {"owner", required_argument, NULL, 'o'},
        {"status", required_argument, NULL, 's'},
        {"summary", no_argument, NULL, 'S'},
        {0},
    };
    status_opts so = {.f = {.level = -1, .type = -1}};
    int rc = cli_command_opts(ctx, argc, argv, "c:mf:", opts, status_opt, &so,
                              status_help);
    if (rc) return rc;
    for (int i = optind; i < argc; i++)
        if ((rc = status_add_id(&so.f, argv[i]))) return rc;
    if ((rc = cli_setup(ctx))) return rc;
    if (so.mine && !so.f.owner) so.f.owner = ctx->user;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_cycle cy;
    so.cycle = cli_cycle(ctx, so.cycle);   /* its own --cycle, else lnd --cycle NAME status */
    store_rc src = store_find_cycle(s, a, so.cycle, &cy);
    if (src == STORE_NOTFOUND && !so.cycle) {
        rc = cli_fail(EX_NOINPUT_, "no cycle in %s yet; add one: lnd cycle add 2027-Q1 --start 2027-01-04",
                      ctx->db);
    } else if (src != STORE_OK) {
        rc = cli_store_fail(s, src);
    } else {
        lnd_plan *p;
        src = store_load_plan(s, cy.id, &p);
        carry_origin *orig = NULL;
        if (src == STORE_OK) src = store_carry_origins(s, a, cy.id, &orig, &so.norig);
        so.orig = orig;
        if (src != STORE_OK) {
            rc = cli_store_fail(s, src);
        } else {
            lnd_day today = date_today();
            unsigned char *sel = malloc(p->nobjs + p->nkrs + 1);
            if (!sel) rc = cli_fail(EX_SOFTWARE_, "out of memory");
            else if ((rc = other_cycle(s, a, p, &so.f))) ;
            else rc = status_select(ctx, p, &so.f, today, sel, sel + p->nobjs);
            so.obj = sel;
            so.kr = sel ? sel + p->nobjs : NULL;
            if (rc) ;
            else if (so.f.summary) rc = status_summary(ctx, p, today, so.obj, so.json);
            else if (so.json) rc = print_json(ctx, p, today, &so);
            else {
                print_text(ctx, p, today, &so);
                cli_review_hint(ctx, s, &cy);   /* issue 14: a review still pending */
            }
            free(sel);
            if (fflush(stdout) != 0 && !rc) rc = cli_fail(EX_IOERR_, "cannot write to stdout");
            plan_free(p);
        }
    }
    arena_free(a);
    store_close(s);
    return rc;
}
