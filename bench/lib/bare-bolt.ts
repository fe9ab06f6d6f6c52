/**
 * The baseline app: @slack/bolt as its README shows it, with an ExpressReceiver on its own Express server on
 * 127.0.0.1, the same signing secret, the same bot identity (authorize from memory, as the real app's
 * single-workspace mode does) and the same silent logger, its Web API client pointed at the fake Slack.
 * Its message listener echoes the text back in the thread with `say`; its /interview command acknowledges at once
 * and then answers by response_url. Nothing else: no dedupe, no database, no engine.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver } from '@slack/bolt';
import { slackLogger } from '../../src/platforms/slack/logger.js';
import type { FakeBot } from '../../test/support/fake-slack.js';
import { silentLogger } from '../../test/support/slack-harness.js';

export interface BareBolt {
  baseUrl: string;
  /** Epoch ms (performance.timeOrigin + now()) at which each echoed message's `say` was answered, by the event's ts. */
  echoedAt: Map<string, number>;
  /** Resolves when no listener is still running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startBareBolt(options: {
  signingSecret: string;
  slackApiUrl: string;
  bot: FakeBot;
}): Promise<BareBolt> {
  const logger = slackLogger(silentLogger);
  const receiver = new ExpressReceiver({ signingSecret: options.signingSecret, logger, processBeforeResponse: false });
  const { bot } = options;
  const app = new App({
    receiver,
    logger,
    authorize: async () => ({ botToken: bot.token, botId: bot.botId, botUserId: bot.botUserId, teamId: bot.teamId }),
    clientOptions: { slackApiUrl: options.slackApiUrl },
  });
  const running = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    return work.finally(() => running.delete(work));
  };
  const echoedAt = new Map<string, number>();
  app.message(async ({ message, say }) => {
    if (message.subtype !== undefined) return;
    await track(say({ text: message.text ?? '', thread_ts: message.thread_ts ?? message.ts }));
    echoedAt.set(message.ts, performance.timeOrigin + performance.now());
  });
  app.command('/interview', async ({ ack, respond, command }) => {
    await ack();
    await track(respond({ response_type: 'ephemeral', text: `You said: ${command.text}` }));
  });
  const server = await new Promise<Server>((resolve) => {
    const s = receiver.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    echoedAt,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
