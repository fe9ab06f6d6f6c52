/**
 * Issued and revoked links, as `CandidateLink` rows: a link opens its interview only while its row exists, is not
 * revoked and has not expired. A row holds the sha256 of the token, never the token, so a copy of the database
 * opens nothing. The audit log records who issued or revoked links, naming the row, not the token.
 */
import type { Clock } from '../../shared/clock.js';
import type { Db } from '../../store/prisma.js';
import { checkLink, issueLink, linkTokenHash, type LinkClaims } from './links.js';

export const LINK_ISSUED = 'web.link_issued';
export const LINKS_REVOKED = 'web.links_revoked';

/** `erased`: revoked because the candidate had the interview erased, which their page says instead of a revocation. */
export type LinkLookup =
  { ok: true; claims: LinkClaims } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'erased' };

export interface LinkStoreOptions {
  db: Db;
  clock: Clock;
  secret: Buffer;
  ttlMs: number;
}

export class LinkStore {
  constructor(private readonly options: LinkStoreOptions) {}

  async issue(interviewId: string, actor: string): Promise<{ token: string; expiresAt: Date }> {
    const { db, clock, secret, ttlMs } = this.options;
    const { token, claims } = issueLink(secret, interviewId, clock.now(), ttlMs);
    const expiresAt = new Date(claims.expiresAt);
    await db.$transaction(async (tx) => {
      const link = await tx.candidateLink.create({
        data: { interviewId, tokenHash: linkTokenHash(token), issuedBy: actor, expiresAt },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: {
          actor,
          action: LINK_ISSUED,
          subject: `interview:${interviewId}`,
          data: { linkId: link.id, expiresAt: expiresAt.toISOString() },
        },
      });
    });
    return { token, expiresAt };
  }

  /** Ends every live link of the interview; links issued afterwards work. */
  async revokeAll(interviewId: string, actor: string): Promise<void> {
    const at = this.options.clock.now();
    await this.options.db.$transaction(async (tx) => {
      const { count } = await tx.candidateLink.updateMany({
        where: { interviewId, revokedAt: null },
        data: { revokedAt: at },
      });
      await tx.auditEvent.create({
        data: {
          actor,
          action: LINKS_REVOKED,
          subject: `interview:${interviewId}`,
          data: { at: at.toISOString(), links: count },
          createdAt: at,
        },
      });
    });
  }

  async lookup(token: string): Promise<LinkLookup> {
    const { db, clock, secret } = this.options;
    const now = clock.now();
    // The signature first: a made-up token costs no query.
    const checked = checkLink(secret, token, now);
    if (!checked.ok) return checked;
    const row = await db.candidateLink.findUnique({
      where: { tokenHash: linkTokenHash(token) },
      select: {
        interviewId: true,
        revokedAt: true,
        expiresAt: true,
        interview: { select: { platform: true, status: true } },
      },
    });
    // A well-signed token without a row was never issued here (or its interview is gone): the row is the truth.
    if (!row || row.interviewId !== checked.claims.interviewId || row.interview.platform !== 'web')
      return { ok: false, reason: 'unknown' };
    if (row.revokedAt) return { ok: false, reason: row.interview.status === 'erased' ? 'erased' : 'revoked' };
    if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
    return checked;
  }
}
