/* SPDX-License-Identifier: MIT */
/* tests/bench/gen.c — builds a large organisation for `make bench`: one active 13-week
 * cycle with B business objectives, 4 L&D objectives under each, 5 KRs per L&D objective and
 * C check-ins spread over the KRs, written through the store verbs in one transaction. Its
 * last line names the KRs tests/bench/run checks in on: "measure: K<n> results K<m> behaviour"
 * (from the middle of the organisation; KR r of each L&D objective has evidence level r).
 * usage: gen DB [business-objectives] [checkins]   (defaults 2000 and 500000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../core/dates.h"
#include "../../store/store.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen DB [business-objectives] [checkins]\n");
        return 64;
    }
    long nbiz = argc > 2 ? atol(argv[2]) : 2000;
    long nchk = argc > 3 ? atol(argv[3]) : 500000;
    char err[512];
    store *s;
    if (store_open(argv[1], STORE_OPEN_CREATE, &s, err, sizeof err) != STORE_OK) {
        fprintf(stderr, "gen: %s\n", err);
        return 74;
    }
    lnd_day today;   /* $LND_TODAY (tests/bench/run pins it), else the real date */
    const char *te = getenv("LND_TODAY");
    if (te && *te) {
        if (!date_parse(te, &today)) {
            fprintf(stderr, "gen: LND_TODAY='%s' is not a date; use YYYY-MM-DD\n", te);
            return 64;
        }
    } else {
        today = (lnd_day)(time(NULL) / 86400);
    }
    date_set_clock((long long)today * 86400 + 12 * 3600, today);
    char start[16];
    date_format(today - 6 * 7, start, sizeof start);
    lnd_cycle cy = {.name = "BENCH-Q", .start = start, .weeks = 13, .state = CYCLE_ACTIVE};
    store_rc rc = store_tx_begin(s);
    if (rc == STORE_OK) rc = store_add_cycle(s, &cy, "bench");
    long nkr = nbiz * 4 * 5;
    lnd_id *krs = malloc(sizeof *krs * (size_t)(nkr > 0 ? nkr : 1));
    lnd_evidence *evs = malloc(sizeof *evs * (size_t)(nkr > 0 ? nkr : 1));
    long k = 0;
    char title[128];
    for (long b = 0; b < nbiz && rc == STORE_OK; b++) {
        snprintf(title, sizeof title, "Business objective %ld: grow segment revenue", b + 1);
        lnd_objective bo = {.cycle_id = cy.id, .level = LEVEL_BUSINESS, .type = OTYPE_ASPIRATIONAL,
                            .title = title, .problem = "Revenue flat", .outcome = "Growth",
                            .capability = "Consultative selling", .owner = "exec",
                            .business_owner = "exec", .cadence_days = 7};
        rc = store_add_objective(s, &bo, "bench");
        for (int l = 0; l < 4 && rc == STORE_OK; l++) {
            snprintf(title, sizeof title, "Equip team %ld.%d with the capability", b + 1, l + 1);
            lnd_objective lo = {.cycle_id = cy.id, .parent_id = bo.id, .level = LEVEL_LD,
                                .type = OTYPE_ASPIRATIONAL, .title = title, .problem = "p",
                                .outcome = "o", .capability = "c", .owner = "ld",
                                .business_owner = "exec", .cadence_days = 7};
            rc = store_add_objective(s, &lo, "bench");
            for (int r = 0; r < 5 && rc == STORE_OK; r++) {
                snprintf(title, sizeof title, "Key result %d of team %ld.%d", r + 1, b + 1, l + 1);
                lnd_kr kr = {.objective_id = lo.id, .title = title, .unit = "%",
                             .has_baseline = true, .baseline = 10, .target = 80 + r,
                             .owner = r % 2 ? "manager" : "ld", .coowner = r == 4 ? "exec" : "",
                             .weight = 1, .evidence = (lnd_evidence)(r % EV_N),
                             .indicator = r < 3 ? IND_LEADING : IND_LAGGING, .due_week = 13};
                rc = store_add_kr(s, &kr, "bench");
                evs[k] = kr.evidence;
                krs[k++] = kr.id;
            }
        }
    }
    for (long c = 0; c < nchk && rc == STORE_OK && k > 0; c++) {
        long kr = c % k, round = c / k;
        char at[32], day[16];
        date_format(today - 6 * 7 + (round % 42), day, sizeof day);
        snprintf(at, sizeof at, "%s 10:%02ld:00", day, c % 60);
        lnd_checkin ci = {.kr_id = krs[kr], .at = at, .value = 10 + (double)(round * 5 % 70),
                          .confidence = (int)(c % 11), .note = "weekly update",
                          .author = "manager", .observed = -1, .applied = -1};
        rc = store_add_checkin(s, &ci, "manager");
    }
    if (rc == STORE_OK) rc = store_tx_commit(s);
    if (rc != STORE_OK) fprintf(stderr, "gen: %s\n", store_errmsg(s));
    store_close(s);
    lnd_id res = 0, beh = 0;   /* the first results and behaviour KRs from the middle on */
    for (long i = k / 2 > 5 ? k / 2 - 5 : 0; i < k && (!res || !beh); i++) {
        if (!res && evs[i] == EV_RESULTS) res = krs[i];
        if (!beh && evs[i] == EV_BEHAVIOUR) beh = krs[i];
    }
    free(krs);
    free(evs);
    if (rc != STORE_OK) return 74;
    printf("generated %ld business objectives, %ld L&D objectives, %ld KRs, %ld check-ins\n", nbiz,
           nbiz * 4, k, nchk);
    if (!res || !beh) {
        fprintf(stderr, "gen: no results or behaviour KR to measure; use at least 1 business objective\n");
        return 65;
    }
    printf("measure: K%lld results K%lld behaviour\n", (long long)res, (long long)beh);
    return 0;
}
