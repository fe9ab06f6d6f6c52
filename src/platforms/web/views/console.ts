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
}

export interface ConsolePageInput {
  csrf: string;
  screens: ScreenRow[];
  /** Shown once, right after a link is issued: the console never stores a link. */
  issued?: { url: string; expiresAt: Date; candidateName: string } | undefined;
  problem?: string | undefined;
}

function issuedPanel(issued: NonNullable<ConsolePageInput['issued']>): SafeHtml {
  return html`<section class="notice" aria-labelledby="issued-title" id="issued" tabindex="-1"><h2 id="issued-title">Candidate link for ${issued.candidateName}</h2>
<p>Send this link to the candidate. It works until ${issued.expiresAt.toUTCString()} and is shown only now.</p>
<p><a id="candidate-link" href="${issued.url}">${issued.url}</a></p></section>`;
}

function screenRow(row: ScreenRow, csrf: string): SafeHtml {
  const hidden = html`<input type="hidden" name="csrf" value="${csrf}">`;
  return html`<tr><td>${row.candidateName}</td><td>${row.roleTitle}</td><td class="status-${row.status}">${row.status.replace('_', ' ')}</td>
<td>${row.notes.length ? html`<ul class="notes">${row.notes.map((n) => html`<li>${n}</li>`)}</ul>` : '—'}</td>
<td class="actions"><form method="post" action="/screens/${row.id}/links">${hidden}<button type="submit">New link<span class="sr"> for ${row.candidateName}</span></button></form>
<form method="post" action="/screens/${row.id}/revoke">${hidden}<button type="submit">Revoke links<span class="sr"> of ${row.candidateName}</span></button></form></td></tr>`;
}

export function consolePage(input: ConsolePageInput): string {
  const skillOptions = SKILL_AREAS.map((s) => html`<option value="${s}">${capitalize(SKILL_AREA_LABELS[s])}</option>`);
  const levelOptions = LEVELS.map((l) => html`<option value="${l}" ${l === 'mid' ? html`selected` : ''}>${capitalize(LEVEL_LABELS[l])}</option>`);
  const rows = input.screens.map((row) => screenRow(row, input.csrf));
  const body = html`<h1>Recruiter console</h1>
${input.problem ? html`<p class="error" role="alert">${input.problem}</p>` : ''}
${input.issued ? issuedPanel(input.issued) : ''}
<section aria-labelledby="start-title"><h2 id="start-title">Start a screen</h2>
<form method="post" action="/screens" class="stack"><input type="hidden" name="csrf" value="${input.csrf}">
<label for="candidateName">Candidate name</label><input id="candidateName" name="candidateName" required maxlength="120" autocomplete="off">
<label for="skillArea">Role</label><select id="skillArea" name="skillArea">${skillOptions}</select>
<label for="level">Level</label><select id="level" name="level">${levelOptions}</select>
<label for="questions">Number of questions (optional)</label><input id="questions" name="questions" type="number" min="1" max="${MAX_QUESTIONS}" inputmode="numeric">
<button type="submit">Start screen</button></form></section>
<section aria-labelledby="screens-title"><h2 id="screens-title">Screens</h2>
${rows.length ? html`<table><caption class="sr">Screens, newest first</caption><thead><tr><th scope="col">Candidate</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Messages for you</th><th scope="col">Link</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>No screens yet.</p>`}
</section>`;
  return page({ title: 'Recruiter console', body, nav: true, scripts: ['console.js'] });
}
