/** Repeated Redis connection errors: the first logged as one line, the rest counted, a summary at most per interval. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/shared/logger.js';
import { createRedisProblems } from '../../src/shared/redis.js';

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), { code: 'ECONNREFUSED' });
}

describe('createRedisProblems', () => {
  it('logs the first error, counts the rest, summarizes once a minute and logs the recovery', () => {
    const records: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write: (chunk: Buffer, _e, done) => (
        records.push(JSON.parse(chunk.toString()) as Record<string, unknown>),
        done()
      ),
    });
    let now = 0;
    const problems = createRedisProblems(
      createLogger({ level: 'info', service: 'test', destination }),
      'redis://user:pw@127.0.0.1:6390',
      { now: () => now },
    );
    for (let i = 0; i < 200; i += 1) {
      now += 250; // a reconnect attempt every quarter second for 50 s
      problems.error(refused());
    }
    expect(records.map((r) => r.msg)).toEqual([
      'Redis at 127.0.0.1:6390 is unreachable (ECONNREFUSED): start Redis there or set REDIS_URL; retrying',
    ]);
    now += 11_000;
    problems.error(refused());
    expect(records.at(-1)).toMatchObject({
      msg: 'Redis at 127.0.0.1:6390 is still unreachable (ECONNREFUSED)',
      errors: 201,
      redis: '127.0.0.1:6390',
    });
    problems.ready();
    problems.ready();
    expect(records.map((r) => r.msg).slice(2)).toEqual(['Redis at 127.0.0.1:6390 is reachable again']);
    expect(JSON.stringify(records)).not.toContain('pw');
  });
});
