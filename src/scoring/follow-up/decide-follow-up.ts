import { boundForScoring } from '../answer/bound.js';
import { classifyAnalyzed } from '../answer/classify.js';
import { toScoringQuestion } from '../bank/to-scoring-question.js';
import { buildQuestionModel } from '../offline/question-model.js';
import { measureAnswer } from '../offline/signals.js';
import { joinList } from '../offline/format.js';
import { analyzeText } from '../text/analyze.js';
import type { BankQuestion, FollowUpDecision } from '../types.js';
import { quotablePhrases, topicStems } from './quote.js';

/** Below this many words an answer is short for the kind of question. Stories need more room than definitions. */
export const SHORT_ANSWER_WORDS = { technical: 25, behavioral: 40 } as const;

/** How a missing STAR part reads inside a question to the candidate. */
const STAR_PHRASES: Readonly<Record<string, string>> = {
  situation: 'the situation',
  task: 'what you were responsible for',
  action: 'what you did yourself',
  result: 'the result',
};

export interface FollowUpOptions {
  /** Every text asked in the interview so far: the follow-up repeats none of them word for word. @defaultValue [] */
  asked?: readonly string[];
  /**
   * The answer as the candidate sent it, when `answer` is a cleaned copy (text addressed to the scorer removed): a
   * quote must appear in it verbatim too. @defaultValue the answer itself
   */
  original?: string;
}

/**
 * Whether to ask one follow-up: when the answer is short or misses expected parts. The prompt quotes a phrase of the
 * answer and names what is missing, in a wording not asked before in the interview. Null when the answer is complete
 * enough, or when every wording left would repeat one already asked.
 */
export function decideFollowUp(
  question: BankQuestion,
  answer: string,
  options: FollowUpOptions = {},
): FollowUpDecision | null {
  const model = buildQuestionModel(toScoringQuestion(question));
  const bounded = boundForScoring(typeof answer === 'string' ? answer : '').text;
  const analyzed = analyzeText(bounded, model.vocabulary);
  const flags = classifyAnalyzed(bounded, analyzed);
  const missing = measureAnswer(analyzed, model).partsMissing;
  const noAnswer = flags.includes('empty') || flags.includes('emoji_only');
  const short = noAnswer || analyzed.tokens.length < SHORT_ANSWER_WORDS[question.kind];
  if (!short && missing.length === 0) return null;
  const topic = topicStems([question.text, ...question.concepts.flatMap((c) => [c.name, ...c.synonyms])]);
  const original = options.original ?? bounded;
  const phrases = noAnswer ? [] : quotablePhrases(bounded, topic, model.vocabulary).filter((p) => original.includes(p));
  const chosen = chooseWording(framesFor(question, missing), phrases, options.asked ?? []);
  if (!chosen) return null;
  return { prompt: chosen.prompt, reason: short ? 'short' : 'missing_parts', missing, refersTo: chosen.quote };
}

/** Asked when the bank's own templates are used up (every one of them already asked in the interview). */
const SPARE_TEMPLATES = {
  withSlot: ['Could you say more about {missing}?', 'Could you walk me through {missing}?'],
  withoutSlot: ['Could you expand on your answer a little?', 'Could you say more about how that worked in practice?'],
} as const;

/** The bank's follow-up templates as questions for this answer, the best fit first, then spare ones. */
function framesFor(question: BankQuestion, missing: readonly string[]): string[] {
  const withSlot = question.followUps.filter((f) => f.includes('{missing}'));
  const withoutSlot = question.followUps.filter((f) => !f.includes('{missing}'));
  if (missing.length === 0) return [...withoutSlot, ...SPARE_TEMPLATES.withoutSlot];
  const named = joinList(missing.map((m) => (question.kind === 'behavioral' ? (STAR_PHRASES[m] ?? m) : m)));
  return [
    ...[...withSlot, ...SPARE_TEMPLATES.withSlot].map((f) => f.replaceAll('{missing}', named)),
    ...withoutSlot.map((f) => `${f} In particular, could you cover ${named}?`),
  ];
}

/** Lower case, words only: "Could you…?" and "could you… ?" are the same wording. */
function wordsOf(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * The first wording, in order of preference, that was not asked before: a template not used yet in the interview
 * before one that was, and a phrase not quoted yet before one that was. Quoted as `You mentioned "<phrase>".`;
 * without a phrase (nothing quotable) the template alone.
 */
function chooseWording(
  frames: readonly string[],
  phrases: readonly string[],
  asked: readonly string[],
): { prompt: string; quote: string | null } | null {
  const askedWords = asked.map(wordsOf);
  const used = (text: string) => askedWords.some((a) => a.includes(wordsOf(text)));
  const byFreshness = <T extends string>(items: readonly T[]) => [
    ...items.filter((i) => !used(i)),
    ...items.filter((i) => used(i)),
  ];
  const quotes: (string | null)[] = phrases.length > 0 ? byFreshness(phrases) : [null];
  for (const frame of byFreshness(frames)) {
    for (const quote of quotes) {
      const prompt = quote === null ? frame : `You mentioned "${quote}". ${frame}`;
      if (!askedWords.includes(wordsOf(prompt))) return { prompt, quote };
    }
  }
  return null;
}
