/**
 * Every background job, one file each (name, queue, zod payload schema, typed handler). The BullMQ worker and the
 * in-process host run this same list.
 */
import { adviseTurnJob } from './advise-turn.js';
import { buildReportJob } from './build-report.js';
import { deliverMessagesJob } from './deliver-messages.js';
import { fireTimerJob } from './fire-timer.js';
import { postReportJob } from './post-report.js';
import { scoreAnswerJob } from './score-answer.js';

export { adviseTurnJob, buildReportJob, deliverMessagesJob, fireTimerJob, postReportJob, scoreAnswerJob };

export const BACKGROUND_JOBS = [
  deliverMessagesJob,
  fireTimerJob,
  adviseTurnJob,
  scoreAnswerJob,
  buildReportJob,
  postReportJob,
];
