// duckdb_rate.mjs - the rate benchmark's computation run by DuckDB (the comparison peer).
//
//   node bench/duckdb_rate.mjs --rows N --rows-per-batch R --start-ms S --advance-ms A
//        [--window-s W] [--modulus M] [--threads N|default] [--runs N] [--out FILE] [--show-sql]
//
// Computes what bench/rate_windowed.sql computes over N rows of sluice's rate-micro-batch
// source, as batch SQL over range(N): value v is stamped S + (v // R) * A ms (batch
// v // R), and rows are counted and summed per (W-second tumbling window, v % M).
// Runs --runs times, each in a fresh in-memory instance, timed in-process from instance
// creation to the last row fetched, with the process's CPU time (user + system, all
// threads) over the same span.  Prints one JSON line: {"system", "threads", "rows",
// "times_s", "cpu_s", "median_s", "median_cpu_s", "groups"}.  The result goes to FILE
// (or stdout) as sorted "window_start,k,count,sum" lines, window_start as
// 'yyyy-MM-dd HH:mm:ss' UTC, for comparison with sluice.  --show-sql prints the timed
// SQL and exits.  Needs @duckdb/node-api (npm install --prefix bench).
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';

const USAGE =
  'usage: duckdb_rate.mjs --rows N --rows-per-batch R --start-ms S --advance-ms A ' +
  '[--window-s W] [--modulus M] [--threads N|default] [--runs N] [--out FILE] [--show-sql]';

function parseArgs(argv) {
  const a = {
    rows: null, rowsPerBatch: null, startMs: null, advanceMs: null, windowS: 10, modulus: 100,
    threads: 'default', runs: 5, out: null, showSql: false,
  };
  const ints = {
    '--rows': 'rows', '--rows-per-batch': 'rowsPerBatch', '--start-ms': 'startMs',
    '--advance-ms': 'advanceMs', '--window-s': 'windowS', '--modulus': 'modulus', '--runs': 'runs',
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--show-sql') { a.showSql = true; continue; }
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`missing value for ${k}\n${USAGE}`);
    if (k in ints) {
      if (!/^[0-9]+$/.test(v)) throw new Error(`${k} needs a non-negative integer, not '${v}'`);
      a[ints[k]] = Number.parseInt(v, 10);
    } else if (k === '--threads') {
      if (v !== 'default' && !/^[1-9][0-9]*$/.test(v)) throw new Error(`--threads needs a number or 'default', not '${v}'`);
      a.threads = v;
    } else if (k === '--out') a.out = v;
    else throw new Error(`unknown option ${k}\n${USAGE}`);
    i++;
  }
  if (a.rows === null || a.rowsPerBatch === null || a.startMs === null || a.advanceMs === null)
    throw new Error(USAGE);
  if (!(a.rowsPerBatch > 0 && a.windowS > 0 && a.modulus > 0 && a.runs > 0))
    throw new Error(`--rows-per-batch, --window-s, --modulus and --runs must be positive\n${USAGE}`);
  return a;
}

function query(a) {
  // The inner SELECT is the computation; the outer one only formats the ~10^4 result rows.
  return `SELECT strftime(w, '%Y-%m-%d %H:%M:%S') AS window_start, k, n, total
FROM (
  SELECT time_bucket(INTERVAL ${a.windowS} seconds,
                     epoch_ms(${a.startMs} + (range // ${a.rowsPerBatch}) * ${a.advanceMs})) AS w,
         range % ${a.modulus} AS k, count(*) AS n, sum(range) AS total
  FROM range(${a.rows})
  GROUP BY ALL
)`;
}

async function runOnce(args) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const options = args.threads === 'default' ? {} : { threads: String(args.threads) };
  const instance = await DuckDBInstance.create(':memory:', options);
  const conn = await instance.connect();
  await conn.run("SET TimeZone = 'UTC'");
  if (args.threads !== 'default') await conn.run(`SET threads = ${Number.parseInt(args.threads, 10)}`);
  const reader = await conn.runAndReadAll(query(args));
  const rows = reader.getRowsJS();
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  conn.closeSync();
  instance.closeSync();
  return { seconds: Number(t1 - t0) / 1e9, cpu: (c1.user + c1.system) / 1e6, rows };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const show = (v) => (v === null || v === undefined ? 'null' : String(v));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.showSql) {
    process.stdout.write(`${query(args)};\n`);
    return;
  }
  const times = [];
  const cpus = [];
  let rows = null;
  for (let i = 0; i < args.runs; i++) {
    const r = await runOnce(args);
    times.push(r.seconds);
    cpus.push(r.cpu);
    rows = r.rows;
  }
  const lines = rows.map((r) => r.map(show).join(','));
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // byte order, like LC_ALL=C sort
  const text = lines.join('\n') + (lines.length ? '\n' : '');
  if (args.out) writeFileSync(args.out, text);
  else process.stdout.write(text);
  const report = {
    system: 'duckdb',
    threads: args.threads,
    rows: args.rows,
    times_s: times.map((t) => Number(t.toFixed(4))),
    cpu_s: cpus.map((t) => Number(t.toFixed(4))),
    median_s: Number(median(times).toFixed(4)),
    median_cpu_s: Number(median(cpus).toFixed(4)),
    groups: lines.length,
  };
  (args.out ? process.stdout : process.stderr).write(JSON.stringify(report) + '\n');
}

main().catch((e) => {
  process.stderr.write(`duckdb_rate: ${e.stack || e}\n`);
  process.exit(1);
});
