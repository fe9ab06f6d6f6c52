/** Direct-message channels, opened once per person and remembered: conversations.open is idempotent but not free. */
import type { WebClient } from '@slack/web-api';
import { AppError } from '../../../shared/errors.js';
import { slackCall } from '../errors.js';

export type DmOpener = (client: WebClient, teamId: string, userId: string) => Promise<string>;

export function dmOpener(): DmOpener {
  const known = new Map<string, string>();
  return async (client, teamId, userId) => {
    const key = `${teamId}:${userId}`;
    const cached = known.get(key);
    if (cached) return cached;
    const opened = await slackCall('conversations.open', () => client.conversations.open({ users: userId }));
    const channel = opened.channel?.id;
    if (!channel) throw new AppError('unavailable', `Slack opened no DM with ${userId}`);
    known.set(key, channel);
    return channel;
  };
}
