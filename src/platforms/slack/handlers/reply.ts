/** Answers to the person who typed a command or clicked a button, seen only by them. */
import type { Reply } from '../../common/answering-failures.js';

export type { Reply };

export interface CommandInput {
  teamId: string;
  userId: string;
  text: string;
}
