/** Hiring channels as report destinations: one per Teams tenant that has set one with `@Screener admin channel`. */
import type { DestinationResolver } from '../../../outbound/destination.js';
import type { Db } from '../../../store/prisma.js';
import type { TeamsConnector } from '../connector.js';
import { findTeamsWorkspace } from '../store/workspaces.js';
import { parseTeamsDestinationId, teamsReportDestination } from './report-destination.js';

export function teamsDestinations(deps: { db: Db; connector: TeamsConnector }): DestinationResolver {
  return {
    async forWorkspace(workspaceId) {
      const workspace = await findTeamsWorkspace(deps.db, { id: workspaceId });
      const channel = workspace?.installation.hiringChannel;
      const serviceUrl = workspace?.installation.serviceUrl;
      if (!workspace || !channel || !serviceUrl) return [];
      return [
        teamsReportDestination(deps, {
          serviceUrl,
          tenantId: workspace.tenantId,
          conversationId: channel.conversationId,
        }),
      ];
    },
    async byId(destinationId) {
      const parsed = parseTeamsDestinationId(destinationId);
      if (!parsed) return null;
      const workspace = await findTeamsWorkspace(deps.db, { tenantId: parsed.tenantId });
      const serviceUrl = workspace?.installation.serviceUrl;
      if (!workspace || !serviceUrl) return null;
      return teamsReportDestination(deps, { serviceUrl, tenantId: parsed.tenantId, conversationId: parsed.channelId });
    },
  };
}
