/* SPDX-License-Identifier: MIT */
/* core/dates.c — civil-day arithmetic for cycles (see dates.h). Days are counted from
 * 1970-01-01 with Howard Hinnant's civil-from-days algorithm: no mktime, no locale, no
 * environment. The clock and the local-time conversion are handed in by cli/ (cli/clock.c);
 * nothing here reads the clock, the environment or a file. */
#include "dates.h"

#include <stdio.h>
#include <string.h>

static bool is_leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(long y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

/* Days since 1970-01-01 of y-m-d (proleptic Gregorian). */
static lnd_day days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(lnd_day z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

bool date_parse(const char *s, lnd_day *out)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    long y = (s[0] - '0') * 1000L + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
    if (out) *out = days_from_civil(y, m, d);
    return true;
}

void date_format(lnd_day d, char *buf, unsigned long n)
{
    long y;
    int m, dd;
    if (!buf || n == 0) return;
    civil_from_days(d, &y, &m, &dd);
    snprintf(buf, n, "%04ld-%02d-%02d", y, m, dd);
}

/* The clock cli/ hands in (date_set_clock) and how to see an instant in local time
 * (date_set_local). Until set: the epoch, in UTC. */
static long long clock_now;
static lnd_day clock_today;
static date_local_fn clock_local;

void date_set_clock(long long now, lnd_day today)
{
    clock_now = now;
    clock_today = today;
}

void date_set_local(date_local_fn fn)
{
    clock_local = fn;
}

lnd_day date_from_ymd(long y, int m, int d)
{
    return days_from_civil(y, m, d);
}

/* Whole days and seconds of the day of t (floor). */
static void split(long long t, lnd_day *day, long *secs)
{
    long long dd = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    *day = (lnd_day)dd;
    *secs = (long)(t - dd * 86400);
}

lnd_day date_today(void)
{
    return clock_today;
}

long long date_now(void)
{
    return clock_now;
}

void date_format_instant(long long t, bool iso, char *buf, unsigned long n)
{
    lnd_day d;
    long secs;
    char day[16];
    if (!buf || n == 0) return;
    split(t, &d, &secs);
    date_format(d, day, sizeof day);
    snprintf(buf, n, iso ? "%sT%02ld:%02ld:%02ldZ" : "%s %02ld:%02ld:%02ld", day, secs / 3600,
             secs / 60 % 60, secs % 60);
}

void date_now_stamp(char *buf, unsigned long n)
{
    date_format_instant(clock_now, false, buf, n);
}

static bool digits2(const char *p, int max, int *out)
{
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9') return false;
    *out = (p[0] - '0') * 10 + (p[1] - '0');
    return *out <= max;
}

bool date_parse_instant(const char *s, long long *out)
{
    if (!s) return false;
    size_t n = strlen(s);
    bool iso = n == 20 && s[10] == 'T' && s[19] == 'Z';
    if (!iso && !(n == 19 && s[10] == ' ')) return false;
    char day[11];
    memcpy(day, s, 10);
    day[10] = '\0';
    lnd_day d;
    int h, m, sec;
    if (!date_parse(day, &d) || s[13] != ':' || s[16] != ':' || !digits2(s + 11, 23, &h) ||
        !digits2(s + 14, 59, &m) || !digits2(s + 17, 59, &sec))
        return false;
    if (out) *out = (long long)d * 86400 + h * 3600L + m * 60L + sec;
    return true;
}

/* Local day, seconds and zone of t: the hook when set, else UTC. */
static void local_of(long long t, lnd_day *day, long *secs, char *zone, unsigned long zn)
{
    if (clock_local && clock_local(t, day, secs, zone, zn)) return;
    split(t, day, secs);
    if (zone && zn) snprintf(zone, zn, "UTC");
}

lnd_day date_stamp_day(const char *stamp)
{
    long long t;
    lnd_day d;
    long secs;
    if (date_parse_instant(stamp, &t)) {
        local_of(t, &d, &secs, NULL, 0);
        return d;
    }
    if (stamp && strlen(stamp) == 10 && date_parse(stamp, &d)) return d;
    return -1;
}

void date_stamp_local(const char *stamp, bool zone, char *buf, unsigned long n)
{
    long long t;
    if (!buf || n == 0) return;
    if (!date_parse_instant(stamp, &t)) {
        snprintf(buf, n, "%s", stamp ? stamp : "");
        return;
    }
    lnd_day d;
    long secs;
    char z[16] = "", day[16];
    local_of(t, &d, &secs, z, sizeof z);
    date_format(d, day, sizeof day);
    if (zone) snprintf(buf, n, "%s %02ld:%02ld %s", day, secs / 3600, secs / 60 % 60, z);
    else snprintf(buf, n, "%s %02ld:%02ld", day, secs / 3600, secs / 60 % 60);
}

void date_stamp_local_day(const char *stamp, char *buf, unsigned long n)
{
    lnd_day d = date_stamp_day(stamp);
    if (d == -1 && buf && n) snprintf(buf, n, "%.10s", stamp ? stamp : "");
    else date_format(d, buf, n);
}

int date_week_of_cycle(lnd_day start, int weeks, lnd_day day)
{
    if (day < start) return 0;
    if (weeks < 0) weeks = 0;
    long w = (day - start) / 7 + 1;
    return w > weeks ? weeks + 1 : (int)w;
}

lnd_day date_week_start(lnd_day start, int week)
{
    return start + 7L * (week - 1);
}
