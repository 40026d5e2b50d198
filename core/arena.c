/* SPDX-License-Identifier: MIT */
/* core/arena.c — grow-only allocator (see arena.h). Blocks are chained; a request larger
 * than the block size gets a block of its own. Must not do anything but memory. */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN 16

struct block {
    struct block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

struct adopted {   /* malloc'd memory handed over with arena_adopt, freed with the arena */
    struct adopted *next;
    void *p;
};

struct lnd_arena {
    struct block *head;
    size_t bytes;
    struct adopted *adopted;
};

/* What to do when memory runs out: the front end's hook (cli/ says so and stops), then abort
 * if it returns. core/ writes nothing itself. */
static arena_oom_fn oom_hook;

void arena_set_oom(arena_oom_fn fn) { oom_hook = fn; }

void arena_oom(size_t n)
{
    if (oom_hook) oom_hook(n);
    abort();
}

lnd_arena *arena_new(void)
{
    lnd_arena *a = calloc(1, sizeof *a);
    if (!a) arena_oom(sizeof *a);
    return a;
}

void arena_free(lnd_arena *a)
{
    if (!a) return;
    for (struct adopted *d = a->adopted; d; d = d->next) free(d->p);   /* nodes live in blocks */
    struct block *b = a->head;
    while (b) {
        struct block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void *arena_adopt(lnd_arena *a, void *p, size_t n)
{
    if (!p) return NULL;
    struct adopted *d = arena_alloc(a, sizeof *d);
    d->p = p;
    d->next = a->adopted;
    a->adopted = d;
    a->bytes += n;
    return p;
}

void *arena_alloc(lnd_arena *a, size_t n)
{
    return memset(arena_alloc_raw(a, n), 0, n);
}

void *arena_alloc_raw(lnd_arena *a, size_t n)
{
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need == 0) need = ARENA_ALIGN;
    struct block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t size = need > ARENA_BLOCK / 4 ? need : ARENA_BLOCK;
        struct block *nb = malloc(sizeof *nb + size);
        if (!nb) arena_oom(need);
        nb->used = 0;
        nb->size = size;
        if (size == need && b) {          /* big one-off: keep the current block in front */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        a->bytes += sizeof *nb + size;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    return p;
}

char *arena_strndup(lnd_arena *a, const char *s, size_t n)
{
    if (!s) s = "";
    size_t len = strnlen(s, n);
    char *p = arena_alloc_raw(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(lnd_arena *a, const char *s)
{
    return arena_strndup(a, s, s ? strlen(s) : 0);
}

char *arena_printf(lnd_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0) return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)len + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t arena_bytes(const lnd_arena *a)
{
    return a ? a->bytes : 0;
}
