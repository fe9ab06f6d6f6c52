/**
 * Turn overhead (issue item 1): signed `message.im` events for open interviews through the real Slack app over
 * HTTP (signature, authorize, ack; then dedupe, the engine's load/step/optimistic-lock commit and its outbox rows)
 * against a bare Bolt app that acks and echoes the same signed events, in the same run.
 *
 * Setup drives N interviews through the real app to the interview phase: `/interview @candidate backend-mid`,
 * delivery of the consent question, "yes", delivery of the introduction. Every measured event is then one more
 * part of the candidate's answer in the interview's thread; the manual clock never reaches the quiet window, so
 * each event is exactly one engine step, one commit and one outbox row (the rescheduled quiet-window timer), and
 * the interview stays in the same phase for the whole run.
 *
 * The load comes from a second process (../lib/load-client.ts) on loopback, at a fixed rate (open loop), and the
 * figure is the HTTP request to response time it sees. Baseline and subject run back to back in alternating
 * rounds (ABBA) after a warm-up of both, never at the same time: they share this process's event loop.
 * Bolt acknowledges an Events API request before its middleware runs, so the ack follows signature, parse and
 * authorize; the turn itself shows in the ack only through contention. The `done` figures show the whole turn:
 * sent to committed (subject) or sent to echoed (baseline), measured across the two processes' clocks.
 */
import { ManualClock } from '../../src/shared/clock.js';
import type { Db } from '../../src/store/prisma.js';
import type { FakeSlack } from '../../test/support/fake-slack.js';
import { dmMessage } from '../../test/support/slack-driver.js';
import { SIGNING_SECRET, type Harness } from '../../test/support/slack-harness.js';
import { startSlackRig } from '../lib/slack-rig.js';
import { describeHost, watchHost, worst, type HostConditions } from '../lib/host-watch.js';
import type { LoadRequest, Sample } from '../lib/load.js';
import type { BenchContext, BenchResult, BenchSuite } from '../lib/result.js';
import { result } from '../lib/result.js';
import { percentile } from '../lib/stats.js';

const ANSWER_PART =
  'In my last role I owned the orders API: Node and PostgreSQL, with a Redis cache in front of the hot reads. ' +
  'When checkout got slow I found the missing composite index with EXPLAIN ANALYZE and batched the stock look-ups.';

interface Settings {
  interviews: number;
  warmupPerSide: number;
  perSide: number;
  rounds: number;
  ratePerSecond: number;
}

const QUICK: Settings = { interviews: 30, warmupPerSide: 40, perSide: 300, rounds: 4, ratePerSecond: 50 };
const FULL: Settings = { interviews: 100, warmupPerSide: 200, perSide: 2000, rounds: 8, ratePerSecond: 50 };

interface OpenInterview {
  id: string;
  candidate: string;
  channel: string;
  threadTs: string;
}

/** /interview, consent question, "yes", introduction: the interview waits for the candidate's introduction. */
async function openInterview(
  harness: Harness,
  slack: FakeSlack,
  db: Db,
  clock: ManualClock,
  n: number,
): Promise<OpenInterview> {
  const candidate = `UCB${String(n).padStart(4, '0')}`;
  slack.users.set(candidate, { id: candidate, name: `cand${n}`, real_name: `Candidate ${n}`, tz: 'Europe/London' });
  const sent = await harness.driver.command(
    '/interview',
    'UBENCHADMIN',
    `<@${candidate}> backend-mid`,
    slack.responseUrl(`start-${n}`),
  );
  if (sent.status !== 200) throw new Error(`/interview answered ${sent.status}`);
  await harness.platform.idle();
  const interview = await db.interview.findFirst({
    where: { candidate: { platformUserId: candidate }, workspace: { externalId: harness.bot.teamId } },
  });
  if (!interview?.platformConversationId || !interview.platformThreadId) {
    throw new Error(
      `no interview started for ${candidate}: ${JSON.stringify(slack.responses.filter((r) => r.key === `start-${n}`).map((r) => r.body.text))}`,
    );
  }
  const open = {
    id: interview.id,
    candidate,
    channel: interview.platformConversationId,
    threadTs: interview.platformThreadId,
  };
  await harness.deliver(open.id);
  const consent = dmMessage({
    channel: open.channel,
    user: candidate,
    text: 'yes',
    ts: `${Math.floor(clock.now().getTime() / 1000)}.${String(n).padStart(6, '0')}`,
    threadTs: open.threadTs,
  });
  await harness.driver.event(consent);
  await harness.deliver(open.id);
  const row = await db.interview.findUniqueOrThrow({ where: { id: open.id } });
  const phase = (row.state as { phase?: string } | null)?.phase;
  if (phase !== 'interview')
    throw new Error(`interview ${open.id} is in phase ${phase ?? '(none)'} after consent, not interview`);
  return open;
}

async function openInterviews(
  harness: Harness,
  slack: FakeSlack,
  db: Db,
  clock: ManualClock,
  count: number,
): Promise<OpenInterview[]> {
  const out: OpenInterview[] = [];
  const batch = 5;
  for (let i = 0; i < count; i += batch) {
    const ns = Array.from({ length: Math.min(batch, count - i) }, (_, k) => i + k);
    out.push(...(await Promise.all(ns.map((n) => openInterview(harness, slack, db, clock, n)))));
  }
  return out;
}

const p = (samples: number[], q: number) => percentile(samples, q);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : String(x));

export const turnOverheadSuite: BenchSuite = {
  name: 'turn_overhead',
  description:
    'signed message.im events through the real Slack app (ack, then dedupe, engine step, commit, outbox) vs a bare Bolt echo app',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const settings = ctx.quick ? QUICK : FULL;
    // The manual clock is set again before each phase and never moved in between, so no quiet window comes due.
    const rig = await startSlackRig(ctx, 'turn', {
      id: 'UBENCHADMIN',
      name: 'bench',
      real_name: 'Bench Admin',
      is_admin: true,
    });
    const { db, slack, clock, subject, baseline, load } = rig;
    try {
      const setupStarted = Date.now();
      const interviews = await openInterviews(subject, slack, db, clock, settings.interviews);
      ctx.log(
        `${interviews.length} interviews opened and consented in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
      );

      // When each subject turn was committed, by the event's ts (the runner's outcome, after the store commit).
      const committedAt = new Map<string, number>();
      const runner = subject.runner;
      const handle = runner.handle.bind(runner);
      runner.handle = async (interviewId, event, current) => {
        const outcome = await handle(interviewId, event, current);
        const ts = (event.raw as { ts?: unknown } | null)?.ts;
        if (typeof ts === 'string' && outcome.committed)
          committedAt.set(ts, performance.timeOrigin + performance.now());
        return outcome;
      };

      let seq = 0;
      const epoch = Math.floor(Date.now() / 1000);
      const events = (target: 0 | 1, count: number, label: string): LoadRequest[] =>
        Array.from({ length: count }, (_, i) => {
          const interview = interviews[i % interviews.length] as OpenInterview;
          seq += 1;
          const ts = `${epoch}.${String(seq).padStart(6, '0')}`;
          const event = dmMessage({
            channel: interview.channel,
            user: interview.candidate,
            text: `${ANSWER_PART} (${seq})`,
            ts,
            threadTs: interview.threadTs,
          });
          return {
            target,
            contentType: 'application/json',
            body: subject.driver.eventBody(event, `EvBench${label}${seq}`),
            key: ts,
          };
        });
      const targets = [baseline.baseUrl, subject.baseUrl];
      const hosts: HostConditions[][] = [[], []];
      const phase = async (target: 0 | 1, count: number, label: string): Promise<Sample[]> => {
        clock.set(new Date());
        const watch = watchHost();
        const samples = await load.run({
          targets,
          path: '/slack/events',
          secret: SIGNING_SECRET,
          ratePerSecond: settings.ratePerSecond,
          requests: events(target, count, label),
        });
        await (target === 0 ? baseline.idle() : subject.platform.idle());
        if (label !== 'W') hosts[target]?.push(watch.stop());
        return samples;
      };

      await phase(0, settings.warmupPerSide, 'W');
      await phase(1, settings.warmupPerSide, 'W');
      const outboxBefore = await db.outboxEvent.count();
      const measured: Sample[][] = [[], []];
      const perRoundP99: string[] = [];
      const perRound = Math.ceil(settings.perSide / settings.rounds);
      for (let r = 0; r < settings.rounds; r++) {
        const order: Array<0 | 1> = r % 2 === 0 ? [0, 1] : [1, 0];
        const got: Sample[][] = [[], []];
        for (const target of order) got[target] = await phase(target, perRound, `R${r}`);
        measured[0]?.push(...(got[0] ?? []));
        measured[1]?.push(...(got[1] ?? []));
        perRoundP99.push(
          `${fmt(
            p(
              (got[1] ?? []).map((x) => x.latencyMs),
              99,
            ),
          )}/${fmt(
            p(
              (got[0] ?? []).map((x) => x.latencyMs),
              99,
            ),
          )}`,
        );
      }
      const outboxRows = (await db.outboxEvent.count()) - outboxBefore;

      const [baseSamples, subjSamples] = measured as [Sample[], Sample[]];
      const conditions = `subject phases: ${describeHost(worst(hosts[1] ?? []))}; baseline phases: ${describeHost(worst(hosts[0] ?? []))} (worst of ${settings.rounds} rounds each)`;
      const failed = (s: Sample[]) => s.filter((x) => x.status !== 200).length;
      const ack = (s: Sample[]) => s.filter((x) => x.status === 200).map((x) => x.latencyMs);
      const doneOf = (s: Sample[], at: Map<string, number>) =>
        s.flatMap((x) => (at.has(x.key) ? [(at.get(x.key) as number) - x.sentAt] : []));
      const baseAck = ack(baseSamples);
      const subjAck = ack(subjSamples);
      const baseDone = doneOf(baseSamples, baseline.echoedAt);
      const subjDone = doneOf(subjSamples, committedAt);
      const errors = `${failed(subjSamples)} subject and ${failed(baseSamples)} baseline requests not answered 200`;
      const committed = `${subjDone.length} of ${subjSamples.length} subject events committed a turn, ${outboxRows} outbox rows written; ${baseDone.length} of ${baseSamples.length} baseline events echoed`;
      ctx.log(
        `${settings.rounds} rounds x ${perRound} events a side at ${settings.ratePerSecond}/s over ${interviews.length} interviews; ${errors}`,
      );
      ctx.log(
        `ack   p50 ${fmt(p(subjAck, 50))} ms vs ${fmt(p(baseAck, 50))} ms, p99 ${fmt(p(subjAck, 99))} ms vs ${fmt(p(baseAck, 99))} ms (max ${fmt(p(subjAck, 100))} vs ${fmt(p(baseAck, 100))})`,
      );
      ctx.log(`ack p99 by round, subject/baseline ms: ${perRoundP99.join(', ')}`);
      ctx.log(conditions);
      ctx.log(
        `done  p50 ${fmt(p(subjDone, 50))} ms vs ${fmt(p(baseDone, 50))} ms, p99 ${fmt(p(subjDone, 99))} ms vs ${fmt(p(baseDone, 99))} ms; ${committed}`,
      );

      const how = `${subjAck.length} signed message.im events (answer parts in ${interviews.length} open interviews) at ${settings.ratePerSecond}/s from a second process, ${settings.rounds} ABBA rounds after a warm-up; baseline: bare Bolt ExpressReceiver app echoing the same events with say()`;
      const p99Ratio = p(subjAck, 99) / p(baseAck, 99);
      const allGood = failed(subjSamples) === 0 && subjDone.length === subjSamples.length;
      const p99Met = p99Ratio <= 1.5 && allGood;
      const p99Note = p99Met
        ? `${how}. Bolt acks events before middleware, so the ack covers signature, parse and authorize; dedupe, engine step, commit and outbox follow it (see the done figures). ${errors}.`
        : `MISSED: p99 ${fmt(p(subjAck, 99))} ms vs ${fmt(p(baseAck, 99))} ms (${fmt(p99Ratio)}x); ${errors}; ${committed}; ${conditions}. ${how}.`;
      return [
        result({
          name: 'turn_overhead.p50',
          value: p(subjAck, 50),
          unit: 'ms',
          baseline: p(baseAck, 50),
          target: 'none (reported)',
          met: null,
          note: `HTTP request to response (ack) median. ${how}.`,
        }),
        result({
          name: 'turn_overhead.p99',
          value: p(subjAck, 99),
          unit: 'ms',
          baseline: p(baseAck, 99),
          target: 'ratio <= 1.5',
          met: p99Met,
          note: p99Note,
        }),
        result({
          name: 'turn_overhead.done_p50',
          value: p(subjDone, 50),
          unit: 'ms',
          baseline: p(baseDone, 50),
          target: 'none (reported)',
          met: null,
          note: `Sent to turn committed (dedupe, load, step, versioned commit with outbox row) vs sent to echo posted to the fake Slack. ${committed}.`,
        }),
        result({
          name: 'turn_overhead.done_p99',
          value: p(subjDone, 99),
          unit: 'ms',
          baseline: p(baseDone, 99),
          target: 'none (reported)',
          met: null,
          note: 'As done_p50, 99th percentile.',
        }),
      ];
    } finally {
      await rig.close();
    }
  },
};
