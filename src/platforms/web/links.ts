/**
 * Candidate links: `/c/<token>`. The token is signed (HMAC-SHA256 over the interview id, issue and expiry times and
 * 128 random bits), so a forged or altered token fails before any query. It names no person: the interview id is a
 * random UUID. The signature is only the first filter: a link also needs its `CandidateLink` row (see link-store).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface LinkClaims {
  interviewId: string;
  issuedAt: number;
  expiresAt: number;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'unknown' | 'expired' };

const VERSION = 'v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueLink(
  secret: Buffer,
  interviewId: string,
  now: Date,
  ttlMs: number,
): { token: string; claims: LinkClaims } {
  const claims = { interviewId, issuedAt: now.getTime(), expiresAt: now.getTime() + ttlMs };
  const nonce = randomBytes(16).toString('base64url');
  const payload = Buffer.from([VERSION, interviewId, claims.issuedAt, claims.expiresAt, nonce].join('.')).toString(
    'base64url',
  );
  return { token: `${payload}.${sign(secret, payload)}`, claims };
}

/** Checks the signature first, so nothing an attacker made up reaches the database. */
export function checkLink(secret: Buffer, token: string, now: Date): LinkCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 400) return { ok: false, reason: 'unknown' };
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'unknown' };
  const [version, interviewId, issued, expires] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  const claims = { interviewId: interviewId ?? '', issuedAt: Number(issued), expiresAt: Number(expires) };
  if (
    version !== VERSION ||
    !UUID.test(claims.interviewId) ||
    !Number.isFinite(claims.issuedAt) ||
    !Number.isFinite(claims.expiresAt)
  ) {
    return { ok: false, reason: 'unknown' };
  }
  return claims.expiresAt <= now.getTime() ? { ok: false, reason: 'expired' } : { ok: true, claims };
}

/** The `CandidateLink` key: the full sha256, so rows can be found by token while holding nothing that opens a link. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** For rate-limit keys: identifies a link in Redis without storing anything that would open it. */
export function linkFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 22);
}
