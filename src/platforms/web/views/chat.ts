/** The candidate's page: the conversation so far, a message box, the commands as buttons, and editing. */
import { CANDIDATE_COMMANDS } from '../../../engine/index.js';
import { latestTexts, type NumberedEntry } from '../conversation.js';
import { html, page, type SafeHtml } from '../html.js';

const COMMAND_HINTS: Record<(typeof CANDIDATE_COMMANDS)[number], string> = {
  help: 'Help',
  repeat: 'Repeat the question',
  pause: 'Pause',
  resume: 'Resume',
  skip: 'Skip this question',
  stop: 'Stop the interview',
  erase: 'Stop and erase my data',
};

export function messageItem(item: NumberedEntry, texts: Map<string, string>): SafeHtml | null {
  const { entry } = item;
  if (entry.kind !== 'said') return null;
  const text = entry.messageId ? (texts.get(entry.messageId) ?? entry.text) : entry.text;
  const who = entry.from === 'candidate' ? 'You' : 'Screener';
  const edited = entry.messageId !== null && text !== entry.text;
  return html`<li class="msg ${entry.from}" data-seq="${item.seq}" ${entry.messageId ? html`data-message-id="${entry.messageId}"` : ''}>
<span class="who">${who}</span> <span class="text">${text}</span>${edited ? html` <span class="edited">(edited)</span>` : ''}</li>`;
}

export function chatPage(input: { token: string; entries: NumberedEntry[]; csrf: string; roleTitle: string }): string {
  const texts = latestTexts(input.entries);
  const items = input.entries.map((item) => messageItem(item, texts));
  const last = input.entries.at(-1)?.seq ?? 0;
  const base = `/c/${input.token}`;
  const commands = CANDIDATE_COMMANDS.map(
    (command) => html`<button type="submit" name="command" value="${command}" class="command">${COMMAND_HINTS[command]}</button>`,
  );
  const body = html`<h1>Screening interview: ${input.roleTitle}</h1>
<p class="lede">An automated first-round interview. A person reads the result and decides.</p>
<div id="conversation" role="log" aria-live="polite" aria-label="Conversation" data-after="${last}" data-events="${base}/events"><ol class="conversation">${items}</ol></div>
<form id="send" class="composer" method="post" action="${base}/messages">
  <input type="hidden" name="csrf" value="${input.csrf}"><input type="hidden" name="clientId" value="">
  <label for="message">Your message</label>
  <textarea id="message" name="text" rows="3" maxlength="4000" required></textarea>
  <button type="submit">Send</button>
</form>
<details class="edit"><summary>Edit one of your messages</summary>
<form id="edit" method="post" action="${base}/edits">
  <input type="hidden" name="csrf" value="${input.csrf}">
  <label for="edit-which">Message</label>
  <select id="edit-which" name="messageId">${[...texts.entries()].map(([id, text]) => html`<option value="${id}">${text.slice(0, 60)}</option>`)}</select>
  <label for="edit-text">New text</label>
  <textarea id="edit-text" name="text" rows="3" maxlength="4000" required></textarea>
  <button type="submit">Save the edit</button>
</form></details>
<form id="commands" class="commands" method="post" action="${base}/commands" aria-label="Commands">
  <input type="hidden" name="csrf" value="${input.csrf}">${commands}
</form>
<p id="status" class="status" role="status"></p>`;
  return page({ title: 'Your screening interview', body, scripts: ['chat.js'] });
}

const PROBLEMS = {
  expired: { title: 'This link has expired', text: 'Links to an interview work for a limited time. Ask the recruiter who sent it for a new one.' },
  revoked: { title: 'This link no longer works', text: 'The recruiter withdrew this link. If you think that is a mistake, ask them for a new one.' },
  unknown: { title: 'We do not know this link', text: 'Check that you copied the whole link from the message you received, or ask the recruiter for a new one.' },
  limited: { title: 'Too many requests', text: 'Please wait a minute and then reload this page.' },
} as const;

export type LinkProblem = keyof typeof PROBLEMS;

export function problemPage(problem: LinkProblem): string {
  const { title, text } = PROBLEMS[problem];
  return page({ title, body: html`<h1>${title}</h1><p>${text}</p>` });
}
