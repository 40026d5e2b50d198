/* core/cohort.c — cohort names and the trained-versus-comparison numbers (see cohort.h). */
#include "cohort.h"

#include <stdio.h>
#include <string.h>

static const char *next_name(const char *p, const char **start, size_t *len)
{
    while (*p == ' ') p++;
    *start = p;
    const char *e = strchr(p, ',');
    const char *end = e ? e : p + strlen(p);
    const char *t = end;
    while (t > p && t[-1] == ' ') t--;
    *len = (size_t)(t - p);
    return e ? e + 1 : NULL;
}

bool cohort_name(const char *list, size_t i, char *buf, size_t n)
{
    const char *p = list ? list : "", *st;
    size_t len, k = 0;
    while (p) {
        p = next_name(p, &st, &len);
        if (k++ == i) {
            if (!len || len >= n) return false;
            memcpy(buf, st, len);
            buf[len] = '\0';
            return true;
        }
    }
    return false;
}

int cohort_index(const char *list, const char *name)
{
    const char *st;
    size_t nlen;
    if (!name) return -1;
    next_name(name, &st, &nlen);
    if (!nlen || strchr(name, ',')) return -1;
    const char *p = list ? list : "";
    int k = 0;
    while (p) {
        size_t len;
        const char *s;
        p = next_name(p, &s, &len);
        if (len == nlen && memcmp(s, st, len) == 0) return k;
        k++;
    }
    return -1;
}

bool cohort_list_valid(const char *list)
{
    char names[4][COHORT_NAME_MAX + 1];
    size_t k = 0;
    const char *p = list ? list : "", *st;
    while (p) {
        size_t len;
        p = next_name(p, &st, &len);
        if (!len || len > COHORT_NAME_MAX || k == 4) return false;
        memcpy(names[k], st, len);
        names[k][len] = '\0';
        for (size_t j = 0; j < k; j++)
            if (strcmp(names[j], names[k]) == 0) return false;
        k++;
    }
    return k >= 2;
}

static bool later(const lnd_checkin *a, const lnd_checkin *b)
{
    int c = strcmp(a->at ? a->at : "", b->at ? b->at : "");
    return c > 0 || (c == 0 && a->id > b->id);
}

static void run_of(const lnd_checkin *cs, size_t n, const char *name, cohort_run *r)
{
    const lnd_checkin *first = NULL, *last = NULL;
    r->n = 0;
    for (size_t i = 0; i < n; i++) {
        if (!cs[i].cohort || strcmp(cs[i].cohort, name) != 0) continue;
        r->n++;
        if (!first || later(first, &cs[i])) first = &cs[i];
        if (!last || later(&cs[i], last)) last = &cs[i];
    }
    r->first = first ? first->value : 0;
    r->last = last ? last->value : 0;
}

void cohort_compare(const lnd_checkin *cs, size_t n, const char *trained, const char *other,
                    lnd_direction dir, cohort_cmp *out)
{
    memset(out, 0, sizeof *out);
    run_of(cs, n, trained, &out->trained);
    run_of(cs, n, other, &out->other);
    out->comparable = out->trained.n >= 2 && out->other.n >= 2;
    if (!out->comparable) return;
    double d = (out->trained.last - out->trained.first) - (out->other.last - out->other.first);
    out->diff = dir == DIR_DECREASE ? -d : d;
}
