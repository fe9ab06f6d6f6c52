/** The recruiter console: start a screen, see screens and their status, issue or revoke candidate links. */
import { LEVELS, SKILL_AREAS } from '../../../scoring/types.js';
import { capitalize, LEVEL_LABELS, SKILL_AREA_LABELS } from '../../../report/labels.js';
import { MAX_QUESTIONS } from '../../common/question-count.js';
import { html, page, type SafeHtml } from '../html.js';

export interface ScreenRow {
  id: string;
  candidateName: string;
  roleTitle: string;
  status: string;
  createdAt: Date;
  notes: string[];
  /** The full report once it is posted to the hiring channel. */
  reportUrl: string | null;
}

/** What the start form shows: what was typed (after a refusal) or the role and level chosen last. */
export interface FormValues {
  candidateName?: string | undefined;
  skillArea?: string | undefined;
  level?: string | undefined;
  questions?: string | undefined;
}

export interface ConsolePageInput {
  csrf: string;
  screens: ScreenRow[];
  /** Shown once, right after a link is issued: the console never stores a link. */
  issued?: { url: string; expiresAt: Date; candidateName: string } | undefined;
  problem?: string | undefined;
  /** What the last action did. */
  notice?: string | undefined;
  values?: FormValues | undefined;
}

function issuedPanel(issued: NonNullable<ConsolePageInput['issued']>): SafeHtml {
  // The copy button is console.js's: without script the link is plain, selectable text and nothing pretends to copy.
  return html`<section class="notice" aria-labelledby="issued-title" id="issued" tabindex="-1"><h2 id="issued-title">Candidate link for ${issued.candidateName}</h2>
<p>Send this link to the candidate. It works until ${issued.expiresAt.toUTCString()} and is shown only now.</p>
<p><a id="candidate-link" class="link-text" href="${issued.url}">${issued.url}</a></p>
<p><button type="button" id="copy-link" hidden>Copy link</button> <span id="copy-status" role="status"></span></p></section>`;
}

function screenRow(row: ScreenRow, csrf: string): SafeHtml {
  const hidden = html`<input type="hidden" name="csrf" value="${csrf}">`;
  const sr = html`<span class="sr"> for ${row.candidateName}</span>`;
  return html`<li class="screen"><h3>${row.candidateName}</h3>
<p>${row.roleTitle} · <span class="status-${row.status}">${row.status.replace('_', ' ')}</span>${row.reportUrl ? html` · <a href="${row.reportUrl}">Report${sr}</a>` : ''}</p>
${row.notes.length ? html`<ul class="notes" aria-label="Messages for you">${row.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
<div class="actions"><form method="post" action="/screens/${row.id}/links">${hidden}<button type="submit">New link${sr}</button></form>
<a class="button" href="/screens/${row.id}/revoke">Revoke links${html`<span class="sr"> of ${row.candidateName}</span>`}</a></div></li>`;
}

function options<T extends string>(values: readonly T[], label: (v: T) => string, selected: string): SafeHtml[] {
  return values.map((v) => html`<option value="${v}" ${v === selected ? html`selected` : ''}>${label(v)}</option>`);
}

export function consolePage(input: ConsolePageInput): string {
  const values = input.values ?? {};
  const skillOptions = options(SKILL_AREAS, (s) => capitalize(SKILL_AREA_LABELS[s]), values.skillArea ?? '');
  const levelOptions = options(LEVELS, (l) => capitalize(LEVEL_LABELS[l]), values.level ?? 'mid');
  const rows = input.screens.map((row) => screenRow(row, input.csrf));
  const body = html`<h1>Recruiter console</h1>
${input.problem ? html`<p class="error" role="alert">${input.problem}</p>` : ''}
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
${input.issued ? issuedPanel(input.issued) : ''}
<section aria-labelledby="start-title"><h2 id="start-title">Start a screen</h2>
<form method="post" action="/screens" class="stack"><input type="hidden" name="csrf" value="${input.csrf}">
<label for="candidateName">Candidate name</label><input id="candidateName" name="candidateName" required maxlength="120" autocomplete="off" value="${values.candidateName ?? ''}">
<label for="skillArea">Role</label><select id="skillArea" name="skillArea">${skillOptions}</select>
<label for="level">Level</label><select id="level" name="level">${levelOptions}</select>
<label for="questions">Number of questions (optional)</label><input id="questions" name="questions" type="number" min="1" max="${MAX_QUESTIONS}" inputmode="numeric" value="${values.questions ?? ''}">
<button type="submit">Start screen</button></form></section>
<section aria-labelledby="screens-title"><h2 id="screens-title">Screens</h2>
${rows.length ? html`<ol class="screens" aria-label="Screens, newest first">${rows}</ol>` : html`<p>No screens yet.</p>`}
</section>`;
  return page({ title: 'Recruiter console', body, nav: true, scripts: ['console.js'] });
}

/** The step before revoking: what it does, and a way back that does nothing. */
export function revokePage(input: { csrf: string; interviewId: string; candidateName: string }): string {
  const body = html`<h1>Revoke the links of ${input.candidateName}’s screen?</h1>
<p>Every link you have sent for this screen stops working at once: the candidate sees that the link no longer works and cannot answer any more.
This cannot be undone, but you can issue a new link afterwards.</p>
<form method="post" action="/screens/${input.interviewId}/revoke"><input type="hidden" name="csrf" value="${input.csrf}">
<button type="submit" class="danger">Revoke the links</button></form>
<p><a href="/">Keep the links and go back to the console</a></p>`;
  return page({ title: 'Revoke links', body, nav: true });
}
