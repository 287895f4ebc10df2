-- to_binary and try_to_binary (Spark 3.5's ToBinary, TryToBinary): 'hex' (the default) is
-- Unhex(s, failOnError = true) (pairs of hex digits, an odd first digit alone), 'base64'
-- UnBase64(s, failOnError = true) (UnBase64.isValidBase64: groups of 4 symbols, whitespace
-- skipped, the last of 2 to 4 symbols or 4 with its '=' ending the text), 'utf-8' and 'utf8'
-- Encode(s, 'UTF-8'); the format in any case; try_to_binary is NULL for a malformed value and
-- an unknown format; a NULL format is NULL.  Expected output: model.py.
CREATE SOURCE src (s STRING, i INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT s, try_to_binary(s) AS h, try_to_binary(s, 'Base64') AS b64, to_binary(s, 'utf-8') AS u,
       to_binary(s, 'UTF8') AS u8, try_to_binary(s, 'hex ') AS bad, to_binary(s, NULL),
       try_to_binary(i, 'HEX') AS ih, to_binary(i, 'utf-8') AS iu
FROM src;
