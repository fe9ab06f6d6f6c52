/**
 * `npm run cli -- jobs`              queues with waiting/active/delayed/failed/completed counts and the latest errors
 * `npm run cli -- jobs retry <id>`   retries one failed job
 */
import { loadConfigOrExit } from '../../config/load.js';
import { formatOverview, overview, retryFailedJob } from '../../background/queue/inspect.js';
import { createQueues } from '../../background/queue/queues.js';
import { isAppError } from '../../shared/errors.js';
import { bullConnectionOptions, probeRedis, redisTarget } from '../../shared/redis.js';
import type { CliIo } from '../io.js';

export const summary = 'show job queues and failures; retry a failed job';

export async function run(args: string[], io: CliIo): Promise<number> {
  const env = loadConfigOrExit();
  // BullMQ waits for Redis forever; a command someone is waiting on says at once that it cannot work.
  const down = await probeRedis(env.REDIS_URL);
  if (down) {
    io.err(`Redis at ${redisTarget(env.REDIS_URL)} is unreachable (${down}): start Redis there or set REDIS_URL.`);
    return 1;
  }
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
