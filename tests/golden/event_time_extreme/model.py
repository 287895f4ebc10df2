"""Spark 3.5's output for this golden: the console batch and the progress record, whose
eventTime.avg is EventTimeStats' running mean in a double (EventTimeWatermarkExec.scala),
worked out here in Python floats as Scala's doubles, and printed by ProgressReporter's
formatTimestamp (yyyy-MM-dd'T'HH:mm:ss.SSS'Z', UTC; a year past 9999 gets a '+')."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def civil(days):
    """The proleptic Gregorian (year, month, day) of days since 1970-01-01 (any year)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def iso_ms(ms):
    days, rest = divmod(ms, 86400000)
    y, m, d = civil(days)
    year = "+%d" % y if y > 9999 else "%04d" % y
    return "%s-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        year, m, d, rest // 3600000, rest // 60000 % 60, rest // 1000 % 60, rest % 1000)


with open(os.path.join(HERE, "data", "part-0.json")) as f:
    secs = [int(line.split('"t":')[1].rstrip("}\n")) for line in f if line.strip()]
ms = [s * 1000 for s in secs]  # the times in ms (whole seconds: µs / 1000 is exact)
avg, count = 0.0, 0
for t in ms:  # EventTimeStats.add, one partition (one file)
    count += 1
    avg += (t - avg) / count
progress = (
    '{"id":"<uuid>","runId":"<uuid>","name":"extreme","timestamp":"<t>","batchId":0,'
    '"numInputRows":%d,"inputRowsPerSecond":<r>,"processedRowsPerSecond":<r>,'
    '"durationMs":{<ms>},"eventTime":{"avg":"%s","max":"%s","min":"%s",'
    '"watermark":"1970-01-01T00:00:00.000Z"},"stateOperators":[],"sources":[{"description":'
    '"FileStreamSource[file:<tmp>/data/events]","startOffset":null,"endOffset":{"logOffset":0},'
    '"latestOffset":{"logOffset":0},"numInputRows":%d,"inputRowsPerSecond":<r>,'
    '"processedRowsPerSecond":<r>}],"sink":{"description":'
    '"org.apache.spark.sql.execution.streaming.ConsoleTable$","numOutputRows":1}}\n'
    % (len(ms), iso_ms(int(avg)), iso_ms(max(ms)), iso_ms(min(ms)), len(ms)))
print("-------------------------------------------\nBatch: 0\n"
      "-------------------------------------------\n"
      "+---+-------------------+\n|id |t                  |\n+---+-------------------+\n"
      "|0  |1970-01-01 00:00:00|\n+---+-------------------+\n\n=== progress ===\n" + progress,
      end="")
# The exact mean, 1100 * 9223372036854000 / 1101 = 9214994768882288.83 ms, was printed
# .288; the double ends at 9214994768882304.0 (ulp 2 at this size, the rounding of 1100
# additions): +293981-07-24T01:08:02.304Z.
