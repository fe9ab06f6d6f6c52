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
const PROMPT =
  /(Introduction|Question \d+ \((?:(?:technical|behavioral), \d+ of \d+ planned|follow-up to question \d+)\)): /;

if (!chromiumPresent)
  console.warn('SKIPPED web browser tests: /usr/bin/chromium is not installed (apt-get install chromium)');

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

  /** Sideways scrolling of the whole page: none at any width we test. */
  function overflowX(page: Page): Promise<number> {
    // A string, evaluated in the page: these tests are compiled without the DOM's types.
    return page.evaluate<number>(
      '(() => { const root = document.scrollingElement; return root.scrollWidth - root.clientWidth; })()',
    );
  }

  /** Each bubble as rendered: "Screener" or "You", a line break, the text; no leading blank line or space. */
  function bubbles(page: Page): Promise<string[]> {
    return page
      .locator('#conversation li')
      .evaluateAll((items) => items.map((li) => (li as unknown as { innerText: string }).innerText));
  }

  async function lastScreenerMessage(page: Page): Promise<string> {
    return (await page.locator('#conversation li.screener .text').last().textContent()) ?? '';
  }

  async function send(page: Page, text: string): Promise<void> {
    const before = await page.locator('#conversation li').count();
    await page.getByLabel('Your message').fill(text);
    await page.getByRole('button', { name: 'Send' }).press('Enter');
    // Our own message, then at least one reply from Screener.
    await page
      .locator('#conversation li')
      .nth(before + 1)
      .waitFor({ timeout: 20_000 });
  }

  async function waitForPrompt(page: Page): Promise<string> {
    await expect
      .poll(
        async () => {
          const last = await lastScreenerMessage(page);
          return PROMPT.test(last) || CLOSING.test(last);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
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
    // Over without a reload: the message box and the commands go, erasing stays.
    await expect.poll(() => chat.locator('#send').isHidden()).toBe(true);
    expect(await chat.locator('#commands').isHidden()).toBe(true);
    expect(await chat.getByRole('link', { name: 'Erase my data' }).isVisible()).toBe(true);
    const live = await bubbles(chat);
    expect(live.filter((b) => !/^(Screener|You)\n\S/.test(b))).toEqual([]);
    const labels = (await chat.locator('#conversation li.screener .text').allTextContents()).flatMap(
      (t) => /^(Question \d+ \([^)]*\)):/.exec(t)?.[1] ?? [],
    );
    // The answer is on the page as the characters typed; no element was made of it and no script ran.
    await chat.reload();
    expect(await bubbles(chat)).toEqual(live);
    expect(await chat.locator('#message').count()).toBe(0);
    await expect.poll(() => chat.locator('#conversation li.candidate .text', { hasText: XSS }).count()).toBe(1);
    expect(await chat.locator('#conversation img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshot(chat, 'candidate-chat');

    const hiring = await newPage();
    await expect
      .poll(
        async () => {
          await hiring.goto(harness.url + '/hiring');
          return hiring.getByRole('heading', { name: /Ada Lovelace/ }).count();
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(1);
    await expect.poll(() => hiring.getByText(/Recommendation:/).count()).toBe(1);
    expect(await seriousViolations(hiring)).toEqual([]);
    await screenshot(hiring, 'hiring-channel');
    await hiring.getByRole('button', { name: 'Advance' }).click();
    await expect.poll(() => hiring.locator('.decided').textContent()).toMatch(/Decision: Advance/);
    expect(await harness.db.decision.count()).toBe(1);
    await hiring.getByRole('link', { name: /Full report/ }).click();
    await expect.poll(() => hiring.locator('pre.report').textContent()).toContain('Ada Lovelace');

    // The chat's question numbers are the report's, follow-ups included.
    const headings = ((await hiring.locator('pre.report').textContent()) ?? '').split('\n').flatMap((line) => {
      const m = /^QUESTION (\d+) \((TECHNICAL|BEHAVIORAL|FOLLOW-UP)(?: TO (\d+))?\)$/.exec(line);
      return m ? [m[2] === 'FOLLOW-UP' ? `${m[1]} follow-up to ${m[3]}` : `${m[1]} ${m[2]!.toLowerCase()}`] : [];
    });
    const asked = labels.map((label) => {
      const m = /^Question (\d+) \((?:(technical|behavioral), \d+ of \d+ planned|follow-up to question (\d+))\)$/.exec(
        label,
      );
      return m ? (m[2] ? `${m[1]} ${m[2]}` : `${m[1]} follow-up to ${m[3]}`) : `unreadable: ${label}`;
    });
    expect(headings.length).toBeGreaterThan(7);
    expect(asked).toEqual(headings);

    // The console links the finished screen's report.
    await recruiter.goto(harness.url + '/');
    await recruiter.getByRole('link', { name: 'Report for Ada Lovelace' }).click();
    await expect
      .poll(() => recruiter.getByRole('heading', { level: 1 }).textContent())
      .toBe('Full report: Ada Lovelace');

    // On a phone the report's rules are borders, not lines of "=" wider than the screen.
    const phone = await newPage(375);
    await phone.goto(recruiter.url());
    expect(await phone.locator('pre.report .rule').count()).toBeGreaterThan(2);
    expect(await phone.locator('pre.report').textContent()).not.toMatch(/={10}|-{10}/);
    expect(await overflowX(phone)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'full-report-375px');
    await phone.goto(harness.url + '/hiring');
    expect(await overflowX(phone)).toBeLessThanOrEqual(0);
    await phone.goto(harness.url + '/');
    expect(await overflowX(phone)).toBeLessThanOrEqual(0);
  }, 240_000);

  it('fits a 375 px wide phone screen, console included, which keeps the chosen role and copies the link', async () => {
    const recruiter = await browser.newPage({
      viewport: { width: 375, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await recruiter.goto(harness.url + '/');
    await recruiter.getByLabel('Candidate name').fill('Grace Hopper');
    await recruiter.getByLabel('Role').selectOption('data');
    await recruiter.getByLabel('Level').selectOption('senior');
    await recruiter.getByRole('button', { name: 'Start screen' }).click();
    const link = (await recruiter.locator('#candidate-link').getAttribute('href')) ?? '';
    expect(await recruiter.getByLabel('Role').inputValue()).toBe('data');
    expect(await recruiter.getByLabel('Level').inputValue()).toBe('senior');
    expect(await overflowX(recruiter)).toBeLessThanOrEqual(0);
    await recruiter.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => recruiter.locator('#copy-status').textContent()).toBe('Copied.');
    expect(await recruiter.evaluate<string>('navigator.clipboard.readText()')).toBe(link);
    await screenshot(recruiter, 'console-375px');
    const phone = await newPage(375);
    await phone.goto(link);
    await expect.poll(() => lastScreenerMessage(phone), { timeout: 20_000 }).toMatch(/reply "yes" or "no"/);
    expect(await overflowX(phone)).toBeLessThanOrEqual(0);
    const box = await phone.getByRole('button', { name: 'Send' }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    expect(box && box.height >= 44).toBe(true);
    await screenshot(phone, 'candidate-375px');

    // Erasing asks first, on a page of its own, and then says what happened.
    await phone.getByRole('link', { name: 'Stop and erase my data' }).click();
    await expect
      .poll(() => phone.getByRole('heading', { level: 1 }).textContent())
      .toBe('Erase everything? This cannot be undone.');
    expect(await overflowX(phone)).toBeLessThanOrEqual(0);
    await phone.getByRole('button', { name: 'Erase everything' }).click();
    await expect
      .poll(() => phone.getByRole('heading', { level: 1 }).textContent())
      .toBe('Your answers and personal data were erased');
    expect(await phone.getByText('The recruiter withdrew this link').count()).toBe(0);
  }, 60_000);

  it('shows the expiry page for an expired link and the unknown-link page for a made-up one, with no conversation', async () => {
    const interview = await harness.db.interview.findFirstOrThrow({ where: { platform: 'web' } });
    const { token } = issueLink(
      TEST_LINK_SECRET,
      interview.id,
      new Date(Date.now() - 8 * 24 * 3600_000),
      7 * 24 * 3600_000,
    );
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
