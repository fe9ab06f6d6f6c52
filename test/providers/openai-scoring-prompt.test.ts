/**
 * What the scoring request tells the model about the question, seen by the fake OpenAI server: a bank question's
 * reference answer and misconception claims (not their cues), a follow-up's own text with its parent's text and
 * rubric (in both shapes a follow-up arrives in), and, for an ad-hoc question, that there is no reference.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Misconception, ScoringQuestion } from '../../src/scoring/index.js';
import type { InterviewProvider } from '../../src/providers/types.js';
import {
  reply,
  startFakeOpenAI,
  userMessageOf,
  type FakeOpenAI,
  type RecordedRequest,
} from '../support/fake-openai.js';
import { CACHE_QUESTION, GOOD_ANSWER, answerIn, providerOn, scoreReply } from './helpers.js';

let fake: FakeOpenAI;
/** One provider per test, so its score cache is shared by the test's answers. */
let provider: InterviewProvider;
beforeEach(async () => {
  fake = await startFakeOpenAI();
  fake.respondWith((request) => reply.json(scoreReply(answerIn(request), 6)));
  provider = providerOn(fake);
});
afterEach(() => fake.close());

const MISCONCEPTIONS: Misconception[] = [
  {
    claim: 'a cache with a time to live can never serve stale data',
    cues: [['ttl', 'time to live'], ['never'], ['stale', 'always fresh']],
  },
  {
    claim: 'deleting the cache entry before the database write removes every race',
    cues: [['delete', 'evict'], ['before'], ['no race']],
  },
];
const BANK: ScoringQuestion = {
  id: CACHE_QUESTION.id,
  kind: 'technical',
  text: CACHE_QUESTION.text,
  concepts: CACHE_QUESTION.concepts,
  expectedParts: CACHE_QUESTION.expectedParts,
  referenceAnswer: CACHE_QUESTION.referenceAnswer,
  misconceptions: MISCONCEPTIONS,
};
const FOLLOW_UP_TEXT =
  'You said the write path deletes the key: what happens if a read fills the cache between the delete and the commit?';
const FOLLOW_UP_ANSWER =
  'The read could put the old row back, so I would delete again after the commit or version the entries.';

/** Scores with the model (or its cache), never with the offline fallback. */
async function score(question: ScoringQuestion, answer = GOOD_ANSWER, answerId = 'ans-1'): Promise<void> {
  const result = await provider.scoreAnswer({ answerId, question, answer });
  expect(result.status).toBe('ok');
  expect(result.fallbackFrom).toBeUndefined();
}

/** The request that scoring sent to the fake. */
async function scored(question: ScoringQuestion, answer = GOOD_ANSWER, answerId = 'ans-1'): Promise<RecordedRequest> {
  const before = fake.requests.length;
  await score(question, answer, answerId);
  const request = fake.requests[before];
  if (!request) throw new Error('no scoring request reached the fake');
  return request;
}

/** Where each text starts in the user message; -1 when it is missing. */
function positions(request: RecordedRequest, ...texts: string[]): number[] {
  const user = userMessageOf(request);
  return texts.map((text) => user.indexOf(text));
}

describe('a bank question', () => {
  it('sends the reference answer and every misconception claim, not the cues, with the accuracy cap', async () => {
    const request = await scored(BANK);
    const user = userMessageOf(request);
    expect(user).toContain(CACHE_QUESTION.referenceAnswer);
    for (const { claim } of MISCONCEPTIONS) expect(user).toContain(`- ${claim}`);
    expect(user).not.toContain('always fresh');
    expect(user).not.toContain('no race');
    expect(user).toMatch(/misconceptions \(asserting one caps technicalAccuracy at 3/);
    const system = request.body.messages[0]!.content;
    expect(system).toMatch(
      /asserts a listed misconception[\s\S]*at most 3 on\s+technicalAccuracy[\s\S]*rationale names the misconception/,
    );
    expect(system).toMatch(/copied or merely reworded from the question earn nothing/);
    expect(system).toMatch(/short answer that is correct[\s\S]*not marked down for being short/);
  });

  it('puts the rubric before the wording, so two wordings of one bank question share it as a prefix', async () => {
    const reworded = { ...BANK, text: 'In your Go services, how would you cache product reads and keep prices fresh?' };
    const first = userMessageOf(await scored(BANK));
    const second = userMessageOf(await scored(reworded, GOOD_ANSWER, 'ans-2'));
    const rubric = first.slice(0, first.indexOf('Question (technical)'));
    expect(rubric).toContain(MISCONCEPTIONS[1]!.claim);
    expect(second.startsWith(rubric)).toBe(true);
    expect(second.indexOf(reworded.text)).toBeGreaterThan(rubric.length);
  });

  it('scores again when the misconceptions change: the cached score was given without them', async () => {
    await score({ ...BANK, misconceptions: [] });
    await score({ ...BANK, misconceptions: [] }, GOOD_ANSWER, 'ans-2');
    expect(fake.requests).toHaveLength(1);
    await score(BANK, GOOD_ANSWER, 'ans-3');
    expect(fake.requests).toHaveLength(2);
  });
});

describe('a follow-up', () => {
  it('with its parent: the follow-up is the question asked, the parent its context with its rubric', async () => {
    const question: ScoringQuestion = {
      kind: 'follow_up',
      text: FOLLOW_UP_TEXT,
      parent: { ...BANK, kind: 'technical' },
    };
    const request = await scored(question, FOLLOW_UP_ANSWER);
    const order = positions(
      request,
      CACHE_QUESTION.referenceAnswer,
      MISCONCEPTIONS[0]!.claim,
      `Parent question (technical): ${CACHE_QUESTION.text}`,
      `Question asked (a follow-up): ${FOLLOW_UP_TEXT}`,
      '<<<ANSWER',
    );
    // The parent's rubric first (shared by every follow-up of that question), then the two questions, the answer last.
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(userMessageOf(request)).toContain(
      'Judge the answer on what the follow-up asked and on the part of the parent question it probes.',
    );
    expect(answerIn(request)).toBe(FOLLOW_UP_ANSWER);
  });

  it("with the parent's rubric spread onto it (the older shape): the follow-up's text and the reference", async () => {
    const request = await scored({ ...BANK, kind: 'follow_up', text: FOLLOW_UP_TEXT }, FOLLOW_UP_ANSWER);
    const user = userMessageOf(request);
    expect(user).toContain(`Question asked (a follow-up): ${FOLLOW_UP_TEXT}`);
    expect(user).toContain(
      `Reference answer for the parent question (what a strong answer covers):\n${CACHE_QUESTION.referenceAnswer}`,
    );
    for (const { claim } of MISCONCEPTIONS) expect(user).toContain(claim);
    expect(user).not.toContain('Parent question (');
  });

  it('is scored again under another parent: the same words answer a different question', async () => {
    const other = {
      ...BANK,
      id: 'be-queue-test-01',
      text: 'How would you make a job queue safe to retry?',
      referenceAnswer: 'Idempotent jobs with a unique key.',
    };
    const generic = 'Can you give a concrete example?';
    await score({ kind: 'follow_up', text: generic, parent: { ...BANK, kind: 'technical' } }, FOLLOW_UP_ANSWER, 'f1');
    await score({ kind: 'follow_up', text: generic, parent: { ...other, kind: 'technical' } }, FOLLOW_UP_ANSWER, 'f2');
    expect(fake.requests).toHaveLength(2);
    expect(userMessageOf(fake.requests[1]!)).toContain(`Parent question (technical): ${other.text}`);
  });
});

describe('an ad-hoc question', () => {
  it('says there is no reference answer, so the model judges accuracy from its own knowledge', async () => {
    const request = await scored({ kind: 'technical', text: 'How do you decide between a cache and a read replica?' });
    const user = userMessageOf(request);
    expect(user).toContain(
      'There is no reference answer for this question: judge accuracy from your own knowledge of the topic.',
    );
    expect(user).not.toContain('Reference answer for');
    expect(user).not.toContain('misconceptions');
    expect(request.body.messages[0]!.content).toMatch(
      /Without a reference answer, judge accuracy from your own knowledge/,
    );
  });
});
