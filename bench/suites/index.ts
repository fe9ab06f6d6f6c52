/** Every suite `npm run bench` runs, in order. */
import type { BenchSuite } from '../lib/result.js';

export const SUITES: BenchSuite[] = [];
