/** Seeded random interviews for property-style tests: any failure names a seed that reproduces it. */
import { buildReport, type Report } from '../../src/report/index.js';
import { DIMENSIONS, type AnswerScore } from '../../src/scoring/types.js';
import { input, score, star, turn, type Values } from './fixtures.js';

/** mulberry32: a small seeded generator, so a failure can be reproduced from its seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['technical', 'technical', 'follow_up', 'behavioral'] as const;

function randomValue(random: () => number, spread: number, centre: number): number | null {
  if (random() < 0.08) return null;
  const v = centre + (random() - 0.5) * spread;
  return Math.round(Math.min(10, Math.max(0, v)) * 100) / 100;
}

function randomScore(random: () => number, kind: string, centre: number): AnswerScore | null {
  const roll = random();
  if (roll < 0.07) return null;
  const dims = Object.fromEntries(DIMENSIONS.map((d) => [d, randomValue(random, 4, centre)])) as Values;
  const extra: Partial<AnswerScore> = roll < 0.12 ? { status: 'failed' } : {};
  if (kind === 'behavioral' && random() < 0.9)
    extra.star = star(randomValue(random, 6, centre), { task: random() < 0.6, result: random() < 0.6 });
  return score(dims, extra);
}

export function randomReport(seed: number): Report {
  const random = generator(seed);
  const centre = random() * 10;
  const count = Math.floor(random() * 9);
  let lastAsked: number | null = null;
  const turns = Array.from({ length: count }, () => {
    const kind = KINDS[Math.floor(random() * KINDS.length)] ?? 'technical';
    const skipped = random() < 0.08;
    // A follow-up follows the last planned question, or (at the start) none: it then counts as technical.
    const parent = kind === 'follow_up' ? { parentIndex: lastAsked } : {};
    const made = turn(kind, skipped ? null : randomScore(random, kind, centre), {
      ...parent,
      ...(skipped ? { skipped: true, answer: '' } : {}),
    });
    if (kind !== 'follow_up') lastAsked = made.index;
    return made;
  });
  return buildReport(input(turns));
}
