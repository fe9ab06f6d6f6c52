/* global document */
// After a screen starts, move focus to the new candidate link so a keyboard or screen-reader user lands on it.
'use strict';

const issued = document.getElementById('issued');
if (issued) issued.focus();
