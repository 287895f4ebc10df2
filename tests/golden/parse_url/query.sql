-- parse_url(url, part[, key]) (Spark's ParseUrl over java.net.URI, spark.sql.ansi.enabled
-- false): HOST getHost, PATH getRawPath, QUERY getRawQuery, REF getRawFragment, PROTOCOL
-- getScheme, FILE path?query, AUTHORITY getRawAuthority, USERINFO getRawUserInfo; a part
-- in other letters or case, or a URL java.net.URI refuses, is NULL; with a key, only QUERY
-- looks for (&|^)key=([^&]*) in the raw query. Expected values worked out by hand from
-- java.net.URI's parser (RFC 2396 and its deviations: server or registry authority,
-- IPv4 and IPv6 hosts, escapes, non-ASCII characters).
CREATE SOURCE src (id INT, u STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT id, parse_url(u, 'PROTOCOL') AS proto, parse_url(u, 'AUTHORITY') AS auth,
       parse_url(u, 'USERINFO') AS ui, parse_url(u, 'HOST') AS host,
       parse_url(u, 'PATH') AS path, parse_url(u, 'QUERY') AS query, parse_url(u, 'REF') AS ref,
       parse_url(u, 'FILE') AS file, parse_url(u, 'QUERY', 'k1') AS k1,
       parse_url(u, 'query') AS lower_part, parse_url(u, 'HOST', 'k1') AS host_key
FROM src;
