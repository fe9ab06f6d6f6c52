/**
 * Scorer v2's rules of credit, each checked over every bank question rather than one hand-picked example: words
 * copied from the question earn nothing, naming a concept is not explaining it, a negated concept earns no accuracy,
 * a listed misconception caps accuracy, a short correct answer is not punished for being short, and a follow-up is
 * judged on what it asked.
 */
import { describe, expect, it } from 'vitest';
import { questionOverall } from '../../src/report/aggregate.js';
import {
  DIMENSIONS,
  createOfflineScorer,
  defaultQuestionBank,
  toScoringQuestion,
  type AnswerScore,
  type BankQuestion,
} from '../../src/scoring/index.js';
import { scoringQuestion } from './helpers.js';

const scorer = createOfflineScorer();
const bank = defaultQuestionBank().questions;
const technical = bank.filter((q) => q.kind === 'technical');

function overall(score: AnswerScore): number {
  const values = Object.fromEntries(DIMENSIONS.map((d) => [d, score.dimensions[d].value])) as Record<
    (typeof DIMENSIONS)[number],
    number | null
  >;
  const result = questionOverall(values, score.star?.value ?? null);
  if (result === null) throw new Error('no overall');
  return result;
}

const score = (question: BankQuestion, answer: string) =>
  scorer.score({ question: toScoringQuestion(question), answer });

/** The first sentences of the reference answer, up to about `words` words. */
function opening(question: BankQuestion, words: number): string {
  const out: string[] = [];
  for (const sentence of question.referenceAnswer.split(/(?<=\.)\s+/)) {
    out.push(sentence);
    if (out.join(' ').split(/\s+/).length >= words) break;
  }
  return out.join(' ');
}

describe('words copied from the question earn nothing', () => {
  const filler = (q: BankQuestion) =>
    `${q.text.replace(/\?$/, '.')} This is important, because it matters. For example, in my work I handled this. ` +
    'The trade-off is that it depends.';

  it.each(bank.map((q) => [q.id, q] as const))(
    'restating %s with filler scores at most 2 and is flagged',
    async (_id, q) => {
      const result = await score(q, filler(q));
      expect(result.flags).toContain('restates_question');
      expect(result.dimensions.technicalAccuracy.value).toBe(0);
      expect(overall(result)).toBeLessThanOrEqual(2);
    },
  );

  it('restating an ad-hoc question with filler is flagged and earns next to nothing', async () => {
    const question = {
      kind: 'technical' as const,
      text: 'How would you choose between concurrency and parallelism for a CPU-bound batch job?',
    };
    const result = await scorer.score({
      question,
      answer:
        'Choosing between concurrency and parallelism for a CPU-bound batch job is important. It depends on the job, so I would choose carefully.',
    });
    expect(result.flags).toContain('restates_question');
    expect(result.dimensions.technicalAccuracy.value).toBeNull();
    for (const d of DIMENSIONS.filter((x) => x !== 'technicalAccuracy'))
      expect(result.dimensions[d].value ?? 0).toBeLessThanOrEqual(2);
  });

  it.each(technical.map((q) => [q.id, q] as const))(
    'adding the question to a good answer (%s) raises nothing',
    async (_id, q) => {
      const alone = await score(q, q.referenceAnswer);
      const padded = await score(q, `${q.referenceAnswer} ${q.text}`);
      for (const d of DIMENSIONS)
        expect(padded.dimensions[d].value ?? 0, d).toBeLessThanOrEqual((alone.dimensions[d].value ?? 0) + 0.01);
    },
  );
});

describe('naming is not explaining', () => {
  it.each(technical.map((q) => [q.id, q] as const))(
    'a list of the concepts of %s earns little accuracy',
    async (_id, q) => {
      const names = q.concepts.map((c) => c.name);
      const result = await score(q, `It is about ${names.join(', ')}.`);
      expect(result.dimensions.technicalAccuracy.value ?? 0).toBeLessThanOrEqual(3.5);
      expect(overall(result)).toBeLessThanOrEqual(3.5);
    },
  );
});

describe('a negated or dismissed concept earns no accuracy', () => {
  it.each(technical.map((q) => [q.id, q] as const))('%s', async (_id, q) => {
    const [first, second] = q.concepts.map((c) => c.name);
    const result = await score(q, `${first} and ${second} do not matter here and I would never use them.`);
    expect(result.dimensions.technicalAccuracy.value).toBe(0);
    expect(result.dimensions.technicalAccuracy.evidence).toMatch(/dismisses/);
  });

  it('the same concepts stated positively do earn accuracy', async () => {
    const q = technical.find((x) => x.id === 'be-caching-01')!;
    const positive = await score(
      q,
      'Cache-aside reads the database on a miss and stores the value with a TTL, because that keeps reads fast.',
    );
    const negative = await score(q, 'Cache-aside and TTL do not matter here and I would never use them.');
    expect(positive.dimensions.technicalAccuracy.value ?? 0).toBeGreaterThan(3);
    expect(negative.dimensions.technicalAccuracy.value).toBe(0);
  });
});

describe('misconceptions', () => {
  const withMisconceptions = bank.filter((q) => (q.misconceptions ?? []).length > 0);

  it('every bank question lists its common misconceptions', () => {
    expect(withMisconceptions.map((q) => q.id)).toEqual(bank.map((q) => q.id));
  });

  it.each(withMisconceptions.map((q) => [q.id, q] as const))(
    'the reference answer of %s asserts none of them',
    async (_id, q) => {
      const result = await score(q, q.referenceAnswer);
      expect(result.flags).not.toContain('misconception');
    },
  );

  it.each(withMisconceptions.map((q) => [q.id, q] as const))(
    'asserting one caps the accuracy of a good answer (%s)',
    async (_id, q) => {
      for (const m of q.misconceptions ?? []) {
        const claim = `In practice ${m.cues.map((group) => group[0]).join(' and ')} in every case.`;
        const result = await score(q, `${q.referenceAnswer} ${claim}`);
        expect(result.flags, m.claim).toContain('misconception');
        expect(result.dimensions.technicalAccuracy.value ?? 10, m.claim).toBeLessThanOrEqual(2);
        expect(result.dimensions.technicalAccuracy.evidence, m.claim).toContain(m.claim);
      }
    },
  );
});

describe('a short correct answer is not punished for being short', () => {
  it.each(technical.map((q) => [q.id, q] as const))(
    '%s: the reference opening scores above filler and a keyword list',
    async (_id, q) => {
      const short = overall(await score(q, opening(q, 35)));
      const list = overall(await score(q, `It is about ${q.concepts.map((c) => c.name).join(', ')}.`));
      expect(short).toBeGreaterThanOrEqual(4.5);
      expect(short).toBeGreaterThan(list + 1.5);
    },
  );
});

describe('follow-ups are judged on what they asked', () => {
  const parent = scoringQuestion('bh-disagreement-01');
  const followUp = {
    kind: 'follow_up' as const,
    text: 'Tell me more about the situation.',
    parent: { ...parent, kind: 'behavioral' as const, text: parent.text },
  };

  it('"Tell me more about the situation" answered with the situation is on topic and covers what was asked', async () => {
    const result = await scorer.score({
      question: followUp,
      answer:
        'The situation: our team was moving the billing service to a new queue during the last quarter, and my teammate ' +
        'and I disagreed on whether to keep the old cron jobs running in parallel while we migrated.',
    });
    expect(result.flags).not.toContain('off_topic');
    expect(result.dimensions.completeness.evidence).toMatch(
      /Covers 1 of 1 STAR parts the follow-up asked about \(situation\)/,
    );
    expect(result.star?.value).toBe(10);
    expect(result.dimensions.completeness.value ?? 0).toBeGreaterThanOrEqual(5);
  });

  it('an off-topic joke to a follow-up is flagged and gets no clarity', async () => {
    const result = await scorer.score({
      question: followUp,
      answer: 'Why did the developer go broke? Because he used up all his cache.',
    });
    expect(result.flags).toContain('off_topic');
    expect(result.dimensions.clarity.value).toBe(0);
  });

  it('a technical follow-up is judged against the part of the parent it names', async () => {
    const cachingParent = scoringQuestion('be-caching-01');
    const part = cachingParent.expectedParts?.[1]?.name ?? '';
    const result = await scorer.score({
      question: {
        kind: 'follow_up',
        text: `Could you also explain ${part}?`,
        parent: { ...cachingParent, kind: 'technical', text: cachingParent.text },
      },
      answer: 'Sure, I would not do that.',
    });
    expect(result.dimensions.completeness.evidence).toMatch(/the follow-up asked about/);
    expect(result.dimensions.completeness.evidence).toContain(part);
  });
});
