/* SPDX-License-Identifier: MIT */
/* core/plan_parent.h — the parent picker's rule (issue 14): which objectives may become the
 * parent of an objective, the same rule the store enforces on save (same cycle, live, not
 * itself, nothing beneath it: no loop). Pure: works on a loaded plan. */
#ifndef LND_PLAN_PARENT_H
#define LND_PLAN_PARENT_H

#include <stddef.h>
#include "plan.h"

/* Objectives (indexes into p->objs, in cascade order) that objective id may sit under; id 0
 * for a new objective (every live objective). The rows are allocated in p's arena; *at gets
 * the position of its current parent in the list, -1 when it has none (or it is not there). */
size_t plan_parent_choices(const lnd_plan *p, lnd_id id, size_t **out, long *at);

#endif
