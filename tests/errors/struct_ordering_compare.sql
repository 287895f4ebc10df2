-- expect: 6:86: cannot compare 'w' of type struct<start:timestamp,end:timestamp> with 'w' of type struct<start:timestamp,end:timestamp>
-- = and != compare structs field by field (a window column, say); sluice does not order them.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM (SELECT window(time, '1 hour') AS w FROM events) WHERE w < w;
