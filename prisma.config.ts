import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Prisma's CLI insists on a schema-engine binary before any command, even `generate`, which needs none.
// Migrations here run through Prisma's own wasm schema engine (scripts/migrate.ts), so point the CLI at a
// stub that explains this if someone calls `prisma migrate` directly.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('./prisma/no-schema-engine.sh', import.meta.url));

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/screener' },
});
