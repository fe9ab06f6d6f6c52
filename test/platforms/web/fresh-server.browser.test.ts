/**
 * The first thing a new user does: `npm start` on a fresh clone, a screen from the console, "yes" in the candidate's
 * chat. The server is a fresh child process (its live-update subscriber has never connected), and the page is
 * never reloaded: the candidate's own message and the next question must arrive over the live stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPresent, launchChromium, screenshot } from '../../support/web-browser.js';
import { startSandboxServer, type SandboxServer } from '../../support/web-server-process.js';

describe.skipIf(!chromiumPresent)('a freshly started sandbox server in Chromium', () => {
  let server: SandboxServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startSandboxServer('fresh'), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    const exit = await server?.stop();
    expect(exit).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('shows the candidate their own "yes" and the next question without a reload', async () => {
    const recruiter = await browser.newPage();
    await recruiter.goto(server.url + '/');
    await recruiter.getByLabel('Candidate name').fill('Fresh Start');
    await recruiter.getByRole('button', { name: 'Start screen' }).click();
    const link = (await recruiter.locator('#candidate-link').getAttribute('href')) ?? '';
    expect(link).toContain('/c/');

    const chat = await browser.newPage({ viewport: { width: 375, height: 800 } });
    let loads = 0;
    chat.on('load', () => (loads += 1));
    await chat.goto(link);
    const screener = chat.locator('#conversation li.screener .text');
    await expect.poll(() => screener.last().textContent(), { timeout: 20_000 }).toMatch(/reply "yes" or "no"/);
    const before = await screener.count();

    await chat.getByLabel('Your message').fill('yes');
    await chat.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => chat.locator('#conversation li.candidate .text').allTextContents(), { timeout: 20_000 })
      .toEqual(['yes']);
    await expect
      .poll(
        async () =>
          (await screener.count()) > before && /^Introduction: /.test((await screener.last().textContent()) ?? ''),
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(loads).toBe(1);
    await screenshot(chat, 'fresh-server-chat');
  }, 90_000);
});
