-- expect: 6:8: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `b`.`k` cannot be resolved. Did you mean one of the following? [`a`.`k`, `a`.`v`].
-- A LEFT SEMI JOIN USING keeps no hidden column (commonNaturalJoinProcessing: LeftExistence
-- has an empty hidden list), so b.k does not resolve.
CREATE TABLE a (k INT, v STRING) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE TABLE b (k BIGINT, w STRING) WITH (connector = 'files', path = 'data/b', format = 'json');
SELECT b.k FROM a LEFT SEMI JOIN b USING (k);
