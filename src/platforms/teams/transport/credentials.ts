/**
 * The bot's outbound credentials: an OAuth client-credentials token from the tenant's token endpoint, cached until
 * shortly before it expires. The SDK's own MSAL-based credentials refuse any authority that is not https, which
 * would leave the tests on a different code path than production; this one is the same in both.
 */
import type { ServiceClientCredentials } from 'botframework-connector';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import { AppError } from '../../../shared/errors.js';
import type { TeamsSettings } from '../settings.js';

type SignableRequest = Parameters<ServiceClientCredentials['signRequest']>[0];

/** Renew this long before expiry, so a token never lapses mid-request. */
const RENEW_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  value: string;
  expiresAt: number;
}

export class ClientSecretToken {
  private cached: CachedToken | null = null;
  private pending: Promise<CachedToken> | null = null;

  constructor(
    private readonly settings: Pick<TeamsSettings, 'appId' | 'appPassword' | 'loginUrl'>,
    private readonly scope: string,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.cached.expiresAt - RENEW_MARGIN_MS > Date.now()) return this.cached.value;
    // One request for everyone waiting, not one per concurrent send.
    this.pending ??= this.fetchToken().finally(() => (this.pending = null));
    this.cached = await this.pending;
    return this.cached.value;
  }

  private async fetchToken(): Promise<CachedToken> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.settings.appId,
      client_secret: this.settings.appPassword,
      scope: `${this.scope}/.default`,
    });
    const res = await fetch(this.settings.loginUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const json = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (!res.ok || typeof json.access_token !== 'string') {
      throw new AppError('unavailable', `the Teams token endpoint answered ${res.status} without a token`);
    }
    const seconds = typeof json.expires_in === 'number' ? json.expires_in : Number(json.expires_in ?? 3600);
    return { value: json.access_token, expiresAt: Date.now() + seconds * 1000 };
  }
}

class BearerCredentials implements ServiceClientCredentials {
  constructor(private readonly token: ClientSecretToken | null) {}

  async signRequest(request: SignableRequest): Promise<SignableRequest> {
    if (this.token) request.headers.set('authorization', `Bearer ${await this.token.get()}`);
    return request;
  }
}

/** Credentials for exactly one app id: inbound tokens for any other audience are refused by `isValidAppId`. */
export class SingleTenantCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly tokens = new Map<string, ClientSecretToken>();

  constructor(private readonly settings: TeamsSettings) {
    super();
  }

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId.length > 0 && appId === this.settings.appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(this.settings.allowUnauthenticated);
  }

  createCredentials(appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    if (this.settings.allowUnauthenticated && !this.settings.appId) return Promise.resolve(new BearerCredentials(null));
    if (appId !== this.settings.appId)
      throw new AppError('forbidden', 'credentials asked for an app id that is not this bot');
    const scope = audience ?? 'https://api.botframework.com';
    let token = this.tokens.get(scope);
    if (!token) {
      token = new ClientSecretToken(this.settings, scope);
      this.tokens.set(scope, token);
    }
    return Promise.resolve(new BearerCredentials(token));
  }
}
