/* SPDX-License-Identifier: MIT */
/* core/learning.c — hypothesis and finding of learning objectives (see learning.h). */
#include "learning.h"

#include <stdio.h>

static bool blank(const char *s)
{
    if (!s) return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
    return true;
}

bool learning_missing_hypothesis(const lnd_objective *o)
{
    return o->type == OTYPE_LEARNING && !o->archived && blank(o->hypothesis);
}

bool learning_verdict(const lnd_review *r, char *buf, size_t n)
{
    if (!r || blank(r->finding)) {
        snprintf(buf, n, "no finding yet");
        return false;
    }
    snprintf(buf, n, "finding: %s", r->finding);
    return true;
}
