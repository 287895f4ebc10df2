-- A FULL OUTER JOIN of two streams USING (id, t), the watermark in the keys: id is
-- coalesce(s1.id, s2.id), while s1.id and s2.id are each side's own (NULL on the other side's
-- unmatched rows, output when the watermark evicts them).
CREATE SOURCE s1 (id INT, t TIMESTAMP, x STRING, WATERMARK FOR t AS t - INTERVAL '1 minute')
WITH (connector = 'files', path = 'data/s1', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE s2 (id INT, t TIMESTAMP, y STRING, WATERMARK FOR t AS t - INTERVAL '1 minute')
WITH (connector = 'files', path = 'data/s2', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console');

INSERT INTO out SELECT id, t, s1.id, s2.id, x, y FROM s1 FULL OUTER JOIN s2 USING (id, t)
WITH (name = 'full_using');
