-- expect: 5:22: try_cast from ARRAY<STRING> to ARRAY<INT> is not supported yet (only casts between atomic types are)
-- try_cast of MAP values is supported, of ARRAY and STRUCT values not yet (CAST neither).
CREATE SOURCE e (a ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT try_cast(a AS ARRAY<INT>) FROM e;
