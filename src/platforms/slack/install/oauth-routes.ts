/**
 * Multi-workspace install: `/slack/install` sends the installer to Slack's consent page with a signed state
 * (also set as a cookie, so the callback must come back to the same browser), and `/slack/oauth_redirect`
 * exchanges the code for the workspace's bot token and stores it through our installation store, encrypted.
 * The same routes serve HTTP and Socket Mode deployments.
 */
import { InstallProvider } from '@slack/oauth';
import { Router } from 'express';
import type { Logger } from '../../../shared/logger.js';
import { slackClientOptions } from '../client.js';
import { slackLogger } from '../logger.js';
import { BOT_SCOPES } from '../scopes.js';
import type { SlackInstallationStore } from './installation-store.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface OAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  store: SlackInstallationStore;
  apiUrl: string | null;
  logger: Logger;
}

export function oauthRouter(options: OAuthOptions): Router {
  const { logger: _sdkLogger, ...clientOptions } = slackClientOptions({ apiUrl: options.apiUrl });
  const installer = new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    installationStore: options.store,
    // Straight to Slack's consent page: there is nothing to choose on an install page of our own.
    directInstall: true,
    logger: slackLogger(options.logger),
    clientOptions,
  });
  const installOptions = { scopes: [...BOT_SCOPES] };
  const router = Router();
  router.get(INSTALL_PATH, (req, res, next) => {
    installer.handleInstallPath(req, res, undefined, installOptions).catch(next);
  });
  router.get(REDIRECT_PATH, (req, res, next) => {
    installer.handleCallback(req, res).catch(next);
  });
  return router;
}
