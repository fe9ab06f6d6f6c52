/**
 * What each sentence of an answer does for the question: which concepts it names, whether it says something about
 * them or only names them, whether it negates or dismisses them, whether it is about the question at all, and how
 * much of it is copied from the question. Credit is given per sentence, so padding cannot borrow from a good line.
 */
import { containsPhrase, phraseStems, type AnalyzedText, type Token } from '../text/analyze.js';
import { NAME_PLACEHOLDER } from '../text/neutralize.js';
import { isContentWord } from '../text/stopwords.js';
import type { Concept } from '../types.js';
import { FILLER, STAR_CUES } from './lexicons.js';
import { clauseRanges, dismisses, negatedAt, phraseStarts } from './negation.js';
import type { QuestionModel } from './question-model.js';

export interface SentenceFacts {
  tokens: readonly Token[];
  /** The sentence as the candidate wrote it, names masked, for evidence. */
  quote: string;
  /** Concepts named without a negator or dismissal, in order of first mention. */
  named: string[];
  /** Concepts this sentence says something about (a subset of `named`). */
  explained: string[];
  /** Concepts named only to be negated or dismissed ("X does not matter"). */
  dismissed: string[];
  /** Content stems that are neither the question's words, nor filler, nor the concept names themselves. */
  novel: ReadonlySet<string>;
  /** Novel stems that the reference answer uses too. */
  referenceHits: ReadonlySet<string>;
  contentTokens: number;
  /** Content tokens whose stem the question already uses. */
  echoTokens: number;
  fillerTokens: number;
  topical: boolean;
}

/** Novel words a sentence needs, per concept it names, to count as saying something about it. */
const NOVEL_WORDS_PER_CONCEPT = 2.5;
/** Words that turn a list of terms into a claim: "X is", "X lets", "X means". */
const PREDICATES = new Set([
  'is',
  'are',
  'was',
  'were',
  'means',
  'lets',
  'let',
  'allows',
  'allow',
  'makes',
  'keeps',
  'keep',
  'stores',
  'store',
  'runs',
  'run',
  'returns',
  'return',
  'gives',
  'give',
  'prevents',
  'prevent',
  'ensures',
  'ensure',
  'causes',
  'cause',
  'because',
  'when',
  'so',
  'by',
  'if',
  'which',
  'that',
  'can',
  'will',
  'should',
  'must',
  'does',
  'do',
  'has',
  'have',
]);

export function analyzeSentences(text: AnalyzedText, model: QuestionModel): SentenceFacts[] {
  return text.sentences.map((tokens) => sentenceFacts(tokens, model));
}

function sentenceFacts(tokens: readonly Token[], model: QuestionModel): SentenceFacts {
  const clauses = clauseRanges(tokens);
  const dismissing = clauses.filter((range) => dismisses(tokens, range));
  const inDismissal = (index: number) => dismissing.some(([start, end]) => index >= start && index < end);
  const named: string[] = [];
  const dismissed: string[] = [];
  const conceptStems = new Set<string>();
  for (const concept of model.concepts) {
    const mentions = mentionsOf(tokens, concept);
    if (mentions.length === 0) continue;
    for (const s of conceptPhrases(concept).flatMap(phraseStems)) conceptStems.add(s);
    const standing = mentions.filter((i) => !negatedAt(tokens, i) && !inDismissal(i));
    (standing.length > 0 ? named : dismissed).push(concept.name);
  }
  const content = tokens.filter((t) => isContentWord(t.lower));
  const novel = new Set(
    content.map((t) => t.stem).filter((s) => !model.echoStems.has(s) && !FILLER.has(s) && !conceptStems.has(s)),
  );
  // A sentence that names key concepts only to dismiss them borrows no credit from the reference's other words.
  const refusing = dismissed.length > 0 && named.length === 0;
  const referenceHits = new Set(refusing ? [] : [...novel].filter((s) => model.referenceStems?.has(s)));
  const predicates = tokens.filter((t) => PREDICATES.has(t.lower)).length;
  const budget = novel.size + Math.min(2, predicates) * 0.5;
  // Saying something about a concept takes words of the topic too: "ETL and ELT are two different approaches" adds
  // words, but none that the rubric or the reference answer would use.
  const topicalNovel = [...novel].filter((s) => model.topicStems.has(s)).length;
  const explainedCount =
    named.length === 0 || novel.size < 2 || topicalNovel === 0
      ? 0
      : Math.min(named.length, Math.max(1, Math.floor(budget / NOVEL_WORDS_PER_CONCEPT)));
  return {
    tokens,
    quote: quoteOf(tokens),
    named,
    explained: named.slice(0, explainedCount),
    dismissed,
    novel,
    referenceHits,
    contentTokens: content.length,
    echoTokens: content.filter((t) => model.echoStems.has(t.stem)).length,
    fillerTokens: content.filter((t) => FILLER.has(t.stem)).length,
    topical: isTopical(tokens, content, named.length + dismissed.length, model),
  };
}

function conceptPhrases(concept: Concept): string[] {
  return [concept.name, ...concept.synonyms];
}

function mentionsOf(tokens: readonly Token[], concept: Concept): number[] {
  return conceptPhrases(concept).flatMap((phrase) => phraseStarts(tokens, phraseStems(phrase)));
}

/**
 * About the question: it names a concept, or uses two of the topic's words, or (in a story) one of them or a STAR
 * cue. Topic words are the rubric's concepts and cues, the reference answer's words and the question's own.
 */
function isTopical(
  tokens: readonly Token[],
  content: readonly Token[],
  conceptMentions: number,
  model: QuestionModel,
): boolean {
  if (conceptMentions > 0) return true;
  // The question's own words count half: an answer about something else can still borrow one or two of them.
  const stems = new Set(content.map((t) => t.stem).filter((s) => model.topicStems.has(s)));
  const hits = [...stems].reduce((sum, s) => sum + (model.echoStems.has(s) ? 0.5 : 1), 0);
  if (hits >= 2) return true;
  if (!model.behavioral) return false;
  const line = {
    sentences: [tokens as Token[]],
    tokens: tokens as Token[],
    stemLine: ` ${tokens.map((t) => t.stem).join(' ')} `,
  };
  return (
    hits >= 1 ||
    Object.values(STAR_CUES).some((cues) => cues.some((cue) => cue.includes(' ') && containsPhrase(line, cue)))
  );
}

/** The sentence with its own punctuation, a name shown as [name], at most about 160 characters. */
function quoteOf(tokens: readonly Token[]): string {
  let out = '';
  tokens.forEach((token, i) => {
    const gap = i === 0 ? '' : token.gap.length > 0 ? token.gap : ' ';
    out += `${gap}${token.raw === NAME_PLACEHOLDER ? '[name]' : token.raw}`;
  });
  const flat = out.replace(/\s+/g, ' ').trim();
  if (flat.length <= 160) return flat;
  return `${flat.slice(0, 157).replace(/\s+\S*$/, '')}...`;
}
