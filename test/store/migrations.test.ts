import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyPendingMigrations,
  createDatabaseIfMissing,
  diffMigrationsToSchema,
  dropDatabase,
  isEmptyMigration,
  migrationChecksum,
} from '../../src/store/migrations.js';
import { testDatabaseUrl } from '../support/db.js';

const run = promisify(execFile);
const paths = { schemaPath: 'prisma/schema.prisma', migrationsDir: 'prisma/migrations' };

/** A fresh, empty database next to this run's test database. */
function scratchUrl(suffix: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}

async function query(databaseUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const created: string[] = [];
afterAll(async () => {
  for (const url of created) await dropDatabase(url);
});

describe('npm run db:migrate', () => {
  it('creates a missing database with every table, records the migration, and a second run changes nothing', async () => {
    const databaseUrl = scratchUrl('migrate');
    created.push(databaseUrl);
    const env = { ...process.env, DATABASE_URL: databaseUrl };
    const first = await run('npm', ['run', '--silent', 'db:migrate'], { env });
    expect(first.stdout).toContain('Created the database.');
    expect(first.stdout).toMatch(/Applied \d+ migration/);

    const tables = await query(databaseUrl, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    const names = tables.rows.map((row: { tablename: string }) => row.tablename);
    for (const model of [
      'Workspace',
      'Candidate',
      'Role',
      'Interview',
      'Turn',
      'Answer',
      'Score',
      'Report',
      'Decision',
      'AuditEvent',
      'OutboxEvent',
    ]) {
      expect(names).toContain(model);
    }
    const recorded = await query(
      databaseUrl,
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    const schemaBefore = await query(
      databaseUrl,
      "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
    );

    const second = await run('npm', ['run', '--silent', 'db:migrate'], { env });
    expect(second.stdout).toContain('No pending migrations.');
    const recordedAfter = await query(
      databaseUrl,
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    const schemaAfter = await query(
      databaseUrl,
      "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
    );
    expect(recordedAfter.rows).toEqual(recorded.rows);
    expect(schemaAfter.rows).toEqual(schemaBefore.rows);

    // The checksum is the one `prisma migrate deploy` writes: sha256 of the migration file.
    for (const row of recorded.rows as Array<{ migration_name: string; checksum: string }>) {
      const sql = readFileSync(join(paths.migrationsDir, row.migration_name, 'migration.sql'), 'utf8');
      expect(row.checksum).toBe(migrationChecksum(sql));
    }
  });
});

describe('schema drift', () => {
  it('the committed migrations describe the schema exactly', async () => {
    const databaseUrl = scratchUrl('drift');
    created.push(databaseUrl);
    await createDatabaseIfMissing(databaseUrl);
    const sql = await diffMigrationsToSchema(paths, databaseUrl);
    expect(
      sql,
      `prisma/schema.prisma has changes without a migration; run npm run db:migration -- <name>:\n${sql}`,
    ).toSatisfy(isEmptyMigration);
  });

  it('is detected when a model field is added without a migration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screener-drift-'));
    cpSync('prisma', dir, { recursive: true });
    const schemaPath = join(dir, 'schema.prisma');
    const schema = readFileSync(schemaPath, 'utf8').replace(
      /model Candidate \{\n/,
      'model Candidate {\n  pronouns String?\n',
    );
    writeFileSync(schemaPath, schema);
    const databaseUrl = scratchUrl('drift2');
    created.push(databaseUrl);
    await createDatabaseIfMissing(databaseUrl);
    const sql = await diffMigrationsToSchema({ schemaPath, migrationsDir: join(dir, 'migrations') }, databaseUrl);
    expect(isEmptyMigration(sql)).toBe(false);
    expect(sql).toMatch(/ALTER TABLE "Candidate" ADD COLUMN\s+"pronouns" TEXT/);
  });

  it('applies migrations to a database programmatically as well', async () => {
    const databaseUrl = scratchUrl('api');
    created.push(databaseUrl);
    await createDatabaseIfMissing(databaseUrl);
    const applied = await applyPendingMigrations(paths, databaseUrl);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyPendingMigrations(paths, databaseUrl)).toEqual([]);
  });
});
