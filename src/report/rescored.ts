/**
 * What a re-score changed: when answers carry older scoring runs, the report names the version it shows and, per
 * older version, the questions whose overall moved by more than one point, so a hiring manager sees at a glance
 * that the numbers are not the ones first posted.
 */
import { describeQuestions } from './labels.js';
import type { ReportQuestion, Rescored, ScorerDescription } from './schema.js';

/** An overall that moves by more than this between two versions is named on the card. */
export const RESCORE_NOTABLE_CHANGE = 1;

/** "Offline rubric scorer v2.0.0"; a label that already names its version is kept as it is. */
export function scorerName(scorer: { label: string; version: string }): string {
  return scorer.label.includes(scorer.version) ? scorer.label : `${scorer.label} v${scorer.version}`;
}

type Key = { id: string; version: string };
const same = (a: Key, b: Key): boolean => a.id === b.id && a.version === b.version;

export function rescoredOf(
  questions: readonly ReportQuestion[],
  scorers: readonly ScorerDescription[],
): Rescored | null {
  const first = questions.find((q) => q.scoredWith && q.olderScores.length > 0);
  const shown = first?.scoredWith;
  if (!first || !shown) return null;
  const described = scorers.find((s) => same(s, shown));
  const scorer = {
    id: shown.id,
    version: shown.version,
    label: described?.label ?? first.scorer ?? `${shown.id} ${shown.version}`,
  };
  const older: Rescored['older'] = [];
  for (const q of questions) {
    for (const o of q.olderScores) {
      let entry = older.find((e) => same(e, o));
      if (!entry) older.push((entry = { id: o.id, version: o.version, label: o.label, differing: [] }));
      if (q.overall !== null && o.overall !== null && Math.abs(q.overall - o.overall) > RESCORE_NOTABLE_CHANGE)
        entry.differing.push(q.index);
    }
  }
  return { scorer, older };
}

/** How an older version is named beside the shown one: its version alone when it is the same scorer. */
export function olderName(older: { id: string; version: string; label: string }, shownId: string | undefined): string {
  return older.id === shownId ? `v${older.version}` : scorerName(older);
}

/** "Re-scored with Offline rubric scorer v2.0.0; questions 2 and 4 differ by more than 1 point from v1.0.0." */
export function rescoredSentence(rescored: Rescored): string {
  const parts = rescored.older.map((o) => {
    const name = olderName(o, rescored.scorer.id);
    return o.differing.length > 0
      ? `${describeQuestions(o.differing)} ${o.differing.length === 1 ? 'differs' : 'differ'} by more than ${RESCORE_NOTABLE_CHANGE} point from ${name}`
      : `no question differs by more than ${RESCORE_NOTABLE_CHANGE} point from ${name}`;
  });
  return `Re-scored with ${scorerName(rescored.scorer)}; ${parts.join('; ')}.`;
}
