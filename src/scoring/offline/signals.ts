import { isProperSentence } from '../answer/classify.js';
import { containsPhrase, countPhrase, type AnalyzedText, type Token } from '../text/analyze.js';
import { NAME_PLACEHOLDER } from '../text/neutralize.js';
import { isContentWord, isStopword } from '../text/stopwords.js';
import { STAR_PARTS, type Concept, type ExpectedPart, type StarPart } from '../types.js';
import { APPLIED, EXAMPLES, IRREGULAR_PAST, NOT_ACTIONS, REASONING, REFLECTION, STAR_CUES, STEPS, TRADE_OFFS } from './lexicons.js';
import type { QuestionModel } from './question-model.js';

/** What the scorer measured in one answer. Every dimension is a function of these numbers and lists only. */
export interface AnswerSignals {
  words: number;
  contentWords: number;
  properSentences: number;
  /** Share of the words that sit in proper sentences rather than fragments or lists. */
  sentenceShare: number;
  avgSentenceWords: number;
  conceptsFound: string[];
  conceptsMissing: string[];
  partsFound: string[];
  partsMissing: string[];
  /** Share of the reference answer's content words the answer uses; null without a reference. */
  referenceOverlap: number | null;
  questionTermsFound: number;
  questionTermsTotal: number;
  reasoning: number;
  examples: number;
  tradeOffs: number;
  steps: number;
  reflection: number;
  applied: number;
  numbers: number;
  namedTerms: number;
  /** "I did X" statements: first-person past-tense actions. */
  actions: number;
  star: Record<StarPart, boolean> | null;
}

export function measureAnswer(text: AnalyzedText, model: QuestionModel): AnswerSignals {
  const proper = text.sentences.filter(isProperSentence);
  const wordsInProper = proper.reduce((sum, s) => sum + s.length, 0);
  const words = text.tokens.length;
  const contentStems = new Set(text.tokens.filter((t) => isContentWord(t.lower)).map((t) => t.stem));
  const actions = countActions(text.tokens);
  const concepts = splitFound(model.concepts, (c) => conceptFound(text, c));
  const star = model.behavioral ? measureStar(text, model.parts, actions) : null;
  const parts = star
    ? { found: STAR_PARTS.filter((p) => star[p]), missing: STAR_PARTS.filter((p) => !star[p]) }
    : splitFound(model.parts, (p) => p.cues.some((cue) => containsPhrase(text, cue)));
  return {
    words,
    contentWords: text.tokens.filter((t) => isContentWord(t.lower)).length,
    properSentences: proper.length,
    sentenceShare: words === 0 ? 0 : wordsInProper / words,
    avgSentenceWords: proper.length === 0 ? 0 : wordsInProper / proper.length,
    conceptsFound: concepts.found,
    conceptsMissing: concepts.missing,
    partsFound: parts.found,
    partsMissing: parts.missing,
    referenceOverlap: overlap(model.referenceStems, contentStems),
    questionTermsFound: model.questionTerms.filter((t) => contentStems.has(t)).length,
    questionTermsTotal: model.questionTerms.length,
    reasoning: countAll(text, REASONING),
    examples: countAll(text, EXAMPLES),
    tradeOffs: countAll(text, TRADE_OFFS),
    steps: countAll(text, STEPS),
    reflection: countAll(text, REFLECTION),
    applied: countAll(text, APPLIED),
    numbers: text.tokens.filter((t) => /^\d/.test(t.raw)).length,
    namedTerms: text.sentences.reduce((sum, sentence) => sum + sentence.filter(isNamedTerm).length, 0),
    actions,
    star,
  };
}

function splitFound<T extends { name: string }>(items: readonly T[], found: (item: T) => boolean) {
  const result = { found: [] as string[], missing: [] as string[] };
  for (const item of items) (found(item) ? result.found : result.missing).push(item.name);
  return result;
}

function conceptFound(text: AnalyzedText, concept: Concept): boolean {
  return containsPhrase(text, concept.name) || concept.synonyms.some((s) => containsPhrase(text, s));
}

function countAll(text: AnalyzedText, phrases: readonly string[]): number {
  return phrases.reduce((sum, p) => sum + countPhrase(text, p), 0);
}

function overlap(reference: ReadonlySet<string> | null, answer: ReadonlySet<string>): number | null {
  if (reference === null || reference.size === 0) return null;
  let shared = 0;
  for (const s of reference) if (answer.has(s)) shared += 1;
  return shared / reference.size;
}

/**
 * Tools, acronyms, versions and figures: "Redis", "TTL", "p95", "useEffect". A capitalised word counts only inside a
 * sentence (at its start it may just be capitalised); names count too, each run as one placeholder.
 */
function isNamedTerm(token: Token, index: number): boolean {
  const raw = token.raw;
  return (
    raw === NAME_PLACEHOLDER ||
    (index > 0 && /^\p{Lu}\p{Ll}/u.test(raw) && !isStopword(token.lower)) ||
    /^\p{Lu}{2,}\d*s?$/u.test(raw) ||
    /\p{Ll}\p{Lu}/u.test(raw) ||
    (/\d/.test(raw) && /\p{L}/u.test(raw))
  );
}

function countActions(tokens: readonly Token[]): number {
  let count = 0;
  tokens.forEach((token, i) => {
    if (token.lower !== 'i' && token.lower !== 'we') return;
    const next = tokens[i + 1];
    // "I quickly wrote": look past one adverb.
    const verb = next !== undefined && next.lower.endsWith('ly') ? tokens[i + 2] : next;
    if (verb !== undefined && isPastAction(verb.lower)) count += 1;
  });
  return count;
}

function isPastAction(word: string): boolean {
  return IRREGULAR_PAST.has(word) || (word.endsWith('ed') && word.length > 4 && !NOT_ACTIONS.has(word));
}

function measureStar(text: AnalyzedText, parts: readonly ExpectedPart[], actions: number): Record<StarPart, boolean> {
  const covered = (name: StarPart): boolean => {
    const bankCues = parts.find((p) => p.name === name)?.cues ?? [];
    const cues = [...bankCues, ...STAR_CUES[name]];
    return cues.some((cue) => containsPhrase(text, cue)) || (name === 'action' && actions > 0);
  };
  return { situation: covered('situation'), task: covered('task'), action: covered('action'), result: covered('result') };
}
