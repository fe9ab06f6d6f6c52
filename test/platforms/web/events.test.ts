/** The candidate page's SSE stream over the real routes: catching up from PostgreSQL after Last-Event-ID. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from '../../support/web-app.js';
import { createWebInterview } from '../../support/web-rows.js';

describe('the candidate event stream', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp('webevents');
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Rows written straight to PostgreSQL: nothing is published, as when they were appended while Redis was away. */
  async function row(interviewId: string, kind: 'said' | 'note', text: string): Promise<number> {
    const created = await app.db.webMessage.create({
      data: { interviewId, kind, author: 'screener', text },
      select: { seq: true },
    });
    return Number(created.seq);
  }

  /** The stream's text until `done` holds for it (or 5 s pass). */
  async function readStream(
    token: string,
    headers: Record<string, string>,
    done: (text: string) => boolean,
  ): Promise<string> {
    const abort = new AbortController();
    const res = await fetch(`${app.url}/c/${token}/events`, { headers, signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const timer = setTimeout(() => abort.abort(), 5_000);
    try {
      while (!done(text)) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        text += value;
      }
    } catch {
      // aborted: return what came
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
    return text;
  }

  it('replays the rows after Last-Event-ID, and never sends the recruiter’s notes to the candidate', async () => {
    const { interviewId } = await createWebInterview(app.db);
    const { token } = await app.links.issue(interviewId, 'recruiter');
    const seen = await row(interviewId, 'said', 'Question one');
    await row(interviewId, 'note', 'A note for the recruiter');
    const missed = await row(interviewId, 'said', 'Question two');
    const text = await readStream(token, { 'last-event-id': String(seen) }, (t) => t.includes('Question two'));
    expect(text).toContain(`id: ${missed}\n`);
    expect(text).not.toContain('Question one');
    expect(text).not.toContain('A note for the recruiter');
  });

  it('tells the page once the interview has ended', async () => {
    const { interviewId } = await createWebInterview(app.db);
    const { token } = await app.links.issue(interviewId, 'recruiter');
    await app.db.interview.update({ where: { id: interviewId }, data: { status: 'completed' } });
    expect(await readStream(token, {}, (t) => t.includes('event: ended'))).toContain('event: ended\n');
  });
});
