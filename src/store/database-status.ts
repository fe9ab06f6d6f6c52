/**
 * Whether PostgreSQL can be used: reachable, and migrated up to the committed migrations. What every process says
 * when it cannot is one line naming the database (host, port and name; never the credentials) and what to run.
 */
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors.js';
import { readMigrationList } from './migrations.js';
import type { Db } from './prisma.js';

export type DatabaseStatus =
  | { state: 'ready' }
  | { state: 'not_migrated'; pending: string[] }
  | { state: 'unreachable'; target: string; reason: string };

/** The committed migrations, as the images and the checkout both ship them. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

export const NOT_MIGRATED = 'database is not migrated: run npm run db:migrate';

/** `host:port/name` of a DATABASE_URL, without user or password. */
export function databaseTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'DATABASE_URL (not a URL)';
  }
}

type Problem = { kind: 'not_migrated' } | { kind: 'unreachable'; reason: string };

const UNREACHABLE: Record<string, string> = {
  DatabaseNotReachable: 'nothing answers there',
  DatabaseDoesNotExist: 'the database does not exist',
  AuthenticationFailed: 'the user or password was refused',
  DatabaseAccessDenied: 'the user may not use this database',
  TlsConnectionError: 'the TLS connection failed',
  SocketTimeout: 'the connection timed out',
};
const UNREACHABLE_CODES: Record<string, string> = {
  P1000: 'the user or password was refused',
  P1001: 'nothing answers there',
  P1003: 'the database does not exist',
};

/**
 * What a Prisma error says about the database itself, or null for any other error. A missing table or column is
 * an unmigrated (or older) database; a connection that fails is an unreachable one.
 */
export function databaseProblemOf(error: unknown): Problem | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  const kind = meta?.driverAdapterError?.cause?.kind;
  if (kind === 'TableDoesNotExist' || kind === 'ColumnNotFound' || code === 'P2021' || code === 'P2022')
    return { kind: 'not_migrated' };
  if (typeof kind === 'string' && UNREACHABLE[kind]) return { kind: 'unreachable', reason: UNREACHABLE[kind] };
  if (typeof code === 'string' && UNREACHABLE_CODES[code])
    return { kind: 'unreachable', reason: UNREACHABLE_CODES[code] };
  const causeCode = (error as { cause?: { code?: unknown } }).cause?.code;
  if (causeCode === 'ECONNREFUSED' || causeCode === 'ENOTFOUND')
    return { kind: 'unreachable', reason: 'nothing answers there' };
  return null;
}

/** Reads `_prisma_migrations` (the table `npm run db:migrate` and Prisma's CLI both keep) against the committed list. */
export async function checkDatabase(
  db: Db,
  databaseUrl: string,
  migrationsDir = MIGRATIONS_DIR,
): Promise<DatabaseStatus> {
  const committed = readMigrationList(migrationsDir).migrationDirectories.map((d) => d.path);
  let applied: Set<string>;
  try {
    const rows = await db.$queryRaw<Array<{ name: string }>>`
      SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    applied = new Set(rows.map((r) => r.name));
  } catch (error) {
    const problem = databaseProblemOf(error);
    if (problem?.kind === 'not_migrated') return { state: 'not_migrated', pending: committed };
    if (problem?.kind === 'unreachable')
      return { state: 'unreachable', target: databaseTarget(databaseUrl), reason: problem.reason };
    throw error;
  }
  const pending = committed.filter((name) => !applied.has(name));
  return pending.length > 0 ? { state: 'not_migrated', pending } : { state: 'ready' };
}

/** The one line a person reads: what is wrong, where, and what to do. */
export function describeDatabaseStatus(status: Exclude<DatabaseStatus, { state: 'ready' }>): string {
  if (status.state === 'not_migrated')
    return `${NOT_MIGRATED} (${status.pending.length} pending: ${status.pending.join(', ')})`;
  return `PostgreSQL at ${status.target} cannot be used (${status.reason}): check that PostgreSQL is running there and that DATABASE_URL is right`;
}

/** The same for an error met while working (a request, a command): an AppError with that line, or null. */
export function databaseAppError(error: unknown, databaseUrl: string): AppError | null {
  const problem = databaseProblemOf(error);
  if (!problem) return null;
  const line =
    problem.kind === 'not_migrated'
      ? NOT_MIGRATED
      : describeDatabaseStatus({ state: 'unreachable', target: databaseTarget(databaseUrl), reason: problem.reason });
  return new AppError('unavailable', line, { userMessage: line, cause: error });
}
