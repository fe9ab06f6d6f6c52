import { defaultQuestionBank } from '../../../src/scoring/index.js';
import type { TestChat } from './chat.js';

export const INTRODUCTION =
  'I am a back-end developer with four years of experience building REST APIs in Node.js and PostgreSQL. ' +
  'I built a payments service, an event pipeline on Kafka and an internal admin tool, and I care about tests and observability.';

export const CLOSING = /That was the last question/;
export const PROMPT = /^Question \d+ \((?:(?:technical|behavioral), \d+ of \d+ planned|follow-up to question \d+)\): /;

/** The bank's reference answer for the question in a prompt; a plain, decent answer otherwise. */
export function goodAnswerFor(prompt: string): string {
  const question = defaultQuestionBank().questions.find((q) => prompt.endsWith(q.text));
  return (
    question?.referenceAnswer ??
    'I would start by measuring where the time goes, then change one thing at a time, because that keeps the cause clear. ' +
      'For example, in the payments service I added an index and a cache, which cut the latency in half, and I wrote a test for it.'
  );
}

/** Answers every prompt until the interview closes; returns the prompts that were answered, in order. */
export async function answerUntilClosed(
  chat: TestChat,
  answerFor: (prompt: string) => string = goodAnswerFor,
): Promise<string[]> {
  const prompts: string[] = [];
  for (let guard = 0; guard < 40 && !CLOSING.test(chat.lastReply()); guard += 1) {
    const prompt = chat.lastReply();
    if (!PROMPT.test(prompt)) throw new Error(`expected a question, got: ${prompt.slice(0, 80)}`);
    prompts.push(prompt);
    await chat.send(answerFor(prompt));
  }
  return prompts;
}

/** Consent and introduction: the first technical question is on screen when this returns. */
export async function reachFirstQuestion(chat: TestChat): Promise<string> {
  await chat.send('yes');
  const replies = await chat.send(INTRODUCTION);
  return replies.at(-1) ?? '';
}
