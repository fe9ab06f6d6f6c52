/**
 * What a person sees when PostgreSQL or Redis cannot be used: the real processes (`npm start`, `npm run worker`,
 * `npm run cli`), each saying so in one clear line with what to do, in JSON where it logs, and never claiming
 * to be ready. Redis is made unreachable by a TCP proxy in front of the machine's Redis that refuses connections.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase } from '../../src/store/migrations.js';
import { createScratchDatabase, testDatabaseUrl } from '../support/db.js';
import { spawnTs, type Spawned } from '../support/processes.js';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const running: Spawned[] = [];
afterEach(() => {
  for (const proc of running.splice(0)) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
});

function start(entry: string, env: Record<string, string>, args: string[] = []): Spawned {
  const proc = spawnTs(entry, args, {
    PORT: '0',
    WORKER_PORT: '0',
    LOG_LEVEL: 'info',
    QUEUE_PREFIX: uniquePrefix('down'),
    ...env,
  });
  running.push(proc);
  return proc;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lines(proc: Spawned): string[] {
  return `${proc.stdout()}${proc.stderr()}`.split('\n').filter(Boolean);
}

function messages(proc: Spawned): string[] {
  return lines(proc).map((line) => (JSON.parse(line) as { msg: string }).msg);
}

async function health(
  port: number,
): Promise<{ code: number; body: { dependencies: Record<string, Record<string, unknown>> } }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { code: res.status, body: (await res.json()) as { dependencies: Record<string, Record<string, unknown>> } };
}

function portOf(line: string): number {
  return (JSON.parse(line) as { port: number }).port;
}

function redisPort(): number {
  return Number(new URL(TEST_REDIS_URL).port || 6379);
}

describe('with Redis unreachable', () => {
  let proxy: TcpProxy;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    // Its own database: the sandbox's background work must not take other test files' rows.
    scratch = await createScratchDatabase('redis_down');
    proxy = await startTcpProxy('127.0.0.1', redisPort());
  });
  afterAll(async () => {
    await proxy.close();
    await scratch.drop();
  });

  it('the sandbox server says so once, in JSON, offers no URL until Redis answers, then does', async () => {
    await proxy.cut();
    const target = `127.0.0.1:${proxy.port}`;
    const proc = start('src/process/server.ts', {
      SANDBOX: 'auto',
      DATABASE_URL: scratch.url,
      REDIS_URL: `redis://${target}`,
    });
    const port = portOf(await proc.waitFor(/"msg":"Screener server listening"/));
    await sleep(6_000); // several reconnect attempts of every client (the server's, the queues', the workers')
    const said = messages(proc); // every line parses as JSON
    expect(said.filter((m) => m.includes('Redis'))).toEqual([
      `Redis at ${target} is unreachable (ECONNREFUSED): start Redis there or set REDIS_URL; retrying`,
    ]);
    expect(said.some((m) => /open this URL/.test(m))).toBe(false);
    expect(lines(proc).length).toBeLessThan(8);
    const { code, body } = await health(port);
    expect(code).toBe(503);
    expect(body.dependencies.redis).toMatchObject({
      status: 'down',
      error: `Redis at ${target} is unreachable: start Redis there or set REDIS_URL`,
    });

    await proxy.restore();
    await proc.waitFor(/"msg":"Screener sandbox: open this URL in a browser"/, 20_000);
    expect(messages(proc)).toContain(`Redis at ${target} is reachable again`);
    proc.child.kill('SIGTERM');
    expect(await proc.exited()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('the worker says so once and stops cleanly on SIGTERM', async () => {
    await proxy.cut();
    const target = `127.0.0.1:${proxy.port}`;
    const proc = start('src/process/worker.ts', { DATABASE_URL: scratch.url, REDIS_URL: `redis://${target}` });
    await proc.waitFor(/"msg":"Screener worker started"/);
    await sleep(5_000);
    expect(messages(proc).filter((m) => m.includes('Redis'))).toHaveLength(1);
    expect(lines(proc).length).toBeLessThan(8);
    proc.child.kill('SIGTERM');
    expect(await proc.exited()).toEqual({ code: 0, signal: null });
  }, 30_000);

  it('cli jobs exits 1 within seconds, naming Redis and what to do', async () => {
    await proxy.cut();
    const started = Date.now();
    const proc = start('src/cli/main.ts', { REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, ['jobs']);
    expect((await proc.exited()).code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(proc.stderr().trim()).toBe(
      `Redis at 127.0.0.1:${proxy.port} is unreachable (ECONNREFUSED): start Redis there or set REDIS_URL.`,
    );
  }, 30_000);
});

describe('with a database that is not migrated', () => {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_unmigrated`;
  const databaseUrl = url.toString();
  beforeAll(async () => {
    const { createDatabaseIfMissing } = await import('../../src/store/migrations.js');
    await createDatabaseIfMissing(databaseUrl);
  });
  afterAll(() => dropDatabase(databaseUrl));

  it('the server says to run npm run db:migrate: one log line, 503 from /healthz (naming the pending migrations) and from the console', async () => {
    const proc = start('src/process/server.ts', {
      SANDBOX: 'auto',
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
    });
    const port = portOf(await proc.waitFor(/"msg":"Screener server listening"/));
    await proc.waitFor(/database is not migrated/);
    const { code, body } = await health(port);
    expect(code).toBe(503);
    expect(body.dependencies.postgres?.error).toMatch(
      /^database is not migrated: run npm run db:migrate \(\d+ pending: \d+_init, /,
    );
    expect(body.dependencies.postgres?.pendingMigrations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+_init$/)]),
    );
    const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(await page.text()).toBe('database is not migrated: run npm run db:migrate');
    await sleep(3_000);
    expect(messages(proc).filter((m) => /^database is not migrated/.test(m))).toHaveLength(2); // at start, and the page
    expect(messages(proc).some((m) => /open this URL/.test(m))).toBe(false);
    proc.child.kill('SIGTERM');
    expect(await proc.exited()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('the demo prints one line saying what to run and exits 1', async () => {
    const proc = start('src/cli/main.ts', { DATABASE_URL: databaseUrl }, ['demo']);
    proc.child.stdin?.end();
    expect((await proc.exited()).code).toBe(1);
    expect(proc.stdout()).toBe('');
    expect(proc.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(/^database is not migrated: run npm run db:migrate \(\d+ pending: /),
    ]);
  }, 30_000);
});

describe('with PostgreSQL unreachable', () => {
  it('the demo names host, port and database, says what to check, and exits 1', async () => {
    const proxy = await startTcpProxy('127.0.0.1', 5432);
    await proxy.cut();
    try {
      const proc = start(
        'src/cli/main.ts',
        { DATABASE_URL: `postgresql://postgres:secret-pw@127.0.0.1:${proxy.port}/screener` },
        ['demo'],
      );
      proc.child.stdin?.end();
      expect((await proc.exited()).code).toBe(1);
      expect(proc.stderr().trim()).toBe(
        `PostgreSQL at 127.0.0.1:${proxy.port}/screener cannot be used (nothing answers there): check that PostgreSQL is running there and that DATABASE_URL is right`,
      );
    } finally {
      await proxy.close();
    }
  }, 30_000);
});
