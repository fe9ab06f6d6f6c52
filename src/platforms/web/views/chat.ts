/** The candidate's page: the conversation so far, a message box, the commands as buttons, and editing. */
import type { CandidateCommand, InterviewStatus } from '../../../engine/index.js';
import { latestTexts, type NumberedEntry } from '../conversation.js';
import { html, page, type SafeHtml } from '../html.js';
import { isOpen } from '../interview-status.js';

/** Commands that end something for good: they are links to a page that asks first, never one-click buttons. */
export const CONFIRMED_COMMANDS = ['stop', 'erase'] as const satisfies readonly CandidateCommand[];
export type ConfirmedCommand = (typeof CONFIRMED_COMMANDS)[number];

const BUTTONS: ReadonlyArray<[Exclude<CandidateCommand, ConfirmedCommand>, string]> = [
  ['help', 'Help'],
  ['repeat', 'Repeat the question'],
  ['pause', 'Pause'],
  ['resume', 'Resume'],
  ['skip', 'Skip this question'],
];

const ENDED: Partial<Record<InterviewStatus, string>> = {
  withdrawn: 'You stopped this interview: no more questions will be asked, and the recruiter was told.',
  declined: 'You chose not to take this interview, and the recruiter was told.',
  expired: 'This interview expired after a long time without an answer.',
};
const FINISHED = 'This interview is finished. Thank you: the recruiter will contact you.';

export function messageItem(item: NumberedEntry, texts: Map<string, string>): SafeHtml | null {
  const { entry } = item;
  if (entry.kind !== 'said') return null;
  const text = entry.messageId ? (texts.get(entry.messageId) ?? entry.text) : entry.text;
  const who = entry.from === 'candidate' ? 'You' : 'Screener';
  const edited = entry.messageId !== null && text !== entry.text;
  // No whitespace between the tags: the text keeps its own line breaks (pre-wrap), and nothing else may show.
  return html`<li class="msg ${entry.from}" data-seq="${item.seq}" ${entry.messageId ? html`data-message-id="${entry.messageId}"` : ''}><span class="who">${who}</span><span class="text">${text}</span>${edited ? html`<span class="edited">(edited)</span>` : ''}</li>`;
}

export interface ChatPageInput {
  token: string;
  entries: NumberedEntry[];
  csrf: string;
  roleTitle: string;
  status: InterviewStatus;
}

function composer(base: string, csrf: string, texts: Map<string, string>): SafeHtml {
  const buttons = BUTTONS.map(
    ([command, label]) =>
      html`<button type="submit" name="command" value="${command}" class="command">${label}</button>`,
  );
  return html`<form id="send" class="composer" method="post" action="${base}/messages" data-while-open>
  <input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="clientId" value="">
  <label for="message">Your message</label>
  <textarea id="message" name="text" rows="3" maxlength="4000" required></textarea>
  <button type="submit">Send</button>
</form>
<details class="edit" data-while-open><summary>Edit one of your messages</summary>
<form id="edit" method="post" action="${base}/edits">
  <input type="hidden" name="csrf" value="${csrf}">
  <label for="edit-which">Message</label>
  <select id="edit-which" name="messageId">${[...texts.entries()].map(([id, text]) => html`<option value="${id}">${text.slice(0, 60)}</option>`)}</select>
  <label for="edit-text">New text</label>
  <textarea id="edit-text" name="text" rows="3" maxlength="4000" required></textarea>
  <button type="submit">Save the edit</button>
</form></details>
<form id="commands" class="commands" method="post" action="${base}/commands" aria-label="Commands" data-while-open>
  <input type="hidden" name="csrf" value="${csrf}">${buttons}
  <a class="button" href="${base}/confirm/stop">Stop the interview</a>
</form>`;
}

export function chatPage(input: ChatPageInput): string {
  const texts = latestTexts(input.entries);
  const items = input.entries.map((item) => messageItem(item, texts));
  const last = input.entries.at(-1)?.seq ?? 0;
  const base = `/c/${input.token}`;
  const open = isOpen(input.status);
  const ended = open ? null : (ENDED[input.status] ?? FINISHED);
  const body = html`<h1>Screening interview: ${input.roleTitle}</h1>
<p class="lede">An automated first-round interview. A person reads the result and decides.</p>
<div id="conversation" role="log" aria-live="polite" aria-label="Conversation" data-after="${last}" data-events="${base}/events"><ol class="conversation">${items}</ol></div>
${ended ? html`<p class="notice" id="ended">${ended}</p>` : ''}
${open ? composer(base, input.csrf, texts) : ''}
<p class="erase"><a class="button" href="${base}/confirm/erase">${open ? 'Stop and erase my data' : 'Erase my data'}</a></p>
<p id="status" class="status" role="status"></p>`;
  return page({ title: 'Your screening interview', body, scripts: ['chat.js'] });
}

const CONFIRM: Record<ConfirmedCommand, { title: string; text: string; button: string; back: string }> = {
  stop: {
    title: 'Stop the interview? This cannot be undone.',
    text: 'No more questions will be asked and the recruiter is told that you withdrew. Your answers so far are kept unless you also erase them.',
    button: 'Stop the interview',
    back: 'Go back to the interview',
  },
  erase: {
    title: 'Erase everything? This cannot be undone.',
    text: 'The interview ends, and your answers, this conversation and your name are deleted. Only a record that an erasure took place is kept, and the recruiter is told.',
    button: 'Erase everything',
    back: 'Keep my answers and go back',
  },
};

/** The step before a command that cannot be undone; it works without script (a plain form and a link back). */
export function confirmPage(input: { token: string; csrf: string; command: ConfirmedCommand }): string {
  const { title, text, button, back } = CONFIRM[input.command];
  const base = `/c/${input.token}`;
  const body = html`<h1>${title}</h1><p>${text}</p>
<form method="post" action="${base}/commands"><input type="hidden" name="csrf" value="${input.csrf}">
<input type="hidden" name="command" value="${input.command}"><input type="hidden" name="confirmed" value="yes">
<button type="submit" class="danger">${button}</button></form>
<p><a href="${base}">${back}</a></p>`;
  return page({ title, body });
}

const PROBLEMS = {
  expired: {
    title: 'This link has expired',
    text: 'Links to an interview work for a limited time. Ask the recruiter who sent it for a new one.',
  },
  revoked: {
    title: 'This link no longer works',
    text: 'The recruiter withdrew this link. If you think that is a mistake, ask them for a new one.',
  },
  erased: {
    title: 'Your answers and personal data were erased',
    text: 'Your answers, the conversation and your name were deleted, as you asked, and the recruiter was told. This link opens nothing any more.',
  },
  unknown: {
    title: 'We do not know this link',
    text: 'Check that you copied the whole link from the message you received, or ask the recruiter for a new one.',
  },
  limited: { title: 'Too many requests', text: 'Please wait a minute and then reload this page.' },
} as const;

export type LinkProblem = keyof typeof PROBLEMS;

export function problemPage(problem: LinkProblem): string {
  const { title, text } = PROBLEMS[problem];
  return page({ title, body: html`<h1>${title}</h1><p>${text}</p>` });
}
