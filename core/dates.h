/* SPDX-License-Identifier: MIT */
/* core/dates.h — calendar arithmetic for cycles: today (as cli/ hands it in), parsing and
 * formatting YYYY-MM-DD, week-of-cycle, stored UTC stamps shown as local dates. Dates are
 * civil days; the clock and the local zone are handed in by cli/. */
#ifndef LND_DATES_H
#define LND_DATES_H

#include <stdbool.h>

/* Days since 1970-01-01. */
typedef long lnd_day;

/* The clock is handed in by cli/ (cli/clock.c reads time(), $LND_NOW and $LND_TODAY):
 * now in seconds since the epoch (UTC) and today's local date. Until set: the epoch. */
void date_set_clock(long long now, lnd_day today);
/* How cli/ sees an instant in local time: day, seconds of the day, zone abbreviation.
 * Returns false to fall back to UTC. NULL (the default): UTC. */
typedef bool (*date_local_fn)(long long t, lnd_day *day, long *secs, char *zone, unsigned long zn);
void date_set_local(date_local_fn fn);
/* Today's local date and now (UTC seconds), as set by date_set_clock. */
lnd_day date_today(void);
long long date_now(void);
/* Now as the stored form "YYYY-MM-DD HH:MM:SS" (UTC). buf >= 20. */
void date_now_stamp(char *buf, unsigned long n);
/* An instant as "YYYY-MM-DD HH:MM:SS" (stored form) or, iso, "YYYY-MM-DDTHH:MM:SSZ". */
void date_format_instant(long long t, bool iso, char *buf, unsigned long n);
/* Strict "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SSZ", both UTC. */
bool date_parse_instant(const char *s, long long *out);
/* The local date of a stored UTC stamp (a bare YYYY-MM-DD is taken as is); -1 if unreadable. */
lnd_day date_stamp_day(const char *stamp);
/* A stored UTC stamp shown in local time: "YYYY-MM-DD HH:MM" plus " ZONE" when zone. */
void date_stamp_local(const char *stamp, bool zone, char *buf, unsigned long n);
/* A stored UTC stamp's local date "YYYY-MM-DD"; buf >= 11. */
void date_stamp_local_day(const char *stamp, char *buf, unsigned long n);
/* Days since the epoch of a civil date (no checks). */
lnd_day date_from_ymd(long y, int m, int d);
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
