/* SPDX-License-Identifier: MIT */
/* store/store_valid.c — value rules shared by several verbs: blank text, timestamps and
 * check-in values. Each failure is STORE_INVALID with a message naming the field and the
 * fix. Pure checks: nothing here reads or writes the database. */
#include "store_int.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"

bool st_blank(const char *s)
{
    if (!s) return true;
    for (; *s; s++)
        if (!isspace((unsigned char)*s)) return false;
    return true;
}

static bool two_digits(const char *p, int max, int *out)
{
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) return false;
    *out = (p[0] - '0') * 10 + (p[1] - '0');
    return *out <= max;
}

bool st_stamp(const char *in, char *out)
{
    if (!in || !*in) {
        date_now_stamp(out, 20);
        return true;
    }
    size_t n = strlen(in);
    char day[11];
    lnd_day d;
    if (n < 10) return false;
    memcpy(day, in, 10);
    day[10] = '\0';
    if (!date_parse(day, &d)) return false;
    if (n == 10) {
        snprintf(out, 20, "%s 12:00:00", day);
        return true;
    }
    int h, m, sec;
    if (n != 19 || (in[10] != ' ' && in[10] != 'T') || in[13] != ':' || in[16] != ':') return false;
    if (!two_digits(in + 11, 23, &h) || !two_digits(in + 14, 59, &m) || !two_digits(in + 17, 59, &sec))
        return false;
    snprintf(out, 20, "%s %02d:%02d:%02d", day, h, m, sec);
    return true;
}

store_rc st_valid_checkin(store *s, const lnd_checkin *c)
{
    if (!isfinite(c->value))
        return st_fail(s, STORE_INVALID, "check-in value must be a finite number");
    if (c->confidence < -1 || c->confidence > 10)
        return st_fail(s, STORE_INVALID, "confidence %d is out of range; give a whole number from 0 to 10",
                       c->confidence);
    bool no_obs = c->observed == -1 && c->applied == -1;
    if (!no_obs) {
        if (c->observed <= 0)
            return st_fail(s, STORE_INVALID, "observed must be at least 1 participant (got %d)", c->observed);
        if (c->applied < 0)
            return st_fail(s, STORE_INVALID, "applied must be 0 or more (got %d)", c->applied);
        if (c->applied > c->observed)
            return st_fail(s, STORE_INVALID, "applied (%d) is more than observed (%d); applied counts only "
                           "those observed", c->applied, c->observed);
    }
    return STORE_OK;
}
