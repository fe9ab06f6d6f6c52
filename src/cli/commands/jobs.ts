/**
 * `npm run cli -- jobs`              queues with waiting/active/delayed/failed/completed counts and the latest errors
 * `npm run cli -- jobs retry <id>`   retries one failed job
 */
import { loadConfigOrExit } from '../../config/load.js';
import { formatOverview, overview, retryFailedJob } from '../../queue/inspect.js';
import { createQueues } from '../../queue/queues.js';
import { isAppError } from '../../shared/errors.js';
import { bullConnectionOptions } from '../../shared/redis.js';
import type { CliIo } from '../io.js';

export const summary = 'show job queues and failures; retry a failed job';

export async function run(args: string[], io: CliIo): Promise<number> {
  const env = loadConfigOrExit();
  const queues = createQueues(bullConnectionOptions(env.REDIS_URL), env.QUEUE_PREFIX);
  try {
    const [action, id] = args;
    if (action === undefined) {
      io.out(formatOverview(await overview(queues)));
      return 0;
    }
    if (action === 'retry' && id) {
      const retried = await retryFailedJob(queues, id);
      io.out(`Retrying ${retried.name} job ${id} in ${retried.queue}.`);
      return 0;
    }
    io.err('Usage: npm run cli -- jobs [retry <jobId>]');
    return 2;
  } catch (error) {
    if (isAppError(error)) {
      io.err(error.message);
      return error.code === 'not_found' || error.code === 'conflict' ? 2 : 1;
    }
    throw error;
  } finally {
    await queues.close();
  }
}
