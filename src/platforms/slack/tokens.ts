/**
 * Which bot token answers for which Slack workspace. Single-workspace mode has one token whose workspace
 * `auth.test` names once at start; OAuth mode reads each workspace's installation from the database.
 */
import type { WebClient } from '@slack/web-api';
import { AppError } from '../../shared/errors.js';
import type { SlackClientOptions } from './client.js';
import { createSlackClient } from './client.js';
import type { SlackInstallationStore } from './install/installation-store.js';

export interface BotIdentity {
  teamId: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

export interface SlackTokens {
  /** Resolves what a single-workspace token belongs to; a no-op in OAuth mode. Call before serving requests. */
  prepare(): Promise<void>;
  forTeam(teamId: string): Promise<BotIdentity | null>;
  /** A Web API client with the team's bot token; clients are shared per token. */
  clientFor(teamId: string): Promise<WebClient>;
}

function clientCache(options: SlackClientOptions): (token: string) => WebClient {
  const clients = new Map<string, WebClient>();
  return (token) => {
    let client = clients.get(token);
    if (!client) {
      client = createSlackClient(token, options);
      clients.set(token, client);
    }
    return client;
  };
}

function withClients(
  forTeam: SlackTokens['forTeam'],
  prepare: SlackTokens['prepare'],
  options: SlackClientOptions,
): SlackTokens {
  const clientOf = clientCache(options);
  return {
    prepare,
    forTeam,
    async clientFor(teamId) {
      const identity = await forTeam(teamId);
      if (!identity)
        throw new AppError('not_found', `no Slack installation for team ${teamId}`, {
          userMessage: 'Screener is not installed in this workspace.',
        });
      return clientOf(identity.botToken);
    },
  };
}

export function singleWorkspaceTokens(botToken: string, options: SlackClientOptions): SlackTokens {
  let identity: BotIdentity | null = null;
  const prepare = async () => {
    if (identity) return;
    const auth = await createSlackClient(botToken, options).auth.test();
    if (!auth.team_id || !auth.user_id || !auth.bot_id)
      throw new AppError('config_invalid', 'SLACK_BOT_TOKEN: auth.test did not name a team, bot user and bot');
    identity = { teamId: auth.team_id, botToken, botUserId: auth.user_id, botId: auth.bot_id };
  };
  const forTeam = async (teamId: string) => {
    await prepare();
    return identity && identity.teamId === teamId ? identity : null;
  };
  return withClients(forTeam, prepare, options);
}

export function installedWorkspaceTokens(store: SlackInstallationStore, options: SlackClientOptions): SlackTokens {
  const forTeam = async (teamId: string): Promise<BotIdentity | null> => {
    const bot = await store.botFor(teamId);
    return bot ? { teamId, botToken: bot.token, botUserId: bot.userId, botId: bot.id } : null;
  };
  return withClients(forTeam, async () => {}, options);
}
