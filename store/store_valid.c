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

bool st_stamp(const char *in, char *out)
{
    if (!in || !*in) {
        date_now_stamp(out, 20);
        return true;
    }
    lnd_day d;
    long long t;
    if (strlen(in) == 10 && date_parse(in, &d)) {
        snprintf(out, 20, "%s 12:00:00", in);
        return true;
    }
    /* "YYYY-MM-DD HH:MM:SS" (stored form, older exports), "YYYY-MM-DDTHH:MM:SSZ" (ISO 8601) */
    char t_form[20];
    if (strlen(in) == 19 && in[10] == 'T') {          /* "T" without "Z": accepted as before */
        memcpy(t_form, in, 20);
        t_form[10] = ' ';
        in = t_form;
    }
    if (!date_parse_instant(in, &t)) return false;
    date_format_instant(t, false, out, 20);
    return true;
}

const char *st_local(const char *stamp)
{
    static char buf[2][48];
    static unsigned next;
    char *b = buf[next++ % 2];
    date_stamp_local(stamp, true, b, sizeof buf[0]);
    return b;
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
