-- expect: 4:81: Pattern letter count must be 2: V
-- DateTimeFormatterBuilder.parsePattern: the zone id letter V only as VV.
CREATE SOURCE e (t TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console'); INSERT INTO o SELECT date_format(t, 'HH:mm V') FROM e;
