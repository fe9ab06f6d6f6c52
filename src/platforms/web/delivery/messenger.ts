/** The worker's delivery for web interviews: the engine's messages become entries of the page's conversation. */
import type { Clock } from '../../../shared/clock.js';
import type { Messenger } from '../../../outbound/messenger.js';
import type { WebConversations } from '../conversation.js';

export function webMessenger(conversations: WebConversations, clock: Clock): Messenger {
  return {
    async send(message) {
      const at = clock.now().toISOString();
      const entry =
        message.recipient.to === 'candidate'
          ? { kind: 'said' as const, from: 'screener' as const, text: message.text, at, messageId: null }
          : { kind: 'note' as const, text: message.text, at };
      await conversations.append(message.interviewId, entry);
    },
  };
}
