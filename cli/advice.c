/* SPDX-License-Identifier: MIT */
/* cli/advice.c — the command-line advice after a message from core/ or store/. Those say only
 * what is wrong ("no key result K9"); the CLI adds which command helps ("see `lnd status` for
 * ids"), the dashboard its own. Also a health finding's fix (data in core/health.h) worded as
 * the command to run. Only text: no I/O. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *start, *also, *advice;
} advice[] = {
    {"no objective O", NULL, "see `lnd status` for ids"},
    {"no key result K", NULL, "see `lnd status` for ids"},
    {"parent O", " does not exist", "see `lnd status` for ids"},
    {"parent ", " is not an objective of cycle ", "see `lnd status`"},
    {"no cycle with id ", NULL, "see `lnd cycle list`"},
    {"no cycle named ", NULL, "see `lnd cycle list`"},
    {"no cycles yet", NULL, "add one with `lnd cycle add NAME --start YYYY-MM-DD`"},
    {"no database at ", NULL, "run `lnd init`"},
    {"no programme P", NULL, "see `lnd programme list`"},
    {"no KPI ", NULL, "see `lnd kpi list`"},
};

/* "K9 measures results, not behaviour" (store/): a value is what such a KR takes. */
static bool advise_behaviour(char *msg, size_t n)
{
    static const char tail[] = ", not behaviour";
    char *m = strstr(msg, " measures "), *end = m ? strstr(m, tail) : NULL;
    if (!end) return false;
    char *k = m;
    while (k > msg && k[-1] >= '0' && k[-1] <= '9') k--;
    if (k == m || k == msg || k[-1] != 'K') return false;
    end += sizeof tail - 1;
    char add[64];
    int len = snprintf(add, sizeof add, "; log a value: lnd checkin K%.*s VALUE", (int)(m - k), k);
    size_t have = strlen(msg);
    if (len <= 0 || have + (size_t)len + 1 > n) return true;
    memmove(end + len, end, have - (size_t)(end - msg) + 1);
    memcpy(end, add, (size_t)len);
    return true;
}

void cli_advise(char *msg, size_t n)
{
    if (strstr(msg, "`lnd ")) return;   /* the CLI's own message already says what to run */
    if (advise_behaviour(msg, n)) return;
    for (size_t i = 0; i < sizeof advice / sizeof advice[0]; i++) {
        char *at = strstr(msg, advice[i].start);
        /* the phrase starts the message or follows ": " (a file name, a line) */
        while (at && at != msg && !(at - msg >= 2 && at[-2] == ':' && at[-1] == ' '))
            at = strstr(at + 1, advice[i].start);
        if (!at) continue;
        char *end = strchr(at, ';');
        if (!end) end = at + strlen(at);
        if (advice[i].also) {
            char *a = strstr(at, advice[i].also);
            if (!a || a > end) continue;
        }
        size_t len = strlen(msg), add = strlen(advice[i].advice) + 2;
        if (len + add + 1 > n) return;
        memmove(end + add, end, len - (size_t)(end - msg) + 1);
        memcpy(end, "; ", 2);
        memcpy(end + 2, advice[i].advice, add - 2);
        return;
    }
}

/* ---- the fix of a health finding, as the command to run (core/health.h keeps it as data) ---- */

/* Each rule's usual fix; "O?", "K?", "P?" stand for the finding's ids. */
static const struct {
    const char *id, *fix;
} rule_fix[] = {
    {"H01", "set a business parent: lnd objective edit O? --parent O<business objective>"},
    {"H02", "add a results KR, the business metric this should move: lnd kr add --objective O? --evidence results ..."},
    {"H03", "mix both: leading shows learning is applied, lagging shows performance moved"},
    {"H04", "measure it before the programme runs: lnd kr edit K? --baseline N"},
    {"H05", "share an outcome: lnd kr edit K? --coowner NAME"},
    {"H06", "say what must shift and what is different if it works: lnd objective edit O? --problem TEXT --outcome TEXT"},
    {"H07", "focus: about 3-5; archive or merge the rest"},
    {"H08", "link it (lnd programme edit P? --objective O?) or end it before the KRs are due"},
    {"H09", "log a check-in: lnd checkin K? VALUE"},
    {"H10", "add one beneath it: lnd objective add --parent O? --level ld --title ..."},
    {"H11", "set targets that improve, or track it as a KPI: lnd kpi add"},
    {"H12", "add a KR that shows it worked: lnd kr add --objective O? ..."},
    {"H13", "report the result, not the activity; rethink the programme or the result's target"},
    {"H14", "set a target that moves: lnd kr edit K? --target N"},
    {"H15", "say what it tests: lnd objective edit O? --hypothesis TEXT"},
};

const char *cli_rule_fix(const health_rule *r)
{
    for (size_t i = 0; i < sizeof rule_fix / sizeof rule_fix[0]; i++)
        if (!strcmp(rule_fix[i].id, r->id)) return rule_fix[i].fix;
    return r->fix;
}

/* The rule's fix with "O?", "K?", "P?" replaced by the finding's ids ("O<id>" when it has none). */
static void fill_ids(const lnd_finding *f, const char *src, char *out, size_t cap)
{
    size_t w = 0;
    for (const char *c = src; *c && w + 24 < cap; c++) {
        if ((c[0] == 'O' || c[0] == 'K' || c[0] == 'P') && c[1] == '?') {
            lnd_id v = c[0] == 'O' ? f->obj_id : c[0] == 'K' ? f->kr_id : f->prog_id;
            if (v) w += (size_t)snprintf(out + w, cap - w, "%c%lld", c[0], v);
            else w += (size_t)snprintf(out + w, cap - w, "%c<id>", c[0]);
            c++;
            continue;
        }
        out[w++] = *c;
    }
    out[w] = '\0';
}

const char *cli_fix_text(const lnd_finding *f, char *out, size_t n)
{
    static const char *const lvname[] = {"business", "L&D", "team"};
    const lnd_fix *x = &f->fix;
    char b[200];   /* a fix is at most 199 bytes, as `lnd check` always printed */
    const health_rule *r = health_rule_find(f->id);
    switch (x->kind) {
    case FIX_RULE: fill_ids(f, r ? cli_rule_fix(r) : "", b, sizeof b); break;
    case FIX_BREAK:
        snprintf(b, sizeof b, "give O%lld a business parent: lnd objective edit O%lld --parent O<business objective>",
                 x->id, x->id);
        break;
    case FIX_PARENT:
        if (x->level != LEVEL_BUSINESS)
            snprintf(b, sizeof b, "set its parent: lnd objective edit O%lld --parent O<L&D objective>", x->id);
        else if (x->other)
            snprintf(b, sizeof b, "set a business parent: lnd objective edit O%lld --parent O%lld", x->id, x->other);
        else
            snprintf(b, sizeof b, "set a business parent: lnd objective edit O%lld --parent O<business objective>", x->id);
        break;
    case FIX_FOCUS:
        if (x->level < 0 || x->level >= LEVEL_N)
            snprintf(b, sizeof b, "focus: about 3-5 KRs; archive or merge the rest: lnd kr archive K<id>");
        else
            snprintf(b, sizeof b, "focus: about 3-5 %s objectives; archive or merge the rest: lnd objective archive O<id>",
                     lvname[x->level]);
        break;
    case FIX_PROG_LINK:
        snprintf(b, sizeof b, "link it to the objective it serves: lnd programme edit P%lld --objective O<id>", x->id);
        break;
    case FIX_PROG_END:
        snprintf(b, sizeof b, "end it by week %d (lnd programme edit P%lld --end-week %d) or move K%lld's due week",
                 x->week, x->id, x->week, x->other);
        break;
    case FIX_PROG_START:
        snprintf(b, sizeof b, "start it earlier (lnd programme edit P%lld --start-week W --end-week W) or move K%lld's due week",
                 x->id, x->other);
        break;
    case FIX_PROG_LATE:
        if (x->week > 0)
            snprintf(b, sizeof b, "deliver it by week %d so results can move this cycle: lnd programme edit P%lld --end-week %d",
                     x->week, x->id, x->week);
        else
            snprintf(b, sizeof b, "deliver it earlier so results can move this cycle: lnd programme edit P%lld --start-week W --end-week W",
                     x->id);
        break;
    case FIX_BASELINE_AT:
        snprintf(b, sizeof b, "measure it before the next run, or correct its date: lnd kr edit K%lld "
                 "--baseline-date YYYY-MM-DD", x->id);
        break;
    case FIX_UNWAIVE:
        snprintf(b, sizeof b, "waived by %.60s; to lift it: lnd objective edit O%lld --unwaive %s",
                 x->who ? x->who : "?", x->id, f->id);
        break;
    default: b[0] = '\0';
    }
    snprintf(out, n, "%s", b);
    return out;
}
