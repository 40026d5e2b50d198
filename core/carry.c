/* SPDX-License-Identifier: MIT */
/* core/carry.c — carry-forward choices and the "carried from" line (see carry.h). */
#include "carry.h"

#include <stdio.h>
#include <string.h>

bool carry_kr_done(const lnd_kr *kr)
{
    if (!kr->has_current) return false;
    return kr->direction == DIR_DECREASE ? kr->current <= kr->target : kr->current >= kr->target;
}

static const lnd_review *review_of(const lnd_review *rv, size_t n, lnd_id id)
{
    for (size_t i = 0; i < n; i++)
        if (rv[i].objective_id == id) return &rv[i];
    return NULL;
}

long carry_choose(const lnd_plan *p, const lnd_review *rv, size_t nrv, const carry_opts *o,
                  carry_pick *picks, char *err, size_t errsz)
{
    if (err && errsz) err[0] = '\0';
    /* 1 = marked, 2 = pulled in as a parent */
    unsigned char *want = arena_alloc(p->arena, p->nobjs + 1);
    memset(want, 0, p->nobjs + 1);
    for (size_t i = 0; i < p->nobjs; i++) {
        const lnd_review *r = review_of(rv, nrv, p->objs[i].id);
        if (!p->objs[i].archived && r && r->carry_forward) want[i] = 1;
    }
    if (o && o->with_parents) {
        for (size_t i = 0; i < p->nobjs; i++) {
            if (!want[i]) continue;
            size_t at = i;
            for (int guard = 0; guard < 64; guard++) {
                long pi = p->objs[at].parent_id ? plan_obj_index(p, p->objs[at].parent_id) : -1;
                if (pi < 0 || p->objs[pi].archived) break;
                if (!want[pi]) want[pi] = 2;
                at = (size_t)pi;
            }
        }
    }
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    long n = 0;
    long *pick_of = arena_alloc(p->arena, (p->nobjs + 1) * sizeof *pick_of);
    for (size_t i = 0; i < p->nobjs; i++) pick_of[i] = -1;
    for (size_t r = 0; r < nrows; r++) {
        size_t i = rows[r].obj;
        if (!want[i]) continue;
        const lnd_objective *ob = &p->objs[i];
        carry_pick k = {.obj = i, .parent_pick = -1, .marked = want[i] == 1};
        long pi = ob->parent_id ? plan_obj_index(p, ob->parent_id) : -1;
        bool self_before = false;
        for (size_t b = 0; o && b < o->nbefore; b++) self_before = self_before || o->before[b] == ob->id;
        if (self_before) {
            /* already in the next cycle, under whatever parent it has there */
        } else if (pi >= 0 && pick_of[pi] >= 0) {
            k.parent_pick = pick_of[pi];
        } else if (pi >= 0 && !p->objs[pi].archived) {
            bool before = false;
            for (size_t b = 0; o && b < o->nbefore; b++) before = before || o->before[b] == ob->parent_id;
            if (before) {
                k.parent_before = ob->parent_id;
            } else if (o && o->parent) {
                k.new_parent = o->parent;
            } else {
                if (err)
                    snprintf(err, errsz, "O%lld would arrive without its parent O%lld, which is not carried",
                             ob->id, ob->parent_id);
                return -1;
            }
        }
        pick_of[i] = n;
        picks[n++] = k;
    }
    return n;
}

void carry_origin_text(const carry_origin *c, char *buf, size_t n)
{
    char sc[32] = "not scored";
    if (c->has_score) {
        snprintf(sc, sizeof sc, "scored %.2f", c->score);
        size_t len = strlen(sc);
        if (sc[len - 1] == '0') sc[len - 1] = '\0';
    }
    const char *why = c->carry && *c->carry ? c->carry : c->finding;
    snprintf(buf, n, "carried from O%lld (%s, %s)%s%s", c->from, c->cycle ? c->cycle : "?", sc,
             why && *why ? ": " : "", why && *why ? why : "");
}

const carry_origin *carry_origin_of(const carry_origin *c, size_t n, lnd_id id)
{
    for (size_t i = 0; i < n; i++)
        if (c[i].objective_id == id) return &c[i];
    return NULL;
}
