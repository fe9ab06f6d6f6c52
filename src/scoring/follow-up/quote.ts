/**
 * Short phrases a follow-up can quote back to the candidate: 3 to 8 words copied verbatim from one clause of the
 * answer, never across punctuation, never with a name or a gendered word in them (the same detection the scorer
 * uses to keep names out of a score), ranked by how much of the question's topic they name. Deterministic: the same
 * answer and question give the same phrases in the same order.
 */
import { QUESTION_FRAME } from '../offline/lexicons.js';
import { rawTokens } from '../text/analyze.js';
import { neutralizeTokens } from '../text/neutralize.js';
import { stem } from '../text/stem.js';
import { isContentWord, isStopword } from '../text/stopwords.js';

export const QUOTE_MIN_WORDS = 3;
export const QUOTE_MAX_WORDS = 8;
/** A quote around this long reads as a phrase; shorter ones are often fragments, longer ones whole sentences. */
const QUOTE_IDEAL_WORDS = 6;

interface Word {
  text: string;
  start: number;
  end: number;
  lower: string;
}

/** Gaps that keep two words in one phrase: plain spaces, or a hyphen or slash between them ("read-through"). */
const JOINING_GAP = /^(?:[ \t]+|[-/])$/u;

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter((w) => w.length > 0));
/** A quote may start with one of these ("the retry logic"), and does not start right after one ("the | retry"). */
const DETERMINERS = words('a an the this that these those my our your their its');
/** A quote does not start right after one of these: "in | front of the database" reads as a fragment. */
const PREPOSITIONS = words(
  'of in on at by for from into onto with about above below between through under over via within without upon off out up down during per till until than like',
);
/** A quote does not end right before one of these: "keep | the response", "in front | of the database". */
const BINDS_BACK = words('a an the this that these those my our your their its it them me us him her of');

/**
 * Whether a quote may start after `before` and end before `after` (undefined: the clause's edge). A phrase of a
 * sentence starts and ends next to a function word that does not bind to it: "I | kept the timer id | in a closure",
 * never "flaky | deploy pipeline" or "a short | time".
 */
function cleanEdges(before: string | undefined, after: string | undefined): boolean {
  const start = before === undefined || (isStopword(before) && !PREPOSITIONS.has(before) && !DETERMINERS.has(before));
  return start && (after === undefined || (isStopword(after) && !BINDS_BACK.has(after)));
}

/** Runs of quotable words: one clause each, split at punctuation and at any name-like or gendered word. */
function clauses(answer: string, known: ReadonlySet<string>): { text: string; words: Word[] }[] {
  const out: { text: string; words: Word[] }[] = [];
  for (const line of answer.split(/\r?\n/)) {
    let run: Word[] = [];
    const close = (): void => {
      if (run.length >= QUOTE_MIN_WORDS) out.push({ text: line, words: run });
      run = [];
    };
    let at = 0;
    for (const token of rawTokens(line)) {
      const start = at + token.gapBefore.length;
      at = start + token.text.length;
      if (run.length > 0 && !JOINING_GAP.test(token.gapBefore)) close();
      // A word the scorer would neutralise (a name, "she", "husband") is never quoted back.
      const [neutral] = neutralizeTokens([{ text: token.text, gapBefore: '' }], known, stem);
      if (neutral?.raw !== token.text) {
        close();
        continue;
      }
      run.push({ text: token.text, start, end: at, lower: token.text.toLowerCase() });
    }
    close();
  }
  return out;
}

interface Candidate {
  phrase: string;
  /** Starts and ends where a phrase of the sentence does, not in the middle of one. */
  cleanEdges: boolean;
  topicHits: number;
  wholeClause: boolean;
  words: number;
  position: number;
}

function better(a: Candidate, b: Candidate): number {
  return (
    b.topicHits - a.topicHits ||
    Number(b.wholeClause) - Number(a.wholeClause) ||
    Math.abs(a.words - QUOTE_IDEAL_WORDS) - Math.abs(b.words - QUOTE_IDEAL_WORDS) ||
    a.position - b.position
  );
}

/**
 * Every quotable phrase of the answer, best first, each once; only those with clean edges when there are any. `topic` holds stems of the question's content words
 * (a phrase naming more of them ranks higher); `known` the stems that are vocabulary rather than names.
 */
export function quotablePhrases(answer: string, topic: ReadonlySet<string>, known: ReadonlySet<string>): string[] {
  const candidates: Candidate[] = [];
  let position = 0;
  for (const clause of clauses(answer, known)) {
    const { words } = clause;
    for (let from = 0; from < words.length; from += 1) {
      // A quote starts on a word that carries meaning (or an article before one) and ends on a content word:
      // "kept the timer id in a closure".
      const first = words[from]!.lower;
      if (isStopword(first) && !DETERMINERS.has(first)) continue;
      const before = words[from - 1]?.lower;
      for (let to = from + QUOTE_MIN_WORDS - 1; to < Math.min(words.length, from + QUOTE_MAX_WORDS); to += 1) {
        if (!isContentWord(words[to]!.lower)) continue;
        const window = words.slice(from, to + 1);
        const topicStems = new Set(
          window
            .filter((w) => isContentWord(w.lower))
            .map((w) => stem(w.lower))
            .filter((s) => topic.has(s)),
        );
        candidates.push({
          phrase: clause.text.slice(words[from]!.start, words[to]!.end),
          cleanEdges: cleanEdges(before, words[to + 1]?.lower),
          topicHits: topicStems.size,
          wholeClause: from === 0 && to === words.length - 1,
          words: window.length,
          position: position++,
        });
      }
    }
  }
  // A fragment ("keep the response for a short") only when the answer has no phrase with clean edges at all.
  const clean = candidates.filter((c) => c.cleanEdges);
  const seen = new Set<string>();
  const phrases: string[] = [];
  for (const { phrase } of (clean.length > 0 ? clean : candidates).sort(better)) {
    const key = phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
  }
  return phrases;
}

/** Stems of the content words of these texts, without the words that frame a question ("give", "explain"). */
export function topicStems(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const token of rawTokens(text)) {
      const lower = token.text.toLowerCase();
      if (isContentWord(lower) && !QUESTION_FRAME.has(lower)) out.add(stem(lower));
    }
  }
  return out;
}
