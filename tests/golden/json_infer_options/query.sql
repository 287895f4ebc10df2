-- JsonInferSchema's options (Spark 3.5): `decimals` infers with prefersDecimal (a floating
-- number as DecimalType(max(precision, scale), scale) of its BigDecimal, a string that
-- java.math.BigDecimal reads after dropping commas as its DecimalType when that type exists)
-- and dropFieldIfAllNull (canonicalizeType drops what stays NullType: null and "" fields,
-- arrays of them, structs left empty; SELECT * shows what is left); `plain` infers the same
-- lines with the defaults; `strings` with primitivesAsString (numbers and booleans as
-- strings, on the inference's fast path too).
CREATE SOURCE decimals
  WITH (connector = 'files', path = 'data/json', format = 'json', inferSchema = 'true',
        prefersDecimal = 'true', dropFieldIfAllNull = 'True');
CREATE SOURCE plain
  WITH (connector = 'files', path = 'data/json', format = 'json', inferSchema = 'true');
CREATE SOURCE strings
  WITH (connector = 'files', path = 'data/json', format = 'json', inferSchema = 'true',
        primitivesAsString = 'true');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO console
SELECT *, typeof(big) AS t_big, typeof(price) AS t_price, typeof(qty) AS t_qty,
       typeof(small) AS t_small
FROM decimals WITH (name = 'decimals');
INSERT INTO console
SELECT id, price, qty, tag, note, arr, obj, typeof(price) AS t_price, typeof(tag) AS t_tag,
       typeof(arr) AS t_arr, typeof(obj) AS t_obj
FROM plain WITH (name = 'plain');
INSERT INTO console
SELECT id, flag, tag, arr, typeof(id) AS t_id, typeof(flag) AS t_flag, typeof(price) AS t_price,
       typeof(obj) AS t_obj
FROM strings WITH (name = 'strings');
