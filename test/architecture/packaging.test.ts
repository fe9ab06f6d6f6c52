/**
 * No Docker engine runs in CI, so these tests hold the Dockerfile and compose file to what can be checked here:
 * they run scripts and files that exist, and the production image (dependencies only) has every package the
 * running code imports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const dockerfile = readFileSync('Dockerfile', 'utf8');
const compose = readFileSync('docker-compose.yml', 'utf8');

function runtimeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.includes('generated') ? [] : runtimeFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Bare package names a file imports at run time (type-only imports vanish when compiled). */
function runtimePackages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(
      /^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? '');
  return specs
    .filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:'))
    .map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec)));
}

describe('packaging', () => {
  it('the production image has every package that src/ and scripts/ import at run time', () => {
    const files = [...runtimeFiles('src'), 'scripts/db.ts'];
    const missing = files.flatMap((file) =>
      runtimePackages(file)
        .filter((name) => !pkg.dependencies[name])
        .map((name) => `${file}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('every npm script the Dockerfile and compose file name exists', () => {
    const named = [...`${dockerfile}\n${compose}`.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(0);
    for (const script of named) expect(pkg.scripts, `npm run ${script}`).toHaveProperty(script);
  });

  it('the image starts the same entry points as npm start and npm run worker', () => {
    expect(pkg.scripts.start).toBe('tsx src/process/server.ts');
    expect(pkg.scripts.worker).toBe('tsx src/process/worker.ts');
    expect(dockerfile).toContain('CMD ["node", "--import", "tsx", "src/process/server.ts"]');
    expect(compose).toContain('command: ["node", "--import", "tsx", "src/process/worker.ts"]');
    for (const path of [
      'src/process/server.ts',
      'src/process/worker.ts',
      'scripts/db.ts',
      'prisma/schema.prisma',
      'prisma/migrations',
    ]) {
      expect(existsSync(path), path).toBe(true);
    }
  });

  it('runs as a non-root user with a health check, on Node 24, without migrating at start', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(dockerfile).toMatch(/node:24-slim/);
    expect(dockerfile).not.toMatch(/^CMD .*db:migrate/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });
});
