/** The web platform's settings, from the environment: whether the sandbox runs, how links are signed and addressed. */
import { randomBytes } from 'node:crypto';
import type { Env } from '../../config/env.js';

export interface WebSettings {
  /** The recruiter console and hiring channel pages: loopback only, never in production. */
  sandbox: boolean;
  /** Signs candidate links. Without LINK_SECRET the sandbox makes one per process (links end with the process). */
  linkSecret: Buffer;
  linkSecretIsEphemeral: boolean;
  /** Base of candidate links; null: the origin the recruiter's request came to. */
  publicUrl: string | null;
  /** @defaultValue 7 days */
  linkTtlMs: number;
}

export const DEFAULT_LINK_TTL_MS = 7 * 24 * 3600 * 1000;

/** `auto` runs the sandbox when neither Slack nor Teams is configured; production never runs it. */
export function sandboxEnabled(env: Env): boolean {
  if (env.NODE_ENV === 'production' || env.SANDBOX === 'off') return false;
  if (env.SANDBOX === 'on') return true;
  return env.SLACK_SIGNING_SECRET === undefined && env.TEAMS_APP_ID === undefined;
}

export function webSettings(env: Env): WebSettings {
  const secret = env.LINK_SECRET;
  return {
    sandbox: sandboxEnabled(env),
    linkSecret: secret ? Buffer.from(secret, 'utf8') : randomBytes(32),
    linkSecretIsEphemeral: !secret,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    linkTtlMs: DEFAULT_LINK_TTL_MS,
  };
}
