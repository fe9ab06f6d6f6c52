/**
 * `npm run teams:package`: the zip to upload to Teams (manifest.json with the app id filled in from TEAMS_APP_ID,
 * and the two icons), checked against the manifest schema kept in manifests/teams/schema before it is written.
 *
 *   TEAMS_APP_ID=<guid> npm run teams:package -- [--domain bot.example.com] [--out dist/teams/screener.zip]
 *   npm run teams:package -- --icons      (redraws manifests/teams/color.png and outline.png)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { zipSync } from 'fflate';

const DIR = 'manifests/teams';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG: 8 bits per channel, no filtering. */
export function encodePng(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) rows.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A speech bubble: a ring, with a tick inside, in `ink` on `ground`. */
function bubble(size: number, ink: [number, number, number, number], ground: [number, number, number, number]) {
  const c = size / 2;
  return (x: number, y: number): [number, number, number, number] => {
    const d = Math.hypot(x + 0.5 - c, y + 0.5 - c) / size;
    const ring = d > 0.3 && d < 0.4;
    const tail =
      x > c - size * 0.35 &&
      x < c - size * 0.15 &&
      y > c + size * 0.25 &&
      y < c + size * 0.45 &&
      y - c > x - c + size * 0.5;
    const u = (x + 0.5 - c) / size;
    const v = (y + 0.5 - c) / size;
    const tick =
      (Math.abs(v - (u + 0.08)) < 0.045 && u > -0.15 && u < -0.02) ||
      (Math.abs(v - (-u + 0.02)) < 0.045 && u >= -0.04 && u < 0.17);
    return ring || tail || tick ? ink : ground;
  };
}

export function drawIcons(): { color: Buffer; outline: Buffer } {
  return {
    color: encodePng(192, bubble(192, [255, 255, 255, 255], [0x2b, 0x57, 0x97, 255])),
    // Teams wants the outline icon white on transparent.
    outline: encodePng(32, bubble(32, [255, 255, 255, 255], [255, 255, 255, 0])),
  };
}

export function filledManifest(appId: string, domain: string | undefined): Record<string, unknown> {
  if (!GUID.test(appId)) throw new Error("TEAMS_APP_ID must be the bot's Microsoft app id (a GUID)");
  const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Record<string, unknown> & {
    bots: Array<Record<string, unknown>>;
    validDomains: string[];
  };
  manifest.id = appId;
  for (const bot of manifest.bots) bot.botId = appId;
  if (domain) manifest.validDomains = [domain];
  return manifest;
}

export function manifestProblems(manifest: unknown): string[] {
  const schema = JSON.parse(readFileSync(`${DIR}/schema/MicrosoftTeams.schema.json`, 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
  return validate(manifest)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

export function buildPackage(appId: string, domain?: string): Uint8Array {
  const manifest = filledManifest(appId, domain);
  const problems = manifestProblems(manifest);
  if (problems.length) throw new Error(`the Teams manifest is invalid:\n  ${problems.join('\n  ')}`);
  return zipSync({
    'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2)),
    'color.png': readFileSync(`${DIR}/color.png`),
    'outline.png': readFileSync(`${DIR}/outline.png`),
  });
}

function main(): void {
  const { values } = parseArgs({
    options: { icons: { type: 'boolean' }, domain: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.icons) {
    const { color, outline } = drawIcons();
    writeFileSync(`${DIR}/color.png`, color);
    writeFileSync(`${DIR}/outline.png`, outline);
    console.log(`wrote ${DIR}/color.png and ${DIR}/outline.png`);
    return;
  }
  const out = values.out ?? 'dist/teams/screener-teams.zip';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buildPackage(process.env.TEAMS_APP_ID ?? '', values.domain));
  console.log(`wrote ${out}: upload it in Teams (Apps, Manage your apps, Upload an app) or in the Teams admin center`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
