/* SPDX-License-Identifier: MIT */
/* cli/cmd_digest.c — `lnd digest`: a short mail-sized summary for cron — what is due, what
 * went off track and which confidence dropped since a day (7 days back by default), as text,
 * Markdown or JSON. Keeps no state: each run recomputes from the database (core/digest.c). */
#include <jansson.h>
#include <string.h>

#include "../core/digest.h"
#include "../core/sanitize.h"
#include "../core/summary.h"
#include "../store/store_io.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

enum { DG_TEXT, DG_MD, DG_JSON };

typedef struct {
    const char *cycle, *since;
    bool mine;
    int format;
} digest_opts;

static int digest_opt(void *st, int c, const char *arg)
{
    digest_opts *o = st;
    switch (c) {
    case 'c': o->cycle = arg; break;
    case 'm': o->mine = true; break;
    case 's': o->since = arg; break;
    case 'f':
        if (!strcmp(arg, "text")) o->format = DG_TEXT;
        else if (!strcmp(arg, "md") || !strcmp(arg, "markdown")) o->format = DG_MD;
        else if (!strcmp(arg, "json")) o->format = DG_JSON;
        else return cli_fail(EX_USAGE_, "digest: --format must be text, md or json, not '%s'", arg);
        break;
    }
    return 0;
}

static const char digest_help[] =
    "usage: lnd digest [--mine] [--since YYYY-MM-DD] [--format text|md|json] [--cycle NAME]\n\n"
    "What a manager needs by mail: check-ins and key results due in the next 7 days (or\n"
    "overdue), key results that went off track since the day given (default: 7 days ago), and\n"
    "check-ins that lowered confidence, with their notes. It keeps no state: run it from cron,\n"
    "e.g. every Monday at 7:00:\n"
    "  0 7 * * 1  lnd digest --mine --format md | mail -s 'OKR digest' me@example.com\n\n"
    "  --mine      only key results you own or co-own, or whose objective you own\n"
    "  --since D   the start of the window (default: 7 days before today)\n"
    "  --format F  text (default), md (Markdown) or json\n";

static void day_str(lnd_day d, char *b, size_t n) { date_format(d, b, n); }

/* One line of user text, sanitised, Markdown-escaped in md. */
static void put(const cli_ctx *ctx, const char *s, int md)
{
    char out[1200];
    san_text(s ? s : "", 200, ctx->ascii, out, sizeof out);
    for (const char *c = out; *c; c++) {
        if (md && strchr("\\*_`[]<>|#", *c)) putchar('\\');
        putchar(*c);
    }
}

static void print_md_text(const cli_ctx *ctx, const lnd_plan *p, const digest *d, const char *s0, const char *s1,
                          int md)
{
    const char *bullet = md ? "- " : "  ";
    printf(md ? "# Digest of " : "Digest of ");
    put(ctx, p->cycle.name, md);
    printf(", %s to %s\n", s0, s1);
    if (!d->ndue && !d->noff && !d->ndrop) {
        printf("%sNothing due, nothing went off track, no confidence dropped.\n", md ? "\n" : "");
        return;
    }
    char when[16];
    if (d->ndue) printf(md ? "\n## Due (%zu)\n\n" : "\nDue (%zu)\n", d->ndue);
    for (size_t i = 0; i < d->ndue; i++) {
        const lnd_kr *kr = &p->krs[d->due[i].kr];
        day_str(d->due[i].when, when, sizeof when);
        printf("%sK%lld ", bullet, kr->id);
        put(ctx, kr->title, md);
        printf(d->due[i].checkin ? ": check-in %s %s\n" : ": key result due %s%s\n",
               d->due[i].checkin ? (strcmp(when, s1) < 0 ? "overdue since" : "due") : "by ", when);
    }
    if (d->noff) printf(md ? "\n## Went off track (%zu)\n\n" : "\nWent off track (%zu)\n", d->noff);
    for (size_t i = 0; i < d->noff; i++) {
        const lnd_kr *kr = &p->krs[d->off[i].kr];
        printf("%sK%lld ", bullet, kr->id);
        put(ctx, kr->title, md);
        printf(": %s, was %s\n", model_status_name(d->off[i].now), model_status_name(d->off[i].before));
    }
    if (d->ndrop) printf(md ? "\n## Confidence dropped (%zu)\n\n" : "\nConfidence dropped (%zu)\n", d->ndrop);
    for (size_t i = 0; i < d->ndrop; i++) {
        const lnd_kr *kr = &p->krs[d->drop[i].kr];
        const lnd_checkin *c = d->drop[i].c;
        printf("%sK%lld ", bullet, kr->id);
        put(ctx, kr->title, md);
        printf(": %d -> %d on %.10s by ", d->drop[i].from, c->confidence, c->at ? c->at : "");
        put(ctx, c->author, md);
        if (c->note && *c->note) {
            printf(": ");
            put(ctx, c->note, md);
        }
        putchar('\n');
    }
}

static json_t *jkr(const lnd_kr *kr)
{
    json_t *j = json_object();
    char id[32];
    snprintf(id, sizeof id, "K%lld", kr->id);
    json_object_set_new(j, "kr", json_string(id));
    json_object_set_new(j, "title", json_string(kr->title ? kr->title : ""));
    json_object_set_new(j, "owner", cj_str(kr->owner && *kr->owner ? kr->owner : NULL));   /* unset: null */
    return j;
}

static int print_json(const lnd_plan *p, const digest *d, const char *s0, const char *s1)
{
    json_t *root = json_object(), *due = json_array(), *off = json_array(), *drop = json_array();
    json_object_set_new(root, "cycle", cj_cycle(p, date_today()));
    json_object_set_new(root, "since", json_string(s0));
    json_object_set_new(root, "today", json_string(s1));
    char when[16];
    for (size_t i = 0; i < d->ndue; i++) {
        json_t *j = jkr(&p->krs[d->due[i].kr]);
        day_str(d->due[i].when, when, sizeof when);
        json_object_set_new(j, "what", json_string(d->due[i].checkin ? "checkin" : "key result"));
        json_object_set_new(j, "date", json_string(when));
        json_object_set_new(j, "overdue", json_boolean(strcmp(when, s1) < 0));
        json_array_append_new(due, j);
    }
    for (size_t i = 0; i < d->noff; i++) {
        json_t *j = jkr(&p->krs[d->off[i].kr]);
        json_object_set_new(j, "was", json_string(model_status_name(d->off[i].before)));
        json_object_set_new(j, "now", json_string(model_status_name(d->off[i].now)));
        json_array_append_new(off, j);
    }
    for (size_t i = 0; i < d->ndrop; i++) {
        const lnd_checkin *c = d->drop[i].c;
        json_t *j = jkr(&p->krs[d->drop[i].kr]);
        json_object_set_new(j, "from", json_integer(d->drop[i].from));
        json_object_set_new(j, "to", json_integer(c->confidence));
        json_object_set_new(j, "at", cj_time(c->at));   /* ISO 8601 UTC, as docs/json.md says */
        json_object_set_new(j, "author", json_string(c->author ? c->author : ""));
        json_object_set_new(j, "note", cj_str(c->note && *c->note ? c->note : NULL));
        json_array_append_new(drop, j);
    }
    json_object_set_new(root, "due", due);
    json_object_set_new(root, "off_track", off);
    json_object_set_new(root, "confidence_drops", drop);
    int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(root);
    return rc == 0 ? 0 : cli_fail(EX_IOERR_, "cannot write JSON to stdout");
}

int cmd_digest(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"cycle", required_argument, NULL, 'c'}, {"mine", no_argument, NULL, 'm'},
                                         {"since", required_argument, NULL, 's'},
                                         {"format", required_argument, NULL, 'f'}, {0}};
    digest_opts o = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, digest_opt, &o, digest_help);
    if (rc) return rc;
    if (optind < argc) return cli_fail(EX_USAGE_, "digest: unexpected '%s'; see `lnd digest --help`", argv[optind]);
    lnd_day today = date_today(), since = today - 7;
    if (o.since && !date_parse(o.since, &since))
        return cli_fail(EX_USAGE_, "digest: --since '%s' is not a date; use YYYY-MM-DD", o.since);
    if (since > today) return cli_fail(EX_USAGE_, "digest: --since %s is after today", o.since);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_plan *p = NULL;
    if ((rc = cli_load_plan(ctx, s, o.cycle, &p))) goto out;
    report_history *h = arena_alloc(a, (p->nkrs + 1) * sizeof *h);
    store_rc src = STORE_OK;
    for (size_t k = 0; k < p->nkrs && src == STORE_OK; k++) {
        lnd_checkin *c;
        src = store_checkins(s, a, p->krs[k].id, &c, &h[k].n);
        h[k].items = c;
    }
    if (src != STORE_OK) {
        rc = cli_store_fail(s, src);
        goto out;
    }
    digest d;
    digest_build(p, h, &ctx->cfg.rules, today, since, o.mine ? ctx->user : NULL, a, &d);
    char s0[16], s1[16];
    day_str(since, s0, sizeof s0);
    day_str(today, s1, sizeof s1);
    if (o.format == DG_JSON) rc = print_json(p, &d, s0, s1);
    else print_md_text(ctx, p, &d, s0, s1, o.format == DG_MD);
    if (fflush(stdout) != 0 && !rc) rc = cli_fail(EX_IOERR_, "cannot write to stdout");
out:
    plan_free(p);
    arena_free(a);
    store_close(s);
    return rc;
}
