/* SPDX-License-Identifier: MIT */
/* cli/complete.c — `lnd __complete WORD...` (hidden): the candidates for the last word of a
 * command line, one per line ("K3<TAB>title"; ":file" asks the shell for file names). Nothing
 * here is a hand-kept list: commands come from main's command table (the one --help prints),
 * each command's options from the very getopt table it parses with (cli_getopt in probe
 * mode), verbs, operands and option values from the usage lines of its --help, enum values
 * from core/model, and live ids (O5, K3, P2, cycle and KPI names) from the database. The
 * shell scripts that call this are in cli/complete_sh.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../core/sanitize.h"
#include "cli.h"

static const cli_command *cmds;
static size_t ncmds;

void cli_set_commands(const cli_command *c, size_t n)
{
    cmds = c;
    ncmds = n;
}

const cli_command *cli_find_command(const char *name)
{
    for (size_t i = 0; name && i < ncmds; i++)
        if (strcmp(cmds[i].name, name) == 0) return &cmds[i];
    return NULL;
}

/* ---- what a command declares: its option table and its --help text ---- */

static void probe(const cli_command *c, cli_probe *p)
{
    cli_ctx ctx = {0};
    char *av[] = {(char *)c->name, NULL};
    *p = (cli_probe){0};
    cli_probing = p;
    c->run(&ctx, 1, av);
    cli_probing = NULL;
}

/* The command's --help output (malloc'd, "" when none). */
static char *help_of(const cli_command *c)
{
    char *buf = calloc(1, 1);
    FILE *tmp = tmpfile();
    if (!tmp) return buf;
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    if (saved < 0 || dup2(fileno(tmp), STDOUT_FILENO) < 0) {
        fclose(tmp);
        return buf;
    }
    cli_ctx ctx = {0};
    char *av[] = {(char *)c->name, "--help", NULL};
    c->run(&ctx, 2, av);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    long n = ftell(tmp);
    if (n > 0 && n < 1 << 20 && fseek(tmp, 0, SEEK_SET) == 0) {
        free(buf);
        buf = calloc(1, (size_t)n + 1);
        if (fread(buf, 1, (size_t)n, tmp) != (size_t)n) buf[0] = '\0';
    }
    fclose(tmp);
    return buf;
}

/* ---- placeholders of the help text and what they stand for ---- */

typedef enum { V_NONE, V_ALT, V_FILE, V_CYCLE, V_OBJ, V_KR, V_PROG, V_KPI, V_ENUM } vkind;

/* Classify a help token such as "O7", "KR", "NAME", "FILE.csv", "text|json", "O7|none". */
static vkind classify(const char *tok, const char *cmd)
{
    size_t n = strcspn(tok, " ]\n,");
    if (n == 0 || tok[0] == '-') return V_NONE;
    bool alt = memchr(tok, '|', n) != NULL, lower = true;
    for (size_t i = 0; i < n; i++)
        if (!(islower((unsigned char)tok[i]) || isdigit((unsigned char)tok[i]) || tok[i] == '-' || tok[i] == '|'))
            lower = false;
    if (alt && lower) return V_ALT;
    if (!strncmp(tok, "KR", 2) || (tok[0] == 'K' && isdigit((unsigned char)tok[1]))) return V_KR;
    if (tok[0] == 'O' && isdigit((unsigned char)tok[1])) return V_OBJ;
    if (tok[0] == 'P' && isdigit((unsigned char)tok[1])) return V_PROG;
    if (!strncmp(tok, "FILE", 4) || !strncmp(tok, "PATH", 4)) return V_FILE;
    if (!strncmp(tok, "NAME", 4) && (tok[4] == '\0' || strchr(" ]\n,|", tok[4])))
        return strcmp(cmd, "kpi") == 0 ? V_KPI : V_CYCLE;
    return V_NONE;
}

/* The token after "--name " (or "-x ") in the help text, classified. */
static vkind option_value(const char *help, const char *opt, const char *cmd, const char **tok)
{
    size_t n = strlen(opt);
    for (const char *p = strstr(help, opt); p; p = strstr(p + 1, opt)) {
        bool start = p == help || strchr(" [|\n", p[-1]);
        if (!start || p[n] != ' ') continue;
        const char *t = p + n + 1;
        vkind k = classify(t, cmd);
        if (k != V_NONE) {
            *tok = t;
            return k;
        }
    }
    return V_NONE;
}

/* ---- candidates ---- */

typedef struct {
    const char *cur;
    cli_ctx *ctx;
    const char *cycle;    /* --cycle given on the line */
    store *s;
    bool tried;
} comp;

static void emit(comp *c, const char *word, const char *desc)
{
    if (strncasecmp(word, c->cur, strlen(c->cur)) != 0) return;
    if (desc && *desc) {
        char safe[256];
        san_text(desc, 60, false, safe, sizeof safe);
        printf("%s\t%s\n", word, safe);
    } else {
        printf("%s\n", word);
    }
}

static void emit_alts(comp *c, const char *tok)
{
    size_t n = strcspn(tok, " ]\n,");
    char buf[128];
    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), tok);
    for (char *w = strtok(buf, "|"); w; w = strtok(NULL, "|")) emit(c, w, NULL);
}

static store *db(comp *c)
{
    if (!c->tried) {
        c->tried = true;
        if (cli_setup(c->ctx) == 0) cli_open(c->ctx, STORE_OPEN_READONLY, &c->s);
    }
    return c->s;
}

static void emit_live(comp *c, vkind k)
{
    if (k == V_FILE) {
        puts(":file");
        return;
    }
    store *s = db(c);
    if (!s) return;
    lnd_arena *a = arena_new();
    char id[32];
    if (k == V_CYCLE) {
        lnd_cycle *cs;
        size_t n;
        if (store_cycles(s, a, &cs, &n) == STORE_OK)
            for (size_t i = 0; i < n; i++) emit(c, cs[i].name, model_cycle_state_name(cs[i].state));
    } else if (k == V_KPI) {
        lnd_kpi *ks;
        size_t n;
        if (store_kpis(s, a, &ks, &n) == STORE_OK)
            for (size_t i = 0; i < n; i++)
                if (!ks[i].archived && !strpbrk(ks[i].name, "\t\n")) emit(c, ks[i].name, ks[i].unit);
    } else {
        lnd_cycle cy;
        lnd_plan *p;
        if (store_find_cycle(s, a, c->cycle, &cy) == STORE_OK && store_load_plan(s, cy.id, &p) == STORE_OK) {
            for (size_t i = 0; k == V_OBJ && i < p->nobjs; i++)
                if (!p->objs[i].archived) {
                    snprintf(id, sizeof id, "O%lld", p->objs[i].id);
                    emit(c, id, p->objs[i].title);
                }
            for (size_t i = 0; k == V_KR && i < p->nkrs; i++)
                if (!p->krs[i].archived) {
                    snprintf(id, sizeof id, "K%lld", p->krs[i].id);
                    emit(c, id, p->krs[i].title);
                }
            for (size_t i = 0; k == V_PROG && i < p->nprogs; i++)
                if (!p->progs[i].archived) {
                    snprintf(id, sizeof id, "P%lld", p->progs[i].id);
                    emit(c, id, p->progs[i].title);
                }
            plan_free(p);
        }
    }
    arena_free(a);
}

/* Values of a core enum named like the option (--evidence, --indicator, ...). */
static void emit_enum(comp *c, const char *opt)
{
    int which = !strcmp(opt, "evidence") ? 1 : !strcmp(opt, "indicator") ? 2 : !strcmp(opt, "direction") ? 3
              : !strcmp(opt, "level") ? 4 : !strcmp(opt, "type") ? 5 : 0;
    int n = which == 1 ? EV_N : which == 2 ? IND_N : which == 3 ? DIR_N : which == 4 ? LEVEL_N : which == 5 ? OTYPE_N : 0;
    for (int i = 0; i < n; i++)
        emit(c, which == 1 ? model_evidence_name((lnd_evidence)i) : which == 2 ? model_indicator_name((lnd_indicator)i)
              : which == 3 ? model_direction_name((lnd_direction)i) : which == 4 ? model_level_name((lnd_level)i)
              : model_otype_name((lnd_otype)i), NULL);
}

/* Find a long option by name in a getopt table (NULL-terminated). */
static const struct option *find_opt(const struct option *o, const char *name)
{
    for (; o && o->name; o++)
        if (strcmp(o->name, name) == 0) return o;
    return NULL;
}

/* Does word (at argv position) take the next word as its value? */
static bool takes_value(const struct option *cmd, const char *shorts, const char *w)
{
    if (w[0] != '-' || strchr(w, '=')) return false;
    if (w[1] == '-') {
        const struct option *o = find_opt(cmd, w + 2);
        if (!o) o = find_opt(cli_global_options(), w + 2);
        return o && o->has_arg == required_argument;
    }
    const char *p = shorts && w[1] ? strchr(shorts, w[1]) : NULL;
    return p && p[1] == ':';
}

static void complete_value(comp *c, const char *help, const char *cmd, const char *optword)
{
    const char *name = optword + (optword[1] == '-' ? 2 : 1);
    if (!strcmp(name, "db") || !strcmp(name, "config") || !strcmp(name, "o") || !strcmp(name, "output")) {
        puts(":file");
        return;
    }
    if (!strcmp(name, "cycle") || !strcmp(name, "to")) {
        emit_live(c, V_CYCLE);
        return;
    }
    const char *tok = NULL;
    vkind k = help ? option_value(help, optword, cmd, &tok) : V_NONE;
    if (k == V_ALT) emit_alts(c, tok);
    else if (k != V_NONE) emit_live(c, k);
    else emit_enum(c, name);
}

/* Usage lines of a help text: the operand tokens after "lnd CMD", options and optional
 * [...] parts left out. Calls fn(position, token) for each. */
static void usage_operands(const char *help, const char *cmd, void (*fn)(void *, int, const char *, const char *), void *st)
{
    char pre[80];
    snprintf(pre, sizeof pre, "lnd %s ", cmd);
    for (const char *l = help; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        const char *p = l;
        while (p < l + len && *p == ' ') p++;
        if (!strncmp(p, "usage: ", 7)) p += 7;
        if (strncmp(p, pre, strlen(pre)) != 0) continue;
        p += strlen(pre);
        int pos = 0, depth = 0;
        bool skip_next = false;
        const char *first = NULL;
        while (p < l + len) {
            while (p < l + len && *p == ' ') p++;
            const char *t = p;
            while (p < l + len && *p != ' ') p++;
            if (t == p) break;
            int before = depth;
            for (const char *q = t; q < p; q++) depth += (*q == '[') - (*q == ']');
            if (before > 0 || *t == '[') continue;          /* optional parts */
            if (*t == '-') { skip_next = true; continue; }  /* an option and its value */
            if (skip_next) { skip_next = false; continue; }
            if (!first) first = t;
            fn(st, pos++, t, first);
        }
    }
}

typedef struct {
    comp *c;
    const char *cmd;
    int want;             /* operand position being completed */
    const char *verb;     /* operand 0 typed so far (NULL at position 0) */
    unsigned done;        /* kinds already emitted (two usage lines may name the same) */
} opnd;

static bool alt_has(const char *tok, const char *w)
{
    size_t n = strcspn(tok, " ]\n,"), wl = strlen(w);
    for (const char *p = tok; p < tok + n;) {
        size_t k = strcspn(p, "| ]\n,");
        if (k == wl && !strncmp(p, w, wl)) return true;
        p += k + 1;
    }
    return false;
}

static void on_operand(void *st, int pos, const char *tok, const char *first)
{
    opnd *o = st;
    if (pos != o->want) return;
    vkind fk = classify(first, o->cmd);
    bool first_is_verb = islower((unsigned char)first[0]) && (fk == V_ALT || fk == V_NONE);
    if (o->want > 0 && first_is_verb && !alt_has(first, o->verb)) return;
    vkind k = classify(tok, o->cmd);
    if (k == V_ALT || (k == V_NONE && islower((unsigned char)tok[0]))) emit_alts(o->c, tok);
    else if (k != V_NONE && o->verb && !strcmp(o->verb, "add")) return;   /* a new name */
    else if (k != V_NONE && !(o->done & 1u << k)) {
        o->done |= 1u << k;
        emit_live(o->c, k);
    }
}

/* Options of the command (from its getopt table) and the global ones. An alias (same value
 * as an earlier entry, --co-owner) is left out; a long option the help names only by its
 * short form (export's -o) is offered as that. */
static void emit_options(comp *c, const cli_probe *pr, const char *help, bool globals_only)
{
    const struct option *g = cli_global_options();
    const char *shorts = globals_only || !pr->shorts ? "" : pr->shorts;
    char w[80];
    for (const struct option *o = globals_only ? NULL : pr->opts; o && o->name; o++) {
        bool alias = false;
        for (const struct option *e = pr->opts; e < o; e++) alias |= e->val == o->val;
        if (alias) continue;
        snprintf(w, sizeof w, "--%s", o->name);
        if (help && !strstr(help, w) && o->val > 0 && o->val < 128 && isalpha(o->val) && strchr(shorts, o->val))
            snprintf(w, sizeof w, "-%c", o->val);
        emit(c, w, NULL);
    }
    for (; g && g->name; g++) {
        bool alias = false;
        for (const struct option *e = cli_global_options(); e < g; e++) alias |= e->val == g->val;
        for (const struct option *o = globals_only ? NULL : pr->opts; o && o->name; o++)
            alias |= !strcmp(o->name, g->name);   /* the command's own --cycle */
        snprintf(w, sizeof w, "--%s", g->name);
        if (!alias) emit(c, w, NULL);
    }
    /* short-only options */
    for (const char *s = shorts; *s; s++) {
        if (!isalpha((unsigned char)*s) || *s == 'h') continue;
        bool has_long = false;
        for (const struct option *o = pr->opts; o && o->name; o++) has_long |= o->val == *s;
        snprintf(w, sizeof w, "-%c", *s);
        if (!has_long) emit(c, w, NULL);
    }
    if (globals_only) emit(c, "--version", NULL);
}

int cli_complete(cli_ctx *ctx, int argc, char **argv)
{
    int i = 1;
    if (i < argc && !strcmp(argv[i], "--")) i++;
    char **w = argv + i;
    int n = argc - i;
    if (n <= 0) return 0;
    comp c = {.cur = w[n - 1], .ctx = ctx};
    if (!freopen("/dev/null", "w", stderr)) return 0;   /* never write over the user's line */
    /* the words before the current one: global options, the command, its operands */
    const cli_command *cmd = NULL;
    cli_probe pr = {0};
    const char *ops[64];
    int nops = 0;
    for (int k = 0; k < n - 1; k++) {
        const char *x = w[k];
        bool val = k + 1 < n - 1;
        if (!strcmp(x, "--db") && val) ctx->db_flag = w[++k];
        else if (!strcmp(x, "--config") && val) ctx->config_flag = w[++k];
        else if (!strcmp(x, "--user") && val) k++;
        else if (!strcmp(x, "--cycle") && val) c.cycle = w[++k];
        else if (x[0] == '-' && x[1]) {
            if (takes_value(cmd ? pr.opts : NULL, cmd ? pr.shorts : NULL, x)) k++;
        } else if (!cmd) {
            if (!(cmd = cli_find_command(x))) return 0;
            probe(cmd, &pr);
        } else if (nops < 64) {
            ops[nops++] = x;
        }
    }
    const char *prev = n >= 2 ? w[n - 2] : "";
    char *help = cmd ? help_of(cmd) : NULL;
    bool is_value = prev[0] == '-' && takes_value(cmd ? pr.opts : NULL, cmd ? pr.shorts : NULL, prev);
    /* a --db given before the cursor counts only if it was taken as the value above */
    if (is_value) complete_value(&c, help, cmd ? cmd->name : "", prev);
    else if (c.cur[0] == '-') emit_options(&c, &pr, help, !cmd);
    else if (!cmd) {
        for (size_t k = 0; k < ncmds; k++) emit(&c, cmds[k].name, cmds[k].summary);
        emit(&c, "help", "this help");
    } else {
        opnd o = {.c = &c, .cmd = cmd->name, .want = nops, .verb = nops ? ops[0] : NULL};
        usage_operands(help, cmd->name, on_operand, &o);
    }
    free(help);
    store_close(c.s);
    fflush(stdout);
    return 0;
}
