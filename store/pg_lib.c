/* SPDX-License-Identifier: MIT */
/* store/pg_lib.c — loads libpq on first use of a postgresql:// database (see pg_lib.h). */
#define PG_LIB_IMPL
#include "pg_lib.h"

#include <dlfcn.h>
#include <stdio.h>

pg_lib_fns pg_lib;

/* Debian's libpq5 installs libpq.so.5; libpq.so is only in libpq-dev. */
static const char *const pg_lib_names[] = {"libpq.so.5", "libpq.so"};

bool pg_lib_load(char *err, size_t errsz)
{
    static void *handle;
    if (handle) return true;
    void *h = NULL;
    for (size_t i = 0; !h && i < sizeof pg_lib_names / sizeof pg_lib_names[0]; i++)
        h = dlopen(pg_lib_names[i], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, errsz, "a postgresql:// database needs libpq (libpq.so.5), which cannot be loaded; "
                             "install it (Debian: apt-get install libpq5) or use an SQLite file");
        return false;
    }
    pg_lib_fns f;
#define PG_LIB_SYM(name)                                                                  \
    *(void **)(&f.name) = dlsym(h, #name);                                                \
    if (!f.name) {                                                                        \
        snprintf(err, errsz, "the libpq found has no %s; install libpq 12 or newer "      \
                             "(Debian: apt-get install libpq5)", #name);                  \
        dlclose(h);                                                                       \
        return false;                                                                     \
    }
    PG_LIB_FNS(PG_LIB_SYM)
#undef PG_LIB_SYM
    pg_lib = f;
    handle = h;
    return true;
}
