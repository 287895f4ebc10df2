-- from_json's options (JsonToStructs, JSONOptions; keys case-insensitive): timestampFormat
-- and dateFormat read TIMESTAMP and DATE strings with that pattern only (b's "2015-08-26
-- 10:30" is a bad value: the struct is partial); the corrupt-record field (default
-- _corrupt_record, else columnNameOfCorruptRecord) is not read from the JSON and receives
-- the text of a malformed or partial record (b: "x" for an INT; c: an array for a struct;
-- e: not JSON); mode PERMISSIVE in any case.  An ARRAY<DATE> schema with dateFormat.
-- to_json's options (StructsToJson, JacksonGenerator): timestampFormat and dateFormat for
-- writing, ignoreNullFields = false writes NULL fields as null, pretty = true Jackson's
-- DefaultPrettyPrinter ("[ 1, 2 ]", "{ }", two spaces a level of objects, " : ").
CREATE SOURCE events (k STRING, j STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO console
SELECT k,
       from_json(j, 't TIMESTAMP, d DATE',
                 map('timestampFormat', 'dd/MM/yyyy HH:mm', 'DATEFORMAT', 'MMM d, yyyy')) AS f,
       from_json(j, 'a INT, _corrupt_record STRING') AS c,
       from_json(j, 'a INT, bad STRING',
                 map('columnNameOfCorruptRecord', 'bad', 'mode', 'permissive')) AS c2,
       from_json(j, 'array<date>', map('dateFormat', 'dd/MM/yyyy')) AS arr
FROM events WITH (name = 'parsed');
INSERT INTO files
SELECT k,
       to_json(named_struct('t', from_json(j, 't TIMESTAMP', map('timestampFormat', 'dd/MM/yyyy HH:mm')).t,
                            'd', from_json(j, 'd DATE', map('dateFormat', 'MMM d, yyyy')).d,
                            'n', CAST(NULL AS INT)),
               map('timestampFormat', 'yyyy/MM/dd HH:mm', 'dateFormat', 'dd.MM.yyyy',
                   'ignoreNullFields', 'false')) AS w,
       to_json(named_struct('a', 1, 'l', array(1, 2), 's', named_struct('x', array(named_struct('y', k))),
                            'm', map('k', CAST(NULL AS STRING)), 'e', named_struct('z', CAST(NULL AS INT))),
               map('pretty', 'TRUE')) AS p
FROM events WITH (name = 'written', checkpointLocation = 'ck');
