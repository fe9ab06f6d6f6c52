/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and sums self time per function and per area (our code, Prisma,
 * pg, BullMQ, ioredis, zod, GC, idle), so a suite can say in its note where a process spent its time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  label: string;
  ms: number;
  /** Share of the non-idle time. */
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  functions: SelfTime[];
  areas: SelfTime[];
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules + 'node_modules/'.length);
  const src = path.indexOf('/src/');
  if (src >= 0) return path.slice(src + 1);
  return path.replace(/^node:/, 'node:');
}

/** The area a function's file belongs to. */
export function areaOf(url: string, functionName: string): string {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8/native (program)';
  const u = shortUrl(url);
  if (!url) return `native (${functionName || 'anonymous'})`;
  if (url.startsWith('wasm://')) return 'wasm (Prisma query compiler)';
  if (u.startsWith('@prisma/') || u.includes('/generated/prisma/')) return 'Prisma client/adapter';
  if (u.startsWith('pg') || u.startsWith('pg-protocol') || u.startsWith('pg-types') || u.startsWith('postgres-'))
    return 'pg driver';
  if (u.startsWith('bullmq/')) return 'BullMQ';
  if (u.startsWith('ioredis/') || u.startsWith('@ioredis/') || u.startsWith('redis-parser') || u.startsWith('msgpackr'))
    return 'ioredis';
  if (u.startsWith('zod/')) return 'zod';
  if (u.startsWith('pino') || u.startsWith('thread-stream') || u.startsWith('sonic-boom')) return 'pino';
  if (u.startsWith('tsx/') || u.startsWith('esbuild') || u.startsWith('get-tsconfig')) return 'tsx loader';
  if (u.startsWith('src/scoring/')) return 'src/scoring (offline scorer)';
  if (u.startsWith('src/')) return 'src (other)';
  if (u.startsWith('node:') || !u.includes('/')) return 'Node core';
  return u.split('/')[0] ?? u;
}

/**
 * `window`, when given, keeps only the samples taken between `fromEndMs` and `toEndMs` milliseconds before the
 * profile ended (the process exited), e.g. the measured run without start-up and shutdown.
 */
export function summarizeProfile(
  file: string,
  top = 12,
  window?: { fromEndMs: number; toEndMs: number },
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const from = window ? profile.endTime - window.fromEndMs * 1000 : -Infinity;
  const to = window ? profile.endTime - window.toEndMs * 1000 : Infinity;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= from && at <= to) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    if (area === 'idle') {
      idleUs += us;
      continue;
    }
    const label = url
      ? `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`
      : functionName || '(anonymous)';
    functions.set(label, (functions.get(label) ?? 0) + us);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const busyUs = Math.max(1, totalUs - idleUs);
  const sorted = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([label, us]) => ({ label, ms: us / 1000, share: us / busyUs }));
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    functions: sorted(functions, top),
    areas: sorted(areas, 20),
  };
}

export function formatShares(items: SelfTime[], n: number): string {
  return items
    .slice(0, n)
    .map((s) => `${s.label} ${(s.share * 100).toFixed(0)}%`)
    .join(', ');
}
