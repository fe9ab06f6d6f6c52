/**
 * A stored interview in the transcript format `cli score` reads (src/report/from-transcript.ts), so any interview can
 * be scored again anywhere: every answered turn in order, skipped ones marked, and `questionId` on each turn that was
 * a bank question, so the scorer gets the same rubric it had here. A question asked but never answered has no
 * answer to score and is left out.
 */
import { z } from 'zod';
import { TranscriptSchema, type Transcript } from '../report/from-transcript.js';
import { LEVELS, SKILL_AREAS } from '../scoring/types.js';
import type { InterviewWithTranscript } from '../store/transcript.js';

type TranscriptInput = z.input<typeof TranscriptSchema>;
type TurnInput = TranscriptInput['turns'][number];

const skillArea = z.enum(SKILL_AREAS).optional().catch(undefined);
const level = z.enum(LEVELS).optional().catch(undefined);

function turnsOf(interview: InterviewWithTranscript): TurnInput[] {
  return interview.turns.flatMap((turn): TurnInput[] => {
    const answered = turn.answer?.finalizedAt != null;
    if (!answered && !turn.skipped) return [];
    const bankQuestion = turn.questionId !== null && (turn.kind === 'technical' || turn.kind === 'behavioral');
    return [
      {
        kind: turn.kind,
        question: turn.questionText,
        ...(bankQuestion && turn.questionId ? { questionId: turn.questionId } : {}),
        answer: answered ? (turn.answer?.text ?? '') : '',
        ...(turn.skipped ? { skipped: true } : {}),
      },
    ];
  });
}

/** The interview as transcript JSON; it parses with TranscriptSchema (checked here, so a bad export fails loudly). */
export function exportTranscript(interview: InterviewWithTranscript, now: Date): TranscriptInput {
  const role = interview.role;
  const area = skillArea.parse(role.skillArea);
  const roleLevel = level.parse(role.level);
  const startedAt = interview.startedAt ?? interview.createdAt;
  const transcript: TranscriptInput = {
    candidate: { name: interview.candidate?.displayName?.trim() || 'Candidate' },
    role: { title: role.title, ...(area ? { skillArea: area } : {}), ...(roleLevel ? { level: roleLevel } : {}) },
    startedAt: startedAt.toISOString(),
    endedAt: (interview.completedAt ?? interview.endedAt ?? now).toISOString(),
    turns: turnsOf(interview),
  };
  TranscriptSchema.parse(transcript) satisfies Transcript;
  return transcript;
}
