/* SPDX-License-Identifier: MIT */
/* core/arena.h — a grow-only allocator: everything loaded for one view or one command lives
 * in one arena and is released together. Out of memory aborts with a message (there is no
 * sensible recovery in a dashboard). Not thread-safe; never holds file or terminal state. */
#ifndef LND_ARENA_H
#define LND_ARENA_H

#include <stddef.h>

typedef struct lnd_arena lnd_arena;

/* Out of memory: arena_oom(n) calls the hook the front end set (cli/ prints one line and
 * stops), then aborts. Every allocator in core/ (arenas, core/buf.c) ends there. */
typedef void (*arena_oom_fn)(size_t asked);
void arena_set_oom(arena_oom_fn fn);
_Noreturn void arena_oom(size_t asked);

lnd_arena *arena_new(void);
void arena_free(lnd_arena *a);                 /* NULL is fine */
void *arena_alloc(lnd_arena *a, size_t n);     /* zeroed, aligned for any type */
/* The same, not zeroed: for bytes the caller writes at once (strings, string buffers). */
void *arena_alloc_raw(lnd_arena *a, size_t n);
/* Hand malloc'd memory of n bytes to the arena: freed with it (a big result built with
 * realloc is kept without copying it into a block). Returns p. */
void *arena_adopt(lnd_arena *a, void *p, size_t n);
char *arena_strdup(lnd_arena *a, const char *s);        /* NULL -> "" */
char *arena_strndup(lnd_arena *a, const char *s, size_t n);
char *arena_printf(lnd_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t arena_bytes(const lnd_arena *a);        /* bytes reserved, for benchmarks */

#endif
