/**
 * `npm run teams:package` builds the upload zip: the manifest with the app id filled in validates against the
 * schema kept in manifests/teams/schema, and the icons have the sizes and colours Teams requires.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manifestProblems } from '../../../scripts/teams-package.js';

const run = promisify(execFile);

function runPackage(appId: string, out: string) {
  return run(
    process.execPath,
    ['--import', 'tsx', 'scripts/teams-package.ts', '--out', out, '--domain', 'bot.example.org'],
    { env: { ...process.env, TEAMS_APP_ID: appId } },
  );
}

/** Width, height and RGBA pixels of an unfiltered 8-bit RGBA PNG (the kind the package script writes). */
function decodePng(png: Uint8Array): { width: number; height: number; pixels: number[][] } {
  const buffer = Buffer.from(png);
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const idat = buffer.indexOf('IDAT');
  const raw = inflateSync(buffer.subarray(idat + 4, idat + 4 + buffer.readUInt32BE(idat - 4)));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1)
      pixels.push([...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)]);
  }
  return { width, height, pixels };
}

describe('the Teams app package', () => {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

  it('is what npm run teams:package runs', () => {
    expect(scripts.scripts['teams:package']).toBe('tsx scripts/teams-package.ts');
  });

  it('zips a manifest that validates, with the app id and the domain filled in, and both icons', async () => {
    const appId = randomUUID();
    const out = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'screener.zip');
    await runPackage(appId, out);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as {
      id: string;
      manifestVersion: string;
      bots: Array<{ botId: string; scopes: string[] }>;
      validDomains: string[];
    };
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]?.botId).toBe(appId);
    expect(manifest.bots[0]?.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    const color = decodePng(files['color.png']!);
    const outline = decodePng(files['outline.png']!);
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    // The outline icon is white on transparent: every pixel either fully transparent or white.
    expect(outline.pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.pixels.some(([, , , a]) => a === 255)).toBe(true);
  });

  it('refuses to build without a proper app id', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'screener.zip');
    await expect(runPackage('not-a-guid', out)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('TEAMS_APP_ID'),
    });
  });

  it('has a schema that catches what Teams would refuse', () => {
    const manifest = JSON.parse(readFileSync('manifests/teams/manifest.json', 'utf8')) as Record<string, unknown>;
    expect(manifestProblems(manifest)).toEqual([]);
    const broken = { ...manifest, name: { short: 'S'.repeat(31) }, accentColor: 'blue', unknownField: true };
    expect(manifestProblems(broken)).toEqual(
      expect.arrayContaining([
        '/name/short must NOT have more than 30 characters',
        '/accentColor must match pattern "^#[0-9a-fA-F]{6}$"',
        '/ must NOT have additional properties',
      ]),
    );
  });
});
