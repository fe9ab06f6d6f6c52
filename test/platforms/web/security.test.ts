/** Cross-site form posts and floods on one link, against the real routes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/platforms/web/transport/rate-limit.js';
import { startWebApp, type WebApp } from '../../support/web-app.js';
import { createWebInterview } from '../../support/web-rows.js';

describe('web candidate routes', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp('websec');
  });
  afterAll(async () => {
    await app?.close();
  });

  async function newLink(): Promise<{ token: string; interviewId: string }> {
    const { interviewId } = await createWebInterview(app.db);
    return { token: (await app.links.issue(interviewId, 'recruiter')).token, interviewId };
  }

  /** The page's CSRF cookie and form field, as a browser would have them. */
  async function session(token: string): Promise<{ cookie: string; csrf: string }> {
    const res = await fetch(`${app.url}/c/${token}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = /name="csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    expect(csrf).toHaveLength(43);
    return { cookie, csrf };
  }

  function post(
    token: string,
    cookie: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(`${app.url}/c/${token}/messages`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  it('answers 403 to a form posted from another site, even with a valid CSRF pair', async () => {
    const { token, interviewId } = await newLink();
    const { cookie, csrf } = await session(token);
    // Same origin and the right token get past the check (to the empty-message answer).
    expect((await post(token, cookie, { csrf, text: '' }, { origin: app.url })).status).toBe(400);
    expect((await post(token, cookie, { csrf, text: 'hi' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(token, cookie, { csrf, text: 'hi' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // A cross-site post carries no SameSite=Strict cookie.
    expect((await post(token, '', { csrf, text: 'hi' }, { origin: app.url })).status).toBe(403);
    expect(await app.db.webMessage.count({ where: { interviewId } })).toBe(0);
  });

  it('answers 429 with Retry-After once one link has been looked up too often, and not for other links', async () => {
    const [{ token: flooded }, { token: other }] = [await newLink(), await newLink()];
    for (let i = 0; i < LIMITS.lookupPerLink.max; i++)
      expect((await fetch(`${app.url}/c/${flooded}`)).status).toBe(200);
    const limited = await fetch(`${app.url}/c/${flooded}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many requests');
    expect((await fetch(`${app.url}/c/${other}`)).status).toBe(200);
  });
});
