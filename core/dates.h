/* SPDX-License-Identifier: MIT */
/* core/dates.h — calendar arithmetic for cycles: today (honouring LND_TODAY), parsing and
 * formatting YYYY-MM-DD, week-of-cycle. Dates are civil days; no time zones beyond UTC. */
#ifndef LND_DATES_H
#define LND_DATES_H

#include <stdbool.h>

/* Days since 1970-01-01. */
typedef long lnd_day;

/* Today: LND_TODAY=YYYY-MM-DD when set and valid, else the UTC date. */
lnd_day date_today(void);
/* False when LND_TODAY is set, non-empty and not a valid YYYY-MM-DD (date_today then ignores
 * it; the CLI should refuse it). True when unset, empty or valid. */
bool date_env_today_valid(void);
/* Now as "YYYY-MM-DD HH:MM:SS" UTC; with LND_TODAY set, that day at 12:00:00. buf >= 20. */
void date_now_stamp(char *buf, unsigned long n);
/* Strict YYYY-MM-DD (real calendar date). Returns false on anything else. */
bool date_parse(const char *s, lnd_day *out);
/* "YYYY-MM-DD"; buf >= 11. */
void date_format(lnd_day d, char *buf, unsigned long n);
/* Week of a cycle that starts on start and lasts weeks: 0 before the start, 1..weeks during,
 * weeks+1 after. */
int date_week_of_cycle(lnd_day start, int weeks, lnd_day day);
/* The day a week starts: start + 7*(week-1). */
lnd_day date_week_start(lnd_day start, int week);

#endif
