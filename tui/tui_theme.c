/* SPDX-License-Identifier: MIT */
/* tui/tui_theme.c — colour themes: built-in defaults, theme files in libconfig syntax
 * (themes/NAME.theme, `colors = { role = "fg on bg attr..."; }`), and the few colour pairs
 * they need (identical pairs reused). Monochrome when colour is off (NO_COLOR, --no-color),
 * the terminal has no colours, or the theme is "mono": attributes only, selection reverse. */
#include <libconfig.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui_int.h"

static const char *const role_names[R_N] = {
    "normal", "header", "title", "title_focus", "green", "amber", "red", "nodata", "dim",
    "key", "bar", "notice", "error", "pace", "id",
};

/* The default theme, also the fallback when a theme file is missing or a role not given. */
static const char *const builtin_default[R_N] = {
    "default", "white on blue bold", "cyan bold", "black on cyan bold", "green", "yellow",
    "red bold", "default dim", "default dim", "black on cyan", "default", "yellow bold",
    "white on red bold", "magenta", "cyan",
};
static const char *const builtin_mono[R_N] = {
    "default", "default reverse", "default bold", "default reverse bold", "default",
    "default bold", "default bold underline", "default dim", "default dim", "default reverse",
    "default", "default bold", "default reverse bold", "default", "default",
};

static int color_num(const char *s)
{
    static const char *const names[] = {"black", "red", "green", "yellow", "blue", "magenta",
                                        "cyan", "white"};
    if (strcmp(s, "default") == 0) return -1;
    for (int i = 0; i < 8; i++)
        if (strcmp(s, names[i]) == 0) return i;
    char *end;
    long v = strtol(s, &end, 10);
    if (*s && !*end && v >= 0 && v < 256) return (int)v;
    return -2;
}

static attr_t attr_of(const char *s)
{
    if (strcmp(s, "bold") == 0) return A_BOLD;
    if (strcmp(s, "dim") == 0) return A_DIM;
    if (strcmp(s, "reverse") == 0) return A_REVERSE;
    if (strcmp(s, "underline") == 0) return A_UNDERLINE;
    if (strcmp(s, "standout") == 0) return A_STANDOUT;
    if (strcmp(s, "normal") == 0) return A_NORMAL;
    return (attr_t)-1;
}

/* Parse "fg [on bg] [attr...]" into colours and attributes; false on a bad word. */
static bool parse_spec(const char *spec, int *fg, int *bg, attr_t *at)
{
    char buf[128], *save = NULL;
    snprintf(buf, sizeof buf, "%s", spec);
    *fg = *bg = -1;
    *at = A_NORMAL;
    int pos = 0;
    for (char *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save), pos++) {
        if (pos == 0 && color_num(t) != -2) {
            *fg = color_num(t);
        } else if (strcmp(t, "on") == 0) {
            t = strtok_r(NULL, " \t", &save);
            if (!t || color_num(t) == -2) return false;
            *bg = color_num(t);
        } else if (attr_of(t) != (attr_t)-1) {
            *at |= attr_of(t);
        } else {
            return false;
        }
    }
    return true;
}

static short pair_for(int fg, int bg)
{
    static short npairs;
    static int pf[64], pb[64];
    if (fg == -1 && bg == -1) return 0;
    for (short i = 1; i <= npairs; i++)
        if (pf[i - 1] == fg && pb[i - 1] == bg) return i;
    if (npairs >= 63 || npairs + 1 >= COLOR_PAIRS) return 0;
    npairs++;
    pf[npairs - 1] = fg;
    pb[npairs - 1] = bg;
    init_pair(npairs, (short)fg, (short)bg);
    return npairs;
}

static void apply(tui_app *a, tui_role r, const char *spec)
{
    int fg, bg;
    attr_t at;
    if (!parse_spec(spec, &fg, &bg, &at)) {
        snprintf(a->theme_note, sizeof a->theme_note, "theme: bad colour \"%s\" for %s; using the default",
                 spec, role_names[r]);
        parse_spec(a->color ? builtin_default[r] : builtin_mono[r], &fg, &bg, &at);
    }
    if (!a->color || fg >= COLORS || bg >= COLORS) fg = bg = -1;
    a->attr[r] = at | (a->color ? COLOR_PAIR(pair_for(fg, bg)) : 0);
}

/* Where a theme file may be: a path, the user's config dir, the install dir (as built, then
 * relative to the running binary), or themes/ beside the build directory (`make run`). */
static bool find_theme(const char *name, char *out, size_t n)
{
    if (strchr(name, '/')) {
        snprintf(out, n, "%s", name);
        return access(out, R_OK) == 0;
    }
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char exe[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[k > 0 ? k : 0] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    const char *dirs[6];
    char d0[PATH_MAX], d1[PATH_MAX], d2[PATH_MAX], d3[PATH_MAX];
    int nd = 0;
    if (xdg && *xdg) { snprintf(d0, sizeof d0, "%s/lnd/themes", xdg); dirs[nd++] = d0; }
    if (home && *home) { snprintf(d1, sizeof d1, "%s/.config/lnd/themes", home); dirs[nd++] = d1; }
    dirs[nd++] = LND_DATADIR "/themes";
    /* installed under another PREFIX than the one built for: PREFIX/bin/../share/lnd */
    if (exe[0]) { snprintf(d2, sizeof d2, "%.4000s/../share/lnd/themes", exe); dirs[nd++] = d2; }
    if (exe[0]) { snprintf(d3, sizeof d3, "%.4000s/../themes", exe); dirs[nd++] = d3; }
    for (int i = 0; i < nd; i++) {
        snprintf(out, n, "%s/%s.theme", dirs[i], name);
        if (access(out, R_OK) == 0) return true;
    }
    return false;
}

/* A theme file is checked like the config before libconfig reads it: UTF-8 only and no
 * @include (libconfig would exit inside the dashboard with the terminal unrestored). */
static bool theme_text_ok(const char *path, char *note, size_t n)
{
    FILE *f = fopen(path, "r");
    if (!f) return true;   /* config_read_file reports it */
    static char text[65536];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    char err[300];
    if (cfg_check_text(path, text, len, err, sizeof err) == 0) return true;
    snprintf(note, n, "%.150s; using the built-in default", err);
    return false;
}

void tui_theme_init(tui_app *a)
{
    const char *name = a->o->cfg && a->o->cfg->theme[0] ? a->o->cfg->theme : "default";
    a->color = a->o->color && has_colors() && strcmp(name, "mono") != 0;
    if (a->color) {
        start_color();
        use_default_colors();
        if (COLORS < 8) a->color = false;
    }
    const char *const *base = a->color ? builtin_default : builtin_mono;
    const char *spec[R_N];
    for (int r = 0; r < R_N; r++) spec[r] = base[r];

    config_t cf;
    config_init(&cf);
    char path[PATH_MAX + 32];
    bool loaded = false;
    if (!a->color) name = "mono";   /* attributes only; the user may adjust mono.theme */
    {
        if (!find_theme(name, path, sizeof path)) {
            if (strcmp(name, "default") != 0 && strcmp(name, "mono") != 0)
                snprintf(a->theme_note, sizeof a->theme_note,
                         "theme '%s' not found; using the built-in default", name);
        } else if (!theme_text_ok(path, a->theme_note, sizeof a->theme_note)) {
            /* the note says why; the built-in default is used */
        } else if (!config_read_file(&cf, path)) {
            snprintf(a->theme_note, sizeof a->theme_note, "%.80s:%d: %.60s; using the built-in default",
                     path, config_error_line(&cf), config_error_text(&cf));
        } else {
            loaded = true;
        }
    }
    if (loaded) {
        for (int r = 0; r < R_N; r++) {
            char key[64];
            const char *v;
            snprintf(key, sizeof key, "colors.%s", role_names[r]);
            if (config_lookup_string(&cf, key, &v)) spec[r] = v;
        }
    }
    for (int r = 0; r < R_N; r++) apply(a, (tui_role)r, spec[r]);
    config_destroy(&cf);
}
