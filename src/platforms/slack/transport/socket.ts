/** Socket Mode: Slack's deliveries over a WebSocket the app opens, for hosts without a public HTTPS endpoint. */
import { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../../shared/logger.js';
import { slackClientOptions } from '../client.js';
import { slackLogger } from '../logger.js';

export interface SocketModeOptions {
  appToken: string;
  /** Where `apps.connections.open` is asked for the WebSocket URL (SLACK_API_URL). */
  apiUrl: string | null;
  logger: Logger;
}

/**
 * No installer here even in OAuth mode: the install routes live on the main server in both transports, so the
 * receiver would otherwise start a second HTTP server of its own.
 */
export function socketModeReceiver(options: SocketModeOptions): SocketModeReceiver {
  const { logger: _sdkLogger, ...clientOptions } = slackClientOptions({ apiUrl: options.apiUrl });
  return new SocketModeReceiver({
    appToken: options.appToken,
    logger: slackLogger(options.logger),
    autoReconnectEnabled: true,
    installerOptions: { clientOptions },
  });
}
