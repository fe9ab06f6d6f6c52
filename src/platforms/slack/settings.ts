/** The Slack part of the environment, resolved once into the mode Screener runs Slack in. */
import type { Env } from '../../config/env.js';
import { AppError } from '../../shared/errors.js';

export type SlackInstallMode =
  /** Only the signing secret: the app is being set up, and Slack checks the request URL before a token exists. */
  | { kind: 'none' }
  | { kind: 'single'; botToken: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string; encryptionKey: Buffer };

export interface SlackSettings {
  signingSecret: string;
  install: SlackInstallMode;
  /** Socket Mode instead of HTTP when an app-level token is set. */
  appToken: string | null;
  /** The Web API base URL; null for Slack's own. */
  apiUrl: string | null;
}

type SlackEnv = Pick<
  Env,
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_BOT_TOKEN'
  | 'SLACK_CLIENT_ID'
  | 'SLACK_CLIENT_SECRET'
  | 'SLACK_STATE_SECRET'
  | 'SLACK_APP_TOKEN'
  | 'SLACK_API_URL'
  | 'SLACK_TOKEN_ENCRYPTION_KEY'
>;

/** True when the environment asks for Slack at all; the server mounts nothing otherwise. */
export function slackConfigured(env: SlackEnv): boolean {
  return env.SLACK_SIGNING_SECRET !== undefined;
}

/** True when Screener can also talk to Slack (a bot token, or OAuth): only then does the worker deliver to it. */
export function slackDeliveryConfigured(env: SlackEnv): boolean {
  return slackConfigured(env) && slackSettings(env).install.kind !== 'none';
}

function installMode(env: SlackEnv): SlackInstallMode {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = env;
  if (clientId && clientSecret && stateSecret) {
    // Installation tokens are secrets at rest; OAuth without a key would have to store them in clear.
    if (!env.SLACK_TOKEN_ENCRYPTION_KEY) {
      throw new AppError(
        'config_invalid',
        'SLACK_TOKEN_ENCRYPTION_KEY is required with Slack OAuth (SLACK_CLIENT_ID and friends)',
      );
    }
    return {
      kind: 'oauth',
      clientId,
      clientSecret,
      stateSecret,
      encryptionKey: Buffer.from(env.SLACK_TOKEN_ENCRYPTION_KEY, 'base64'),
    };
  }
  if (env.SLACK_BOT_TOKEN) return { kind: 'single', botToken: env.SLACK_BOT_TOKEN };
  return { kind: 'none' };
}

/**
 * OAuth wins when both a bot token and the OAuth trio are set: a multi-workspace install must not quietly
 * answer every workspace with one workspace's token.
 */
export function slackSettings(env: SlackEnv): SlackSettings {
  if (!env.SLACK_SIGNING_SECRET) throw new AppError('config_invalid', 'SLACK_SIGNING_SECRET is required for Slack');
  return {
    signingSecret: env.SLACK_SIGNING_SECRET,
    install: installMode(env),
    appToken: env.SLACK_APP_TOKEN ?? null,
    apiUrl: env.SLACK_API_URL ?? null,
  };
}
