-- expect: 4:37: Schema should be specified in DDL format as a string literal or output of the schema_of_json/schema_of_csv functions instead of k
CREATE SOURCE events (k STRING, j STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_json(j, k) AS s FROM events;
