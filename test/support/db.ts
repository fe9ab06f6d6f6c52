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
