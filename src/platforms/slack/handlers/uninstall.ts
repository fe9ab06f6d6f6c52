/** `app_uninstalled` and `tokens_revoked`: the workspace's tokens are deleted; its interviews and settings stay. */
import type { SlackContext } from '../context.js';

export async function forgetTokens(
  ctx: SlackContext,
  input: { teamId: string; reason: 'app_uninstalled' | 'tokens_revoked' },
): Promise<void> {
  if (!ctx.installations) {
    // Single-workspace mode: the token lives in the environment, which only the operator can change.
    ctx.logger.warn(
      { teamId: input.teamId, reason: input.reason },
      'Slack revoked the bot token; SLACK_BOT_TOKEN needs replacing',
    );
    return;
  }
  const forgotten = await ctx.installations.forget(input.teamId);
  ctx.logger.info({ teamId: input.teamId, reason: input.reason, forgotten }, 'Slack installation tokens deleted');
}

/** tokens_revoked names user and bot tokens; only a revoked bot token makes the installation useless. */
export function revokesBotToken(event: unknown): boolean {
  const bots = (event as { tokens?: { bot?: unknown } } | null)?.tokens?.bot;
  return Array.isArray(bots) && bots.length > 0;
}
