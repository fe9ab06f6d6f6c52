/** Finding a stored interview for a command: an unknown id and an erased interview are one clear line each. */
import type { Db } from '../store/prisma.js';
import { loadInterviewWithTranscript, type InterviewWithTranscript } from '../store/transcript.js';

export type StoredInterview =
  { ok: true; interview: InterviewWithTranscript } | { ok: false; message: string; exitCode: number };

export async function findStoredInterview(db: Db, interviewId: string): Promise<StoredInterview> {
  const interview = await loadInterviewWithTranscript(db, interviewId);
  if (!interview) return { ok: false, message: `No interview with id ${interviewId}.`, exitCode: 2 };
  if (interview.status === 'erased') {
    return {
      ok: false,
      message: `Interview ${interviewId} was erased at the candidate's request; its answers and scores are gone.`,
      exitCode: 1,
    };
  }
  return { ok: true, interview };
}
