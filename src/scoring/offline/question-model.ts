import { rawTokens, vocabularyOf } from '../text/analyze.js';
import { stem } from '../text/stem.js';
import { isContentWord } from '../text/stopwords.js';
import { STAR_PARTS, type Concept, type ExpectedPart, type ScoringQuestion } from '../types.js';
import { EXAMPLES, QUESTION_FRAME, REASONING, REFLECTION, STAR_CUES, STEPS, TRADE_OFFS } from './lexicons.js';

/** Everything the scorer derives from a question once, before looking at the answer. */
export interface QuestionModel {
  behavioral: boolean;
  /** The bank's concepts, or the question's own key terms for an ad-hoc question. */
  concepts: Concept[];
  conceptsFromBank: boolean;
  /** The bank's expected parts, or generic parts (STAR for behavioral) for an ad-hoc question. */
  parts: ExpectedPart[];
  partsFromBank: boolean;
  /** Content stems of the reference answer; null when the question has none. */
  referenceStems: ReadonlySet<string> | null;
  /** Content stems of the question text: what it is about. */
  questionTerms: string[];
  /** Stems that count as vocabulary, so a capitalised one in the answer is read as content, not as a name. */
  vocabulary: ReadonlySet<string>;
}

/** At most this many key terms are taken from an ad-hoc question's text. */
const MAX_DERIVED_TERMS = 12;

export function buildQuestionModel(question: ScoringQuestion): QuestionModel {
  const behavioral = question.kind === 'behavioral';
  const questionTerms = keyTermsOf(question.text);
  const bankConcepts = question.concepts ?? [];
  const bankParts = question.expectedParts ?? [];
  const concepts = bankConcepts.length > 0 ? bankConcepts : questionTerms.map((t) => ({ name: t, synonyms: [] }));
  const parts = bankParts.length > 0 ? bankParts : genericParts(behavioral, questionTerms);
  const reference = question.referenceAnswer?.trim() ?? '';
  const referenceStems = reference.length > 0 ? contentStemsOf(reference) : null;
  const vocabulary = vocabularyOf([
    question.text,
    reference,
    ...concepts.flatMap((c) => [c.name, ...c.synonyms]),
    ...parts.flatMap((p) => p.cues),
    ...REASONING, ...EXAMPLES, ...TRADE_OFFS, ...STEPS, ...REFLECTION,
    ...Object.values(STAR_CUES).flat(),
  ]);
  return {
    behavioral,
    concepts,
    conceptsFromBank: bankConcepts.length > 0,
    parts,
    partsFromBank: bankParts.length > 0,
    referenceStems,
    questionTerms: questionTerms.map((t) => stem(t)),
    vocabulary,
  };
}

/** Content words of the question that name its topic, in order, one per stem ("concurrency", "parallelism"). */
export function keyTermsOf(questionText: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const token of rawTokens(questionText)) {
    const lower = token.text.toLowerCase();
    const s = stem(lower);
    if (!isContentWord(lower) || QUESTION_FRAME.has(lower) || seen.has(s) || lower.length < 3) continue;
    seen.add(s);
    terms.push(lower);
    if (terms.length === MAX_DERIVED_TERMS) break;
  }
  return terms;
}

function contentStemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of rawTokens(text)) {
    const lower = token.text.toLowerCase();
    if (isContentWord(lower)) out.add(stem(lower));
  }
  return out;
}

function genericParts(behavioral: boolean, questionTerms: string[]): ExpectedPart[] {
  if (behavioral) return STAR_PARTS.map((name) => ({ name, cues: [...STAR_CUES[name]] }));
  const topic = questionTerms.length > 0 ? [{ name: 'the topic the question asks about', cues: questionTerms }] : [];
  return [
    ...topic,
    { name: 'the reasoning behind the answer', cues: REASONING },
    { name: 'a concrete example', cues: EXAMPLES },
    { name: 'trade-offs or limits', cues: TRADE_OFFS },
  ];
}
