/** A Prisma client on the test database that records the SQL it sends, for tests that bound statements per request. */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import type { Db } from '../../src/store/prisma.js';
import { testDatabaseUrl } from './db.js';

export interface StatementLog {
  db: Db;
  /** Statements since the last reset. Prisma's query event reports COMMIT but not BEGIN: count a transaction as its COMMIT plus one. */
  statements(): string[];
  reset(): void;
}

export function loggingTestDb(): StatementLog {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: testDatabaseUrl() }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let seen: string[] = [];
  client.$on('query', (event) => seen.push(event.query));
  return {
    db: client,
    statements: () => [...seen],
    reset: () => {
      seen = [];
    },
  };
}
