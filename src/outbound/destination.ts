import type { Report } from '../report/schema.js';

export interface PostedCard {
  messageId: string;
}

/**
 * A hiring channel that report cards are posted to. Posting exactly once rests on `findPosted`: each card
 * carries its report key in the platform's own message metadata, so a worker that posted but died before the
 * database recorded it finds the card on the next attempt instead of posting a second one.
 */
export interface ReportDestination {
  /** Stable and unique across platforms, e.g. `slack:T123:C456`. Part of the job id and the ReportPost row. */
  readonly id: string;
  findPosted(reportKey: string, since: Date): Promise<PostedCard | null>;
  post(report: Report, reportKey: string): Promise<PostedCard>;
  update(messageId: string, report: Report): Promise<void>;
}

/** Resolves the destinations configured for a workspace (its hiring channels). */
export interface DestinationResolver {
  forWorkspace(workspaceId: string): Promise<ReportDestination[]>;
  byId(destinationId: string): Promise<ReportDestination | null>;
}

/** No hiring channel anywhere (the CLI demo): reports are built and stored, and posted nowhere. */
export const NO_DESTINATIONS: DestinationResolver = {
  forWorkspace: () => Promise.resolve([]),
  byId: () => Promise.resolve(null),
};
