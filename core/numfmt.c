/* SPDX-License-Identifier: MIT */
/* core/numfmt.c — the display rules of core/numfmt.h. Must not print, read the locale or
 * touch anything but the caller's buffer (numbers are always written in the C form). */
#include "numfmt.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model.h"
#include "progress.h"

bool num_parse(const char *s, double *out)
{
    if (!s || !*s) return false;
    const char *digits = s + (*s == '-' || *s == '+');
    if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) return false;   /* no hex */
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || end == s || !isfinite(v)) return false;
    *out = v;
    return true;
}

bool num_parse_long(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi) return false;
    *out = v;
    return true;
}

long num_pct_round(double ratio)
{
    if (!isfinite(ratio)) return 0;
    /* half up (away from zero): a hair of slack so 0.875 * 100 = 87.49999.. still gives 88 */
    double p = ratio * 100;
    double r = p < 0 ? -floor(-p + 0.5 + 1e-9) : floor(p + 0.5 + 1e-9);
    return (long)r;
}

void num_pct(double ratio, char *buf, size_t n)
{
    snprintf(buf, n, "%ld%%", num_pct_round(ratio));
}

int num_share_text(int applied, int observed, char *buf, size_t n)
{
    double v;
    if (progress_behaviour_value(observed, applied, &v) != 0) {
        snprintf(buf, n, "applied must be a whole number from 0 to observed");
        return -1;
    }
    char num[48];
    model_fmt_num(v, num, sizeof num);
    snprintf(buf, n, "%d of %d applying: %s%%", applied, observed, num);
    return 0;
}

const char *num_plural(long count, const char *one, const char *many)
{
    return count == 1 || count == -1 ? one : many;
}

void num_count(long count, const char *one, const char *many, char *buf, size_t n)
{
    snprintf(buf, n, "%ld %s", count, num_plural(count, one, many));
}
