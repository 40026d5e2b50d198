/* SPDX-License-Identifier: MIT */
/* cli/cmd_review.c — `lnd review`: the end-of-cycle scores, judged by each objective's type,
 * with the retrospective (what worked, what did not, what carries forward), and
 * `lnd review carry` to create the carried objectives in the next cycle. */
#include <math.h>
#include <string.h>

#include "../core/learning.h"
#include "../core/summary.h"
#include "../store/store_io.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

enum { R_CYCLE = 1, R_SCORE, R_WORKED, R_DIDNT, R_CARRY, R_CF, R_NOCF, R_TO, R_VERSION, R_WITHP, R_PARENT,
       R_DONE, R_FINDING, R_FORMAT, R_N };
typedef struct {
    const char *v[R_N];
} ropts;

static int r_opt(void *st, int c, const char *arg)
{
    ropts *o = st;
    if (c > 0 && c < R_N) o->v[c] = arg ? arg : "1";
    return 0;
}

static const char review_help[] =
    "usage: lnd review [list] [--cycle NAME] [--format text|json]\n"
    "       lnd review set O7 [--score 0.0-1.0] [--worked TEXT] [--didnt TEXT]\n"
    "                         [--carry TEXT] [--carry-forward|--no-carry-forward]\n"
    "                         [--finding TEXT] [--cycle NAME]\n"
    "       lnd review carry --to NAME [--with-parents | --parent O12] [--done-krs]\n"
    "                        [--cycle NAME]\n\n"
    "At cycle end each objective gets an honest score from 0.0 to 1.0 (suggested from its\n"
    "progress), judged by its type: committed needs 1.0, aspirational succeeds at 0.7,\n"
    "learning objectives state their --finding (what the hypothesis met): that is their\n"
    "verdict, and no score is suggested for them. `carry` creates the objectives marked\n"
    "--carry-forward, with their KRs not yet done (all with --done-krs), in the next cycle;\n"
    "each KR's last value becomes its new baseline. An objective with a parent keeps one:\n"
    "--with-parents carries the parent too, --parent names the objective of the next cycle\n"
    "to sit under. It prints the new ids.\n\n"
    "Without --cycle: the cycle in review (after `lnd cycle review NAME`) until it is closed,\n"
    "else the current one.\n";

/* A score to two decimals, as the dashboard's review mode shows it (0.30, 0.69, 1.00): never
 * shown rounded across a verdict threshold (0.69 is not "0.7"). */
static void fmt_score(double v, char *out, size_t n)
{
    snprintf(out, n, "%.2f", v);
}

const lnd_review *cli_review_of(const lnd_review *r, size_t n, lnd_id oid)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].objective_id == oid) return &r[i];
    return NULL;
}

static int review_list(cli_ctx *ctx, store *s, const lnd_plan *p)
{
    lnd_arena *a = arena_new();
    lnd_review *rv;
    size_t nr;
    store_rc src = store_reviews(s, a, p->cycle.id, &rv, &nr);
    if (src != STORE_OK) {
        arena_free(a);
        return cli_store_fail(s, src);
    }
    lnd_day today = date_today();
    char when[64];
    summary_when_text(p, today, when, sizeof when);
    printf("review of ");
    out_text(stdout, ctx, p->cycle.name, 30, false);
    printf(" (%s): %s\n", model_cycle_state_name(p->cycle.state), when);   /* WHEN may hold "(in 33 days)" */
    plan_row *rows;
    size_t n = plan_cascade(p, false, &rows);
    int iw = 5;   /* the id column: as wide as the widest id (O12, O12345); a wider one takes from the title */
    for (size_t i = 0; i < n; i++) {
        char id[24];
        int len = snprintf(id, sizeof id, "O%lld", p->objs[rows[i].obj].id);
        if (len > iw) iw = len;
    }
    for (size_t i = 0; i < n; i++) {
        const lnd_objective *o = &p->objs[rows[i].obj];
        summary_obj so;
        summary_objective(p, rows[i].obj, &ctx->cfg.rules, today, &so);
        const lnd_review *r = cli_review_of(rv, nr, o->id);
        double suggested = summary_suggested_score(o, &so);
        double score = r && r->has_score ? r->score : suggested;
        char id[24];
        snprintf(id, sizeof id, "O%lld", o->id);
        printf("%*s%-*s ", rows[i].depth * 2, "", iw, id);
        /* piped: the whole title, its column at least as wide as on a terminal; --width N:
         * what the score and verdict (about 42 columns) leave */
        int lead = rows[i].depth * 2 + iw + 1, want = 51 - lead;
        int tw = out_cell(ctx, want, lead + 42);
        if (tw < 0 && out_text_width(ctx, o->title) < want) tw = want;
        out_text(stdout, ctx, o->title, tw, true);
        int used = lead + (tw < 0 ? out_text_width(ctx, o->title) : tw);   /* columns printed so far */
        if (o->type == OTYPE_LEARNING) {
            char v[600];
            learning_verdict(r, v, sizeof v);
            printf("  learning     ");
            out_text(stdout, ctx, v, out_cell(ctx, 120, used + 15), false);
            putchar('\n');
        } else if (score < 0) {
            printf("  ");
            out_text(stdout, ctx, so.result_note ? so.result_note : "no KRs", out_cell(ctx, 200, used + 2), false);
            putchar('\n');
            continue;
        } else {
            lnd_verdict v = progress_verdict(o->type, score);
            lnd_band b = progress_band(&ctx->cfg.rules, score);
            char sc[16], vd[80];
            fmt_score(score, sc, sizeof sc);
            if (summary_verdict_time(&p->cycle))
                snprintf(vd, sizeof vd, "%-9s %s", progress_verdict_name(v), r && r->has_score ? "" : "(suggested)");
            else   /* no verdict before the review: the score so far, called that */
                snprintf(vd, sizeof vd, "so far (the verdict waits for the review)");
            printf("  %s%-4s%s %-12s ", out_band_color(ctx, b), sc, out_reset(ctx), model_otype_name(o->type));
            /* --width N: the verdict sentence gets what the line leaves */
            out_text(stdout, ctx, vd, out_cell(ctx, 200, used + 20), false);
            putchar('\n');
        }
        if (r) {
            const char *labels[] = {"worked", "did not", "carries"};
            const char *texts[] = {r->worked, r->didnt, r->carry};
            for (int t = 0; t < 3; t++) {
                if (!texts[t] || !*texts[t]) continue;
                printf("%*s  %-8s ", rows[i].depth * 2 + 4, "", labels[t]);
                out_text(stdout, ctx, texts[t], out_cell(ctx, 90, rows[i].depth * 2 + 4 + 11), false);
                putchar('\n');
            }
            if (r->carry_forward) printf("%*s  -> carries forward to the next cycle\n", rows[i].depth * 2 + 4, "");
        }
    }
    arena_free(a);
    return 0;
}

static int review_set(cli_ctx *ctx, store *s, const lnd_plan *p, lnd_id oid, const ropts *o)
{
    if (plan_obj_index(p, oid) < 0)
        return cli_fail(EX_DATAERR_, "no objective O%lld in cycle %s; see `lnd review`", oid, p->cycle.name);
    if (o->v[R_SCORE] && p->objs[plan_obj_index(p, oid)].type == OTYPE_LEARNING)
        return cli_fail(EX_USAGE_, "review: O%lld is a learning objective: its verdict is what was learned; "
                        "give --finding \"...\" instead of a score", oid);
    lnd_arena *a = arena_new();
    lnd_review *rv;
    size_t nr;
    store_rc src = store_reviews(s, a, p->cycle.id, &rv, &nr);
    lnd_review r = {.objective_id = oid, .worked = "", .didnt = "", .carry = "", .finding = ""};
    const lnd_review *old = src == STORE_OK ? cli_review_of(rv, nr, oid) : NULL;
    if (old) r = *old;
    int rc = 0;
    if (o->v[R_SCORE] && !summary_verdict_time(&p->cycle)) {
        arena_free(a);
        return cli_fail(EX_DATAERR_, "review: %s is %s: scores and verdicts wait for the review; when the "
                        "quarter ends: lnd cycle review %s", p->cycle.name, model_cycle_state_name(p->cycle.state),
                        p->cycle.name);
    }
    if (o->v[R_SCORE]) {
        if (!cli_parse_double(o->v[R_SCORE], &r.score) || r.score < 0 || r.score > 1) {
            arena_free(a);
            return cli_fail(EX_DATAERR_, "review: --score '%s' must be a number from 0.0 to 1.0", o->v[R_SCORE]);
        }
        r.has_score = true;
    }
    long v;
    if (o->v[R_VERSION]) {
        if (!cli_parse_int(o->v[R_VERSION], 1, 0x7fffffffL, &v)) {
            arena_free(a);
            return cli_fail(EX_USAGE_, "review: --version '%s' must be a number", o->v[R_VERSION]);
        }
        r.version = v;
    }
    if (o->v[R_WORKED]) r.worked = (char *)o->v[R_WORKED];
    if (o->v[R_DIDNT]) r.didnt = (char *)o->v[R_DIDNT];
    if (o->v[R_CARRY]) r.carry = (char *)o->v[R_CARRY];
    if (o->v[R_FINDING]) r.finding = (char *)o->v[R_FINDING];
    if (o->v[R_CF]) r.carry_forward = true;
    if (o->v[R_NOCF]) r.carry_forward = false;
    if (src == STORE_OK) src = store_set_review(s, &r, ctx->user);
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    else {
        long oi = plan_obj_index(p, oid);
        printf("O%lld reviewed: ", oid);
        if (p->objs[oi].type == OTYPE_LEARNING) {
            char vd[600];
            learning_verdict(&r, vd, sizeof vd);
            out_text(stdout, ctx, vd, 200, false);
        } else if (r.has_score) {
            char sc[16];
            fmt_score(r.score, sc, sizeof sc);
            printf("%s, %s", sc, progress_verdict_name(progress_verdict(p->objs[oi].type, r.score)));
        }
        else
            printf("no score yet");
        printf("%s\n", r.carry_forward ? "; carries forward" : "");
    }
    arena_free(a);
    return rc;
}

/* `lnd review --format json` (the listing is cli/json_out.c's). */
static int review_json(cli_ctx *ctx, store *s, const lnd_plan *p, const char *format)
{
    bool json = false;
    int rc = cj_format("review", format, &json);
    if (rc || !json) return rc ? rc : review_list(ctx, s, p);
    lnd_arena *a = arena_new();
    lnd_review *rv;
    size_t nr;
    store_rc src = store_reviews(s, a, p->cycle.id, &rv, &nr);
    rc = src != STORE_OK ? cli_store_fail(s, src) : cj_reviews(ctx, p, rv, nr, date_today());
    arena_free(a);
    return rc;
}

/* "carried 2 objectives forward into 2027-Q2" and one line per objective with its new id. */
static int carry_print(cli_ctx *ctx, const lnd_cycle *to, const store_carried *cv, size_t nc)
{
    size_t created = 0;
    for (size_t i = 0; i < nc; i++) created += cv[i].created;
    printf("carried %zu objective%s forward into ", created, created == 1 ? "" : "s");
    out_text(stdout, ctx, to->name, 30, false);
    putchar('\n');
    for (size_t i = 0; i < nc; i++)
        printf("  O%lld -> O%lld%s%s\n", cv[i].from, cv[i].to, cv[i].created ? "" : " (carried before)",
               cv[i].marked ? "" : " (as a parent)");
    return 0;
}

int cmd_review(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"cycle", required_argument, NULL, R_CYCLE}, {"score", required_argument, NULL, R_SCORE},
        {"worked", required_argument, NULL, R_WORKED}, {"didnt", required_argument, NULL, R_DIDNT},
        {"carry", required_argument, NULL, R_CARRY}, {"carry-forward", no_argument, NULL, R_CF},
        {"no-carry-forward", no_argument, NULL, R_NOCF}, {"to", required_argument, NULL, R_TO},
        {"version", required_argument, NULL, R_VERSION}, {"with-parents", no_argument, NULL, R_WITHP},
        {"parent", required_argument, NULL, R_PARENT}, {"done-krs", no_argument, NULL, R_DONE},
        {"finding", required_argument, NULL, R_FINDING}, {"format", required_argument, NULL, R_FORMAT}, {0},
    };
    ropts o = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, r_opt, &o, review_help);
    o.v[R_CYCLE] = cli_cycle(ctx, o.v[R_CYCLE]);   /* lnd --cycle NAME review */
    if (rc) return rc;
    const char *verb = optind < argc ? argv[optind] : "list";
    bool set = !strcmp(verb, "set"), carry = !strcmp(verb, "carry"), list = !strcmp(verb, "list");
    if (!set && !carry && !list) return cli_fail(EX_USAGE_, "review: unknown action '%s'; use set or carry", verb);
    lnd_id oid = 0;
    if (set && (optind + 1 >= argc || !cli_parse_id(argv[optind + 1], 'O', &oid)))
        return cli_fail(EX_USAGE_, "review set: which objective? e.g. lnd review set O7 --score 0.7");
    if (carry && !o.v[R_TO]) return cli_fail(EX_USAGE_, "review carry: --to NAME (the next cycle) is required");
    carry_opts co = {.done_krs = o.v[R_DONE] != NULL, .with_parents = o.v[R_WITHP] != NULL};
    if (o.v[R_PARENT] && !cli_parse_id(o.v[R_PARENT], 'O', &co.parent))
        return cli_fail(EX_USAGE_, "review carry: --parent '%s' must be an objective id of the next cycle, e.g. O12",
                        o.v[R_PARENT]);
    if (co.parent && co.with_parents)
        return cli_fail(EX_USAGE_, "review carry: use --with-parents or --parent, not both");
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, list ? STORE_OPEN_READONLY : 0, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_cycle cy, to;
    /* no --cycle: the cycle in review until it is closed, else the current one */
    store_rc src = o.v[R_CYCLE] ? store_find_cycle(s, a, o.v[R_CYCLE], &cy)
                                : store_default_cycle(s, a, CYCLE_FOR_REVIEW, &cy);
    lnd_plan *p = NULL;
    if (src == STORE_NOTFOUND) {
        rc = cli_fail(EX_DATAERR_, "no cycle %s%s; see `lnd cycle list`", o.v[R_CYCLE] ? "named " : "yet", o.v[R_CYCLE] ? o.v[R_CYCLE] : "");
        goto out;
    }
    if (src == STORE_OK) src = store_load_plan(s, cy.id, &p);
    if (src != STORE_OK) {
        rc = cli_store_fail(s, src);
        goto out;
    }
    if (list && o.v[R_FORMAT]) rc = review_json(ctx, s, p, o.v[R_FORMAT]);
    else if (list) rc = review_list(ctx, s, p);
    else if (set) rc = review_set(ctx, s, p, oid, &o);
    else {
        src = store_find_cycle(s, a, o.v[R_TO], &to);
        if (src == STORE_NOTFOUND) {
            rc = cli_fail(EX_DATAERR_, "no cycle named '%s'; add it first: lnd cycle add %s --start YYYY-MM-DD", o.v[R_TO], o.v[R_TO]);
        } else if (src == STORE_OK && to.id == cy.id) {
            rc = cli_fail(EX_DATAERR_, "review carry: --to must be another cycle than %s", cy.name);
        } else if (src == STORE_OK && cy.start && to.start && strcmp(to.start, cy.start) <= 0) {
            rc = cli_fail(EX_DATAERR_, "review carry: %s starts %s, not after %s (%s): carry forward into a later "
                          "cycle", to.name, to.start, cy.name, cy.start);
        } else {
            store_carried *cv = NULL;
            size_t nc = 0;
            if (src == STORE_OK) src = store_carry_forward(s, cy.id, to.id, &co, ctx->user, a, &cv, &nc);
            if (src == STORE_INVALID && strstr(store_errmsg(s), "without its parent"))
                rc = cli_fail(EX_USAGE_, "review carry: %s; add --with-parents to carry it too, or --parent O<id> "
                             "to name an objective of %s", store_errmsg(s), to.name);
            else if (src != STORE_OK) rc = cli_store_fail(s, src);
            else rc = carry_print(ctx, &to, cv, nc);
        }
    }
out:
    plan_free(p);
    arena_free(a);
    store_close(s);
    return rc;
}
