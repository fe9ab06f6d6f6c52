/**
 * Everything Screener says in Teams goes through here: proactive messages (continueConversationAsync), the
 * candidate's 1:1 conversation (createConversationAsync), and card updates (updateActivity), each retried on
 * throttling and transient failures. Callers name a conversation by its service URL, tenant and id; the SDK's
 * ConversationReference is rebuilt from those, so nothing SDK-shaped needs storing.
 */
import { CloudAdapter, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import { AppError } from '../../shared/errors.js';
import { PUBLIC_CLOUD } from './settings.js';
import { statusOf, withConnectorRetries, type RetryOptions } from './transport/retry.js';

export const TEAMS_CHANNEL_ID = 'msteams';

export interface ConversationTarget {
  serviceUrl: string;
  tenantId: string;
  conversationId: string;
}

export type OutgoingActivity = Partial<Activity>;

export interface TeamsConnector {
  /** Posts in a conversation (a channel id starts a new thread there); returns the new activity id. */
  send(target: ConversationTarget, activity: OutgoingActivity): Promise<string>;
  update(target: ConversationTarget, activityId: string, activity: OutgoingActivity): Promise<void>;
  /** The 1:1 conversation of the bot with a user, created if needed (Teams returns the same one every time). */
  openPersonal(serviceUrl: string, tenantId: string, userId: string): Promise<string>;
}

export function referenceOf(target: ConversationTarget, botId: string): Partial<ConversationReference> {
  return {
    channelId: TEAMS_CHANNEL_ID,
    serviceUrl: target.serviceUrl,
    bot: { id: botId, name: 'Screener' },
    conversation: {
      id: target.conversationId,
      tenantId: target.tenantId,
      isGroup: false,
      conversationType: '',
      name: '',
    },
  };
}

/** The connector refuses a 1:1 conversation with someone who does not have the app: 403 (or 404 for an unknown user). */
export class BotNotInstalledError extends AppError {
  constructor(userId: string, cause: unknown) {
    super('forbidden', `the Bot Connector refused a conversation with ${userId}`, { cause });
  }
}

export function adapterConnector(adapter: CloudAdapter, appId: string, retry: RetryOptions = {}): TeamsConnector {
  const within = async (target: ConversationTarget, logic: (context: TurnContext) => Promise<void>) =>
    withConnectorRetries(
      () => adapter.continueConversationAsync(appId, referenceOf(target, appId), PUBLIC_CLOUD.connectorScope, logic),
      retry,
    );
  return {
    async send(target, activity) {
      let id = '';
      await within(target, async (context) => {
        id = (await context.sendActivity(activity))?.id ?? '';
      });
      if (!id) throw new AppError('unavailable', 'the Bot Connector accepted an activity but returned no id');
      return id;
    },
    async update(target, activityId, activity) {
      await within(target, async (context) => {
        await context.updateActivity({ ...activity, type: 'message', id: activityId });
      });
    },
    async openPersonal(serviceUrl, tenantId, userId) {
      let conversationId = '';
      const parameters = {
        isGroup: false,
        bot: { id: appId, name: 'Screener' },
        members: [{ id: userId, name: '' }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      };
      try {
        await withConnectorRetries(
          () =>
            adapter.createConversationAsync(
              appId,
              TEAMS_CHANNEL_ID,
              serviceUrl,
              PUBLIC_CLOUD.connectorScope,
              parameters,
              async (context) => {
                conversationId = context.activity.conversation.id;
              },
            ),
          retry,
        );
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404) throw new BotNotInstalledError(userId, error);
        throw error;
      }
      return conversationId;
    },
  };
}
