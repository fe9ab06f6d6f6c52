import type { BankQuestion, ScoringQuestion } from '../types.js';

/** What the scorer needs of a bank question, as a fresh object (the bank itself is frozen and shared). */
export function toScoringQuestion(question: BankQuestion): ScoringQuestion {
  return {
    id: question.id,
    kind: question.kind,
    text: question.text,
    concepts: question.concepts.map((c) => ({ name: c.name, synonyms: [...c.synonyms] })),
    expectedParts: question.expectedParts.map((p) => ({ name: p.name, cues: [...p.cues] })),
    referenceAnswer: question.referenceAnswer,
    misconceptions: (question.misconceptions ?? []).map((m) => ({ claim: m.claim, cues: m.cues.map((g) => [...g]) })),
  };
}
