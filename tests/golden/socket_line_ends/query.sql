-- The socket source's lines end at "\n", "\r" or "\r\n", as Spark's TextSocketMicroBatchStream
-- reads them with BufferedReader.readLine: "a b\rc\r\n\rd\ne\r" is the lines "a b", "c", "",
-- "d" and "e".
CREATE SOURCE lines WITH (connector = 'socket', host = 'localhost', port = 9999);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value, length(value) AS n FROM lines WITH (name = 'line_ends');
