/* SPDX-License-Identifier: MIT */
/* cli/hooks.c — the user's hooks: executables $XDG_CONFIG_HOME/lnd/hooks/on-checkin and
 * on-change, run after a write transaction commits, with what it changed as JSON on stdin.
 * One call per transaction (an import of 50,000 check-ins is one call). A hook runs in its
 * own session (no terminal) and is killed after config hook_timeout seconds; a failure or
 * timeout is reported — on stderr from a command, in $XDG_STATE_HOME/lnd/hooks.log from the
 * dashboard, which never waits for a hook — and never undoes the commit. The store tells us
 * about commits (store_hook.h); running programs happens only here. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../core/dates.h"
#include "../store/store_hook.h"
#include "cli.h"

#define HOOK_MAX_CHANGES 1000   /* changes listed in the JSON; "count" has them all */

static bool hook_path(const char *name, char *out, size_t n)
{
    const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    if (x && x[0] == '/') snprintf(out, n, "%s/lnd/hooks/%s", x, name);
    else if (home && *home) snprintf(out, n, "%s/.config/lnd/hooks/%s", home, name);
    else return false;
    struct stat st;
    return stat(out, &st) == 0 && S_ISREG(st.st_mode) && access(out, X_OK) == 0;
}

static void log_path(char *out, size_t n)
{
    const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    char dir[4096];
    if (x && x[0] == '/') snprintf(dir, sizeof dir, "%s/lnd", x);
    else snprintf(dir, sizeof dir, "%s/.local/state/lnd", home && *home ? home : "/tmp");
    /* create the directory chain; failures show up when the log is opened */
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0700);
            *p = '/';
        }
    mkdir(dir, 0700);
    snprintf(out, n, "%s/hooks.log", dir);
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Run one hook with json on stdin; wait at most timeout s. Hook output goes to out_fd.
 * Returns a one-line complaint in why (empty when it succeeded). */
static void run_one(const cli_ctx *ctx, const char *path, const char *name, const char *json,
                    int out_fd, char *why, size_t whysz)
{
    why[0] = '\0';
    int p[2];
    if (pipe(p) != 0) {
        snprintf(why, whysz, "hook %s not run: %s", name, strerror(errno));
        return;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        snprintf(why, whysz, "hook %s not run: %s", name, strerror(errno));
        return;
    }
    if (pid == 0) {
        setsid();   /* no controlling terminal; its own process group, killed as a whole */
        dup2(p[0], STDIN_FILENO);
        dup2(out_fd, STDOUT_FILENO);
        dup2(out_fd, STDERR_FILENO);
        for (int fd = 3; fd < 1024; fd++) close(fd);
        setenv("LND_HOOK", name, 1);
        setenv("LND_DB", ctx->db, 1);
        setenv("LND_USER", ctx->user ? ctx->user : "", 1);
        execl(path, path, (char *)NULL);
        _exit(126);
    }
    close(p[0]);
    struct sigaction ign = {.sa_handler = SIG_IGN}, old;
    sigaction(SIGPIPE, &ign, &old);
    fcntl(p[1], F_SETFL, fcntl(p[1], F_GETFL) | O_NONBLOCK);
    long long deadline = now_ms() + (long long)ctx->cfg.hook_timeout * 1000;
    size_t len = strlen(json), off = 0;
    bool late = false;
    while (off < len) {
        long long left = deadline - now_ms();
        if (left <= 0) { late = true; break; }
        struct pollfd pf = {.fd = p[1], .events = POLLOUT};
        if (poll(&pf, 1, (int)left) <= 0) continue;
        ssize_t w = write(p[1], json + off, len - off);
        if (w > 0) off += (size_t)w;
        else if (w < 0 && errno != EAGAIN && errno != EINTR) break;   /* EPIPE: it stopped reading */
    }
    close(p[1]);
    sigaction(SIGPIPE, &old, NULL);
    int status = 0;
    pid_t r = 0;
    while (!late && (r = waitpid(pid, &status, WNOHANG)) == 0) {
        if (now_ms() >= deadline) late = true;
        else poll(NULL, 0, 20);
    }
    if (late || r != pid) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        snprintf(why, whysz, "hook %s ran longer than %d s and was killed (config hook_timeout); "
                 "the change is kept", name, ctx->cfg.hook_timeout);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 126) {
        snprintf(why, whysz, "hook %s could not be run (%s); the change is kept", name, path);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        snprintf(why, whysz, "hook %s exited %d; the change is kept (fix %s)", name, WEXITSTATUS(status), path);
    } else if (WIFSIGNALED(status)) {
        snprintf(why, whysz, "hook %s was killed by signal %d; the change is kept", name, WTERMSIG(status));
    }
}

static json_t *change_json(const store_change *c)
{
    json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s}", "audit_id", (json_int_t)c->audit.id,
                          "at", c->audit.at, "user", c->audit.user, "action", c->audit.action,
                          "entity", c->audit.entity, "entity_id", (json_int_t)c->audit.entity_id,
                          "detail", c->audit.detail);
    if (o && c->is_checkin) {
        const lnd_checkin *k = &c->checkin;
        char kr[32];
        snprintf(kr, sizeof kr, "K%lld", k->kr_id);
        json_t *ck = json_pack("{s:s, s:f, s:s, s:s, s:s}", "kr", kr, "value", k->value, "at", k->at,
                               "note", k->note, "author", k->author);
        if (ck && k->confidence >= 0) json_object_set_new(ck, "confidence", json_integer(k->confidence));
        if (ck && k->observed > 0) {
            json_object_set_new(ck, "observed", json_integer(k->observed));
            json_object_set_new(ck, "applied", json_integer(k->applied));
        }
        if (ck) json_object_set_new(o, "checkin", ck);
    }
    return o;
}

static void on_commit(void *ud, store *s, lnd_id first, lnd_id last)
{
    cli_ctx *ctx = ud;
    char pchk[4200], pchg[4200];
    bool has_chk = hook_path("on-checkin", pchk, sizeof pchk), has_chg = hook_path("on-change", pchg, sizeof pchg);
    if (!has_chk && !has_chg) return;
    lnd_arena *a = arena_new();
    store_change *cs;
    size_t n, total;
    if (store_changes(s, a, first, last, HOOK_MAX_CHANGES, &cs, &n, &total) != STORE_OK) {
        arena_free(a);
        return;
    }
    json_t *list = json_array();
    size_t nchk = 0;
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(list, change_json(&cs[i]));
        nchk += cs[i].is_checkin;
    }
    char at[32];
    date_now_stamp(at, sizeof at);
    json_t *root = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:b, s:o}", "lnd", LND_VERSION,
                             "database", ctx->db, "user", ctx->user ? ctx->user : "", "committed_at", at,
                             "first_audit_id", (json_int_t)first, "last_audit_id", (json_int_t)last,
                             "count", (json_int_t)total, "truncated", total > n, "changes", list);
    arena_free(a);
    if (!root) return;
    const char *names[2] = {"on-checkin", "on-change"};
    const char *paths[2] = {has_chk && nchk ? pchk : NULL, has_chg ? pchg : NULL};
    for (int h = 0; h < 2; h++) {
        if (!paths[h]) continue;
        json_object_set_new(root, "hook", json_string(names[h]));
        char *text = json_dumps(root, JSON_COMPACT);
        if (!text) continue;
        char why[600];
        if (!ctx->hooks_detached) {
            fflush(stdout);
            run_one(ctx, paths[h], names[h], text, STDERR_FILENO, why, sizeof why);
            if (why[0]) cli_fail(0, "%s", why);
        } else {
            /* the dashboard: a supervisor in the background, the UI never waits */
            char lp[4200];
            log_path(lp, sizeof lp);
            pid_t c1 = fork();
            if (c1 == 0) {
                if (fork() == 0) {
                    int fd = open(lp, O_WRONLY | O_CREAT | O_APPEND, 0600);
                    if (fd < 0) fd = open("/dev/null", O_WRONLY);
                    int nul = open("/dev/null", O_RDWR);
                    dup2(nul, STDIN_FILENO);
                    dup2(fd, STDOUT_FILENO);
                    dup2(fd, STDERR_FILENO);
                    for (int k = 3; k < 1024; k++)   /* the terminal, the database */
                        if (k != fd) close(k);
                    setsid();
                    run_one(ctx, paths[h], names[h], text, fd, why, sizeof why);
                    if (why[0]) {
                        char stamp[32];
                        date_now_stamp(stamp, sizeof stamp);
                        dprintf(fd, "%s lnd: %s\n", stamp, why);
                    }
                    _exit(0);
                }
                _exit(0);
            }
            if (c1 > 0) waitpid(c1, NULL, 0);
        }
        free(text);
    }
    json_decref(root);
}

void cli_hooks_attach(cli_ctx *ctx, store *s)
{
    store_on_commit(s, on_commit, ctx);
}
