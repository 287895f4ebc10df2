-- round of a DECIMAL(38,0) to negative scales: DECIMAL(38,0) results, the last one 10^38.
CREATE SOURCE events (d DECIMAL(38,0), e DECIMAL(38,2))
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT d, round(d, -1) AS r1, round(d, -37) AS r37, round(d, -38) AS r38, round(d, -39) AS r39,
       e, round(e, 1) AS e1, round(e, -2) AS em2, round(e) AS e0
FROM events;
