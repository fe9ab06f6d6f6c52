/**
 * `npm run bench`: the benchmark suite. Each suite measures something Screener does and a baseline in the same run
 * (same machine, same moment), and reports the ratio. Prints a table and writes bench/results.json.
 *
 *   npm run bench                     the full suite (docs/benchmarks.md keeps its table)
 *   npm run bench -- --quick          the short CI variant: same code paths, smaller counts
 *   npm run bench -- --only report    suites whose name contains "report"
 *
 * It needs PostgreSQL and Redis (DATABASE_URL's server, REDIS_URL); it makes a database of its own and drops it.
 * Nothing here fails on a time: a missed target is printed as MISSED, and the exit code stays 0.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { dropDatabase } from '../src/store/migrations.js';
import type { BenchContext, BenchResult, BenchSuite } from './lib/result.js';
import { formatTable } from './lib/table.js';
import { SUITES } from './suites/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function createBenchDatabase(): Promise<string> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/screener_bench_${randomBytes(3).toString('hex')}`;
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--disable-warning=ExperimentalWarning', 'scripts/db.ts', 'deploy'],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url.toString() },
    },
  );
  return url.toString();
}

export interface BenchRun {
  mode: 'full' | 'quick';
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  results: BenchResult[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
  const suites: BenchSuite[] = SUITES.filter((s) => !values.only || s.name.includes(values.only));
  const startedAt = new Date().toISOString();
  const databaseUrl = await createBenchDatabase();
  const ctx: BenchContext = {
    quick: values.quick ?? false,
    databaseUrl,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: `screener-bench-${randomBytes(3).toString('hex')}`,
    log: (message) => console.log(`  ${message}`),
  };
  const results: BenchResult[] = [];
  try {
    for (const suite of suites) {
      console.log(`\n== ${suite.name}: ${suite.description}`);
      const started = Date.now();
      results.push(...(await suite.run(ctx)));
      console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await dropDatabase(databaseUrl);
  }
  const cpuList = cpus();
  const run: BenchRun = {
    mode: ctx.quick ? 'quick' : 'full',
    startedAt,
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    results,
  };
  console.log(`\n${formatTable(results)}`);
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(run, null, 2)}\n`);
  const missed = results.filter((r) => r.met === false).map((r) => r.name);
  console.log(
    `\nwrote bench/results.json (${results.length} figures, ${missed.length} targets missed${missed.length ? `: ${missed.join(', ')}` : ''})`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
