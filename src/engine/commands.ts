import { CANDIDATE_COMMANDS, type CandidateCommand } from './events.js';

const COMMAND_MESSAGE = new RegExp(`^[/!]?(${CANDIDATE_COMMANDS.join('|')})$`, 'i');

/**
 * A command only when the whole message is the command word (any case, optional leading `/` or `!`), so an answer
 * that merely mentions "stop" or "skip" stays an answer.
 */
export function parseCommand(text: string): CandidateCommand | null {
  const match = COMMAND_MESSAGE.exec(text.trim());
  return match?.[1] ? (match[1].toLowerCase() as CandidateCommand) : null;
}

const YES = new Set([
  'yes',
  'y',
  'yeah',
  'yep',
  'sure',
  'ok',
  'okay',
  'agree',
  'i agree',
  'i consent',
  'consent',
  'i do',
  'yes please',
  'go ahead',
  'continue',
  '👍',
]);
const NO = new Set([
  'no',
  'n',
  'nope',
  'no thanks',
  'no thank you',
  'decline',
  'i decline',
  'i do not agree',
  "i don't agree",
  'i do not consent',
  "i don't consent",
  '👎',
]);

export type ConsentReply = 'yes' | 'no' | 'unclear';

/** Anything but a clear yes or no is asked again: consent must not be guessed. */
export function parseConsent(text: string): ConsentReply {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/[\u2019]/g, "'")
    .replace(/^[\s.,!]+|[\s.,!]+$/g, '')
    .replace(/\s+/g, ' ');
  if (YES.has(cleaned)) return 'yes';
  if (NO.has(cleaned)) return 'no';
  return 'unclear';
}
