/**
 * How every inbound activity is authenticated: the SDK's own Bot Framework checks (signature against the keys
 * published at the OpenID metadata URL, issuer, audience = this bot's app id, expiry, the service-URL claim
 * matching the activity). Only the endpoints are ours to choose, so tests can serve them on 127.0.0.1.
 */
import { AuthenticationConfiguration, AuthenticationConstants, BotFrameworkAuthenticationFactory, type BotFrameworkAuthentication } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import { PUBLIC_CLOUD, type TeamsSettings } from '../settings.js';
import { SingleTenantCredentialsFactory } from './credentials.js';

export function teamsAuthentication(settings: TeamsSettings): BotFrameworkAuthentication {
  return BotFrameworkAuthenticationFactory.create(
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
}
