/* SPDX-License-Identifier: MIT */
/* core/review_left.c — live objectives not yet reviewed (see review_left.h). */
#include "review_left.h"

#include <stdbool.h>

size_t review_left(const lnd_plan *p, const lnd_review *rv, size_t nr, size_t *live)
{
    size_t open = 0;
    *live = 0;
    for (size_t i = 0; p && i < p->nobjs; i++) {
        if (p->objs[i].archived) continue;
        (*live)++;
        bool has = false;
        for (size_t r = 0; r < nr && !has; r++) has = rv[r].objective_id == p->objs[i].id;
        open += !has;
    }
    return open;
}
