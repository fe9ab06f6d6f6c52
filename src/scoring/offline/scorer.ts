import { AppError } from '../../shared/errors.js';
import type { AnswerScorer } from '../types.js';

export const OFFLINE_SCORER_ID = 'offline-rubric';
export const OFFLINE_SCORER_VERSION = '1.0.0';

export function createOfflineScorer(): AnswerScorer {
  return {
    id: OFFLINE_SCORER_ID,
    version: OFFLINE_SCORER_VERSION,
    label: `Offline rubric scorer v${OFFLINE_SCORER_VERSION}`,
    score: () => Promise.reject(new AppError('internal', 'the offline scorer is not finished yet')),
  };
}
