/* core/cohort.h — cohorts named by a programme (trained / not yet trained, pilot / control)
 * and the comparison the report makes: per cohort the first and last value, and the
 * difference = trained change minus comparison change, sign-adjusted so that positive is
 * always better (a decrease KR improves by going down). Fewer than 2 values in a cohort is
 * "too few to compare". Pure: works on check-ins handed in. */
#ifndef LND_COHORT_H
#define LND_COHORT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

#define COHORT_DEFAULT "trained,not yet trained"
#define COHORT_NAME_MAX 64

/* The i-th name (0 = the trained/pilot cohort) of a comma-separated list into buf, trimmed.
 * False when there is no such name. */
bool cohort_name(const char *list, size_t i, char *buf, size_t n);
/* Index of name in list (exact, after trimming both), -1 if absent. */
int cohort_index(const char *list, const char *name);
/* A valid cohort list: 2 to 4 distinct non-empty names of at most COHORT_NAME_MAX bytes. */
bool cohort_list_valid(const char *list);

typedef struct {
    size_t n;             /* check-ins in the cohort */
    double first, last;   /* by date (then id) */
} cohort_run;

typedef struct {
    cohort_run trained, other;
    bool comparable;      /* both have 2 or more values */
    double diff;          /* sign-adjusted: positive = the trained cohort did better */
} cohort_cmp;

/* Compare the trained cohort with the comparison cohort over check-ins cs (any order). */
void cohort_compare(const lnd_checkin *cs, size_t n, const char *trained, const char *other,
                    lnd_direction dir, cohort_cmp *out);

#endif
