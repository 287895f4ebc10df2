-- format_string / printf (FormatString: java.util.Formatter, Locale.US, over the values Spark
-- passes: Integer, Long, Double, UTF8String, a Decimal's text, Boolean).  %5d, %-5d, %05d
-- (zeros after the sign: -0001), %,d grouping, %x/%X/%o of an Integer in 32-bit and of a Long
-- in 64-bit two's complement (-1 is ffffffff; -9876543210 is FFFFFFFDB34FE916, python3
-- hex(2**64 - 9876543210)); %f rounds Double.toString's digits HALF_UP (2.675 -> 2.68, 0.125
-- -> 0.13, unlike C); NaN ignores + and width pads it; a NULL value prints null (NULL for %S);
-- n$ indexes leave the ordinary index alone (%2$s-%1$s then %S takes the first value).
CREATE SOURCE e (i INT, b BIGINT, d DOUBLE, s STRING, m DECIMAL(5,2), t BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT format_string('%s|%5d|%-5d|%05d|%,d|%x|%X|%o', s, i, i, i, b, i, b, i) AS a,
       printf('%.2f|%10.3f|%-8.1f|%+,.2f|%f|%s', d, d, d, d, d, d) AS f,
       format_string('%2$s-%1$s %S %.2s %s %s %%', s, m, s, s, t, NULL) AS x
FROM e;
