-- Typed literals as AstBuilder.visitTypeConstructor reads them: 'epoch' (any case, a zone
-- getZoneId knows after it) is the epoch; text is read as CAST reads it (a zone offset moves a
-- TIMESTAMP to UTC, the session zone); an unaliased literal is named by Literal.sql of its
-- value (DateFormatter, the fraction formatter without trailing zeros), so
-- TIMESTAMP '2024-01-01 10:00:00+02:00' is named TIMESTAMP '2024-01-01 08:00:00' and
-- DATE '2024-1-5' is DATE '2024-01-05'.  Every cell follows from those rules by hand.
CREATE TABLE t (a INT) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT TIMESTAMP 'epoch', DATE ' EPOCH Europe/Paris ', TIMESTAMP '2024-01-01 10:00:00+02:00',
       DATE '2024-1-5', TIMESTAMP_NTZ '2024-01-01 10:00:00.5', TIMESTAMP '1969-12-31 23:59:59.25'
FROM t WITH (truncate = false);
