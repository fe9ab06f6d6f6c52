/**
 * The one-time candidate link, carried across the console's POST → 303 → GET. The console stores no link, so the
 * token rides in a short-lived cookie of the recruiter's own browser (HttpOnly, SameSite=Strict, this path only),
 * which the next GET of the console reads and clears: the link shows once, and a reload shows the console without
 * it instead of starting another screen.
 */
import type { Request, Response } from 'express';
import { cookieValue } from './transport/security.js';

const ISSUED_COOKIE = 'screener_issued';
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

function cookie(req: Request, value: string, maxAgeSeconds: number): string {
  return `${ISSUED_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`;
}

export function flashIssued(req: Request, res: Response, token: string): void {
  res.append('Set-Cookie', cookie(req, token, 120));
}

/** The token issued by the request before this one, or null; either way the cookie is gone afterwards. */
export function takeIssued(req: Request, res: Response): string | null {
  const token = cookieValue(req, ISSUED_COOKIE);
  if (token === null) return null;
  res.append('Set-Cookie', cookie(req, '', 0));
  return TOKEN.test(token) ? token : null;
}
