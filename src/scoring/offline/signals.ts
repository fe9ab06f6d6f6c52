import { isProperSentence } from '../answer/classify.js';
import { containsPhrase, countPhrase, type AnalyzedText, type Token } from '../text/analyze.js';
import { NAME_PLACEHOLDER } from '../text/neutralize.js';
import { isStopword } from '../text/stopwords.js';
import { STAR_PARTS, type ExpectedPart, type StarPart } from '../types.js';
import {
  APPLIED,
  CHATTER,
  EXAMPLES,
  IRREGULAR_PAST,
  NOT_ACTIONS,
  REASONING,
  REFLECTION,
  STAR_CUES,
  STEPS,
  TRADE_OFFS,
} from './lexicons.js';
import { findMisconceptions } from './misconceptions.js';
import type { QuestionModel } from './question-model.js';
import { analyzeSentences, type SentenceFacts } from './sentences.js';

/** What the scorer measured in one answer. Every dimension is a function of these numbers and lists only. */
export interface AnswerSignals {
  /** The sentences that are not copies of the question: everything is measured on these. */
  sentences: SentenceFacts[];
  /** Sentences that only repeat the question's words; they earn nothing. */
  echoSentences: number;
  /** Words of the kept sentences. */
  words: number;
  /** Words of the whole answer, copies of the question included. */
  totalWords: number;
  contentWords: number;
  properSentences: number;
  /** Share of the words that sit in proper sentences rather than fragments or lists. */
  sentenceShare: number;
  avgSentenceWords: number;
  /** Concepts the answer says something about. */
  conceptsExplained: string[];
  /** Concepts only named (listed, or in a sentence that says nothing about them). */
  conceptsNamed: string[];
  /** Concepts that are only ever negated or dismissed. */
  conceptsDismissed: string[];
  /** Explained and named, for callers that only ask whether a concept came up. */
  conceptsFound: string[];
  conceptsMissing: string[];
  partsFound: string[];
  partsMissing: string[];
  /** Distinct stems the answer shares with the reference answer beyond the question's own words. */
  referenceHits: number;
  /** Share of the reference answer's own stems the answer uses; null without a reference. */
  referenceOverlap: number | null;
  /** Distinct stems the answer adds: not the question's words, not filler, not bare concept names. */
  novelStems: number;
  /** Share of the answer's content words copied from the question. */
  echoShare: number;
  /** Share of the answer's content words that are filler. */
  fillerShare: number;
  /** Share of the answer's content words that sit in sentences about the question. */
  topicalShare: number;
  /** Sentences that repeat an earlier one almost word for word. */
  repeats: number;
  /** Chat filler phrases ("I think", "honestly", "anyway"). */
  chatter: number;
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
  /** Misconceptions asserted, with the sentence that asserts them (a copy of the question's words included). */
  misconceptions: Array<{ claim: string; quote: string }>;
  /** Question words the answer uses, of the question's key terms (ad-hoc topic checks). */
  questionTermsFound: number;
  questionTermsTotal: number;
}

export function measureAnswer(text: AnalyzedText, model: QuestionModel): AnswerSignals {
  const all = analyzeSentences(text, model);
  const sentences = all.filter((s) => !copiesTheQuestion(s));
  const topical = sentences.filter((s) => s.topical);
  // Technical parts count where the answer says something: a cue in a bare list of terms covers nothing. A story's
  // sentences are short and plain ("I needed the other teams to adopt it"), so every topical one counts.
  const saysSomething = (s: SentenceFacts) => model.behavioral || s.novel.size >= 2 || s.explained.length > 0;
  const topicalText = asText(topical.filter(saysSomething).map((s) => s.tokens));
  const proper = sentences.map((s) => [...s.tokens]).filter(isProperSentence);
  const wordsInProper = proper.reduce((sum, s) => sum + s.length, 0);
  const words = sentences.reduce((sum, s) => sum + s.tokens.length, 0);
  const contentWords = sentences.reduce((sum, s) => sum + s.contentTokens, 0);
  const allContent = all.reduce((sum, s) => sum + s.contentTokens, 0);
  const share = (n: number) => (contentWords === 0 ? 0 : n / contentWords);
  const shareOfAll = (n: number) => (allContent === 0 ? 0 : n / allContent);
  const concepts = conceptSplit(sentences, model);
  const actions = countActions(topical.flatMap((s) => s.tokens));
  const star = model.behavioral ? measureStar(topicalText, model.parts, actions) : null;
  const parts = star
    ? {
        found: model.parts.map((p) => p.name).filter((n) => star[n as StarPart]),
        missing: model.parts.map((p) => p.name).filter((n) => !star[n as StarPart]),
      }
    : splitFound(model.parts, (p) => p.cues.some((cue) => containsPhrase(topicalText, cue)));
  const referenceHits = new Set(sentences.flatMap((s) => [...s.referenceHits])).size;
  const answerStems = new Set(text.tokens.map((t) => t.stem));
  return {
    sentences,
    echoSentences: all.length - sentences.length,
    words,
    totalWords: text.tokens.length,
    contentWords,
    properSentences: proper.length,
    sentenceShare: words === 0 ? 0 : wordsInProper / words,
    avgSentenceWords: proper.length === 0 ? 0 : wordsInProper / proper.length,
    ...concepts,
    partsFound: parts.found,
    partsMissing: parts.missing,
    referenceHits,
    referenceOverlap:
      model.referenceStems === null || model.referenceStems.size === 0
        ? null
        : referenceHits / model.referenceStems.size,
    novelStems: new Set(sentences.flatMap((s) => [...s.novel])).size,
    echoShare: shareOfAll(all.reduce((sum, s) => sum + s.echoTokens, 0)),
    fillerShare: shareOfAll(all.reduce((sum, s) => sum + s.fillerTokens, 0)),
    topicalShare: share(topical.reduce((sum, s) => sum + s.contentTokens, 0)),
    repeats: countRepeats(sentences),
    chatter: countAll(asText(sentences.map((s) => s.tokens)), CHATTER),
    reasoning: countAll(topicalText, REASONING),
    examples: countAll(topicalText, EXAMPLES),
    tradeOffs: countAll(topicalText, TRADE_OFFS),
    steps: countAll(topicalText, STEPS),
    reflection: countAll(topicalText, REFLECTION),
    applied: countAll(topicalText, APPLIED),
    numbers: topicalText.tokens.filter((t) => /^\d/.test(t.raw)).length,
    namedTerms: topical.reduce((sum, s) => sum + s.tokens.filter(isNamedTerm).length, 0),
    actions,
    star,
    // Every sentence counts here: a wrong claim made in the question's own words is still a wrong claim.
    misconceptions: findMisconceptions(
      all.map((s) => s.tokens),
      model.misconceptions,
      model.echoStems,
    ).map((m) => ({ claim: m.claim, quote: all[m.sentence]?.quote ?? '' })),
    questionTermsFound: model.questionTerms.filter((t) => answerStems.has(t)).length,
    questionTermsTotal: model.questionTerms.length,
  };
}

/**
 * A sentence made of the question's own words (three or more), adding at most one of its own, says nothing new. A
 * short plain sentence that happens to reuse two ("I needed the other teams to adopt it") is not a copy.
 */
function copiesTheQuestion(s: SentenceFacts): boolean {
  if (s.explained.length > 0 || s.dismissed.length > 0 || s.echoTokens === 0) return false;
  const onlyQuestionWords = s.novel.size === 0 && s.echoTokens === s.contentTokens;
  return onlyQuestionWords || (s.echoTokens >= 3 && s.echoTokens / s.contentTokens >= 0.6 && s.novel.size <= 1);
}

function conceptSplit(sentences: readonly SentenceFacts[], model: QuestionModel) {
  const explained = new Set(sentences.flatMap((s) => s.explained));
  const named = new Set(sentences.flatMap((s) => s.named).filter((c) => !explained.has(c)));
  const dismissed = new Set(sentences.flatMap((s) => s.dismissed).filter((c) => !explained.has(c) && !named.has(c)));
  const inOrder = (set: ReadonlySet<string>) => model.concepts.map((c) => c.name).filter((n) => set.has(n));
  return {
    conceptsExplained: inOrder(explained),
    conceptsNamed: inOrder(named),
    conceptsDismissed: inOrder(dismissed),
    conceptsFound: inOrder(new Set([...explained, ...named])),
    conceptsMissing: model.concepts.map((c) => c.name).filter((n) => !explained.has(n) && !named.has(n)),
  };
}

function asText(sentences: Token[][] | readonly (readonly Token[])[]): AnalyzedText {
  const list = sentences.map((s) => [...s]);
  const tokens = list.flat();
  return { sentences: list, tokens, stemLine: ` ${tokens.map((t) => t.stem).join(' ')} ` };
}

function splitFound<T extends { name: string }>(items: readonly T[], found: (item: T) => boolean) {
  const result = { found: [] as string[], missing: [] as string[] };
  for (const item of items) (found(item) ? result.found : result.missing).push(item.name);
  return result;
}

function countAll(text: AnalyzedText, phrases: readonly string[]): number {
  return phrases.reduce((sum, p) => sum + countPhrase(text, p), 0);
}

/** A sentence whose stems are nearly all in one earlier sentence says the same thing again. */
function countRepeats(sentences: readonly SentenceFacts[]): number {
  let repeats = 0;
  const seen: Array<ReadonlySet<string>> = [];
  for (const s of sentences) {
    const stems = new Set(s.tokens.filter((t) => !isStopword(t.lower)).map((t) => t.stem));
    if (stems.size >= 3 && seen.some((earlier) => [...stems].filter((x) => earlier.has(x)).length / stems.size >= 0.8))
      repeats++;
    seen.push(stems);
  }
  return repeats;
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
  const all = {
    situation: covered('situation'),
    task: covered('task'),
    action: covered('action'),
    result: covered('result'),
  };
  return STAR_PARTS.reduce((out, p) => ({ ...out, [p]: all[p] }), {} as Record<StarPart, boolean>);
}
