/* SPDX-License-Identifier: MIT */
/* store/store_fields.h — private to store/: what the field tables of core/fields.h generate
 * here: column lists, the INSERT (add and import share it), the UPDATE's SET list, the row
 * reader and the binders. Each per-kind macro works on `r` (the row struct), `st` (the
 * statement) and `c` (the running column or parameter index). No SQL text but column names. */
#ifndef LND_STORE_FIELDS_H
#define LND_STORE_FIELDS_H

#include "../core/fields.h"

/* ", col" for every field: "id" STF_COLS(FIELDS_KR) is the full column list */
#define STF_COL_(kind, m, col, ...) ", " col
/* DEFTEXT: a blank value is the default when inserted and leaves the column as it is when set */
#define STF_QMARK_(kind, m, col, json, role, aux, ...) FIELDS_IF_DEF_##kind(",coalesce(nullif(?,''),'" aux "')", ",?")
#define STF_SET_(kind, m, col, json, role, aux, ...) \
    FIELDS_IF_EDIT_##role(FIELDS_IF_DEF_##kind(col "=coalesce(nullif(?,''), " col "), ", col "=?, "))
#define STF_COLS(T) "id" T(STF_COL_)
/* "INSERT INTO table(id, …) VALUES (?,…) RETURNING id": parameter 1 is the id (NULL = a new
 * one) */
#define STF_INSERT(table, T) "INSERT INTO " table "(" STF_COLS(T) ") VALUES (?" T(STF_QMARK_) ") RETURNING id"
/* The same for a new row where NULL is no id (PostgreSQL's identity columns): DEFAULT, and
 * parameter 1 is the first field (SQLite has no DEFAULT in VALUES, but a NULL id is new) */
#define STF_INSERT_NEW(table, T) "INSERT INTO " table "(" STF_COLS(T) ") VALUES (DEFAULT" T(STF_QMARK_) ") RETURNING id"
/* "UPDATE table SET a=?, b=?, … version = version + 1 WHERE id = ? AND version = ?" */
#define STF_UPDATE(table, T) \
    "UPDATE " table " SET " T(STF_SET_) "version = version + 1 WHERE id = ? AND version = ?"

/* ---- row reader: r->member from column c ---- */
#define STF_RD_ID(m, aux) r->m = db_column_int64(st, c++);
#define STF_RD_REF STF_RD_ID
#define STF_RD_TEXT(m, aux) r->m = st_str(ss, st, c++, aux);
#define STF_RD_OPTTEXT STF_RD_TEXT
#define STF_RD_DEFTEXT(m, aux) r->m = st_str(ss, st, c++, true);
#define STF_RD_NUM(m, aux) r->m = db_column_double(st, c++);
#define STF_RD_STAMP(m, aux) r->m = st_str(ss, st, c++, false);
#define STF_RD_OPTINT(m, aux) r->m = db_column_int(st, c++);
#define STF_RD_POS STF_RD_NUM
#define STF_RD_OPTNUM(m, aux)                                          \
    r->aux = db_column_type(st, c) != DB_T_NULL;                       \
    r->m = r->aux ? db_column_double(st, c) : 0;                       \
    c++;
#define STF_RD_INT(m, aux) r->m = db_column_int64(st, c++);
#define STF_RD_POSINT STF_RD_INT
#define STF_RD_ENUM(m, aux)                                                            \
    {                                                                                  \
        int v_ = model_##aux##_parse(db_column_text(st, c++));                         \
        r->m = v_ < 0 ? 0 : v_;                                                        \
    }
#define STF_RD_BOOL(m, aux) r->m = db_column_int(st, c++) != 0;
#define STF_READ(kind, m, col, json, role, aux, ...) STF_RD_##kind(m, aux)

/* ---- binders: parameter c from r->member ---- */
#define STF_BD_ID(m, aux) db_bind_int64(st, c++, r->m);
#define STF_BD_REF(m, aux) st_bind_id0(st, c++, r->m);
#define STF_BD_TEXT(m, aux) st_bind_text(st, c++, r->m);
#define STF_BD_OPTTEXT STF_BD_TEXT
#define STF_BD_DEFTEXT(m, aux) st_bind_text(st, c++, st_blank(r->m) ? "" : r->m);
#define STF_BD_NUM(m, aux) db_bind_double(st, c++, r->m);
#define STF_BD_STAMP(m, aux) st_bind_text(st, c++, r->m);
#define STF_BD_OPTINT(m, aux) db_bind_int(st, c++, r->m);
#define STF_BD_POS(m, aux) db_bind_double(st, c++, r->m > 0 ? r->m : aux);
#define STF_BD_OPTNUM(m, aux) st_bind_opt_double(st, c++, r->aux, r->m);
#define STF_BD_INT(m, aux) db_bind_int64(st, c++, r->m);
#define STF_BD_POSINT STF_BD_POS
#define STF_BD_ENUM(m, aux) st_bind_text(st, c++, model_##aux##_name(r->m));
#define STF_BD_BOOL(m, aux) db_bind_int(st, c++, r->m);
#define STF_BIND(kind, m, col, json, role, aux, ...) STF_BD_##kind(m, aux)
#define STF_BIND_EDIT(kind, m, col, json, role, aux, ...) FIELDS_IF_EDIT_##role(STF_BD_##kind(m, aux))

/* An audit detail from fields_*_diff: "title: 'Old' → 'New'; target: 75 → 80" (store_db.c). */
void st_diff_changes(st_diff *d, const fields_change *ch, size_t n);

#endif
