/* SPDX-License-Identifier: MIT */
/* tests/bench/timeit.c — runs a command N times and prints the median and minimum wall
 * time and the largest peak RSS (from wait4), its output sent to /dev/null.
 * usage: timeit N LABEL CMD [ARG...] */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: timeit N LABEL CMD [ARG...]\n");
        return 64;
    }
    int n = atoi(argv[1]);
    if (n < 1) n = 1;
    double *t = calloc((size_t)n, sizeof *t);
    long maxrss = 0;
    for (int i = 0; i < n; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        pid_t pid = fork();
        if (pid == 0) {
            int fd = open("/dev/null", O_WRONLY);
            dup2(fd, 1);
            execvp(argv[3], argv + 3);
            _exit(127);
        }
        int st;
        struct rusage ru;
        wait4(pid, &st, 0, &ru);
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "timeit: %s failed (status %d)\n", argv[3], st);
            return 1;
        }
        t[i] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
        if (ru.ru_maxrss > maxrss) maxrss = ru.ru_maxrss;
    }
    qsort(t, (size_t)n, sizeof *t, cmp);
    double med = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
    printf("%-28s median %8.1f ms  min %8.1f ms  peak RSS %6.1f MB  (%d runs)\n", argv[2], med,
           t[0], maxrss / 1024.0, n);
    free(t);
    return 0;
}
