/* SPDX-License-Identifier: MIT */
/* cli/clock.c — the only place lnd reads the clock and the time zone: now from time() or
 * $LND_NOW (YYYY-MM-DDTHH:MM:SSZ), today's local date (TZ honoured) or $LND_TODAY, handed to
 * core/dates before any command runs. Nothing is written. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/dates.h"

/* The local-time hook for core/dates: localtime_r honours TZ. */
static bool local_time(long long t, lnd_day *day, long *secs, char *zone, unsigned long zn)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if ((long long)tt != t || !localtime_r(&tt, &tm)) return false;
    *day = date_from_ymd(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
    *secs = tm.tm_hour * 3600L + tm.tm_min * 60L + tm.tm_sec;
    if (zone && zn && strftime(zone, zn, "%Z", &tm) == 0) zone[0] = '\0';
    return true;
}

void cli_local_midnight_utc(lnd_day d, char *buf, size_t n)
{
    char day[16];
    date_format(d, day, sizeof day);
    struct tm tm = {0};
    tm.tm_year = atoi(day) - 1900;
    tm.tm_mon = atoi(day + 5) - 1;
    tm.tm_mday = atoi(day + 8);
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1) snprintf(buf, n, "%s 00:00:00", day);
    else date_format_instant((long long)t, false, buf, n);
}

void cli_clock_tick(void)
{
    const char *now_env = getenv("LND_NOW"), *today_env = getenv("LND_TODAY");
    if ((now_env && *now_env) || (today_env && *today_env)) return;   /* pinned */
    long long now = (long long)time(NULL);
    lnd_day today;
    long secs;
    if (!local_time(now, &today, &secs, NULL, 0)) today = date_today();
    date_set_clock(now, today);
}

int cli_clock_init(void)
{
    tzset();
    date_set_local(local_time);
    const char *now_env = getenv("LND_NOW"), *today_env = getenv("LND_TODAY");
    long long now = (long long)time(NULL);
    lnd_day today = -1;
    bool pinned_now = now_env && *now_env, pinned_today = today_env && *today_env;
    int rc = 0;
    if (pinned_now && !(strlen(now_env) == 20 && date_parse_instant(now_env, &now))) {
        rc = cli_fail(EX_USAGE_, "LND_NOW='%s' is not an instant; use YYYY-MM-DDTHH:MM:SSZ (UTC) "
                      "or unset it", cli_safe(now_env));
        pinned_now = false;
        now = (long long)time(NULL);
    }
    if (pinned_today && !date_parse(today_env, &today)) {
        if (!rc)
            rc = cli_fail(EX_USAGE_, "LND_TODAY='%s' is not a date; use YYYY-MM-DD or unset it",
                          cli_safe(today_env));
        pinned_today = false;
    }
    if (pinned_today && !pinned_now) now = (long long)today * 86400 + 12 * 3600;   /* noon UTC */
    if (!pinned_today) {
        long secs;
        if (!local_time(now, &today, &secs, NULL, 0))
            today = (lnd_day)(now >= 0 ? now / 86400 : -((-now + 86399) / 86400));
    }
    date_set_clock(now, today);
    return rc;
}
