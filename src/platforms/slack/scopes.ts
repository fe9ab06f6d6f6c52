/**
 * Exactly what the code asks Slack for; manifests/slack/manifest.yaml lists the same (a test keeps them equal).
 * commands: the slash commands. chat:write: messages, report cards and their updates. im:write and im:history:
 * open the candidate's DM and hear the answers in it. users:read: admins, bots, names and time zones.
 * channels:history and groups:history: find an already-posted card in a public or private hiring channel.
 */
export const BOT_SCOPES = [
  'channels:history',
  'chat:write',
  'commands',
  'groups:history',
  'im:history',
  'im:write',
  'users:read',
] as const;

/** The bot events the app subscribes to. */
export const BOT_EVENTS = ['app_home_opened', 'app_uninstalled', 'message.im', 'tokens_revoked'] as const;

export const SLASH_COMMANDS = ['/interview', '/interview-admin'] as const;
