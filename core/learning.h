/* SPDX-License-Identifier: MIT */
/* core/learning.h — learning objectives say what they test: a hypothesis when created, a
 * finding at review, and the finding is their verdict (no score is suggested from
 * progress). Pure. */
#ifndef LND_LEARNING_H
#define LND_LEARNING_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* A learning objective with no hypothesis (older data: rule H15; new ones cannot be made). */
bool learning_missing_hypothesis(const lnd_objective *o);

/* The verdict of a learning objective, as a sentence (buf >= 64): "finding: <text>" once
 * the review states one, else "no finding yet". Returns true when there is a finding. */
bool learning_verdict(const lnd_review *r, char *buf, size_t n);

#endif
