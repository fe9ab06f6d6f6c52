/* global document, EventSource, URLSearchParams, FormData, crypto */
// The candidate page's live half. Without it the forms still post and the page reloads; with it, messages arrive
// over Server-Sent Events and are read out by the polite log region, and focus stays in the message box.
'use strict';

const log = document.getElementById('conversation');
const list = log.querySelector('ol');
const status = document.getElementById('status');
const messageBox = document.getElementById('message');
const editChoice = document.getElementById('edit-which');

function say(text) {
  status.textContent = text;
}

function addEditOption(messageId, text) {
  if (!editChoice || !messageId) return;
  const option = document.createElement('option');
  option.value = messageId;
  option.textContent = text.slice(0, 60);
  editChoice.appendChild(option);
}

function appendMessage(seq, entry) {
  const item = document.createElement('li');
  item.className = 'msg ' + entry.from;
  item.dataset.seq = String(seq);
  if (entry.messageId) item.dataset.messageId = entry.messageId;
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = entry.from === 'candidate' ? 'You' : 'Screener';
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = entry.text;
  item.append(who, text);
  list.appendChild(item);
  item.scrollIntoView({ block: 'nearest' });
  if (entry.from === 'candidate') addEditOption(entry.messageId, entry.text);
}

function applyEdit(entry) {
  for (const item of log.querySelectorAll('li[data-message-id]')) {
    if (item.dataset.messageId !== entry.messageId) continue;
    item.querySelector('.text').textContent = entry.text;
    if (!item.querySelector('.edited')) {
      const mark = document.createElement('span');
      mark.className = 'edited';
      mark.textContent = '(edited)';
      item.append(mark);
    }
  }
}

function onEvent(event) {
  const item = JSON.parse(event.data);
  if (Number(item.seq) <= Number(log.dataset.after)) return;
  log.dataset.after = String(item.seq);
  if (item.entry.kind === 'said') appendMessage(item.seq, item.entry);
  if (item.entry.kind === 'edited') applyEdit(item.entry);
}

// EventSource reconnects by itself after a dropped stream (sending Last-Event-ID, so the server replays what was
// missed); after an answer that is not a stream (a restart, a refused request) it gives up, so we open a new one.
let retryMs = 1000;
function connect() {
  const source = new EventSource(log.dataset.events + '?after=' + encodeURIComponent(log.dataset.after));
  source.onmessage = onEvent;
  source.addEventListener('ended', ended);
  source.onopen = () => {
    retryMs = 1000;
    say('');
  };
  source.onerror = () => {
    say('Reconnecting…');
    if (source.readyState !== EventSource.CLOSED) return;
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 30000);
  };
}

// The interview is over: what is left to do is erasing, so the message box and the other commands go.
function ended() {
  for (const element of document.querySelectorAll('[data-while-open]')) element.hidden = true;
  const erase = document.querySelector('.erase a');
  if (erase) erase.textContent = 'Erase my data';
}

async function post(form, extra) {
  const body = new URLSearchParams(new FormData(form));
  for (const [key, value] of Object.entries(extra)) body.set(key, value);
  const response = await fetch(form.action, {
    method: 'POST',
    body,
    headers: { 'X-Requested-With': 'fetch' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error((await response.text()) || 'Not sent. Please try again.');
}

function handle(formId, extraOf, after) {
  const form = document.getElementById(formId);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post(form, extraOf(event));
      after(form);
    } catch (error) {
      say(error.message);
    }
  });
}

// An ended interview's page has no message box, edit form or command buttons: nothing to wire up.
if (messageBox) {
  handle(
    'send',
    () => ({ clientId: crypto.randomUUID() }),
    () => {
      messageBox.value = '';
      messageBox.focus();
      say('Sent.');
    },
  );
  handle(
    'commands',
    (event) => ({ command: event.submitter ? event.submitter.value : '' }),
    () => say('Sent.'),
  );
  handle(
    'edit',
    () => ({}),
    (form) => {
      form.querySelector('textarea').value = '';
      messageBox.focus();
      // Whether the edit counted is the interview's to say: its reply arrives in the conversation.
      say('Edit sent.');
    },
  );
  messageBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) document.getElementById('send').requestSubmit();
  });
}
connect();
