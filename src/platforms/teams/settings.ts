/** Teams settings from the environment: the single-tenant bot's credentials and the endpoints its auth uses. */
import type { Env } from '../../config/env.js';

/** Microsoft's public-cloud values; the TEAMS_* overrides exist for tests against local fakes. */
export const PUBLIC_CLOUD = {
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  tokenIssuer: 'https://api.botframework.com',
  /** The scope of the bot's outbound tokens: the Bot Connector service. */
  connectorScope: 'https://api.botframework.com',
  loginUrl: (tenantId: string) => `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
} as const;

export interface TeamsSettings {
  appId: string;
  appPassword: string;
  tenantId: string;
  /** Development only (the Emulator): inbound activities are not authenticated. The config refuses it in production. */
  allowUnauthenticated: boolean;
  /** Entra object ids of the people who may run admin commands. */
  adminIds: string[];
  openIdMetadataUrl: string;
  tokenIssuer: string;
  loginUrl: string;
}

export function teamsConfigured(env: Env): boolean {
  return env.TEAMS_APP_ID !== undefined || env.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
}

export function teamsSettings(env: Env): TeamsSettings {
  const tenantId = env.TEAMS_TENANT_ID ?? '';
  return {
    appId: env.TEAMS_APP_ID ?? '',
    appPassword: env.TEAMS_APP_PASSWORD ?? '',
    tenantId,
    allowUnauthenticated: env.TEAMS_ALLOW_UNAUTHENTICATED === 'true',
    adminIds: env.TEAMS_ADMIN_IDS ? env.TEAMS_ADMIN_IDS.split(',').map((id) => id.toLowerCase()) : [],
    openIdMetadataUrl: env.TEAMS_OPENID_METADATA_URL ?? PUBLIC_CLOUD.openIdMetadataUrl,
    tokenIssuer: env.TEAMS_TOKEN_ISSUER ?? PUBLIC_CLOUD.tokenIssuer,
    loginUrl: env.TEAMS_LOGIN_URL ?? PUBLIC_CLOUD.loginUrl(tenantId),
  };
}
