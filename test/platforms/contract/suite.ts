/**
 * The one contract every platform adapter passes: start, answer, a duplicate delivery, an edit, a candidate
 * command, the report card and a decision, asserted on the database and on what the fake platform recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformDriver, SentMessage } from './driver.js';

const ANSWER =
  'I design REST APIs in Node with PostgreSQL: I add indexes for the slow queries I find with EXPLAIN ANALYZE, wrap multi-step writes in ' +
  'transactions, cache hot reads in Redis with a TTL, and retry idempotent calls with backoff. For example, I cut checkout latency from ' +
  '800 ms to 120 ms by adding a composite index and batching the inventory look-ups, and I measured it before and after.';

export function platformContract(name: string, makeDriver: () => Promise<PlatformDriver>): void {
  describe(`platform contract: ${name}`, () => {
    let driver: PlatformDriver;
    let interviewId = '';
    let introduction: SentMessage;
    let firstAnswer: SentMessage;
    const last = () => driver.candidateReceived().at(-1) ?? '';

    beforeAll(async () => {
      driver = await makeDriver();
      await driver.setUp();
    });
    afterAll(async () => driver?.close());

    it('starts a screen: the interview row and the notice with the consent question', async () => {
      interviewId = await driver.start('backend-mid', 2);
      const row = await driver.db.interview.findUniqueOrThrow({ where: { id: interviewId } });
      expect(row.platform).toBe(driver.platform);
      await driver.deliver();
      expect(driver.candidateReceived().join('\n')).toMatch(/reply "yes" or "no"/);
    });

    it('takes an answer: consent, then the introduction question', async () => {
      await driver.candidateSays('yes');
      await driver.deliver();
      expect(last()).toMatch(/^Introduction: /);
    });

    it('counts a duplicate delivery once', async () => {
      introduction = await driver.candidateSays('I build back-end services');
      await driver.redeliver(introduction, 'I build back-end services');
      const answer = await driver.db.answer.findFirstOrThrow({
        where: { turn: { interviewId, kind: 'introduction' } },
      });
      expect(answer.platformMessageIds).toHaveLength(1);
      expect(answer.text).toBe('I build back-end services');
    });

    it('applies an edit to the answer it belongs to', async () => {
      await driver.edit(introduction, 'I build back-end services in Node and PostgreSQL');
      const answer = await driver.db.answer.findFirstOrThrow({
        where: { turn: { interviewId, kind: 'introduction' } },
      });
      expect(answer.text).toBe('I build back-end services in Node and PostgreSQL');
    });

    it('answers a candidate command', async () => {
      driver.advanceClock(16_000);
      await driver.deliver();
      await driver.candidateSays('help');
      await driver.deliver();
      expect(last()).toMatch(/"repeat" shows the current question again/);
    });

    it('scores an already scored answer again when it is edited', async () => {
      firstAnswer = await driver.candidateSays('I would add an index.');
      driver.advanceClock(16_000);
      await driver.deliver();
      const answerOf = () =>
        driver.db.answer.findFirstOrThrow({
          where: { turn: { interviewId, kind: { not: 'introduction' } } },
          include: { scores: true },
        });
      const before = await answerOf();
      expect(before.scores.length).toBeGreaterThan(0);
      await driver.edit(firstAnswer, ANSWER);
      await driver.deliver();
      const after = await answerOf();
      expect(after.text).toBe(ANSWER);
      expect(after.scores).toHaveLength(before.scores.length);
      expect(after.scores.some((s) => before.scores.some((b) => b.id === s.id))).toBe(false);
      expect(driver.candidateReceived().join('\n')).toMatch(/Your edit is saved: that answer will be scored again/);
      if (driver.editsShown) expect(await driver.editsShown(firstAnswer)).toBe(1);
    });

    it('posts one report card after the last answer', async () => {
      for (let guard = 0; guard < 12 && !/That was the last question/.test(last()); guard += 1) {
        await driver.candidateSays(ANSWER);
        driver.advanceClock(16_000);
        await driver.deliver();
      }
      for (let guard = 0; guard < 10 && !(await driver.db.report.findUnique({ where: { interviewId } })); guard += 1) {
        driver.advanceClock(30_000);
        await driver.deliver();
      }
      await driver.postCard();
      await driver.postCard();
      expect(driver.cards()).toHaveLength(1);
      for (const words of ['Final score', 'Technical accuracy', 'Recommendation', 'Scored by'])
        expect(driver.cards()[0]).toContain(words);
    });

    it('refuses an edit once the report is built, in plain words, and keeps the answer', async () => {
      const shownBefore = await driver.editsShown?.(firstAnswer);
      await driver.edit(firstAnswer, 'Something else entirely.');
      await driver.deliver();
      expect(last()).toBe('Your answer was already scored and sent to the hiring team; it can no longer be changed.');
      const answer = await driver.db.answer.findFirstOrThrow({
        where: { turn: { interviewId, kind: { not: 'introduction' } } },
      });
      expect(answer.text).toBe(ANSWER);
      // A chat that draws edits itself must not show one that was refused.
      expect(await driver.editsShown?.(firstAnswer)).toBe(shownBefore);
    });

    it('records a decision and shows it on the card', async () => {
      await driver.decide('hold');
      await driver.deliver();
      expect((await driver.db.decision.findUniqueOrThrow({ where: { interviewId } })).decision).toBe('hold');
      expect(driver.cards()).toHaveLength(1);
      expect(driver.cards()[0]).toMatch(/Decision: \**Hold/);
    });
  });
}
