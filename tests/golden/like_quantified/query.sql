-- LIKE and ILIKE with ANY, SOME and ALL, and the functions like() and ilike().  With string
-- literal patterns Spark 3.5's AstBuilder builds LikeAny, NotLikeAny, LikeAll or NotLikeAll
-- (of lower(s) for ILIKE), named likeany(s) ...; with a NULL (or any other) pattern the OR or
-- AND of the LIKEs.  A NULL pattern makes a row that matches no other pattern (ANY), or every
-- other (ALL), NULL.
CREATE SOURCE t (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT s, s LIKE ANY ('A%', '%na'), s ILIKE ALL ('a%', '%e'),
       s NOT LIKE ANY ('A%', 'b%') AS nany, s NOT ILIKE ALL ('a%', '%a') AS nall,
       s LIKE ALL ('%', NULL) AS alln, s LIKE SOME ('x%', NULL) AS somen,
       like(s, 'cherry/_%', '/') AS esc, ilike(s, 'BAN%') AS il
FROM t;
