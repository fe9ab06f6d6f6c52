/**
 * From the numbers to a recommendation. Bands and evidence rules are data, so the thresholds are visible in one place
 * and the rationale (./rationale.ts) is written from the same decision object that holds them: it cannot say
 * something the decision does not.
 */
import type { Aggregates } from './aggregate.js';
import { roundHalfAwayFromZero } from './numbers.js';
import type { Decision, DecisionBasis, PerformanceLevel, ReportQuestion } from './schema.js';

export interface ScoreBand {
  decision: Decision;
  level: Exclude<PerformanceLevel, 'not_rated'>;
  /** Lowest final score (as shown, one decimal) in the band. */
  min: number;
}

/**
 * Bands of the final score, highest first. 5.0 is the middle of the rubric: below it, most of what the rubric looks
 * for was missing across the answers, so the recommendation is reject. 7.0 means the answers met about seven tenths
 * of the rubric on average, which is what a first-round screen should ask for: the essentials, not polish (the next
 * round is with people). The hold band is two points wide on purpose: borderline candidates go to a person.
 */
export const SCORE_BANDS: readonly ScoreBand[] = [
  { decision: 'advance', level: 'strong', min: 7.0 },
  { decision: 'hold', level: 'mixed', min: 5.0 },
  { decision: 'reject', level: 'weak', min: 0 },
];

/**
 * When the evidence is too thin for any decision, the recommendation is hold whatever the score says:
 * - fewer than `minScoredQuestions` answers with a score: two answers say too little about a person;
 * - more than `maxMissingShare` of the questions without a score (scorer failure or nothing recorded): the averages
 *   would rest on a different interview than the one the candidate had;
 * - more than `maxSkippedShare` of the questions skipped: most of the interview did not happen.
 * Beyond these, advance needs complete evidence: no question without a score, none skipped, and a score for each
 * part of the interview that was asked. The bot never recommends advancing on missing evidence.
 */
export const EVIDENCE_RULES = {
  minScoredQuestions: 3,
  maxMissingShare: 0.25,
  maxSkippedShare: 0.5,
} as const;

export interface EvidenceCounts {
  asked: number;
  /** Questions with an overall score. */
  scored: number;
  /** Questions the candidate answered that have no overall score. */
  missing: number[];
  skipped: number[];
  /** Parts of the interview that were asked but have no score. */
  unscoredParts: ('technical' | 'behavioral')[];
}

export interface DecisionOutcome {
  decision: Decision;
  basis: DecisionBasis;
  /** The band of the final score; null when there is no final score. */
  band: ScoreBand | null;
  performanceLevel: PerformanceLevel;
  evidence: EvidenceCounts;
  /** For `not_enough_evidence`: which rule fired. */
  failedRule: keyof typeof EVIDENCE_RULES | null;
}

/** Bands apply to the score as shown (one decimal), so the text can never print 7.0 next to a hold. */
export function bandOf(finalScore: number): ScoreBand {
  const shown = roundHalfAwayFromZero(finalScore, 1);
  const band = SCORE_BANDS.find((b) => shown >= b.min);
  if (!band) throw new RangeError(`no band for ${finalScore}`);
  return band;
}

/** "7.0 and above", "5.0 to 6.9", "below 5.0": read from SCORE_BANDS so text and thresholds cannot drift apart. */
export function bandRange(band: ScoreBand): string {
  const position = SCORE_BANDS.indexOf(band);
  const above = SCORE_BANDS[position - 1];
  if (!above) return `${band.min.toFixed(1)} and above`;
  const top = roundHalfAwayFromZero(above.min - 0.1, 1).toFixed(1);
  return band.min === 0 ? `below ${above.min.toFixed(1)}` : `${band.min.toFixed(1)} to ${top}`;
}

export function countEvidence(questions: readonly ReportQuestion[], aggregates: Aggregates): EvidenceCounts {
  const answered = questions.filter((q) => q.status !== 'skipped');
  const unscoredParts: EvidenceCounts['unscoredParts'] = [];
  if (questions.some((q) => q.kind !== 'behavioral') && aggregates.technicalScore === null)
    unscoredParts.push('technical');
  if (questions.some((q) => q.kind === 'behavioral') && aggregates.behavioralScore === null)
    unscoredParts.push('behavioral');
  return {
    asked: questions.length,
    scored: questions.filter((q) => q.overall !== null).length,
    missing: answered.filter((q) => q.overall === null).map((q) => q.index),
    skipped: questions.filter((q) => q.status === 'skipped').map((q) => q.index),
    unscoredParts,
  };
}

function brokenEvidenceRule(evidence: EvidenceCounts): DecisionOutcome['failedRule'] {
  if (evidence.scored < EVIDENCE_RULES.minScoredQuestions) return 'minScoredQuestions';
  if (evidence.missing.length / evidence.asked > EVIDENCE_RULES.maxMissingShare) return 'maxMissingShare';
  if (evidence.skipped.length / evidence.asked > EVIDENCE_RULES.maxSkippedShare) return 'maxSkippedShare';
  return null;
}

function hasGaps(evidence: EvidenceCounts): boolean {
  return evidence.missing.length > 0 || evidence.skipped.length > 0 || evidence.unscoredParts.length > 0;
}

export function decide(questions: readonly ReportQuestion[], aggregates: Aggregates): DecisionOutcome {
  const evidence = countEvidence(questions, aggregates);
  const band = aggregates.finalScore === null ? null : bandOf(aggregates.finalScore);
  const performanceLevel: PerformanceLevel = band ? band.level : 'not_rated';
  const base = { band, performanceLevel, evidence };
  const failedRule = brokenEvidenceRule(evidence);
  if (failedRule || !band) return { ...base, decision: 'hold', basis: 'not_enough_evidence', failedRule };
  if (band.decision === 'advance' && hasGaps(evidence)) {
    return { ...base, decision: 'hold', basis: 'incomplete_evidence', failedRule: null };
  }
  return { ...base, decision: band.decision, basis: 'score_band', failedRule: null };
}
