/* SPDX-License-Identifier: MIT */
/* tests/unit/test_arena.c — core/'s allocators do no I/O when memory runs out: an arena and a
 * text buffer both call the hook the front end set (cli/ prints "out of memory"), with the
 * size asked for, and nothing else is written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../core/arena.h"
#include "../../core/buf.h"

/* Under AddressSanitizer a failed malloc must return NULL, as it does in a normal build. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }

static jmp_buf back;
static size_t asked;
static void hook(size_t n)
{
    asked = n;
    longjmp(back, 1);   /* the hook may leave; else arena_oom aborts */
}

static void test_an_arena_out_of_memory_calls_the_hook(void **st)
{
    (void)st;
    arena_set_oom(hook);
    lnd_arena *a = arena_new();
    asked = 0;
    size_t huge = SIZE_MAX / 4;
    if (setjmp(back) == 0) {
        arena_alloc(a, huge);
        fail_msg("an allocation of %zu bytes succeeded", huge);
    }
    assert_true(asked >= huge);
    arena_free(a);
    arena_set_oom(NULL);
}

static void test_a_buffer_out_of_memory_calls_the_hook(void **st)
{
    (void)st;
    arena_set_oom(hook);
    lnd_buf b = {0};
    buf_add(&b, "kept");
    asked = 0;
    size_t huge = SIZE_MAX / 4;
    if (setjmp(back) == 0) {
        buf_addn(&b, "x", huge);   /* the reserve fails before a byte is copied */
        fail_msg("a buffer of %zu bytes was reserved", huge);
    }
    assert_true(asked > huge);
    assert_string_equal(b.s, "kept");   /* the buffer is as it was */
    buf_free(&b);
    arena_set_oom(NULL);
}

LND_TEST_MAIN(cmocka_unit_test(test_an_arena_out_of_memory_calls_the_hook),
              cmocka_unit_test(test_a_buffer_out_of_memory_calls_the_hook))
