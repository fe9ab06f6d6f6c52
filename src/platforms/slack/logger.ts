import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../../shared/logger.js';

/**
 * Slack's SDKs log through this adapter into our structured logger. Their messages are strings that can contain
 * request bodies at debug level, so everything they say goes out at debug except warnings and errors, and only
 * as text (never as structured fields that would dodge the redaction rules).
 */
export function slackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const text = (parts: unknown[]) =>
    parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
  const child = logger.child({ component: 'slack-sdk' });
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.debug(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
