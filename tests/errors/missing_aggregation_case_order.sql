-- expect: 7:29: [MISSING_AGGREGATION] The non-aggregating expression "b" is based on columns which are not participating in the GROUP BY clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use "any_value(b)" if you do not care which of the values within a group is returned.
-- CheckAnalysis.checkValidAggregateExpression walks CaseWhen.children in order: when, then,
-- when, then, else.  b (the first branch's value) comes before c (the second's condition).
CREATE TABLE t (g INT, b INT, c INT) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
SELECT g,
       CASE WHEN g > 0 THEN b WHEN c > 0 THEN 1 END AS x FROM t GROUP BY g;
