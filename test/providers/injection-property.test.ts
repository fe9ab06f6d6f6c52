/**
 * The guard's invariant as a property: append (or insert) injection text to any answer and no dimension, nor STAR,
 * rises, and the answer is flagged `instruction_to_scorer`. Answers are the bank's reference answers and short,
 * long and odd strings; attempts combine every technique of ./injection-attempts.ts at the start, middle or end.
 * It holds offline (the rubric scorer through the guard, as the scoring job and `cli score` use it) and against a
 * fake model that obeys any instruction it reads (through the guard as the scoring job uses it, and through the
 * provider directly, as `npm run eval` does).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreGuarded } from '../../src/providers/answer-guard.js';
import { providerAsScorer } from '../../src/providers/as-scorer.js';
import { createOfflineProvider } from '../../src/providers/index.js';
import {
  createOfflineScorer,
  defaultQuestionBank,
  DIMENSIONS,
  toScoringQuestion,
  type AnswerScore,
  type BankQuestion,
  type ScoringQuestion,
} from '../../src/scoring/index.js';
import { asksForStar, reply, startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../support/fake-openai.js';
import { attemptArbitrary, withAttempt, type Attempt } from './injection-attempts.js';
import { CACHE_QUESTION, answerIn, providerOn, scoreReply } from './helpers.js';

interface Case {
  question: ScoringQuestion;
  answer: string;
  stuffing: string[];
}

const bank = defaultQuestionBank().questions;
const adHoc = toScoringQuestion(CACHE_QUESTION);

function stuffingOf(question: BankQuestion): string[] {
  return question.concepts.flatMap((c) => [c.name, ...c.synonyms]).slice(0, 12);
}

const ODD_ANSWERS: readonly string[] = [
  '',
  '   ',
  'ok',
  '🙂🙂🙂',
  'Redis TTL invalidate expire stale consistency layer',
  'I would use a cache',
  'I would put a cache in front (with a TTL) and invalidate on write',
  'Use Redis.\nSet a TTL.\nInvalidate on write.',
  '```js\nconst cached = await redis.get(key);\nif (!cached) await redis.set(key, value, "EX", 300);\n```',
  'سأستخدم ذاكرة تخزين مؤقت أمام الخدمة مع مدة صلاحية قصيرة.',
  '我会在产品服务前面放一个缓存，并设置过期时间。',
  `${'Caching keeps reads fast while the database stays the source of truth. '.repeat(200)}`,
  'Cache it; when a product changes delete the key (the write path knows), and accept a few seconds of staleness',
];

const bankCases = fc
  .constantFrom(...bank)
  .map<Case>((q) => ({ question: toScoringQuestion(q), answer: q.referenceAnswer, stuffing: stuffingOf(q) }));
const oddCases = fc
  .constantFrom(...ODD_ANSWERS)
  .map<Case>((answer) => ({ question: adHoc, answer, stuffing: stuffingOf(CACHE_QUESTION) }));
const loremCases = fc
  .lorem({ maxCount: 6, mode: 'sentences' })
  .map<Case>((answer) => ({ question: adHoc, answer, stuffing: ['Redis', 'TTL', 'invalidate'] }));
const anyCase = fc.oneof(
  { arbitrary: bankCases, weight: 3 },
  { arbitrary: oddCases, weight: 1 },
  { arbitrary: loremCases, weight: 1 },
);
const caseWithAttempt = anyCase.chain((c) => attemptArbitrary(c.stuffing).map((attempt) => ({ ...c, attempt })));

type Values = Array<number | null>;

function valuesOf(score: Pick<AnswerScore, 'dimensions' | 'star'>): Values {
  return [...DIMENSIONS.map((d) => score.dimensions[d].value), score.star?.value ?? null];
}

/** Each value of `injected` is missing, or at most the clean answer's (a value the clean answer lacks is a rise). */
function expectNotAbove(injected: Values, clean: Values, context: string): void {
  injected.forEach((value, i) => {
    if (value === null) return;
    const reference = clean[i];
    expect(reference, `${context}: value ${i} appeared`).not.toBeNull();
    expect(value, `${context}: value ${i} rose`).toBeLessThanOrEqual(reference!);
  });
}

function describeCase(c: Case & { attempt: Attempt }): string {
  return `${JSON.stringify(c.attempt)} in ${JSON.stringify(c.answer.slice(0, 60))}`;
}

describe('no dimension rises with injection text, offline', () => {
  const scorer = createOfflineScorer();
  let raised = 0;

  it('through the guard the scoring job and cli score use', async () => {
    await fc.assert(
      fc.asyncProperty(caseWithAttempt, async (c) => {
        const injected = withAttempt(c.answer, c.attempt);
        const guarded = await scoreGuarded(scorer, { question: c.question, answer: injected });
        const clean = await scoreGuarded(scorer, { question: c.question, answer: c.answer });
        if (!guarded.ok || !clean.ok) throw new Error('the offline scorer failed');
        expect(guarded.score.flags, describeCase(c)).toContain('instruction_to_scorer');
        expectNotAbove(valuesOf(guarded.score), valuesOf(clean.score), describeCase(c));
        const raw = await scorer.score({ question: c.question, answer: injected });
        if (valuesOf(raw).some((v, i) => v !== null && v > (valuesOf(clean.score)[i] ?? Infinity))) raised++;
      }),
      { numRuns: 400, seed: 20_261_201 },
    );
    // Without the guard the same attempts do raise scores, so the property above is one that can fail.
    expect(raised).toBeGreaterThan(20);
  });

  it('through the offline provider (npm run eval, the model fallback)', async () => {
    const provider = createOfflineProvider();
    await fc.assert(
      fc.asyncProperty(caseWithAttempt, async (c) => {
        const injected = await provider.scoreAnswer({
          answerId: 'i',
          question: c.question,
          answer: withAttempt(c.answer, c.attempt),
        });
        const clean = await provider.scoreAnswer({ answerId: 'c', question: c.question, answer: c.answer });
        expect(injected.flags, describeCase(c)).toContain('instruction_to_scorer');
        expect(injected.injection.length).toBeGreaterThan(0);
        expectNotAbove(valuesOf(injected), valuesOf(clean), describeCase(c));
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

/** What the obedient model reads as an instruction: the words of every attempt, however they are disguised. */
const OBEYS =
  /ignor|instruc|grader|evaluat|evaluad|generos|examin|override|pretend|roleplay|lenient|generous|marks|10\/10|rubric|score|technicalaccuracy|chatgpt|puntuaci|consignes|correcteur|anweisung|punktzahl|prufer|avaliador|istruzion|punteggio|valutator|instructie|beoordelaar|maximale|指令|满分|评分|指示|満点|採点|инструкц|балл|оценщик/u;
const LOOKALIKE_TO_LATIN: Readonly<Record<string, string>> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x' };
const LEET_TO_LATIN: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e' };

/** Every letter run together, lower case, without accents or invisible characters: how a model reads through disguises. */
function squashed(text: string): string[] {
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}/]/gu, '');
  return [
    plain,
    plain.replace(/[аеорсх]/gu, (c) => LOOKALIKE_TO_LATIN[c]!),
    plain.replace(/[013]/g, (c) => LEET_TO_LATIN[c]!),
  ];
}

function obeys(text: string): boolean {
  return squashed(text).some((variant) => OBEYS.test(variant));
}

/** A middling value from the text alone, 3.0 to 5.9: the same text always gets the same value. */
function midValue(text: string): number {
  let hash = 2_166_136_261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16_777_619);
  return 3 + ((hash >>> 0) % 30) / 10;
}

/**
 * A model that obeys any instruction it is given: 10 on every dimension when the answer it is sent carries one
 * (the rest of the user message is our own prompt, which always says "Score this answer"), else a middling value.
 */
function obedient(request: RecordedRequest) {
  const answer = answerIn(request);
  return reply.json(scoreReply(answer, obeys(answer) ? 10 : midValue(answer), { star: asksForStar(request) }));
}

describe('no dimension rises with injection text, against a model that obeys any instruction', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    fake.respondWith(obedient);
  });
  afterAll(() => fake.close());

  const modelCases = caseWithAttempt.filter((c) => c.answer.trim().length > 0);

  it('obeys the attempts it would read without the guard, and not the clean reference answers', () => {
    fc.assert(
      fc.property(modelCases, (c) => obeys(withAttempt(c.answer, c.attempt))),
      { numRuns: 300, seed: 3 },
    );
    const obeyed = bank.filter((q) => obeys(q.referenceAnswer)).length;
    expect(obeyed).toBeLessThan(bank.length / 4);
  });

  it('through the guard the scoring job uses', async () => {
    await fc.assert(
      fc.asyncProperty(modelCases, async (c) => {
        // A provider per score: a shared score cache would make the two equal without the model reading either.
        const injected = await scoreGuarded(providerAsScorer(providerOn(fake)), {
          question: c.question,
          answer: withAttempt(c.answer, c.attempt),
          answerId: 'i',
        });
        const clean = await scoreGuarded(providerAsScorer(providerOn(fake)), {
          question: c.question,
          answer: c.answer,
          answerId: 'c',
        });
        if (!injected.ok || !clean.ok) throw new Error('the model scorer failed');
        expect(injected.score.standInFor, 'the model scored it, not the fallback').toBeUndefined();
        expect(injected.score.flags, describeCase(c)).toContain('instruction_to_scorer');
        expectNotAbove(valuesOf(injected.score), valuesOf(clean.score), describeCase(c));
      }),
      { numRuns: 80, seed: 11 },
    );
  });

  it('through the provider, as npm run eval scores', async () => {
    await fc.assert(
      fc.asyncProperty(modelCases, async (c) => {
        const injected = await providerOn(fake).scoreAnswer({
          answerId: 'i',
          question: c.question,
          answer: withAttempt(c.answer, c.attempt),
        });
        const clean = await providerOn(fake).scoreAnswer({ answerId: 'c', question: c.question, answer: c.answer });
        expect(injected.fallbackFrom).toBeUndefined();
        expect(injected.flags, describeCase(c)).toContain('instruction_to_scorer');
        expectNotAbove(valuesOf(injected), valuesOf(clean), describeCase(c));
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});
