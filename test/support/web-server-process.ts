/**
 * `npm start` with nothing configured, as a new user runs it: src/process/server.ts in a child process, which serves the
 * sandbox and runs the background work in-process. It gets a scratch database of its own (its outbox relay must
 * not take other test files' rows) and a Redis prefix of its own.
 */
import type { Db } from '../../src/store/prisma.js';
import { createScratchDatabase } from './db.js';
import { spawnTs, type Spawned } from './processes.js';
import { deleteKeys, uniquePrefix } from './redis.js';

export interface SandboxServer {
  url: string;
  db: Db;
  proc: Spawned;
  /** SIGTERM, then drops the database and the Redis keys. Resolves with the exit of the process. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startSandboxServer(label: string, env: Record<string, string> = {}): Promise<SandboxServer> {
  const scratch = await createScratchDatabase(label);
  const prefix = uniquePrefix(label);
  const proc = spawnTs('src/process/server.ts', [], {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATABASE_URL: scratch.url,
    QUEUE_PREFIX: prefix,
    // What a fresh clone has: no chat platform, so the sandbox runs.
    SANDBOX: undefined,
    SLACK_SIGNING_SECRET: undefined,
    TEAMS_APP_ID: undefined,
    NODE_ENV: 'development',
    ...env,
  });
  let line: string;
  try {
    line = await proc.waitFor(/"msg":"Screener sandbox: open this URL in a browser"/, 60_000);
  } catch (error) {
    proc.child.kill('SIGKILL');
    await scratch.drop();
    throw error;
  }
  const url = (JSON.parse(line) as { url: string }).url.replace(/\/$/, '');
  return {
    url,
    db: scratch.db,
    proc,
    async stop() {
      if (proc.child.exitCode === null) proc.child.kill('SIGTERM');
      const exit = await proc.exited();
      await deleteKeys(prefix);
      await scratch.drop();
      return exit;
    },
  };
}
