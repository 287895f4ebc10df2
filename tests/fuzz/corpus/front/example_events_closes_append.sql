-- Append mode without aggregation: every Close action as it arrives, with its hour label.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'examples/data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK console WITH (connector = 'console', numRows = 5);

INSERT INTO console
SELECT time, action, hour(time) AS hour, date_format(time, 'yyyy-MM-dd HH:mm') AS minute
FROM events
WHERE action = 'Close' AND time IS NOT NULL
WITH (name = 'closes', outputMode = 'append');
