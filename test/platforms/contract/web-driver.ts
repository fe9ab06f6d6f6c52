/**
 * The contract driver for the web: the sandbox console starts the screen, the candidate posts the chat page's
 * forms over HTTP with its link, and the hiring page is read back as HTML. The suite reads synchronously, so what
 * the candidate received and the cards are read after each step that can change them.
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Redis } from 'ioredis';
import { parseEnv } from '../../../src/config/env.js';
import { createOfflineInterviewer, createStep, InterviewRunner } from '../../../src/engine/index.js';
import { createWebPlatform } from '../../../src/platforms/web/index.js';
import { linkTokenHash } from '../../../src/platforms/web/links.js';
import { DEFAULT_LINK_TTL_MS } from '../../../src/platforms/web/settings.js';
import { defaultQuestionBank } from '../../../src/scoring/index.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createInterviewStore } from '../../../src/store/index.js';
import type { Db } from '../../../src/store/prisma.js';
import { listenOnLoopback, offlinePlatformDelivery } from '../../support/in-process-delivery.js';
import { silentLogger } from '../../support/slack-harness.js';
import { sandboxFormPoster } from '../../support/web-harness.js';
import type { PlatformDriver } from './driver.js';

export async function webContractDriver(db: Db, redis: Redis, keyPrefix: string): Promise<PlatformDriver> {
  const parsed = parseEnv({ NODE_ENV: 'test', QUEUE_PREFIX: keyPrefix, LOG_LEVEL: 'silent' });
  if (!parsed.ok) throw new Error('test environment is invalid');
  const clock = new ManualClock();
  const bank = defaultQuestionBank();
  const interviewer = createOfflineInterviewer(bank);
  const runner = new InterviewRunner({ store: createInterviewStore(db), step: createStep(interviewer), clock });
  const settings = {
    sandbox: true,
    linkSecret: Buffer.from(randomUUID().repeat(2)),
    linkSecretIsEphemeral: false,
    publicUrl: null,
    linkTtlMs: DEFAULT_LINK_TTL_MS,
  };
  const platform = createWebPlatform({ env: parsed.env, db, redis, logger: silentLogger, clock, runner, settings });
  const app = express();
  platform.mount(app);
  const { server, baseUrl: base } = await listenOnLoopback(app);
  const delivery = offlinePlatformDelivery({
    db,
    redis,
    clock,
    runner,
    platform,
    bank,
    interviewerLabel: interviewer.label,
    keyPrefix,
    logger: silentLogger,
  });

  // The browser's side: one CSRF cookie for the console, the chat and the hiring page (same origin).
  const post = await sandboxFormPoster(base);

  let token = '';
  let interviewId = '';
  let received: string[] = [];
  let cards: string[] = [];
  const refresh = async () => {
    const rows = await db.webMessage.findMany({
      where: { interviewId, kind: 'said', author: 'screener' },
      orderBy: { seq: 'asc' },
      select: { text: true },
    });
    received = rows.map((r) => r.text);
    const hiring = await (await fetch(`${base}/hiring`)).text();
    cards = hiring
      .split('<article class="card"')
      .slice(1)
      .map((chunk) => chunk.split('</article>')[0] ?? '');
  };
  const say = async (clientId: string, text: string) => {
    await post(`/c/${token}/messages`, { text, clientId });
    await refresh();
  };

  return {
    platform: 'web',
    db,
    // The sandbox's hiring channel and decider come with it.
    setUp: () => Promise.resolve(),
    async start(roleSlug, questions) {
      const [skillArea, level] = roleSlug.split('-');
      const page = await (
        await post('/screens', {
          candidateName: 'Ada Lovelace',
          skillArea: skillArea ?? '',
          level: level ?? '',
          questions: String(questions),
        })
      ).text();
      token = /\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43})/.exec(page)?.[1] ?? '';
      interviewId = (await db.candidateLink.findUniqueOrThrow({ where: { tokenHash: linkTokenHash(token) } }))
        .interviewId;
      return interviewId;
    },
    async candidateSays(text) {
      const ref = randomUUID();
      await say(ref, text);
      return { ref };
    },
    redeliver: (sent, text) => say(sent.ref, text),
    async edit(sent, text) {
      await post(`/c/${token}/edits`, { messageId: `web:${interviewId}:${sent.ref}`, text });
      await refresh();
    },
    editsShown: (sent) =>
      db.webMessage.count({ where: { interviewId, kind: 'edited', messageId: `web:${interviewId}:${sent.ref}` } }),
    candidateReceived: () => received,
    async deliver() {
      await delivery.deliver(interviewId);
      await refresh();
    },
    advanceClock: (ms) => void clock.advance(ms),
    async postCard() {
      await delivery.postCard(interviewId);
      await refresh();
    },
    cards: () => cards,
    async decide(decision) {
      await post(`/hiring/${interviewId}/decision`, { decision });
      await refresh();
    },
    async close() {
      await platform.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
