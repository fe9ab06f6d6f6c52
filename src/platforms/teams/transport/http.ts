/**
 * POST /api/messages. The SDK's CloudAdapter authenticates each activity (an unauthenticated or wrongly signed
 * one gets 401 before any of our code runs); our turn logic only classifies the activity and schedules the work,
 * so Teams gets its 200 at once and the engine step runs after the ack, as with Slack.
 */
import express, { type Express } from 'express';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { TeamsContext } from '../context.js';
import { classifyActivity, type TeamsActivityFields } from '../normalize.js';
import { routeActivity } from '../router.js';
import { workspaceForTenant } from '../store/workspaces.js';
import type { InFlight } from '../../common/in-flight.js';

export const MESSAGES_PATH = '/api/messages';

function turnLogic(ctx: TeamsContext, inFlight: InFlight) {
  return async (turn: TurnContext): Promise<void> => {
    const activity = turn.activity as TeamsActivityFields;
    const inbound = classifyActivity(activity);
    if (inbound.kind === 'ignored') {
      ctx.logger.debug({ platform: 'teams', type: activity.type, reason: inbound.reason }, 'Teams activity ignored');
      // An install or a first contact still tells us the tenant's service URL, which proactive messages need.
      const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
      if (activity.type === 'conversationUpdate' && tenantId && activity.serviceUrl) {
        const serviceUrl = activity.serviceUrl;
        inFlight.start(async () => void (await workspaceForTenant(ctx.db, tenantId, serviceUrl)));
      }
      return;
    }
    inFlight.start(() => routeActivity(ctx, inbound, activity));
  };
}

export function mountMessages(app: Express, adapter: CloudAdapter, ctx: TeamsContext, inFlight: InFlight): void {
  const logic = turnLogic(ctx, inFlight);
  app.post(MESSAGES_PATH, express.json({ limit: '1mb' }), async (req, res) => {
    await adapter.process(req, res, logic);
  });
}
