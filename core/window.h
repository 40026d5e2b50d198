/* core/window.h — measurement windows and follow-up matching, after the quarter: a KR served
 * by a programme is re-measured at +30/+60/+90 days (configurable) after the programme ends,
 * and a check-in counts as a follow-up when it falls from WINDOW_EARLY days before to
 * WINDOW_LATE days after one of those dates (the nearest wins; one check-in settles at most
 * one follow-up). The KR's measurement window runs from the programme's end to that end plus
 * N days (default: the last offset + WINDOW_LATE); follow-ups inside it are accepted even
 * once the cycle is closed. Pure arithmetic on civil days: no I/O, no clock. */
#ifndef LND_WINDOW_H
#define LND_WINDOW_H

#include <stdbool.h>
#include <stddef.h>

#include "dates.h"
#include "model.h"

#define WINDOW_EARLY 7    /* a follow-up may be logged this many days before its date */
#define WINDOW_LATE 14    /* ... and this many days after it */
#define WINDOW_MAX_OFFSETS 3

typedef struct window_rules_s {
    int offsets[WINDOW_MAX_OFFSETS];   /* increasing day counts, e.g. 30, 60, 90 */
    size_t n;
    int window_days;                   /* 0 = the last offset + WINDOW_LATE */
} window_rules;

/* Defaults: 30, 60, 90, window 104 days. */
void window_rules_default(window_rules *r);

/* Last day of a programme: the Sunday of its end week. An end week of 0 (none given) or
 * beyond the cycle means the cycle's last day. */
lnd_day window_programme_end(lnd_day cycle_start, int cycle_weeks, int end_week);

/* Last day of the measurement window of a programme that ended on prog_end. */
lnd_day window_close(const window_rules *r, lnd_day prog_end);

/* Which follow-up does a check-in on day settle? The index into r->offsets of the nearest
 * scheduled date whose span [date - WINDOW_EARLY, date + WINDOW_LATE] holds day (on a tie,
 * the earlier one); -1 when none does. */
int window_match(const window_rules *r, lnd_day prog_end, lnd_day day);

/* Is this KR followed up at all? Behaviour and results KRs are. */
bool window_kr_followed(lnd_evidence ev);

/* The state of one scheduled follow-up, given whether a check-in settled it. */
typedef enum { FU_UPCOMING, FU_DUE, FU_OVERDUE, FU_MISSED, FU_DONE } window_fu_state;
window_fu_state window_fu_state_at(lnd_day due, bool done, lnd_day today);
const char *window_fu_state_name(window_fu_state s);

/* The day part of a "YYYY-MM-DD[ HH:MM:SS]" stamp; false when it has none. */
bool window_stamp_day(const char *stamp, lnd_day *out);

#endif
