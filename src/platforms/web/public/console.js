/* global document, navigator */
// After a screen starts, move focus to the new candidate link so a keyboard or screen-reader user lands on it, and
// offer to copy it where the browser allows (the link stays plain text to select without this script).
'use strict';

const issued = document.getElementById('issued');
if (issued) issued.focus();

const link = document.getElementById('candidate-link');
const copy = document.getElementById('copy-link');
const copied = document.getElementById('copy-status');
if (link && copy && navigator.clipboard) {
  copy.hidden = false;
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.href);
      copied.textContent = 'Copied.';
    } catch {
      copied.textContent = 'Could not copy: select the link and copy it.';
    }
  });
}
