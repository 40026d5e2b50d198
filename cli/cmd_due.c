/* cli/cmd_due.c — `lnd due`: the follow-ups to log, across every cycle whose measurement
 * windows are still open (a closed cycle's follow-ups are still taken inside the window),
 * as text or JSON, optionally only the KRs you own or co-own. */
#include <jansson.h>
#include <string.h>

#include "../core/followup.h"
#include "../store/store_io.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

typedef struct {
    const char *cycle, *format;
    bool mine;
} due_opts;

static int due_opt(void *st, int c, const char *arg)
{
    due_opts *o = st;
    if (c == 'c') o->cycle = arg;
    else if (c == 'f') o->format = arg;
    else if (c == 'm') o->mine = true;
    return 0;
}

static const char due_help[] =
    "usage: lnd due [--mine] [--cycle NAME] [--format text|json]\n\n"
    "Follow-ups to log: a programme's end schedules check-ins on the behaviour and results\n"
    "KRs it serves at +30, +60 and +90 days (config health.followup_days). A check-in from 7\n"
    "days before to 14 days after the date settles it, even once the cycle is closed, until\n"
    "the KR's measurement window closes (health.window_days). Lists every cycle with an open\n"
    "window; --mine only the KRs you own or co-own.\n";

static void due_rules(const cli_ctx *ctx, window_rules *r)
{
    window_rules_default(r);
    memcpy(r->offsets, ctx->cfg.followup_days, sizeof r->offsets);
    r->window_days = ctx->cfg.window_days;
}

static json_t *due_json(const lnd_plan *p, const lnd_followup *f)
{
    const lnd_kr *kr = &p->krs[f->kr];
    char due[16], from[16], to[16], closes[16];
    date_format(f->due, due, sizeof due);
    date_format(f->due - WINDOW_EARLY, from, sizeof from);
    date_format(f->due + WINDOW_LATE, to, sizeof to);
    date_format(f->window_close, closes, sizeof closes);
    json_t *j = json_object();
    json_object_set_new(j, "state", json_string(window_fu_state_name(f->state)));
    json_object_set_new(j, "kr", cj_id('K', kr->id));
    json_object_set_new(j, "title", json_string(kr->title));
    json_object_set_new(j, "evidence", json_string(model_evidence_name(kr->evidence)));
    json_object_set_new(j, "owner", cj_str(kr->owner && *kr->owner ? kr->owner : NULL));   /* unset: null */
    json_object_set_new(j, "coowner", cj_str(kr->coowner && *kr->coowner ? kr->coowner : NULL));
    json_object_set_new(j, "cycle", cj_cycle(p, date_today()));   /* .cycle.state: closed, ... */
    json_object_set_new(j, "programme", cj_id('P', p->progs[f->prog].id));
    json_object_set_new(j, "programme_title", json_string(p->progs[f->prog].title));
    json_object_set_new(j, "offset_days", json_integer(f->offset_days));
    json_object_set_new(j, "due", json_string(due));
    json_object_set_new(j, "from", json_string(from));
    json_object_set_new(j, "to", json_string(to));
    json_object_set_new(j, "window_closes", json_string(closes));
    return j;
}

static void due_text(const cli_ctx *ctx, const lnd_plan *p, const lnd_followup *f)
{
    const lnd_kr *kr = &p->krs[f->kr];
    char due[16];
    date_format(f->due, due, sizeof due);
    lnd_status st = f->state == FU_OVERDUE ? STATUS_OFF_TRACK : f->state == FU_DUE ? STATUS_AT_RISK : STATUS_NONE;
    int head = printf("%s%-8s%s %s  K%-4lld ", out_status_color(ctx, st), window_fu_state_name(f->state), out_reset(ctx),
                      due, kr->id) - (int)strlen(out_status_color(ctx, st)) - (int)strlen(out_reset(ctx));
    /* the rest of the line, user text sanitised when printed: "  +30d after PROG (CYCLE)" */
    char tail[800];
    int tn = snprintf(tail, sizeof tail, "  +%dd after %.300s (%.100s", f->offset_days, p->progs[f->prog].title,
                      p->cycle.name);
    if (p->cycle.state == CYCLE_CLOSED && tn > 0 && (size_t)tn < sizeof tail) {
        char closes[16];
        date_format(f->window_close, closes, sizeof closes);
        tn += snprintf(tail + tn, sizeof tail - (size_t)tn, ", closed; window until %s", closes);
    }
    if (tn > 0 && (size_t)tn < sizeof tail) snprintf(tail + tn, sizeof tail - (size_t)tn, ")");
    if (!ctx->stdout_tty && !ctx->width) {   /* piped: whole, the title column at least 44 wide */
        int tw = out_text_width(ctx, kr->title);
        out_text(stdout, ctx, kr->title, tw < 44 ? 44 : -1, true);
        out_text(stdout, ctx, tail, -1, false);
    } else if (!ctx->width) {   /* a terminal: the columns as they were */
        out_text(stdout, ctx, kr->title, 44, true);
        printf("  +%dd after ", f->offset_days);
        out_text(stdout, ctx, p->progs[f->prog].title, 30, false);
        printf(" (");
        out_text(stdout, ctx, p->cycle.name, 20, false);
        if (p->cycle.state == CYCLE_CLOSED) {
            char closes[16];
            date_format(f->window_close, closes, sizeof closes);
            printf(", closed; window until %s", closes);
        }
        putchar(')');
    } else {   /* --width N: the title gives way first, then the rest */
        int W = out_width(ctx, 80), rest = out_text_width(ctx, tail);
        int tw = W - head - rest;
        if (tw < 12) tw = 12;
        out_text(stdout, ctx, kr->title, tw, true);
        out_text(stdout, ctx, tail, W - head - tw, false);
    }
    putchar('\n');
}

static bool mine(const cli_ctx *ctx, const lnd_kr *kr)
{
    return strcmp(kr->owner, ctx->user) == 0 || strcmp(kr->coowner, ctx->user) == 0;
}

int cmd_due(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"mine", no_argument, NULL, 'm'},
                                         {"cycle", required_argument, NULL, 'c'},
                                         {"format", required_argument, NULL, 'f'}, {0}};
    due_opts o = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, due_opt, &o, due_help);
    o.cycle = cli_cycle(ctx, o.cycle);   /* lnd --cycle NAME due */
    if (rc) return rc;
    if (optind < argc) return cli_fail(EX_USAGE_, "due: unexpected '%s'", argv[optind]);
    bool json = o.format && strcmp(o.format, "json") == 0;
    if (o.format && !json && strcmp(o.format, "text") != 0)
        return cli_fail(EX_USAGE_, "due: --format must be text or json, not '%s'", o.format);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *ca = arena_new();
    lnd_cycle *cs = NULL, one;
    size_t ncs = 0;
    store_rc src;
    if (o.cycle) {
        src = store_find_cycle(s, ca, o.cycle, &one);
        cs = &one;
        ncs = 1;
    } else {
        src = store_cycles(s, ca, &cs, &ncs);
        if (src == STORE_OK && ncs == 0) src = STORE_NOTFOUND;
    }
    if (src == STORE_NOTFOUND)
        rc = o.cycle ? cli_fail(EX_DATAERR_, "no cycle named '%s'; see `lnd cycle list`", o.cycle)
                     : cli_fail(EX_NOINPUT_, "no cycle in %s yet; add one: lnd cycle add 2027-Q1 --start 2027-01-04", ctx->db);
    else if (src != STORE_OK) rc = cli_store_fail(s, src);
    window_rules r;
    due_rules(ctx, &r);
    lnd_day today = date_today();
    int shown = 0;
    json_t *arr = json ? json_array() : NULL;
    for (size_t c = 0; !rc && c < ncs; c++) {
        lnd_plan *p;
        if ((src = store_load_plan(s, cs[c].id, &p)) != STORE_OK) {
            rc = cli_store_fail(s, src);
            break;
        }
        lnd_checkin *ck = NULL;
        size_t nck = 0;
        if ((src = store_cycle_checkins(s, p->arena, cs[c].id, &ck, &nck)) != STORE_OK) {
            rc = cli_store_fail(s, src);
            plan_free(p);
            break;
        }
        lnd_followup *f;
        size_t n = followup_list(p, &r, ck, nck, today, p->arena, &f);
        for (size_t i = 0; i < n; i++) {
            if (f[i].state == FU_DONE || f[i].state == FU_MISSED || today > f[i].window_close) continue;
            if (o.mine && !mine(ctx, &p->krs[f[i].kr])) continue;
            if (json) json_array_append_new(arr, due_json(p, &f[i]));
            else due_text(ctx, p, &f[i]);
            shown++;
        }
        plan_free(p);
    }
    arena_free(ca);
    if (!rc && json) {
        json_t *root = json_object();
        char t[16];
        date_format(today, t, sizeof t);
        json_object_set_new(root, "today", json_string(t));
        json_object_set_new(root, "followups", arr);
        arr = NULL;
        json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(root);
    } else if (!rc && !shown) {
        printf("nothing due: no follow-ups are open%s\n", o.mine ? " for you" : "");
    } else if (!rc) {
        printf("log one with: lnd checkin K<id> VALUE (a behaviour KR: --observed N --applied M)\n");
    }
    json_decref(arr);
    store_close(s);
    return rc;
}
