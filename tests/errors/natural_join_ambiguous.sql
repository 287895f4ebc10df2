-- expect: 5:8: Reference `k` is ambiguous, could be: [`a`.`k`, `b`.`K`].
CREATE TABLE a (k INT, v STRING) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE TABLE b (K INT, w STRING) WITH (connector = 'files', path = 'data/b', format = 'json');
-- names are compared as spelled: no common column, k is either side's
SELECT k FROM a NATURAL JOIN b;
