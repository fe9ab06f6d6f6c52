/**
 * How every inbound activity is authenticated: the SDK's own Bot Framework checks (signature against the keys
 * published at the OpenID metadata URL, issuer, audience = this bot's app id, expiry, the service-URL claim
 * matching the activity). Only the endpoints are ours to choose, so tests can serve them on 127.0.0.1.
 */
import type { Activity } from 'botbuilder';
import { CallerIdConstants } from 'botbuilder';
import {
  AuthenticationConfiguration,
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  BotFrameworkAuthenticationFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { PUBLIC_CLOUD, type TeamsSettings } from '../settings.js';
import { SingleTenantCredentialsFactory } from './credentials.js';

const UNAUTHORIZED = 401;

/**
 * The SDK answers a token with a bad signature with the JWT library's own error, which CloudAdapter turns into a
 * 500. Every failure to authenticate is a 401 to the caller, whatever threw it.
 */
class RefusingWithUnauthorized extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(error instanceof Error ? error.message : 'authentication failed', UNAUTHORIZED);
    }
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }
}

export function teamsAuthentication(settings: TeamsSettings): BotFrameworkAuthentication {
  const sdk = BotFrameworkAuthenticationFactory.create(
    '',
    true,
    settings.loginUrl,
    PUBLIC_CLOUD.connectorScope,
    settings.tokenIssuer,
    AuthenticationConstants.OAuthUrl,
    settings.openIdMetadataUrl,
    AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerIdConstants.PublicAzureChannel,
    new SingleTenantCredentialsFactory(settings),
    new AuthenticationConfiguration(),
  );
  return new RefusingWithUnauthorized(sdk);
}
