-- expect: 4:27: TIMESTAMP 'now' is not supported yet: Spark reads the special value 'now' when it parses the query (write current_date() or current_timestamp(), which are the batch's)
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, TIMESTAMP 'now' AS x FROM s;
