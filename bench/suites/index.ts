/** Every suite `npm run bench` runs, in order. */
import type { BenchSuite } from '../lib/result.js';
import { reportBuildSuite } from './report-build.js';
import { scoringThroughputSuite } from './scoring-throughput.js';
import { memorySuite } from './memory.js';
import { turnOverheadSuite } from './turn-overhead.js';
import { ackSlowSlackSuite } from './ack-slow-slack.js';
import { tokensSuite } from './tokens.js';

export const SUITES: BenchSuite[] = [
  reportBuildSuite,
  scoringThroughputSuite,
  memorySuite,
  turnOverheadSuite,
  ackSlowSlackSuite,
  tokensSuite,
];
