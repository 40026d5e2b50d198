/* SPDX-License-Identifier: MIT */
/* cli/advice.c — the command-line advice after a message from core/ or store/. Those say only
 * what is wrong ("no key result K9"); the CLI adds which command helps ("see `lnd status` for
 * ids"), the dashboard its own. Only text: no I/O. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *start, *also, *advice;
} advice[] = {
    {"no objective O", NULL, "see `lnd status` for ids"},
    {"no key result K", NULL, "see `lnd status` for ids"},
    {"parent O", " does not exist", "see `lnd status` for ids"},
    {"parent ", " is not an objective of cycle ", "see `lnd status`"},
    {"no cycle with id ", NULL, "see `lnd cycle list`"},
    {"no cycle named ", NULL, "see `lnd cycle list`"},
    {"no cycles yet", NULL, "add one with `lnd cycle add NAME --start YYYY-MM-DD`"},
    {"no database at ", NULL, "run `lnd init`"},
    {"no programme P", NULL, "see `lnd programme list`"},
    {"no KPI ", NULL, "see `lnd kpi list`"},
};

void cli_advise(char *msg, size_t n)
{
    if (strstr(msg, "`lnd ")) return;   /* the CLI's own message already says what to run */
    for (size_t i = 0; i < sizeof advice / sizeof advice[0]; i++) {
        char *at = strstr(msg, advice[i].start);
        /* the phrase starts the message or follows ": " (a file name, a line) */
        while (at && at != msg && !(at - msg >= 2 && at[-2] == ':' && at[-1] == ' '))
            at = strstr(at + 1, advice[i].start);
        if (!at) continue;
        char *end = strchr(at, ';');
        if (!end) end = at + strlen(at);
        if (advice[i].also) {
            char *a = strstr(at, advice[i].also);
            if (!a || a > end) continue;
        }
        size_t len = strlen(msg), add = strlen(advice[i].advice) + 2;
        if (len + add + 1 > n) return;
        memmove(end + add, end, len - (size_t)(end - msg) + 1);
        memcpy(end, "; ", 2);
        memcpy(end + 2, advice[i].advice, add - 2);
        return;
    }
}
