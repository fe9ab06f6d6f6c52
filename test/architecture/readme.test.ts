import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../src/config/env.js';

const readme = readFileSync('README.md', 'utf8');

function configurationTableVariables(): string[] {
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1] ?? '');
}

describe('README', () => {
  it('lists exactly the environment variables of the configuration schema', () => {
    const documented = configurationTableVariables();
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('documents each default as the schema has it', () => {
    const parsed = envSchema.parse({});
    for (const [name, value] of Object.entries(parsed)) {
      expect(readme, name).toMatch(
        new RegExp(`^\\| \`${name}\` \\| \`${String(value).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\` \\|`, 'm'),
      );
    }
  });

  it('names only npm scripts that exist', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] ?? '');
    for (const name of named) expect(scripts, name).toHaveProperty(name);
  });

  it('the layout section names every folder of src/ (but the generated client) and only folders that exist', () => {
    const section = readme.split(/^## Layout$/m)[1]?.split(/^## /m)[0] ?? '';
    const listed = [...section.matchAll(/^(src\/[a-z-]+)\s/gm)].map((m) => m[1] ?? '');
    const folders = readdirSync('src', { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'generated')
      .map((e) => `src/${e.name}`);
    expect([...listed].sort()).toEqual(folders.sort());
    for (const path of listed) expect(existsSync(path), path).toBe(true);
  });
});
