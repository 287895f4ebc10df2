"""spark_order.py - Spark 3.5's ordering of values, for the python models of goldens
(tests/golden/*/model.py): StructType/ArrayType.interpretedOrdering (InterpretedOrdering.forSchema,
every field Ascending and so NULLS FIRST) and the atomic types' orderings, and show()'s text of
nested values.  A struct is a tuple, an array a list, NULL None.
"""
import math

from spark_show import java_double


def cmp(a, b):
    """Two non-NULL values: a struct field by field and an array element by element, the first
    pair that differs decides, a NULL before any value and two NULLs equal, then the shorter
    array first; doubles by SQLOrderingUtil.compareDoubles (NaN largest, NaN = NaN,
    -0.0 = 0.0); other values as python orders them."""
    if isinstance(a, (tuple, list)):
        for x, y in zip(a, b):
            if x is None or y is None:
                if (x is None) != (y is None):
                    return -1 if x is None else 1
                continue
            c = cmp(x, y)
            if c:
                return c
        return (len(a) > len(b)) - (len(a) < len(b))
    if isinstance(a, float):
        if a == b or (math.isnan(a) and math.isnan(b)):
            return 0
        if math.isnan(a) or math.isnan(b):
            return 1 if math.isnan(a) else -1
    return (a > b) - (a < b)


def show(v):
    """A value as the console prints it (Cast to STRING of a nested value: {a, b}, [a, b])."""
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return java_double(v)
    if isinstance(v, tuple):
        return "{" + ", ".join(show(x) for x in v) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    return str(v)
