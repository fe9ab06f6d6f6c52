import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DIMENSIONS,
  boundForScoring,
  createOfflineScorer,
  defaultQuestionBank,
  toScoringQuestion,
  type ScoringQuestion,
} from '../../src/scoring/index.js';
import { meanAssessed, meanScore, scoringQuestion } from './helpers.js';
import { LABELLED } from './labelled-answers.js';

const scorer = createOfflineScorer();

describe('offline scorer identity', () => {
  it('names itself as the published offline rubric scorer', () => {
    expect(scorer.id).toBe('offline-rubric');
    expect(scorer.version).toBe('2.0.0');
    expect(scorer.label).toBe('Offline rubric scorer v2.0.0');
  });
});

describe('determinism', () => {
  it.each(LABELLED.map((l) => [l.questionId, l] as const))(
    'gives deep-equal scores for the same input (%s)',
    async (id, l) => {
      for (const answer of [l.strong, l.weak, l.offTopic, l.keywords]) {
        const first = await createOfflineScorer().score({ question: scoringQuestion(id), answer });
        const second = await createOfflineScorer().score({ question: scoringQuestion(id), answer });
        expect(second).toEqual(first);
      }
    },
  );
});

describe('answers without content', () => {
  it.each([
    ['', 'empty'],
    ['   \n\t  ', 'empty'],
    ['👍🎉🙂', 'emoji_only'],
  ] as const)('scores %j as a computed zero with flag %s', async (answer, flag) => {
    for (const id of ['be-caching-01', 'bh-disagreement-01']) {
      const score = await scorer.score({ question: scoringQuestion(id), answer });
      expect(score.status).toBe('ok');
      expect(score.flags).toContain(flag);
      for (const d of DIMENSIONS) expect(score.dimensions[d]).toEqual({ value: 0, evidence: 'No answer was given.' });
      expect(score.strengths).toEqual([]);
    }
  });

  it('gives a behavioral question an all-false STAR of zero when nothing was said', async () => {
    const score = await scorer.score({ question: scoringQuestion('bh-mistake-01'), answer: '' });
    expect(score.star).toMatchObject({ situation: false, task: false, action: false, result: false, value: 0 });
  });
});

describe('keyword lists', () => {
  it.each(LABELLED.map((l) => [l.questionId, l.keywords] as const))(
    'caps clarity and the overall score (%s)',
    async (id, answer) => {
      const score = await scorer.score({ question: scoringQuestion(id), answer });
      expect(score.flags).toContain('keyword_list');
      expect(score.dimensions.clarity.value).toBeLessThanOrEqual(4);
      expect(meanScore(score)).toBeLessThan(5);
      expect(score.strengths).toEqual([]);
    },
  );
});

describe('strong answers', () => {
  it.each(LABELLED.map((l) => [l.questionId, l.strong] as const))('average at least 8 (%s)', async (id, answer) => {
    const score = await scorer.score({ question: scoringQuestion(id), answer });
    expect(score.flags).toEqual([]);
    expect(meanScore(score)).toBeGreaterThanOrEqual(8);
  });

  it('score every reference answer in the banks at 8 or more on average', async () => {
    const low: string[] = [];
    for (const question of defaultQuestionBank().questions) {
      const score = await scorer.score({ question: toScoringQuestion(question), answer: question.referenceAnswer });
      if (meanScore(score) < 8) low.push(`${question.id}: ${meanScore(score).toFixed(2)}`);
    }
    expect(low).toEqual([]);
  });
});

describe('off-topic answers', () => {
  it.each(LABELLED.map((l) => [l.questionId, l.offTopic] as const))(
    'score low on accuracy and are flagged (%s)',
    async (id, answer) => {
      const score = await scorer.score({ question: scoringQuestion(id), answer });
      expect(score.flags).toContain('off_topic');
      expect(score.dimensions.technicalAccuracy.value).toBeLessThanOrEqual(2);
      expect(meanScore(score)).toBeLessThan(3);
    },
  );

  it('does not call a thin but relevant answer off topic', async () => {
    for (const l of LABELLED) {
      const score = await scorer.score({ question: scoringQuestion(l.questionId), answer: l.weak });
      expect(score.flags, l.questionId).not.toContain('off_topic');
    }
  });
});

describe('ordering', () => {
  it.each(LABELLED.map((l) => [l.questionId, l] as const))(
    'ranks strong above weak above off-topic (%s)',
    async (id, l) => {
      const mean = async (answer: string) => meanScore(await scorer.score({ question: scoringQuestion(id), answer }));
      const [strong, weak, offTopic] = [await mean(l.strong), await mean(l.weak), await mean(l.offTopic)];
      expect(strong).toBeGreaterThan(weak);
      expect(weak).toBeGreaterThan(offTopic);
    },
  );
});

describe('long answers', () => {
  it('scores only the bounded prefix of a 40,000-character answer, quickly', async () => {
    const strong = LABELLED[1]?.strong ?? '';
    const huge = `${strong} `.repeat(Math.ceil(40_000 / strong.length)).slice(0, 40_000);
    expect(huge.length).toBe(40_000);
    const started = performance.now();
    const score = await scorer.score({ question: scoringQuestion('be-caching-01'), answer: huge });
    const elapsed = performance.now() - started;
    expect(score.status).toBe('ok');
    expect(score.flags).toContain('truncated_for_scoring');
    expect(elapsed).toBeLessThan(1_500);
    const prefixOnly = await scorer.score({
      question: scoringQuestion('be-caching-01'),
      answer: boundForScoring(huge).text,
    });
    expect(prefixOnly.flags).not.toContain('truncated_for_scoring');
    expect(score.dimensions).toEqual(prefixOnly.dimensions);
  });
});

describe('failures', () => {
  it.each([
    ['a question without text', { question: { kind: 'technical', text: '  ' }, answer: 'An answer.' }],
    ['an answer that is not text', { question: { kind: 'technical', text: 'What is a cache?' }, answer: 42 }],
    ['an unknown question kind', { question: { kind: 'trivia', text: 'What is a cache?' }, answer: 'A store.' }],
    ['no question at all', { answer: 'A store.' }],
  ])('returns status failed with null values and a reason for %s', async (_label, input) => {
    const score = await scorer.score(input as unknown as { question: ScoringQuestion; answer: string });
    expect(score.status).toBe('failed');
    expect(score.error).toMatch(/could not score/);
    expect(score.flags).toEqual(['scoring_failed']);
    for (const d of DIMENSIONS) expect(score.dimensions[d].value).toBeNull();
  });
});

describe('ad-hoc questions (text and kind only)', () => {
  const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-transcript.json', import.meta.url), 'utf8')) as {
    turns: { kind: string; question: string; answer: string }[];
  };
  const technical = seed.turns.filter((t) => t.kind === 'technical');

  it('derives key terms from the question text and names them in the evidence', async () => {
    const turn = technical[0];
    if (turn === undefined) throw new Error('fixture has no technical turn');
    const score = await scorer.score({ question: { kind: 'technical', text: turn.question }, answer: turn.answer });
    expect(score.status).toBe('ok');
    expect(score.dimensions.completeness.evidence).toMatch(/key terms of the question \(.*concurrency.*parallelism/);
  });

  it('does not claim to judge technical accuracy without a reference answer', async () => {
    for (const turn of technical) {
      const score = await scorer.score({ question: { kind: 'technical', text: turn.question }, answer: turn.answer });
      expect(score.status).toBe('ok');
      expect(score.dimensions.technicalAccuracy).toEqual({
        value: null,
        evidence: 'Not assessed offline: no reference answer.',
      });
      for (const d of DIMENSIONS.filter((x) => x !== 'technicalAccuracy'))
        expect(score.dimensions[d].value).not.toBeNull();
    }
  });

  it('ranks the recorded full answers far above a restating one-liner and an off-topic reply', async () => {
    for (const turn of technical) {
      const question = { kind: 'technical' as const, text: turn.question };
      const full = meanAssessed(await scorer.score({ question, answer: turn.answer }));
      const words = turn.question.split(/\s+/).slice(0, 40).join(' ');
      const thin = meanAssessed(
        await scorer.score({ question, answer: `It depends on ${words.split(' ').slice(-6).join(' ')}.` }),
      );
      const offTopic = await scorer.score({
        question,
        answer: 'My favourite hobby is baking sourdough bread on weekends with my family and friends at home.',
      });
      expect(full, turn.question).toBeGreaterThan(thin + 3);
      // Restating the question's last words earns nothing: no more than an answer about something else.
      expect(thin, turn.question).toBeLessThanOrEqual(1);
      expect(meanAssessed(offTopic), turn.question).toBeLessThanOrEqual(1);
      expect(offTopic.flags).toContain('off_topic');
    }
  });

  it('scores a behavioral ad-hoc question on STAR', async () => {
    const turn = seed.turns.find((t) => t.kind === 'behavioral');
    if (turn === undefined) throw new Error('fixture has no behavioral turn');
    const score = await scorer.score({ question: { kind: 'behavioral', text: turn.question }, answer: turn.answer });
    expect(score.star?.action).toBe(true);
    expect(score.star?.value).toBeGreaterThanOrEqual(7.5);
  });
});
