/**
 * Headers and checks every web page and form goes through: a strict CSP (no inline script or style), no referrer
 * to other sites (candidate links carry their token in the path), cross-site request refusal (same origin plus a CSRF token
 * bound to a SameSite=Strict cookie), and the sandbox's loopback-only rule.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const CSRF_COOKIE = 'screener_csrf';

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, defeating the origin check.
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
}

export function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** The token a page's forms carry; set as a cookie the first time (SameSite=Strict: never sent cross-site). */
export function csrfToken(req: Request, res: Response): string {
  const existing = cookieValue(req, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  const secure = req.secure ? '; Secure' : '';
  res.append('Set-Cookie', `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure}`);
  return token;
}

function sameOrigin(req: Request, publicUrl: string | null): boolean {
  const site = req.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.get('origin');
  if (!origin) return true;
  const own = [`${req.protocol}://${req.get('host') ?? ''}`, publicUrl ? new URL(publicUrl).origin : null];
  return own.includes(origin);
}

function tokenMatches(req: Request): boolean {
  const cookie = cookieValue(req, CSRF_COOKIE);
  const body: unknown = req.body;
  const field = typeof body === 'object' && body !== null && 'csrf' in body ? String(body.csrf) : '';
  if (!cookie || cookie.length !== field.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(field));
}

/** For POST routes, after the form body parser. */
export function refuseCrossSite(publicUrl: string | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (sameOrigin(req, publicUrl) && tokenMatches(req)) return next();
    res
      .status(403)
      .type('text/plain')
      .send('This form came from another site or has expired. Reload the page and try again.');
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The sandbox has no sign-in: it answers this machine only, whatever HOST the server listens on. */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
  res.status(403).type('text/plain').send('The Screener sandbox only answers requests from this machine.');
}

export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
