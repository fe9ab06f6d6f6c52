/** Hiring channels as report destinations: one per Slack workspace that has set one with `/interview-admin channel`. */
import type { DestinationResolver, ReportDestination } from '../../../outbound/destination.js';
import type { Db } from '../../../store/prisma.js';
import type { Pace } from './pace.js';
import { slackReportDestination } from './report-destination.js';
import { decisionOf } from '../store/interviews.js';
import type { SlackTokens } from '../tokens.js';

const DESTINATION_ID = /^slack:([A-Z0-9]+):([A-Z0-9]+)$/;

export function slackDestinations(deps: { db: Db; tokens: SlackTokens; pace: Pace }): DestinationResolver {
  const build = async (teamId: string, channelId: string): Promise<ReportDestination | null> => {
    if (!(await deps.tokens.forTeam(teamId))) return null;
    const client = await deps.tokens.clientFor(teamId);
    return slackReportDestination(client, teamId, channelId, {
      pace: deps.pace,
      decisionOf: (interviewId) => decisionOf(deps.db, interviewId),
    });
  };
  return {
    async forWorkspace(workspaceId) {
      const row = await deps.db.workspace.findUnique({
        where: { id: workspaceId },
        select: { platform: true, externalId: true, hiringChannelId: true },
      });
      if (row?.platform !== 'slack' || !row.hiringChannelId) return [];
      const destination = await build(row.externalId, row.hiringChannelId);
      return destination ? [destination] : [];
    },
    async byId(destinationId) {
      const match = DESTINATION_ID.exec(destinationId);
      if (!match?.[1] || !match[2]) return null;
      return build(match[1], match[2]);
    },
  };
}
