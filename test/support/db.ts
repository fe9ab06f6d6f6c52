import { inject } from 'vitest';
import { createPrisma, type Db } from '../../src/store/prisma.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
  }
}

/** The URL of this test run's own database, created and migrated by the global setup. */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/** A Prisma client on this run's database. Close it in afterAll. */
export function createTestDb(): Db {
  return createPrisma(testDatabaseUrl());
}

/**
 * A database of its own, migrated with the real migration command, for tests whose background loops (the outbox
 * relay, the reconciler) would otherwise pick up other test files' rows in the shared test database.
 */
export async function createScratchDatabase(label: string): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { randomBytes } = await import('node:crypto');
  const { dropDatabase } = await import('../../src/store/migrations.js');
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_${label}_${randomBytes(3).toString('hex')}`;
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--disable-warning=ExperimentalWarning', 'scripts/db.ts', 'deploy'],
    {
      env: { ...process.env, DATABASE_URL: url.toString() },
    },
  );
  const db = createPrisma(url.toString());
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      await dropDatabase(url.toString());
    },
  };
}
