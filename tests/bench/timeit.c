/* SPDX-License-Identifier: MIT */
/* tests/bench/timeit.c — the bench's runner: whole processes, interleaved. Reads a list of
 * commands, then runs round after round, each round every command once (so a noisy moment on
 * the machine hits all of them alike), and prints per command the median and minimum wall time,
 * the largest peak RSS (wait4) and the ratio of its median to a named comparison's median
 * from the same run. A command leaves the rotation after ROUNDS runs, or after its first run
 * once its total passes BUDGET ms (so one slow command cannot make the bench take hours).
 * Any command ending with another status than the one expected stops the bench (exit 1).
 * Output goes to /dev/null. Also writes "label<TAB>median<TAB>min<TAB>rss_kb<TAB>ratio" lines to RESULTS.
 * usage: timeit ROUNDS BUDGET_MS SPECFILE RESULTS
 * SPECFILE lines, tab-separated: label, comparison label or "-", the exit statuses it may end
 * with ("0", or "0,1" for a check that reports problems), argv... */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAXCMD = 64, MAXARG = 32 };

typedef struct {
    char *label, *vs;
    unsigned long expect;   /* the exit statuses it may end with, as bits */
    char *expects;
    char *argv[MAXARG + 1];
    double *t, total, med;
    int n;
    long rss;
} cmd;

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int run1(cmd *c)
{
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        execvp(c->argv[0], c->argv);
        _exit(127);
    }
    int st;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) < 0) return -1;
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (!WIFEXITED(st) || WEXITSTATUS(st) >= 32 || !(c->expect >> WEXITSTATUS(st) & 1)) {
        fprintf(stderr, "timeit: FAILED: %s (%s) ended with status %d, expected %s\n", c->label,
                c->argv[0], WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), c->expects);
        return -1;
    }
    double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    c->t[c->n++] = ms;
    c->total += ms;
    if (ru.ru_maxrss > c->rss) c->rss = ru.ru_maxrss;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: timeit ROUNDS BUDGET_MS SPECFILE RESULTS\n");
        return 64;
    }
    int rounds = atoi(argv[1]);
    double budget = atof(argv[2]);
    if (rounds < 1) rounds = 1;
    FILE *f = fopen(argv[3], "r");
    if (!f) {
        perror(argv[3]);
        return 66;
    }
    static cmd c[MAXCMD];
    int nc = 0;
    char line[4096];
    while (nc < MAXCMD && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line || *line == '#') continue;
        cmd *x = &c[nc];
        char *save = NULL, *tok = strtok_r(line, "\t", &save);
        x->label = strdup(tok);
        x->vs = strdup((tok = strtok_r(NULL, "\t", &save)) ? tok : "-");
        x->expects = strdup((tok = strtok_r(NULL, "\t", &save)) ? tok : "0");
        for (char *e = x->expects; *e; e++)   /* "0" or a list such as "0,1" */
            if (*e >= '0' && *e <= '9') {
                long v = strtol(e, &e, 10);
                if (v < 32) x->expect |= 1UL << v;
                if (!*e) break;
            }
        int a = 0;
        while (a < MAXARG && (tok = strtok_r(NULL, "\t", &save))) x->argv[a++] = strdup(tok);
        if (!a) {
            fprintf(stderr, "timeit: %s: no command for '%s'\n", argv[3], x->label);
            return 65;
        }
        x->t = calloc((size_t)rounds, sizeof *x->t);
        nc++;
    }
    fclose(f);
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < nc; i++) {
            if (c[i].n && c[i].total >= budget) continue;
            if (run1(&c[i]) != 0) return 1;
        }
    FILE *out = fopen(argv[4], "w");
    if (!out) {
        perror(argv[4]);
        return 73;
    }
    for (int i = 0; i < nc; i++) {
        qsort(c[i].t, (size_t)c[i].n, sizeof *c[i].t, cmp);
        int n = c[i].n;
        c[i].med = n % 2 ? c[i].t[n / 2] : (c[i].t[n / 2 - 1] + c[i].t[n / 2]) / 2;
    }
    printf("%-32s %10s %10s %9s  %-26s %s\n", "command", "median ms", "min ms", "peak MB",
           "ratio (median/median)", "runs");
    for (int i = 0; i < nc; i++) {
        char ratio[64] = "";
        for (int j = 0; j < nc; j++)
            if (strcmp(c[i].vs, "-") != 0 && strcmp(c[j].label, c[i].vs) == 0)
                snprintf(ratio, sizeof ratio, "%.2fx %s", c[i].med / c[j].med, c[j].label);
        fprintf(out, "%s\t%.2f\t%.2f\t%ld\t%s\n", c[i].label, c[i].med, c[i].t[0], c[i].rss, ratio);
        printf("%-32s %10.1f %10.1f %9.1f  %-26s %d\n", c[i].label, c[i].med, c[i].t[0],
               (double)c[i].rss / 1024.0, ratio, c[i].n);
    }
    return fclose(out) == 0 ? 0 : 74;
}
