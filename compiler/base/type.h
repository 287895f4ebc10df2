/* type.h - SQL types shared by every compiler phase (schemas, expressions, plans).
**
** Types are immutable once built.  Scalar types are static singletons, so
** scalar equality is pointer equality; STRUCT, ARRAY and MAP types are built in
** the arena and compared structurally with type_equal().  Names print in
** Spark's simpleString form: `bigint`, `struct<start:timestamp,end:timestamp>`.
*/
#ifndef SL_TYPE_H
#define SL_TYPE_H

#include <stdbool.h>

#include "base/arena.h"

typedef enum TypeKind {
    TY_NULL, /* the type of a bare NULL literal; coerces to anything */
    TY_BOOLEAN,
    TY_INT,      /* 32-bit */
    TY_TINYINT,  /* Spark's ByteType (TINYINT, BYTE): a sign-extended i32 */
    TY_SMALLINT, /* Spark's ShortType (SMALLINT, SHORT): a sign-extended i32 */
    TY_BIGINT,   /* 64-bit */
    TY_FLOAT,    /* 32-bit IEEE float, Spark's FloatType (FLOAT, REAL) */
    TY_DOUBLE,
    TY_DECIMAL, /* DECIMAL(precision, scale): a 128-bit unscaled integer, precision <= 38 */
    TY_STRING,
    TY_BINARY,    /* bytes, Spark's BinaryType */
    TY_TIMESTAMP, /* microseconds since 1970-01-01T00:00:00Z */
    TY_DATE,      /* days since 1970-01-01 */
    TY_INTERVAL,  /* Spark's DayTimeIntervalType(start, end): microseconds, an i64 */
    TY_STRUCT,
    TY_ARRAY,
    TY_MAP,          /* MAP<key, value>: keys never NULL, never a MAP (Spark's MapType) */
    TY_YM_INTERVAL,  /* Spark's YearMonthIntervalType(start, end): months, an i64 within Int */
    TY_TIMESTAMP_NTZ /* Spark's TimestampNTZType: a local date-time, µs since 1970-01-01T00:00 */
} TypeKind;

typedef struct Type Type;

typedef struct TypeField {
    const char *name;
    const Type *type;
} TypeField;

struct Type {
    TypeKind kind;
    int n_fields;            /* TY_STRUCT */
    const TypeField *fields; /* TY_STRUCT */
    const Type *elem;        /* TY_ARRAY; the value type of a TY_MAP */
    const Type *key;         /* TY_MAP */
    int precision, scale;    /* TY_DECIMAL */
    int start_field, end_field; /* TY_INTERVAL (CM_DT_DAY..SECOND), TY_YM_INTERVAL (CM_YM_*) */
};

extern const Type type_null, type_boolean, type_tinyint, type_smallint, type_int, type_bigint,
    type_float, type_double, type_string, type_binary, type_timestamp, type_timestamp_ntz,
    type_date, type_interval;
/* type_interval is INTERVAL DAY TO SECOND, DayTimeIntervalType()'s default. */

/* Spark's DecimalType.MAX_PRECISION and DecimalType.MINIMUM_ADJUSTED_SCALE. */
#define TYPE_DECIMAL_MAX_PRECISION 38
#define TYPE_DECIMAL_MIN_ADJUSTED_SCALE 6
/* DECIMAL(p, s), 1 <= p <= 38, 0 <= s <= p: a singleton, so equal decimals are one pointer. */
const Type *type_decimal(int precision, int scale);
/* DayTimeIntervalType(start, end) and YearMonthIntervalType(start, end), start <= end (the
   fields of common/cm_ansi_iv.h): singletons, printed `interval day to second`. */
const Type *type_dt_interval(int start, int end);
const Type *type_ym_interval(int start, int end);
/* Either kind of ANSI interval (Spark's AnsiIntervalType). */
bool type_is_ansi_interval(const Type *t);
/* TIMESTAMP or TIMESTAMP_NTZ (Spark's AnyTimestampType): µs in an i64, the same calendar. */
bool type_is_any_timestamp(const Type *t);
const Type *type_struct(Arena *arena, int n_fields, const TypeField *fields);
const Type *type_array(Arena *arena, const Type *elem);
/* MAP<key, value>: printed map<string,int> (Spark's MapType.simpleString). */
const Type *type_map(Arena *arena, const Type *key, const Type *value);
/* struct<start:timestamp,end:timestamp>, the type of window() and session_window() over a
   TIMESTAMP. */
const Type *type_window(void);
/* The type of window() and session_window() over a time column of type ts (TimeWindow and
   SessionWindow: the struct's start and end have the time column's type): a singleton,
   struct<start:timestamp_ntz,end:timestamp_ntz> for a TIMESTAMP_NTZ, else type_window(). */
const Type *type_window_of(const Type *ts);
/* Either window type (equal to one of them, a struct built so too). */
bool type_is_window(const Type *t);
bool type_equal(const Type *a, const Type *b);
/* TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE (not DECIMAL) */
bool type_is_numeric(const Type *t);
bool type_is_integral(const Type *t);  /* TINYINT, SMALLINT, INT, BIGINT */
/* The types a CSV field reads into and writes from (the files source's reader, from_csv,
   to_csv): STRING, the integers, BOOLEAN, DOUBLE, FLOAT, DECIMAL, TIMESTAMP, DATE, the ANSI
   intervals (their ANSI text). */
bool type_is_csv_field(const Type *t);
/* TINYINT, SMALLINT or INT: a value held in an i32 (the narrow ones sign-extended). */
bool type_is_int32(const Type *t);
/* The width in bits of an integral type's values: 8, 16, 32 or 64 (0 for another type). */
int type_int_bits(const Type *t);
/* Spark's DecimalType.forType of a number: TINYINT DECIMAL(3,0), SMALLINT (5,0), INT (10,0),
   BIGINT (20,0), FLOAT (14,7), DOUBLE (30,15); a DECIMAL itself. */
const Type *type_decimal_for(const Type *t);
bool type_is_fractional(const Type *t); /* FLOAT, DOUBLE */
bool type_is_nested(const Type *t);    /* STRUCT, ARRAY, MAP */
/* Whether try_cast from -> to (castable, not equal) is lowered as a call of its own (FN_TRY_CAST,
   cg_try_cast) rather than as CAST: where Spark's ANSI CAST throws and non-ANSI CAST does not
   give NULL (integral narrowing; fractions, decimals, timestamps or strings to integers but
   TIMESTAMP to BIGINT; BIGINT and fractions to TIMESTAMP; an ANSI interval to or from a
   number, where CAST throws CAST_OVERFLOW, and from a malformed STRING), and MAP to MAP, which is
   NULL as a whole where any key or value cast would throw. */
bool type_try_cast_own(const Type *from, const Type *to);
/* Whether t is or holds a MAP (Spark's existsRecursively(_.isInstanceOf[MapType])). */
bool type_has_map(const Type *t);
/* STRING or BINARY: a value of bytes with a length (the same representation everywhere). */
bool type_is_bytes(const Type *t);
/* Field index by name (case-insensitive), or -1. */
int type_field_index(const Type *t, const char *name);
/* Spark's simpleString, e.g. "struct<start:timestamp,end:timestamp>". */
const char *type_name(Arena *arena, const Type *t);
/* The SQL keyword spelling used in error messages, e.g. "BIGINT", "STRUCT<...>". */
const char *type_sql_name(Arena *arena, const Type *t);

#endif
