/**
 * The sandbox's forms as a browser without script posts them: POST, 303 See Other, GET, so a reload repeats a read;
 * and the actions that cannot be undone (erasing, stopping, revoking links) ask on a page of their own first and
 * say afterwards what they did.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTokenHash } from '../../../src/platforms/web/links.js';
import { startWebApp, type WebApp } from '../../support/web-app.js';
import { formBrowser, type FormBrowser } from '../../support/web-forms.js';

const LINK = /href="(http:\/\/127\.0\.0\.1:\d+\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}))"/;

describe('sandbox forms', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp('webforms');
  });
  afterAll(async () => {
    await app?.close();
  });

  const interviewsOf = (name: string) => app.db.interview.count({ where: { candidate: { displayName: name } } });

  /** Starts a screen from the console and returns the link token the redirected page shows. */
  async function startScreen(browser: FormBrowser, name: string): Promise<{ token: string; interviewId: string }> {
    await browser.open('/');
    const posted = await browser.post('/screens', {
      candidateName: name,
      skillArea: 'frontend',
      level: 'senior',
      questions: '',
    });
    const page = await (await browser.follow(posted)).text();
    const token = LINK.exec(page)?.[2] ?? '';
    const { interviewId } = await app.db.candidateLink.findUniqueOrThrow({
      where: { tokenHash: linkTokenHash(token) },
    });
    return { token, interviewId };
  }

  it('answers "Start screen" with 303 to the console, which shows the link once and keeps the role; a reload starts nothing', async () => {
    const browser = formBrowser(app.url);
    await browser.open('/');
    const name = `Reload ${randomUUID()}`;
    const posted = await browser.post('/screens', {
      candidateName: name,
      skillArea: 'frontend',
      level: 'senior',
      questions: '',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/?skillArea=frontend&level=senior');
    const shown = await browser.follow(posted);
    expect(shown.status).toBe(200);
    const page = await shown.text();
    expect(page).toMatch(LINK);
    expect(page).toContain('<option value="frontend" selected>');
    expect(page).toContain('<option value="senior" selected>');
    // The reload: the same GET again.
    const again = await (await browser.follow(posted)).text();
    expect(again).not.toMatch(LINK);
    expect(again).toContain('<option value="frontend" selected>');
    expect(await interviewsOf(name)).toBe(1);
  });

  it('keeps what was typed when the form is refused', async () => {
    const browser = formBrowser(app.url);
    await browser.open('/');
    const refused = await browser.post('/screens', {
      candidateName: 'Typed Name',
      skillArea: 'data',
      level: 'junior',
      questions: '999',
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('value="Typed Name"');
    expect(page).toContain('<option value="data" selected>');
    expect(await interviewsOf('Typed Name')).toBe(0);
  });

  it('answers "New link" with 303, and the console shows the new link once', async () => {
    const browser = formBrowser(app.url);
    const { token, interviewId } = await startScreen(browser, `New link ${randomUUID()}`);
    const posted = await browser.post(`/screens/${interviewId}/links`, {});
    expect(posted.status).toBe(303);
    const fresh = LINK.exec(await (await browser.follow(posted)).text())?.[2];
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(token);
    expect(await app.db.candidateLink.count({ where: { interviewId } })).toBe(2);
  });

  it('asks before revoking links, then says they were revoked; the candidate is told the recruiter withdrew the link', async () => {
    const browser = formBrowser(app.url);
    const name = `Revoke ${randomUUID()}`;
    const { token, interviewId } = await startScreen(browser, name);
    const consolePage = await (await browser.get('/')).text();
    expect(consolePage).toContain(`href="/screens/${interviewId}/revoke"`);
    expect(consolePage).not.toContain(`action="/screens/${interviewId}/revoke"`);
    const confirm = await (await browser.get(`/screens/${interviewId}/revoke`)).text();
    expect(confirm).toContain(`Revoke the links of ${name}’s screen?`);
    expect(confirm).toContain(`action="/screens/${interviewId}/revoke"`);
    expect((await app.links.lookup(token)).ok).toBe(true);
    const posted = await browser.post(`/screens/${interviewId}/revoke`, {});
    expect(posted.status).toBe(303);
    expect(await (await browser.follow(posted)).text()).toContain(`Every link of ${name}’s screen was revoked`);
    const candidate = await fetch(`${app.url}/c/${token}`);
    expect(candidate.status).toBe(410);
    expect(await candidate.text()).toContain('The recruiter withdrew this link');
  });

  it('asks before erasing, erases on the confirmation, and then says the data was erased, not that the link was withdrawn', async () => {
    const browser = formBrowser(app.url);
    const { token, interviewId } = await startScreen(browser, `Erase ${randomUUID()}`);
    const chat = await (await browser.get(`/c/${token}`)).text();
    expect(chat).toContain(`href="/c/${token}/confirm/erase"`);
    expect(chat).not.toContain('value="erase"');
    // A one-click post of the command (an old page, a crafted form) only leads to the question.
    await browser.open(`/c/${token}`);
    const unconfirmed = await browser.post(`/c/${token}/commands`, { command: 'erase' });
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get('location')).toBe(`/c/${token}/confirm/erase`);
    expect((await app.db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).not.toBe('erased');

    const confirm = await (await browser.follow(unconfirmed)).text();
    expect(confirm).toContain('Erase everything? This cannot be undone.');
    const erased = await browser.post(`/c/${token}/commands`, { command: 'erase', confirmed: 'yes' });
    expect(erased.status).toBe(303);
    expect(erased.headers.get('location')).toBe(`/c/${token}`);
    expect((await app.db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe('erased');
    const after = await browser.follow(erased);
    expect(after.status).toBe(410);
    const text = await after.text();
    expect(text).toContain('Your answers and personal data were erased');
    expect(text).not.toContain('The recruiter withdrew this link');
  });

  it('asks before stopping, and the page then says the interview was stopped and takes no more answers', async () => {
    const browser = formBrowser(app.url);
    const { token, interviewId } = await startScreen(browser, `Stop ${randomUUID()}`);
    await browser.open(`/c/${token}`);
    // After consent, stopping is a withdrawal (before it, a decline).
    expect((await browser.post(`/c/${token}/messages`, { text: 'yes', clientId: randomUUID() })).status).toBe(303);
    await browser.open(`/c/${token}/confirm/stop`);
    const stopped = await browser.post(`/c/${token}/commands`, { command: 'stop', confirmed: 'yes' });
    expect(stopped.status).toBe(303);
    expect((await app.db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe('withdrawn');
    const page = await (await browser.follow(stopped)).text();
    expect(page).toContain('You stopped this interview');
    expect(page).not.toContain('id="message"');
    expect(page).toContain(`href="/c/${token}/confirm/erase"`);
  });

  it('answers the candidate’s forms with 303 to the chat page', async () => {
    const browser = formBrowser(app.url);
    const { token } = await startScreen(browser, `Chat ${randomUUID()}`);
    await browser.open(`/c/${token}`);
    for (const [path, fields] of [
      [`/c/${token}/messages`, { text: 'yes', clientId: randomUUID() }],
      [`/c/${token}/commands`, { command: 'help' }],
    ] as const) {
      const res = await browser.post(path, fields);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/c/${token}`);
    }
    // Without the page's CSRF field the post is refused, redirect or not.
    expect((await formBrowser(app.url).post(`/c/${token}/messages`, { text: 'hi' })).status).toBe(403);
  });
});
