-- shiftleft/shiftright/shiftrightunsigned (Java's << >> >>>, the count masked to 31 or 63:
-- shiftleft(1, 33) is 2), bit_count (Integer/Long.bitCount: -1 is 32, Long.MaxValue 63, -8L
-- 61), bin (Long.toBinaryString: -1 is 64 ones), conv (NumberConverter: 'ff' 16->10 is 255;
-- 'ff' in base 10 reads no digit, so '0'; '-15' 16->10 is 2^64 - 21 = 18446744073709551595;
-- '-15' 10->-16 is '-F'; 'kitten' base 36 = 1001001111101110101110000011111 in base 2 (python3
-- int('kitten', 36)); '' is NULL), width_bucket (WidthBucket: 1 in [0, 100) of 10 buckets is
-- 1, -1 is 0), levenshtein (6, 4, 3, 0; with threshold 2 the distances above it are -1),
-- soundex (Robert R163, 'a,-15,b' A100, sitting S352, '' ''), find_in_set ('-15' is item 2
-- of 'a,-15,b'; '' is item 1 of ''), elt (1-based, NULL out of range or for a NULL index).
CREATE SOURCE e (i INT, b BIGINT, s STRING, t STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT shiftleft(i, 33) AS sl, shiftright(b, 1) AS sr, shiftrightunsigned(i, 28) AS sru,
       shiftrightunsigned(b, 60) AS srub, bit_count(i) AS bc, bit_count(b) AS bcb, bin(i) AS bi,
       conv(s, 16, 10) AS c1, conv(s, 10, -16) AS c2, conv(s, 36, 2) AS c3,
       width_bucket(i, 0, 100, 10) AS wb, levenshtein(s, t) AS lv, levenshtein(s, t, 2) AS lv2,
       soundex(t) AS sx, find_in_set(s, t) AS fs, elt(i, s, t) AS el
FROM e;
