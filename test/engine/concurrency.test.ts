/** Two runners stepping the same interview at once: the version check makes one retry, and no event is lost. */
import { afterAll, describe, expect, it } from 'vitest';
import {
  createOfflineInterviewer,
  createStep,
  InterviewRunner,
  type InboundEvent,
  type InterviewStore,
} from '../../src/engine/index.js';
import { createInterviewStore } from '../../src/store/index.js';
import { createTestDb } from '../support/db.js';
import { INTRODUCTION } from './support/answers.js';
import { TestChat } from './support/chat.js';

const db = createTestDb();
const otherDb = createTestDb(); // a second connection pool, like a second process
afterAll(() => Promise.all([db.$disconnect(), otherDb.$disconnect()]));

const WINDOW = 15_000;

async function chatAtFirstQuestion(): Promise<TestChat> {
  const chat = await TestChat.open(db, { quietWindowMs: WINDOW });
  await chat.send('yes');
  await chat.send(INTRODUCTION);
  await chat.advance(WINDOW);
  return chat;
}

function messageEvent(chat: TestChat, text: string): InboundEvent {
  return {
    kind: 'message',
    text,
    messageId: chat.session.nextMessageId(),
    platform: 'web',
    workspaceId: 'w',
    conversationId: 'c',
    threadId: null,
    userId: '',
    raw: null,
  };
}

async function candidateEvent(chat: TestChat, text: string): Promise<InboundEvent> {
  const state = await createInterviewStore(db).load(chat.interviewId);
  return { ...messageEvent(chat, text), userId: state?.state.candidateUserId ?? '' };
}

function answerOfTurn(interviewId: string, order: number) {
  return db.answer.findFirst({ where: { turn: { interviewId, order } } });
}

describe('optimistic concurrency', () => {
  it('a runner that loaded a stale version steps again on the new state and both messages land', async () => {
    const chat = await chatAtFirstQuestion();
    const step = createStep(createOfflineInterviewer());
    const realStore = createInterviewStore(db);
    let signalLoaded: () => void = () => {};
    let releaseLoad: () => void = () => {};
    const loaded = new Promise<void>((resolve) => (signalLoaded = resolve));
    const released = new Promise<void>((resolve) => (releaseLoad = resolve));
    let firstLoad = true;
    // The real store, held after its first load until the other runner has committed.
    const slowStore: InterviewStore = {
      load: async (id) => {
        const result = await realStore.load(id);
        if (firstLoad) {
          firstLoad = false;
          signalLoaded();
          await released;
        }
        return result;
      },
      commit: (request) => realStore.commit(request),
    };
    const slow = new InterviewRunner({ store: slowStore, step, clock: chat.clock });
    const fast = new InterviewRunner({ store: createInterviewStore(otherDb), step, clock: chat.clock });
    const before = await db.interview.findUniqueOrThrow({ where: { id: chat.interviewId } });

    const slowRun = slow.handle(chat.interviewId, await candidateEvent(chat, 'Slow runner part of the answer.'));
    await loaded;
    const fastOutcome = await fast.handle(
      chat.interviewId,
      await candidateEvent(chat, 'Fast runner part of the answer.'),
    );
    releaseLoad();
    const slowOutcome = await slowRun;

    expect(fastOutcome.attempts).toBe(1);
    expect(slowOutcome.attempts).toBe(2);
    const after = await db.interview.findUniqueOrThrow({ where: { id: chat.interviewId } });
    expect(after.version).toBe(before.version + 2);
    const answer = await answerOfTurn(chat.interviewId, 1);
    expect(answer?.text).toBe('Fast runner part of the answer.\nSlow runner part of the answer.');
    expect(answer?.platformMessageIds).toHaveLength(2);
  });

  it('five runners at once on two connection pools: every message joins the answer', async () => {
    const chat = await chatAtFirstQuestion();
    const step = createStep(createOfflineInterviewer());
    const runners = [0, 1, 2, 3, 4].map(
      (i) =>
        new InterviewRunner({
          store: createInterviewStore(i % 2 === 0 ? db : otherDb),
          step,
          clock: chat.clock,
          maxAttempts: 20,
        }),
    );
    const events = await Promise.all(runners.map((_, i) => candidateEvent(chat, `part ${i}`)));
    const outcomes = await Promise.all(
      runners.map((runner, i) => runner.handle(chat.interviewId, events[i] as InboundEvent)),
    );
    expect(outcomes.every((o) => o.committed)).toBe(true);
    const answer = await answerOfTurn(chat.interviewId, 1);
    expect(answer?.text.split('\n').sort()).toEqual(['part 0', 'part 1', 'part 2', 'part 3', 'part 4']);
    expect(await db.answerMessage.count({ where: { answerId: answer?.id ?? '' } })).toBe(5);
  });

  it('a state handed to the runner that is already stale costs a conflict and a reload, and no message is lost', async () => {
    const chat = await chatAtFirstQuestion();
    const store = createInterviewStore(db);
    const runner = new InterviewRunner({ store, step: createStep(createOfflineInterviewer()), clock: chat.clock });
    const stale = await store.load(chat.interviewId);
    const first = await runner.handle(chat.interviewId, await candidateEvent(chat, 'First part.'), stale ?? undefined);
    const second = await runner.handle(
      chat.interviewId,
      await candidateEvent(chat, 'Second part.'),
      stale ?? undefined,
    );
    expect(first.attempts).toBe(1);
    expect(second.attempts).toBe(2);
    expect(second.version).toBe((stale?.version ?? 0) + 2);
    expect((await answerOfTurn(chat.interviewId, 1))?.text).toBe('First part.\nSecond part.');
  });
});
