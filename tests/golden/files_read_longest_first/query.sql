-- The files of one micro-batch are read longest first: Spark reads a batch's files as one
-- scan, and FileSourceScanExec orders its splits by length, descending (a stable sort, so
-- files of one length keep the batch's order: modification time, then name), before packing
-- them into the partitions it reads in turn.  The four files arrive a second apart in name
-- order (a.json 17 bytes, b.json and d.json 51 each, c.json 34): the rows come from b.json,
-- d.json, c.json, then a.json, and DROP DUPLICATES keeps the first row of each key in that
-- order (k = 1 from b.json, not a.json).
CREATE SOURCE s (k INT, v STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT k, v FROM s WITH (name = 'rows');
INSERT INTO o SELECT k, v FROM s DROP DUPLICATES (k) WITH (name = 'firsts');
