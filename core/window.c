/* core/window.c — measurement windows and follow-up matching (see window.h). */
#include "window.h"

#include <stdlib.h>
#include <string.h>

void window_rules_default(window_rules *r)
{
    r->offsets[0] = 30;
    r->offsets[1] = 60;
    r->offsets[2] = 90;
    r->n = 3;
    r->window_days = 0;
}

lnd_day window_programme_end(lnd_day cycle_start, int cycle_weeks, int end_week)
{
    if (end_week <= 0 || end_week > cycle_weeks) end_week = cycle_weeks;
    return date_week_start(cycle_start, end_week) + 6;
}

lnd_day window_close(const window_rules *r, lnd_day prog_end)
{
    int last = r->n ? r->offsets[r->n - 1] : 0;
    int days = r->window_days > 0 ? r->window_days : last + WINDOW_LATE;
    return prog_end + days;
}

int window_match(const window_rules *r, lnd_day prog_end, lnd_day day)
{
    int best = -1;
    long best_d = 0;
    for (size_t i = 0; i < r->n; i++) {
        lnd_day due = prog_end + r->offsets[i];
        if (day < due - WINDOW_EARLY || day > due + WINDOW_LATE) continue;
        long d = labs((long)(day - due));
        if (best < 0 || d < best_d) {
            best = (int)i;
            best_d = d;
        }
    }
    return best;
}

bool window_kr_followed(lnd_evidence ev)
{
    return ev == EV_BEHAVIOUR || ev == EV_RESULTS;
}

window_fu_state window_fu_state_at(lnd_day due, bool done, lnd_day today)
{
    if (done) return FU_DONE;
    if (today < due - WINDOW_EARLY) return FU_UPCOMING;
    if (today <= due) return FU_DUE;
    if (today <= due + WINDOW_LATE) return FU_OVERDUE;
    return FU_MISSED;
}

const char *window_fu_state_name(window_fu_state s)
{
    static const char *const names[] = {"upcoming", "due", "overdue", "missed", "done"};
    return (unsigned)s < 5 ? names[s] : "?";
}

bool window_stamp_day(const char *stamp, lnd_day *out)
{
    if (!stamp || strlen(stamp) < 10) return false;
    char d[11];
    memcpy(d, stamp, 10);
    d[10] = '\0';
    return date_parse(d, out);
}
