/* SPDX-License-Identifier: MIT */
/* core/review_left.h — how much of a cycle's review is still to do: live objectives with no
 * review row, the rule review mode and `lnd cycle close` both use. Pure. */
#ifndef LND_REVIEW_LEFT_H
#define LND_REVIEW_LEFT_H

#include <stddef.h>

#include "plan.h"

/* Live (not archived) objectives of p with no review in rv (any order); *live gets how many
 * live objectives there are. */
size_t review_left(const lnd_plan *p, const lnd_review *rv, size_t nr, size_t *live);

#endif
