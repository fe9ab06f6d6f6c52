/** Candidate links against the real test database: the CandidateLink row, not the signature alone, opens a page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLink, linkTokenHash } from '../../../src/platforms/web/links.js';
import { startWebApp, WEB_APP_LINK_SECRET, type WebApp } from '../../support/web-app.js';
import { createWebInterview } from '../../support/web-rows.js';

describe('candidate links', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp('weblinks');
  });
  afterAll(async () => {
    await app?.close();
  });

  async function open(token: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${app.url}/c/${token}`);
    return { status: res.status, body: await res.text() };
  }

  it('opens the chat for an issued link', async () => {
    const { interviewId } = await createWebInterview(app.db);
    const { token } = await app.links.issue(interviewId, 'recruiter');
    const page = await open(token);
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="conversation"');
  });

  it('shows the revoked page for a revoked link, while a link issued afterwards works', async () => {
    const { interviewId } = await createWebInterview(app.db);
    const { token: old } = await app.links.issue(interviewId, 'recruiter');
    await app.links.revokeAll(interviewId, 'recruiter');
    const { token: fresh } = await app.links.issue(interviewId, 'recruiter');

    const revoked = await open(old);
    expect(revoked.status).toBe(410);
    expect(revoked.body).toContain('This link no longer works');
    expect(revoked.body).not.toContain('id="conversation"');
    expect((await open(fresh)).status).toBe(200);
    expect(await app.db.candidateLink.count({ where: { interviewId, revokedAt: { not: null } } })).toBe(1);
  });

  it('refuses a well-signed token that has no row', async () => {
    const { interviewId } = await createWebInterview(app.db);
    const { token } = issueLink(WEB_APP_LINK_SECRET, interviewId, app.clock.now(), 3_600_000);
    const page = await open(token);
    expect(page.status).toBe(404);
    expect(page.body).toContain('We do not know this link');
  });

  it('goes by the row for expiry', async () => {
    const { interviewId } = await createWebInterview(app.db);
    const { token } = await app.links.issue(interviewId, 'recruiter');
    await app.db.candidateLink.update({
      where: { tokenHash: linkTokenHash(token) },
      data: { expiresAt: new Date(app.clock.now().getTime() - 1) },
    });
    const page = await open(token);
    expect(page.status).toBe(410);
    expect(page.body).toContain('This link has expired');
  });

  it('stores the hash of the token, never the token, in the database or Redis', async () => {
    const { interviewId } = await createWebInterview(app.db);
    const { token } = await app.links.issue(interviewId, 'recruiter');
    expect((await open(token)).status).toBe(200);
    await app.links.revokeAll(interviewId, 'recruiter');
    const signature = token.split('.')[1] ?? '';
    expect(signature).toHaveLength(43);

    const link = await app.db.candidateLink.findFirstOrThrow({ where: { interviewId } });
    expect(link.tokenHash).toBe(linkTokenHash(token));
    const audit = await app.db.auditEvent.findMany({ where: { subject: `interview:${interviewId}` } });
    expect(audit.map((a) => a.action).sort()).toEqual(['web.link_issued', 'web.links_revoked']);
    const stored = JSON.stringify({
      link,
      audit,
      messages: await app.db.webMessage.findMany({ where: { interviewId } }),
    });
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(signature);

    const keys = await app.redis.keys('*');
    const values = await Promise.all(
      keys.map(async (k) => ((await app.redis.type(k)) === 'string' ? await app.redis.get(k) : '')),
    );
    expect(JSON.stringify({ keys, values })).not.toContain(signature);
  });
});
