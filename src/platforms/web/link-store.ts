/**
 * Issued and revoked links, as audit events on the interview (who issued one, when, and when it ends). Nothing
 * in them opens a link: the fingerprint is a hash. Revoking kills every link of the interview issued until then.
 */
import type { Clock } from '../../shared/clock.js';
import type { Db } from '../../store/prisma.js';
import { checkLink, issueLink, linkFingerprint, type LinkClaims } from './links.js';

export const LINK_ISSUED = 'web.link_issued';
export const LINKS_REVOKED = 'web.links_revoked';

export type LinkLookup = { ok: true; claims: LinkClaims } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

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
    await db.auditEvent.create({
      data: { actor, action: LINK_ISSUED, subject: `interview:${interviewId}`, data: { link: linkFingerprint(token), expiresAt: new Date(claims.expiresAt).toISOString() } },
    });
    return { token, expiresAt: new Date(claims.expiresAt) };
  }

  async revokeAll(interviewId: string, actor: string): Promise<void> {
    const at = this.options.clock.now();
    await this.options.db.auditEvent.create({ data: { actor, action: LINKS_REVOKED, subject: `interview:${interviewId}`, data: { at: at.toISOString() }, createdAt: at } });
  }

  async lookup(token: string): Promise<LinkLookup> {
    const { db, clock, secret } = this.options;
    const checked = checkLink(secret, token, clock.now());
    if (!checked.ok) return checked;
    const { interviewId, issuedAt } = checked.claims;
    const revoked = await db.auditEvent.findFirst({
      where: { subject: `interview:${interviewId}`, action: LINKS_REVOKED, createdAt: { gte: new Date(issuedAt) } },
      select: { id: true },
    });
    if (revoked) return { ok: false, reason: 'revoked' };
    const exists = await db.interview.findUnique({ where: { id: interviewId }, select: { platform: true } });
    return exists?.platform === 'web' ? checked : { ok: false, reason: 'unknown' };
  }
}
