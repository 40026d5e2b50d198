/* SPDX-License-Identifier: MIT */
/* core/model.c — names of the model's enum values, one table each, used by the CLI, JSON
 * and the database. Parsing is exact (lower case); unknown names give -1. */
#include "model.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char *const cycle_states[] = {"planning", "active", "review", "closed"};
static const char *const levels[] = {"business", "ld", "team"};
static const char *const otypes[] = {"committed", "aspirational", "learning"};
static const char *const directions[] = {"increase", "decrease"};
static const char *const evidences[] = {"activity", "reaction", "learning", "behaviour", "results"};
static const char *const indicators[] = {"leading", "lagging"};
static const char *const statuses[] = {"no data", "on track", "at risk", "off track", "done",
                                             "not due", "not measured", "met", "missed"};
static const char *const bands[] = {"red", "amber", "green"};

#define N_OF(t) ((int)(sizeof(t) / sizeof((t)[0])))

static const char *name_of(const char *const *t, int n, int v)
{
    return v >= 0 && v < n ? t[v] : "?";
}

static int parse_in(const char *const *t, int n, const char *s)
{
    if (!s) return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(t[i], s) == 0) return i;
    return -1;
}

const char *model_cycle_state_name(lnd_cycle_state s) { return name_of(cycle_states, N_OF(cycle_states), (int)s); }
int model_cycle_state_parse(const char *s) { return parse_in(cycle_states, N_OF(cycle_states), s); }
const char *model_level_name(lnd_level l) { return name_of(levels, N_OF(levels), (int)l); }
const char *model_otype_name(lnd_otype t) { return name_of(otypes, N_OF(otypes), (int)t); }
int model_otype_parse(const char *s) { return parse_in(otypes, N_OF(otypes), s); }
const char *model_direction_name(lnd_direction d) { return name_of(directions, N_OF(directions), (int)d); }
int model_direction_parse(const char *s) { return parse_in(directions, N_OF(directions), s); }
const char *model_evidence_name(lnd_evidence e) { return name_of(evidences, N_OF(evidences), (int)e); }
const char *model_indicator_name(lnd_indicator i) { return name_of(indicators, N_OF(indicators), (int)i); }
int model_indicator_parse(const char *s) { return parse_in(indicators, N_OF(indicators), s); }
const char *model_status_name(lnd_status s) { return name_of(statuses, N_OF(statuses), (int)s); }
const char *model_band_name(lnd_band b) { return name_of(bands, N_OF(bands), (int)b); }

int model_level_parse(const char *s)
{
    if (s && strcmp(s, "l&d") == 0) return LEVEL_LD;
    return parse_in(levels, N_OF(levels), s);
}

int model_evidence_parse(const char *s)
{
    if (s && strcmp(s, "behavior") == 0) return EV_BEHAVIOUR;   /* US spelling */
    if (s && strcmp(s, "result") == 0) return EV_RESULTS;
    return parse_in(evidences, N_OF(evidences), s);
}

/* Unsigned decimal into b (no NUL), returns its length. */
static size_t put_u(unsigned long long v, char *b)
{
    char t[24];
    size_t n = 0;
    do t[n++] = (char)('0' + v % 10); while ((v /= 10) > 0);
    for (size_t i = 0; i < n; i++) b[i] = t[n - 1 - i];
    return n;
}

const char *model_who(const char *label, const char *account, char *buf, size_t n)
{
    if (!label) label = "";
    if (!account || !*account || strcmp(account, label) == 0) snprintf(buf, n, "%s", label);
    else if (!*label) snprintf(buf, n, "%s", account);
    else snprintf(buf, n, "%s (as %s)", account, label);
    return buf;
}

void model_fmt_num(double v, char *buf, size_t n)
{
    /* hundredths as an integer: cheaper than %f (40,000 KRs print three numbers each) */
    if (!(fabs(v) < 1e15) || n < 32) {
        snprintf(buf, n, "%g", v);
        return;
    }
    long long c = llround(v * 100);
    unsigned long long a = c < 0 ? (unsigned long long)-c : (unsigned long long)c;
    size_t len = 0;
    if (c < 0) buf[len++] = '-';
    len += put_u(a / 100, buf + len);
    unsigned fp = (unsigned)(a % 100);
    if (fp) {
        buf[len++] = '.';
        buf[len++] = (char)('0' + fp / 10);
        if (fp % 10) buf[len++] = (char)('0' + fp % 10);
    }
    buf[len] = '\0';
}
