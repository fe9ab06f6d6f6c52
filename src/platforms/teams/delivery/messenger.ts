/**
 * Delivers the engine's `send_message` effects to Teams, from the worker: candidate messages in the interview's
 * 1:1 conversation (rebuilt from its stored id and the tenant's service URL), recruiter and other-user messages in
 * the bot's 1:1 conversation with that person. Plain text, so a candidate's `*` or `<` shows as typed.
 */
import type { Messenger, OutboundMessage } from '../../../outbound/messenger.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../../../store/prisma.js';
import type { TeamsConnector } from '../connector.js';
import { splitForTeams } from '../text.js';
import { tenantOfInterview, type TenantEndpoint } from './target.js';

/** Well under the ~28 KB activity limit even for text that is all multi-byte characters. */
export const MAX_TEXT_CHARS = 7_000;

async function conversationFor(
  connector: TeamsConnector,
  tenant: TenantEndpoint,
  message: OutboundMessage,
): Promise<string> {
  switch (message.recipient.to) {
    case 'candidate':
      if (!message.conversationId)
        throw new AppError('invalid_input', `interview ${message.interviewId} has no Teams conversation yet`);
      return message.conversationId;
    case 'recruiter':
      return connector.openPersonal(tenant.serviceUrl, tenant.tenantId, message.recruiterId);
    case 'user':
      return connector.openPersonal(tenant.serviceUrl, tenant.tenantId, message.recipient.userId);
  }
}

export function teamsMessenger(deps: { db: Db; connector: TeamsConnector }): Messenger {
  return {
    async send(message) {
      if (message.platform !== 'teams')
        throw new AppError('invalid_input', `the Teams messenger cannot deliver a ${message.platform} message`);
      const tenant = await tenantOfInterview(deps.db, message.interviewId);
      const conversationId = await conversationFor(deps.connector, tenant, message);
      for (const piece of splitForTeams(message.text, MAX_TEXT_CHARS)) {
        await deps.connector.send({ ...tenant, conversationId }, { type: 'message', text: piece, textFormat: 'plain' });
      }
    },
  };
}
