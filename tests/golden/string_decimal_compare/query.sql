-- A STRING compared with a DECIMAL: Spark's PromoteStrings casts both to DOUBLE
-- (TypeCoercion.findCommonTypeForBinaryComparison, SPARK-22469), not to the decimal's type:
-- '1e3' > 2.5 and 999.99 < '1e3' are true, though 1000 fits neither DECIMAL(2,1) nor
-- DECIMAL(5,2); 'NaN' is larger than any number, '-Infinity' smaller.
CREATE SOURCE e (id INT, s STRING, x DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, s = 2.5 AS eq, s > 2.5 AS gt, 2.5 <=> s AS ns, x < s AS xs FROM e;
