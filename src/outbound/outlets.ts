/**
 * Where the worker's messages and report cards go, per platform. Platform adapters supply a messenger and a
 * destination resolver; the background routes by the interview's platform and knows no SDK.
 */
import type { Platform } from '../engine/index.js';
import type { Messenger } from './messenger.js';
import { AppError } from '../shared/errors.js';
import type { DestinationResolver, ReportDestination } from './destination.js';

export interface PlatformOutlet {
  platform: Platform;
  messenger: Messenger;
  destinations: DestinationResolver;
}

/** A message for a platform with no outlet in this process can never be delivered here: a permanent error. */
export function routeMessages(outlets: PlatformOutlet[]): Messenger {
  const byPlatform = new Map(outlets.map((o) => [o.platform, o.messenger]));
  return {
    async send(message) {
      const messenger = byPlatform.get(message.platform);
      if (!messenger) throw new AppError('not_found', `no messenger configured for platform ${message.platform}`);
      await messenger.send(message);
    },
  };
}

export function combineDestinations(outlets: PlatformOutlet[]): DestinationResolver {
  return {
    async forWorkspace(workspaceId) {
      const lists = await Promise.all(outlets.map((o) => o.destinations.forWorkspace(workspaceId)));
      return lists.flat();
    },
    async byId(destinationId): Promise<ReportDestination | null> {
      for (const outlet of outlets) {
        const found = await outlet.destinations.byId(destinationId);
        if (found) return found;
      }
      return null;
    },
  };
}
