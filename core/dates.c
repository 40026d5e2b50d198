/* SPDX-License-Identifier: MIT */
/* core/dates.c — civil-day arithmetic for cycles (see dates.h). Days are counted from
 * 1970-01-01 with Howard Hinnant's civil-from-days algorithm: no mktime, no time zones, no
 * locale. The only inputs from outside are time() and $LND_TODAY; nothing is written. */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* Seconds since the epoch, split into whole days and seconds of the day (floor). */
static void now_split(lnd_day *day, long *secs)
{
    long long t = (long long)time(NULL);
    long long dd = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    *day = (lnd_day)dd;
    *secs = (long)(t - dd * 86400);
}

bool date_env_today_valid(void)
{
    const char *e = getenv("LND_TODAY");
    return !e || !*e || date_parse(e, NULL);
}

/* LND_TODAY when set and valid. */
static bool env_today(lnd_day *out)
{
    const char *e = getenv("LND_TODAY");
    return e && *e && date_parse(e, out);
}

lnd_day date_today(void)
{
    lnd_day d;
    long secs;
    if (env_today(&d)) return d;
    now_split(&d, &secs);
    return d;
}

void date_now_stamp(char *buf, unsigned long n)
{
    lnd_day d;
    long secs;
    if (!buf || n == 0) return;
    if (env_today(&d)) {
        secs = 12 * 3600;
    } else {
        now_split(&d, &secs);
    }
    char day[16];
    date_format(d, day, sizeof day);
    snprintf(buf, n, "%s %02ld:%02ld:%02ld", day, secs / 3600, secs / 60 % 60, secs % 60);
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
