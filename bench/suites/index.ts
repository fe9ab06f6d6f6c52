/** Every suite `npm run bench` runs, in order. */
import type { BenchSuite } from '../lib/result.js';
import { turnOverheadSuite } from './turn-overhead.js';
import { ackSlowSlackSuite } from './ack-slow-slack.js';

export const SUITES: BenchSuite[] = [
  turnOverheadSuite,
  ackSlowSlackSuite,
];
