import { AppError } from '../../shared/errors.js';
import type { Profile } from '../types.js';

export function extractProfile(introduction: string): Profile {
  throw new AppError('internal', `extractProfile is not finished yet (${introduction.length})`);
}
