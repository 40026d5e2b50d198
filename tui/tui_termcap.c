/* SPDX-License-Identifier: MIT */
/* tui/tui_termcap.c — the colour sequences of a terminal from terminfo, for the one-shot
 * commands' coloured text (cli/out.c): lnd never hard-codes ANSI for a terminal terminfo
 * knows. Only looks up capabilities: never initialises the screen or writes to it. */
#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <term.h>

/* Declared in cli/out.h. caps: green, yellow, red, bold, dim, reset ("" when the terminal has
 * none). Returns -1 when terminfo does not know term, 0 when the terminal has no colours
 * (TERM=dumb), 1 when caps hold its sequences. */
int tui_termcap_colors(const char *term, char caps[][130]);

static void put(char *dst, const char *seq)
{
    if (!seq || seq == (char *)-1 || strlen(seq) >= 130) dst[0] = '\0';
    else memcpy(dst, seq, strlen(seq) + 1);
}

int tui_termcap_colors(const char *term, char caps[][130])
{
    for (int i = 0; i < 6; i++) caps[i][0] = '\0';
    if (!term || !*term) return -1;
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm((char *)term, -1, &err) != OK) {
        set_curterm(saved);
        return -1;
    }
    int colors = tigetnum("colors");
    char *setaf = tigetstr("setaf");
    int rc = 0;
    if (colors >= 8 && setaf && setaf != (char *)-1) {
        put(caps[0], tiparm(setaf, COLOR_GREEN));
        put(caps[1], tiparm(setaf, COLOR_YELLOW));
        put(caps[2], tiparm(setaf, COLOR_RED));
        put(caps[3], tigetstr("bold"));
        put(caps[4], tigetstr("dim"));
        put(caps[5], tigetstr("sgr0"));
        rc = 1;
    }
    TERMINAL *mine = cur_term;
    set_curterm(saved);
    del_curterm(mine);
    return rc;
}
