-- expect: 17:100: More than one event time columns are available. Please ensure there is at most one event time column per stream. event time columns: (window-T600000ms,t-T600000ms)
-- expect: 19:100: More than one event time columns are available. Please ensure there is at most one event time column per stream. event time columns: (w-T600000ms,t-T600000ms)
-- expect: 21:87: More than one event time columns are available. Please ensure there is at most one event time column per stream. event time columns: (session_window-T600000ms,t-T600000ms)
-- expect: 24:86: More than one event time columns are available. Please ensure there is at most one event time column per stream. event time columns: (t-T600000ms,t0-T600000ms)
-- expect: 26:84: More than one event time columns are available. Please ensure there is at most one event time column per stream. event time columns: (t-T600000ms,w-T600000ms)
-- expect: 27:93: More than one event time columns are available. Please ensure there is at most one event time column per stream. event time columns: (t-T600000ms,t2-T60000ms)
-- expect: 30:3: More than one event time columns are available. Please ensure there is at most one event time column per stream. event time columns: (t-T600000ms,w-T600000ms)
-- expect: 41:93: More than one event time columns are available. Please ensure there is at most one event time column per stream. event time columns: (t-T600000ms,t2-T60000ms)
-- Spark's WatermarkSupport.findEventTimeColumn (statefulOperators.scala): a stateful operator whose
-- input holds two event-time columns fails the query.
CREATE SOURCE s (t TIMESTAMP, k STRING, WATERMARK FOR t AS t - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/s', format = 'json');
CREATE SOURCE r (t2 TIMESTAMP, k2 STRING, WATERMARK FOR t2 AS t2 - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'data/r', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- an aggregation keyed on the time and its window (Append and Update mode)
INSERT INTO out SELECT window(t, '5 minutes'), t, count(*) FROM s GROUP BY window(t, '5 minutes'), t
  WITH (outputMode = 'update');
INSERT INTO out SELECT w, count(*) FROM (SELECT t, window(t, '5 minutes') AS w FROM s) GROUP BY w, t;
-- a session window aggregation, in every mode
INSERT INTO out SELECT k, count(*) FROM s GROUP BY k, session_window(t, '5 minutes'), t
  WITH (outputMode = 'complete');
-- an alias is another attribute
INSERT INTO out SELECT k, count(*) FROM (SELECT k, t, t AS t0 FROM s) GROUP BY k, t, t0;
-- DROP DUPLICATES over what it keeps: its keys and what the query reads
INSERT INTO out SELECT w.start FROM (SELECT t, window(t, '5 minutes') AS w FROM s) DROP DUPLICATES (t);
INSERT INTO out SELECT * FROM s JOIN r ON k = k2 AND t2 BETWEEN t AND t + INTERVAL 1 MINUTE DROP DUPLICATES;
-- a side of a join of two streams
INSERT INTO out SELECT * FROM (SELECT k, t, window(t, '5 minutes') AS w FROM s) a
  JOIN (SELECT k2, window(t2, '5 minutes') AS w2 FROM r) b ON k = k2 AND w = w2;
-- accepted: no stateful operator, a Complete mode aggregation (StateStoreSaveExec builds no
-- predicate), and inputs where ColumnPruning leaves one event time
INSERT INTO out SELECT t, window(t, '5 minutes') AS w, t AS t0 FROM s;
INSERT INTO out SELECT w, t, count(*) FROM (SELECT t, window(t, '5 minutes') AS w FROM s) GROUP BY w, t
  WITH (outputMode = 'complete');
INSERT INTO out SELECT t FROM (SELECT t, window(t, '5 minutes') AS w FROM s) DROP DUPLICATES (t);
INSERT INTO out SELECT k, t, count(*) FROM (SELECT k, t, window(t, '5 minutes') AS w FROM s) GROUP BY k, t;
INSERT INTO out SELECT k FROM (SELECT k, t, window(t, '5 minutes') AS w FROM s) a
  JOIN (SELECT k2, window(t2, '5 minutes') AS w2 FROM r) b ON k = k2 AND w = w2;
-- the keys hold t2, but SELECT * keeps t as well: Spark's message, not sluice's "first watermarked column"
INSERT INTO out SELECT * FROM s JOIN r ON k = k2 AND t2 BETWEEN t AND t + INTERVAL 1 MINUTE DROP DUPLICATES (k, t2);
