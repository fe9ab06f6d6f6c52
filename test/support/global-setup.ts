/**
 * Creates this run's own database, migrates it with the project's real migration command, and drops it at the end.
 * Tests get its URL through `inject('databaseUrl')` (see ./db.ts); Redis tests get their own key prefix.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { dropDatabase } from '../../src/store/migrations.js';

const run = promisify(execFile);

function baseUrl(): URL {
  return new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = baseUrl();
  url.pathname = `/screener_test_${id}`;
  const databaseUrl = url.toString();
  await run('npx', ['tsx', '--disable-warning=ExperimentalWarning', 'scripts/db.ts', 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisPrefix', `screener-test-${id}`);
  return async () => {
    if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(databaseUrl);
  };
}
