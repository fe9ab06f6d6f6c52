import { phraseStems, rawTokens, vocabularyOf } from '../text/analyze.js';
import { stem } from '../text/stem.js';
import { isContentWord } from '../text/stopwords.js';
import { STAR_PARTS, type Concept, type ExpectedPart, type Misconception, type ScoringQuestion } from '../types.js';
import {
  CHATTER,
  EXAMPLES,
  FILLER,
  QUESTION_FRAME,
  REASONING,
  REFLECTION,
  STAR_CUES,
  STEPS,
  TRADE_OFFS,
} from './lexicons.js';
import { WARNING_FRAME_PHRASES } from './misconceptions.js';

/** Everything the scorer derives from a question once, before looking at the answer. */
export interface QuestionModel {
  behavioral: boolean;
  /** A follow-up: judged on what it asked and on the part of its parent it probes. */
  followUp: boolean;
  /** The rubric's concepts, or the question's own key terms for an ad-hoc question. */
  concepts: Concept[];
  conceptsFromBank: boolean;
  /** The rubric's expected parts (those a follow-up probes), or generic parts for an ad-hoc question. */
  parts: ExpectedPart[];
  partsFromBank: boolean;
  /** Content stems of the reference answer that the question does not already say; null without a reference. */
  referenceStems: ReadonlySet<string> | null;
  /** Content stems of the question (and of a follow-up's parent): copying them earns nothing. */
  echoStems: ReadonlySet<string>;
  /** Stems that mark a sentence as being about the topic: concepts, part cues, the reference, the question. */
  topicStems: ReadonlySet<string>;
  /** Content stems of the question text in order (key terms), kept for ad-hoc topic checks. */
  questionTerms: string[];
  misconceptions: readonly Misconception[];
  /** Stems that count as vocabulary, so a capitalised one in the answer is read as content, not as a name. */
  vocabulary: ReadonlySet<string>;
}

/** Stems of the linking-word lexicons ("because", "first", "for example"): how an answer is built, not its topic. */
const STRUCTURE: ReadonlySet<string> = new Set(
  [...REASONING, ...EXAMPLES, ...TRADE_OFFS, ...STEPS, ...REFLECTION]
    .flatMap((p) => phraseStems(p))
    .filter((s) => isContentWord(s)),
);

/** At most this many key terms are taken from an ad-hoc question's text. */
const MAX_DERIVED_TERMS = 12;

export function buildQuestionModel(question: ScoringQuestion): QuestionModel {
  const parent = question.kind === 'follow_up' ? question.parent : undefined;
  const rubric = parent ?? question;
  const behavioral = question.kind === 'behavioral' || parent?.kind === 'behavioral';
  const questionTerms = keyTermsOf(question.text);
  const rubricConcepts = rubric.concepts ?? [];
  const rubricParts = rubric.expectedParts ?? [];
  const parentTerms = parent ? keyTermsOf(parent.text) : [];
  const concepts =
    rubricConcepts.length > 0
      ? rubricConcepts
      : [...new Set([...questionTerms, ...parentTerms])].map((t) => ({ name: t, synonyms: [] }));
  const probed = parent ? probedParts(question.text, rubricParts, behavioral) : rubricParts;
  const parts = probed.length > 0 ? probed : genericParts(behavioral, questionTerms);
  const echoStems = contentStemsOf([question.text, parent?.text ?? ''].join(' '));
  const reference = rubric.referenceAnswer?.trim() ?? '';
  const referenceStems = reference.length > 0 ? withoutFiller(contentStemsOf(reference), echoStems) : null;
  const conceptStems = concepts.flatMap((c) => [c.name, ...c.synonyms].flatMap(phraseStems));
  const cueStems = parts.flatMap((p) => p.cues.flatMap(phraseStems)).filter((s) => isContentWord(s));
  const vocabulary = vocabularyOf([
    question.text,
    parent?.text ?? '',
    reference,
    ...concepts.flatMap((c) => [c.name, ...c.synonyms]),
    ...parts.flatMap((p) => p.cues),
    ...(rubric.misconceptions ?? []).flatMap((m) => m.cues.flat()),
    // Sentence openers that are words, not names: "People think...", "Honestly, ...".
    ...WARNING_FRAME_PHRASES,
    ...CHATTER,
    ...REASONING,
    ...EXAMPLES,
    ...TRADE_OFFS,
    ...STEPS,
    ...REFLECTION,
    ...Object.values(STAR_CUES).flat(),
  ]);
  return {
    behavioral,
    followUp: question.kind === 'follow_up',
    concepts,
    conceptsFromBank: rubricConcepts.length > 0,
    parts,
    partsFromBank: probed.length > 0,
    referenceStems,
    echoStems,
    topicStems: new Set(
      [...conceptStems, ...cueStems, ...(referenceStems ?? []), ...echoStems].filter(
        (s) => !FILLER.has(s) && !STRUCTURE.has(s),
      ),
    ),
    questionTerms: questionTerms.map((t) => stem(t)),
    misconceptions: rubric.misconceptions ?? [],
    vocabulary,
  };
}

/**
 * The parts of the parent a follow-up asks about: those whose name or cues its text uses ("Tell me more about the
 * situation" probes the situation). A follow-up that names none probes the whole parent.
 */
function probedParts(followUpText: string, parentParts: readonly ExpectedPart[], behavioral: boolean): ExpectedPart[] {
  const parts =
    behavioral && parentParts.length === 0
      ? STAR_PARTS.map((name) => ({ name, cues: [...STAR_CUES[name]] }))
      : [...parentParts];
  const asked = ` ${rawTokens(followUpText)
    .map((t) => stem(t.text))
    .join(' ')} `;
  const mentions = (phrase: string) => {
    const stems = phraseStems(phrase).filter((s) => isContentWord(s));
    return stems.length > 0 && asked.includes(` ${stems.join(' ')} `);
  };
  const named = parts.filter(
    (p) => mentions(p.name) || p.cues.some((cue) => cue.split(/\s+/).length > 1 && mentions(cue)),
  );
  return named.length > 0 ? named : parts;
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

function withoutFiller(stems: ReadonlySet<string>, echo: ReadonlySet<string>): Set<string> {
  return new Set([...stems].filter((s) => !echo.has(s) && !FILLER.has(s)));
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
