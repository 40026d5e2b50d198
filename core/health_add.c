/* SPDX-License-Identifier: MIT */
/* core/health_add.c — recording a finding of an alignment health rule (health_add: its rule,
 * severity, rows, fix, message and a waiver's note) and a title cut to fit a message, shared
 * by the rules of health.c and health_result.c, which call this and not each other. Pure: no
 * I/O. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "health.h"
#include "health_int.h"

void health_title(const char *t, char *out, size_t n)
{
    if (!t) t = "";
    size_t len = strlen(t);
    if (len >= n) {   /* longer than any title lnd stores: cut on a character boundary */
        len = n - 1;
        while (len > 0 && ((unsigned char)t[len] & 0xC0) == 0x80) len--;
    }
    memcpy(out, t, len);
    out[len] = '\0';
}

/* Record a finding of rule id. fix: this finding's own fix, NULL = the rule's (FIX_RULE). The
 * message goes to the arena at its length (a finding is ~80 bytes, not 560: check's memory). */
void health_add(hctx *h, const char *id, lnd_id obj, lnd_id kr, lnd_id prog, const lnd_fix *fix,
                const char *fmt, ...)
{
    const health_rule *r = health_rule_find(id);
    if (!r || health_rule_disabled(h->o->disabled, id)) return;
    if (h->n == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 32;
        h->v = realloc(h->v, h->cap * sizeof *h->v);
        if (!h->v) arena_oom(h->cap * sizeof *h->v);
    }
    lnd_finding *f = &h->v[h->n++];
    memset(f, 0, sizeof *f);
    f->id = r->id;
    f->sev = r->sev;
    f->obj_id = obj;
    f->kr_id = kr;
    f->prog_id = prog;
    f->fix = fix ? *fix : (lnd_fix){.kind = FIX_RULE, .level = -1};
    char msg[1280];   /* two whole titles (HEALTH_TITLE_MAX) and the words around them */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const lnd_waiver *w = obj && !kr && !prog ? plan_waiver(h->p, obj, r->id) : NULL;
    if (w) {
        size_t len = strlen(msg);
        snprintf(msg + len, sizeof msg - len, " (waived: %.200s)", w->reason ? w->reason : "");
        f->fix = (lnd_fix){.kind = FIX_UNWAIVE, .level = -1, .id = obj,
                           .who = arena_strdup(h->a, w->author ? w->author : "?")};
        f->sev = HEALTH_INFO;
        f->waived = true;
    }
    f->msg = arena_strdup(h->a, msg);
}
