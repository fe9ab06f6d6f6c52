import { createHash } from 'node:crypto';

/**
 * Turn and answer ids derived from the interview id and the turn's order. The step stays pure (no random ids),
 * a retried step produces the same ids, and a job payload can name an answer before its row exists.
 */
export function derivedId(interviewId: string, what: 'turn' | 'answer' | 'advice', order: number): string {
  const hex = createHash('sha256').update(`${interviewId}/${what}/${order}`).digest('hex');
  // Shaped like a UUID (version nibble 8: custom) so it sits comfortably next to generated ids.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function timerId(
  interviewId: string,
  seq: number,
  kind: 'quiet' | 'reminder' | 'expiry' | 'advice' = 'quiet',
): string {
  return `${interviewId}:${kind}:${seq}`;
}
