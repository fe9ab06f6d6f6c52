/**
 * The Bolt app: one receiver (HTTP on the main server, or Socket Mode), our authorize, the global middleware
 * (in-flight tracking, then event dedupe), and the listeners. Every listener acknowledges first and works after,
 * so Slack's 3-second window never waits on the database, Redis or the Web API.
 */
import { App, type Authorize, type BlockAction, type ButtonAction, type Receiver, type RespondFn } from '@slack/bolt';
import type { DecisionKind } from '../../engine/index.js';
import { DECISION_ACTION_PREFIX, FULL_REPORT_ACTION } from './cards/card-actions.js';
import { slackClientOptions } from './client.js';
import type { InFlight } from '../common/in-flight.js';
import type { SlackContext } from './context.js';
import { runAdminCommand } from './handlers/admin-command.js';
import { handleDecisionClick, handleFullReportClick, type CardClick } from './handlers/card-clicks.js';
import { handleDmEvent } from './handlers/dm-messages.js';
import { publishHome } from './handlers/home.js';
import { runInterviewCommand } from './handlers/interview-command.js';
import { answeringFailures, type Reply } from '../common/answering-failures.js';
import { forgetTokens, revokesBotToken } from './handlers/uninstall.js';
import { slackLogger } from './logger.js';
import { dropRedeliveredEvents } from './transport/dedupe.js';

export interface BoltAppOptions {
  receiver: Receiver;
  apiUrl: string | null;
  inFlight: InFlight;
}

function authorizeWith(ctx: SlackContext): Authorize<boolean> {
  return async (source) => {
    const identity = source.teamId ? await ctx.tokens.forTeam(source.teamId) : null;
    if (!identity) throw new Error(`Screener is not installed in Slack team ${source.teamId ?? '(none)'}`);
    return {
      botToken: identity.botToken,
      botId: identity.botId,
      botUserId: identity.botUserId,
      teamId: identity.teamId,
    };
  };
}

function ephemeral(respond: RespondFn): Reply {
  return async (text) => {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
}

function quietly(ctx: SlackContext, what: string, work: () => Promise<void>): Promise<void> {
  return work().catch((error: unknown) => ctx.logger.error({ err: error, what }, 'a Slack listener failed'));
}

function registerCommands(app: App, ctx: SlackContext): void {
  app.command('/interview', async ({ command, ack, respond }) => {
    await ack();
    const input = { teamId: command.team_id, userId: command.user_id, text: command.text };
    await answeringFailures(ctx.logger, 'Slack', '/interview', ephemeral(respond), () =>
      runInterviewCommand(ctx, input, ephemeral(respond)),
    );
  });
  app.command('/interview-admin', async ({ command, ack, respond }) => {
    await ack();
    const input = { teamId: command.team_id, userId: command.user_id, text: command.text };
    await answeringFailures(ctx.logger, 'Slack', '/interview-admin', ephemeral(respond), () =>
      runAdminCommand(ctx, input, ephemeral(respond)),
    );
  });
}

function cardClickOf(body: BlockAction<ButtonAction>, action: ButtonAction): CardClick | null {
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const messageTs = body.message?.ts ?? body.container?.message_ts;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channelId || !messageTs || !teamId || !action.value) return null;
  return {
    teamId,
    userId: body.user.id,
    interviewId: action.value,
    channelId,
    messageTs,
    actionTs: action.action_ts,
    raw: body,
  };
}

function registerCardActions(app: App, ctx: SlackContext): void {
  const decisionPattern = new RegExp(`^${DECISION_ACTION_PREFIX}(advance|hold|reject)$`);
  app.action<BlockAction<ButtonAction>>(decisionPattern, async ({ body, action, ack, respond }) => {
    await ack();
    const click = cardClickOf(body, action);
    const decision = decisionPattern.exec(action.action_id)?.[1] as DecisionKind | undefined;
    if (!click || !decision) return;
    await answeringFailures(ctx.logger, 'Slack', 'decision', ephemeral(respond), () =>
      handleDecisionClick(ctx, click, decision, ephemeral(respond)),
    );
  });
  app.action<BlockAction<ButtonAction>>(FULL_REPORT_ACTION, async ({ body, action, ack, respond }) => {
    await ack();
    const click = cardClickOf(body, action);
    if (!click) return;
    await answeringFailures(ctx.logger, 'Slack', 'full report', ephemeral(respond), () =>
      handleFullReportClick(ctx, click, ephemeral(respond)),
    );
  });
}

function registerEvents(app: App, ctx: SlackContext): void {
  app.event('message', async ({ event, body, context }) => {
    const teamId = context.teamId ?? body.team_id;
    const bot = { botUserId: context.botUserId, botId: context.botId };
    await quietly(ctx, 'message.im', () => handleDmEvent(ctx, { teamId, event, bot }));
  });
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    await quietly(ctx, 'app_home_opened', () => publishHome(ctx, { teamId: body.team_id, userId: event.user }));
  });
  app.event('app_uninstalled', async ({ body }) => {
    await quietly(ctx, 'app_uninstalled', () => forgetTokens(ctx, { teamId: body.team_id, reason: 'app_uninstalled' }));
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    if (!revokesBotToken(event)) return;
    await quietly(ctx, 'tokens_revoked', () => forgetTokens(ctx, { teamId: body.team_id, reason: 'tokens_revoked' }));
  });
}

export function createBoltApp(ctx: SlackContext, options: BoltAppOptions): App {
  const app = new App({
    receiver: options.receiver,
    authorize: authorizeWith(ctx),
    logger: slackLogger(ctx.logger),
    clientOptions: slackClientOptions({ apiUrl: options.apiUrl }),
  });
  // Socket Mode acknowledges before the middleware runs; HTTP deliveries are tracked by the receiver already.
  app.use(async ({ next }) => options.inFlight.run(next));
  app.use(dropRedeliveredEvents(ctx.redis, ctx.keyPrefix, ctx.logger));
  registerCommands(app, ctx);
  registerCardActions(app, ctx);
  registerEvents(app, ctx);
  app.error(async (error) => {
    ctx.logger.error({ err: { code: error.code, message: error.message } }, 'Slack app error');
  });
  return app;
}
