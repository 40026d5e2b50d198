/* SPDX-License-Identifier: MIT */
/* store/pg_lib.h — libpq, loaded when a postgresql:// database is opened and not before.
 * Linking libpq pulls in about fifteen more shared libraries (TLS, Kerberos, LDAP), which
 * every process start would pay for — some 20 ms of CPU here for an `lnd checkin` that
 * otherwise takes 5 ms on an SQLite file. So lnd is built against libpq's header (libpq-dev)
 * but calls it through the pointers below, filled by pg_lib_load with dlopen("libpq.so.5").
 * Only store/pg_db.c includes this, after <libpq-fe.h>; a libpq function it starts using is
 * one more line in PG_LIB_FNS and one more #define. */
#ifndef LND_PG_LIB_H
#define LND_PG_LIB_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#define PG_LIB_FNS(X) \
    X(PQclear) \
    X(PQcmdStatus) \
    X(PQcmdTuples) \
    X(PQconnectdbParams) \
    X(PQconninfoFree) \
    X(PQconninfoParse) \
    X(PQerrorMessage) \
    X(PQexec) \
    X(PQexecParams) \
    X(PQexecPrepared) \
    X(PQfinish) \
    X(PQfreemem) \
    X(PQftype) \
    X(PQgetisnull) \
    X(PQgetlength) \
    X(PQgetvalue) \
    X(PQhost) \
    X(PQnfields) \
    X(PQntuples) \
    X(PQport) \
    X(PQprepare) \
    X(PQresultErrorField) \
    X(PQresultStatus) \
    X(PQsetNoticeProcessor) \
    X(PQstatus) \
    X(PQtransactionStatus) \

typedef struct {
#define PG_LIB_FIELD(f) __typeof__(f) *f;
    PG_LIB_FNS(PG_LIB_FIELD)
#undef PG_LIB_FIELD
} pg_lib_fns;
extern pg_lib_fns pg_lib;

/* Load libpq once (later calls return at once). false with one line in err (what is missing
 * and how to install it) when it cannot be loaded. */
bool pg_lib_load(char *err, size_t errsz);

#ifndef PG_LIB_IMPL
#define PQclear pg_lib.PQclear
#define PQcmdStatus pg_lib.PQcmdStatus
#define PQcmdTuples pg_lib.PQcmdTuples
#define PQconnectdbParams pg_lib.PQconnectdbParams
#define PQconninfoFree pg_lib.PQconninfoFree
#define PQconninfoParse pg_lib.PQconninfoParse
#define PQerrorMessage pg_lib.PQerrorMessage
#define PQexec pg_lib.PQexec
#define PQexecParams pg_lib.PQexecParams
#define PQexecPrepared pg_lib.PQexecPrepared
#define PQfinish pg_lib.PQfinish
#define PQfreemem pg_lib.PQfreemem
#define PQftype pg_lib.PQftype
#define PQgetisnull pg_lib.PQgetisnull
#define PQgetlength pg_lib.PQgetlength
#define PQgetvalue pg_lib.PQgetvalue
#define PQhost pg_lib.PQhost
#define PQnfields pg_lib.PQnfields
#define PQntuples pg_lib.PQntuples
#define PQport pg_lib.PQport
#define PQprepare pg_lib.PQprepare
#define PQresultErrorField pg_lib.PQresultErrorField
#define PQresultStatus pg_lib.PQresultStatus
#define PQsetNoticeProcessor pg_lib.PQsetNoticeProcessor
#define PQstatus pg_lib.PQstatus
#define PQtransactionStatus pg_lib.PQtransactionStatus
#endif

#endif
