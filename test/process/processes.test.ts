import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createScratchDatabase, testDatabaseUrl } from '../support/db.js';
import { spawnTs, type Spawned } from '../support/processes.js';
import { uniquePrefix } from '../support/redis.js';

const running: Spawned[] = [];
afterEach(() => {
  for (const proc of running.splice(0)) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
});

function start(entry: string, env: Record<string, string>): Spawned {
  // The sandbox (and so its in-process background work) stays off: a relay here would take other test files' rows.
  const proc = spawnTs(entry, [], {
    PORT: '0',
    WORKER_PORT: '0',
    LOG_LEVEL: 'info',
    SANDBOX: 'off',
    DATABASE_URL: testDatabaseUrl(),
    QUEUE_PREFIX: uniquePrefix('proc'),
    ...env,
  });
  running.push(proc);
  return proc;
}

async function listeningPort(proc: Spawned): Promise<number> {
  const line = await proc.waitFor(/"msg":"Screener server listening"/);
  return (JSON.parse(line) as { port: number }).port;
}

/** A port that was free a moment ago and has nothing listening on it. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Health {
  status: string;
  dependencies: Record<string, { status: string }>;
}

/**
 * Asks /healthz until `settled` holds for its answer (a process that just started may still be opening its
 * first connections on a loaded machine), then returns the last answer.
 */
async function healthWhen(
  port: number,
  settled: (code: number, body: Health) => boolean,
): Promise<{ code: number; body: Health }> {
  let last = { code: 0, body: { status: '', dependencies: {} } as Health };
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    last = { code: res.status, body: (await res.json()) as Health };
    if (settled(last.code, last.body)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}

describe('the server process', () => {
  it('answers /healthz with 200 and each dependency up when PostgreSQL and Redis answer', async () => {
    const proc = start('src/process/server.ts', {});
    const port = await listeningPort(proc);
    const { code, body } = await healthWhen(port, (status) => status === 200);
    expect(code).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.dependencies.postgres?.status).toBe('up');
    expect(body.dependencies.redis?.status).toBe('up');
  });

  it('answers /healthz with 503 naming Redis when REDIS_URL points at a closed port', async () => {
    const proc = start('src/process/server.ts', { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    const port = await listeningPort(proc);
    const { code, body } = await healthWhen(port, (_status, health) => health.dependencies.postgres?.status === 'up');
    expect(code).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.dependencies.redis?.status).toBe('down');
    expect(body.dependencies.postgres?.status).toBe('up');
  });

  it('serves Prometheus metrics', async () => {
    const proc = start('src/process/server.ts', {});
    const port = await listeningPort(proc);
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toMatch(/^process_cpu_user_seconds_total\{service="server"\} \d/m);
  });

  it('exits 0 on SIGTERM after closing its connections', async () => {
    const proc = start('src/process/server.ts', {});
    const port = await listeningPort(proc);
    expect((await healthWhen(port, (status) => status === 200)).code).toBe(200);
    proc.child.kill('SIGTERM');
    expect(await proc.exited()).toEqual({ code: 0, signal: null });
    expect(proc.stdout()).toContain('"msg":"stopped"');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});

describe('the worker process', () => {
  it('serves its health and job metrics, and exits 0 on SIGTERM', async () => {
    // A database of its own: the worker's relay would otherwise take other test files' outbox rows.
    const scratch = await createScratchDatabase('worker');
    const proc = start('src/process/worker.ts', { DATABASE_URL: scratch.url });
    afterAll(() => scratch.drop());
    const line = await proc.waitFor(/"msg":"Screener worker started"/);
    const port = (JSON.parse(line) as { port: number }).port;
    expect((await healthWhen(port, (status) => status === 200)).code).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^screener_queue_jobs\{queue="scoring",state="waiting",service="worker"\} 0$/m);
    expect(metrics).toContain('# TYPE screener_job_duration_seconds histogram');
    expect(metrics).toContain('# TYPE screener_model_tokens_total counter');
    expect(metrics).toContain('# TYPE screener_reports_posted_total counter');
    proc.child.kill('SIGTERM');
    expect(await proc.exited()).toEqual({ code: 0, signal: null });
    expect(proc.stdout()).toContain('"msg":"stopped"');
  });
});

describe('the server process with Slack configured', () => {
  it('serves /slack/events: a signed slash command is answered, an unsigned one gets 401', async () => {
    const { startFakeSlack } = await import('../support/fake-slack.js');
    const { SlackDriver } = await import('../support/slack-driver.js');
    const { systemClock } = await import('../../src/shared/clock.js');
    const slack = await startFakeSlack();
    try {
      const secret = 'process-test-signing-secret';
      const proc = start('src/process/server.ts', {
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: 'xoxb-process-test-0000',
        SLACK_API_URL: slack.url,
      });
      const port = await listeningPort(proc);
      const driver = new SlackDriver(`http://127.0.0.1:${port}`, secret, systemClock);
      const body = driver.commandBody('/interview', 'URECRUITER', 'help', 'http://127.0.0.1:9/unused');
      const signed = await driver.send(body, 'application/x-www-form-urlencoded');
      expect(signed.status).toBe(200);
      const unsigned = await driver.raw(body, { 'content-type': 'application/x-www-form-urlencoded' });
      expect(unsigned.status).toBe(401);
      expect(proc.stdout()).toContain('"slack":"http"');
    } finally {
      await slack.close();
    }
  });
});

describe('the server process with Teams configured', () => {
  it('serves /api/messages and refuses an unauthenticated activity with 401', async () => {
    const proc = start('src/process/server.ts', {
      TEAMS_APP_ID: '00000000-0000-0000-0000-0000000000aa',
      TEAMS_APP_PASSWORD: 'test-secret',
      TEAMS_TENANT_ID: '00000000-0000-0000-0000-0000000000bb',
    });
    const port = await listeningPort(proc);
    expect(proc.stdout()).toContain('"teams":"on"');
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hello', serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('the server process with nothing configured', () => {
  it('serves the sandbox on loopback, logs its URL, and runs the background work in-process', async () => {
    const scratch = await createScratchDatabase('sandbox');
    try {
      const proc = start('src/process/server.ts', { SANDBOX: 'auto', DATABASE_URL: scratch.url });
      const port = await listeningPort(proc);
      await proc.waitFor(/"msg":"Screener sandbox: open this URL in a browser"/);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await page.text()).toMatch(/Start screen/);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^screener_queue_jobs\{queue="scoring",state="waiting",service="server"\} 0$/m);
      proc.child.kill('SIGTERM');
      expect(await proc.exited()).toEqual({ code: 0, signal: null });
    } finally {
      await scratch.drop();
    }
  });
});
