/**
 * A whole screen in a real browser across the sandbox's three views: the recruiter starts it, the candidate
 * consents and answers on a phone-sized page, the hiring manager sees the card and decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { issueLink } from '../../../src/platforms/web/links.js';
import { goodAnswerFor, INTRODUCTION } from '../../engine/support/answers.js';
import { chromiumPresent, launchChromium, screenshot, seriousViolations } from '../../support/web-browser.js';
import { startWebHarness, TEST_LINK_SECRET, type WebHarness } from '../../support/web-harness.js';

const XSS = '<img src=x onerror=alert(1)>';
const CLOSING = /That was the last question/;
const PROMPT = /(Introduction|Question \d+ \((technical|behavioral), \d+ of \d+ planned|follow-up to question \d+\)): /;

if (!chromiumPresent) console.warn('SKIPPED web browser tests: /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!chromiumPresent)('the web sandbox in Chromium', () => {
  let harness: WebHarness;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    harness = await startWebHarness('webui');
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function newPage(width = 1024): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  }

  async function lastScreenerMessage(page: Page): Promise<string> {
    return (await page.locator('#conversation li.screener .text').last().textContent()) ?? '';
  }

  async function send(page: Page, text: string): Promise<void> {
    const before = await page.locator('#conversation li').count();
    await page.getByLabel('Your message').fill(text);
    await page.getByRole('button', { name: 'Send' }).press('Enter');
    // Our own message, then at least one reply from Screener.
    await page.locator('#conversation li').nth(before + 1).waitFor({ timeout: 20_000 });
  }

  async function waitForPrompt(page: Page): Promise<string> {
    await expect.poll(async () => {
      const last = await lastScreenerMessage(page);
      return PROMPT.test(last) || CLOSING.test(last);
    }, { timeout: 20_000 }).toBe(true);
    return lastScreenerMessage(page);
  }

  it('runs a screen from the console to a decision, keeping markup in answers as text', async () => {
    const recruiter = await newPage();
    await recruiter.goto(harness.url + '/');
    expect(await seriousViolations(recruiter)).toEqual([]);
    await recruiter.getByLabel('Candidate name').fill('Ada Lovelace');
    await recruiter.getByLabel('Role').selectOption('backend');
    await recruiter.getByRole('button', { name: 'Start screen' }).click();
    const link = (await recruiter.locator('#candidate-link').getAttribute('href')) ?? '';
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/c\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(link).not.toContain('Ada');
    await expect.poll(() => recruiter.locator(':focus').getAttribute('id')).toBe('issued');
    await screenshot(recruiter, 'console');

    const chat = await newPage(375);
    await chat.goto(link);
    await expect.poll(() => lastScreenerMessage(chat), { timeout: 20_000 }).toMatch(/reply "yes" or "no"/);
    expect(await seriousViolations(chat)).toEqual([]);
    await send(chat, 'yes');
    expect(await waitForPrompt(chat)).toMatch(/^Introduction: /);
    await send(chat, INTRODUCTION);
    let first = true;
    for (let guard = 0; guard < 30; guard += 1) {
      const prompt = await waitForPrompt(chat);
      if (CLOSING.test(prompt)) break;
      await send(chat, first ? XSS : goodAnswerFor(prompt.replace(/^.*?: /, '')));
      first = false;
      await chat.waitForTimeout(400);
    }
    expect(await lastScreenerMessage(chat)).toMatch(CLOSING);
    // The answer is on the page as the characters typed; no element was made of it and no script ran.
    await chat.reload();
    await expect.poll(() => chat.locator('#conversation li.candidate .text', { hasText: XSS }).count()).toBe(1);
    expect(await chat.locator('#conversation img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshot(chat, 'candidate-chat');

    const hiring = await newPage();
    await expect.poll(async () => {
      await hiring.goto(harness.url + '/hiring');
      return hiring.getByRole('heading', { name: /Ada Lovelace/ }).count();
    }, { timeout: 60_000, interval: 500 }).toBe(1);
    await expect.poll(() => hiring.getByText(/Recommendation:/).count()).toBe(1);
    expect(await seriousViolations(hiring)).toEqual([]);
    await screenshot(hiring, 'hiring-channel');
    await hiring.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => hiring.locator('.decided').textContent()).toMatch(/Decision: Advance/);
    expect(await harness.db.decision.count()).toBe(1);
    await hiring.getByRole('link', { name: /Full report/ }).click();
    await expect.poll(() => hiring.locator('pre.report').textContent()).toContain('Ada Lovelace');
  }, 240_000);

  it('fits a 375 px wide phone screen', async () => {
    const recruiter = await newPage();
    await recruiter.goto(harness.url + '/');
    await recruiter.getByLabel('Candidate name').fill('Grace Hopper');
    await recruiter.getByRole('button', { name: 'Start screen' }).click();
    const link = (await recruiter.locator('#candidate-link').getAttribute('href')) ?? '';
    const phone = await newPage(375);
    await phone.goto(link);
    await expect.poll(() => lastScreenerMessage(phone), { timeout: 20_000 }).toMatch(/reply "yes" or "no"/);
    expect(Number(await phone.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    const box = await phone.getByRole('button', { name: 'Send' }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    expect(box && box.height >= 44).toBe(true);
    await screenshot(phone, 'candidate-375px');
  }, 60_000);

  it('shows the expiry page for an expired link and the unknown-link page for a made-up one, with no conversation', async () => {
    const interview = await harness.db.interview.findFirstOrThrow({ where: { platform: 'web' } });
    const { token } = issueLink(TEST_LINK_SECRET, interview.id, new Date(Date.now() - 8 * 24 * 3600_000), 7 * 24 * 3600_000);
    const page = await newPage(375);
    const response = await page.goto(`${harness.url}/c/${token}`);
    expect(response?.status()).toBe(410);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This link has expired');
    expect(await page.locator('#conversation').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'expired-link');
    const unknown = await page.goto(`${harness.url}/c/not-a-real-link`);
    expect(unknown?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('We do not know this link');
  }, 60_000);
});
