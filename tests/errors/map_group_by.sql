-- expect: 5:52: [GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE] The expression "m" cannot be used as a grouping expression because its data type "MAP<STRING, INT>" is not an orderable data type.
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT count(*) AS c FROM e GROUP BY m WITH (outputMode = 'update');
