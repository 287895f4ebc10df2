-- dropDuplicates("u", "p", "u", "U") and dropDuplicates("u", "u"): a repeated name is one key.
CREATE SOURCE events (u STRING, p INT, v STRING)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out SELECT u, p, v FROM events DROP DUPLICATES (u, p, u, U)
WITH (name = 'by_u_p', checkpointLocation = 'chk_up');
INSERT INTO out SELECT v FROM events DROP DUPLICATES (u, u)
WITH (name = 'by_u', checkpointLocation = 'chk_u');
