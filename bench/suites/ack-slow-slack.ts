/**
 * Ack under a slow Slack (issue item 2): signed `/interview @candidate backend-mid` slash commands at 100 a second
 * for 30 s (8 s in --quick) to the real Slack app while the fake Slack Web API answers every call (and every
 * response_url post) only after 5 s. Slack gives an app 3 s to acknowledge; the app must ack before it calls Slack.
 * Reported: p99 ack latency and how many acks took over 3 s.
 *
 * Baseline, same run, same rate and duration, same slow fake: a bare Bolt app whose /interview handler acks at once
 * and then answers by response_url. The two run one after the other (baseline first), never together: they share
 * this process. The load comes from a second process (../lib/load-client.ts) on loopback, on a fixed schedule
 * (open loop), so a slow ack does not slow the sending. After each phase the fake stops delaying so the backlog of
 * Web API calls the commands started drains quickly, and nothing is left running.
 */
import { SIGNING_SECRET } from '../../test/support/slack-harness.js';
import { startSlackRig } from '../lib/slack-rig.js';
import { describeHost, watchHost, type HostConditions } from '../lib/host-watch.js';
import type { LoadRequest, Sample } from '../lib/load.js';
import type { BenchContext, BenchResult, BenchSuite } from '../lib/result.js';
import { result } from '../lib/result.js';
import { percentile } from '../lib/stats.js';

const RATE = 100;
const SLOW_MS = 5_000;
const SLACK_WINDOW_MS = 3_000;
const P99_LIMIT_MS = 50;
/** How long to let the commands' Slack and database work finish once the fake answers at once again. */
const DRAIN_LIMIT_MS = 90_000;

interface Phase {
  samples: Sample[];
  /** Web API calls (and response_url posts) the fake received while the load ran. */
  callsDuring: number;
  /** Replies posted to response_url while the load ran (each answered only after the 5 s delay). */
  repliesDuring: number;
  host: HostConditions;
  drainMs: number;
  drained: boolean;
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : String(x));

async function within(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const ackSlowSlackSuite: BenchSuite = {
  name: 'ack_slow_slack',
  description: `/interview slash commands at ${RATE}/s while every Slack Web API call takes ${SLOW_MS / 1000} s: ack latency, real app vs a bare Bolt app that acks at once`,
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const seconds = ctx.quick ? 8 : 30;
    const count = RATE * seconds;
    const rig = await startSlackRig(ctx, 'ack', {
      id: 'UBENCHREC',
      name: 'rec',
      real_name: 'Bench Recruiter',
      is_admin: true,
    });
    const { db, slack, clock, subject, baseline, load } = rig;
    try {
      const targets = [baseline.baseUrl, subject.baseUrl];

      let seq = 0;
      const commands = (target: 0 | 1, n: number): LoadRequest[] =>
        Array.from({ length: n }, () => {
          seq += 1;
          const key = `ack-${seq}`;
          const body = subject.driver.commandBody(
            '/interview',
            'UBENCHREC',
            `<@UCA${String(seq).padStart(6, '0')}> backend-mid`,
            slack.responseUrl(key),
          );
          return { target, contentType: 'application/x-www-form-urlencoded', body, key };
        });
      const idleOf = (target: 0 | 1) => (target === 0 ? baseline.idle() : subject.platform.idle());
      /** Sends at RATE, then lets the fake answer at once and waits for the work the commands started. */
      const phase = async (target: 0 | 1, n: number, delayMs: number): Promise<Phase> => {
        clock.set(new Date());
        slack.delayMs = delayMs;
        const callsBefore = slack.calls.length;
        const repliesBefore = slack.responses.length;
        const watch = watchHost();
        const samples = await load.run({
          targets,
          path: '/slack/events',
          secret: SIGNING_SECRET,
          ratePerSecond: RATE,
          requests: commands(target, n),
        });
        const callsDuring = slack.calls.length - callsBefore;
        const repliesDuring = slack.responses.length - repliesBefore;
        const host = watch.stop();
        slack.delayMs = 0;
        slack.releaseDelays();
        const drainStarted = Date.now();
        const drained = await within(idleOf(target), DRAIN_LIMIT_MS);
        return { samples, callsDuring, repliesDuring, host, drainMs: Date.now() - drainStarted, drained };
      };

      // Warm-up of both with a fast Slack, so neither pays for first-call compilation in the measured phase.
      const warmup = ctx.quick ? RATE / 2 : RATE;
      await phase(0, warmup, 0);
      await phase(1, warmup, 0);
      const base = await phase(0, count, SLOW_MS);
      ctx.log(
        `baseline: ${count} commands in ${seconds} s, ${base.callsDuring} slow Slack calls started and ${base.repliesDuring} replies posted meanwhile, drained in ${(base.drainMs / 1000).toFixed(1)} s; ${describeHost(base.host)}`,
      );
      const subj = await phase(1, count, SLOW_MS);
      ctx.log(
        `subject:  ${count} commands in ${seconds} s, ${subj.callsDuring} slow Slack calls started and ${subj.repliesDuring} replies posted meanwhile, drained in ${(subj.drainMs / 1000).toFixed(1)} s${subj.drained ? '' : ' (NOT drained: gave up waiting)'}; ${describeHost(subj.host)}`,
      );

      const acked = (s: Sample[]) => s.filter((x) => x.status === 200).map((x) => x.latencyMs);
      const failed = (s: Sample[]) => s.filter((x) => x.status !== 200).length;
      const over = (s: Sample[]) => s.filter((x) => x.status !== 200 || x.latencyMs > SLACK_WINDOW_MS).length;
      const subjAck = acked(subj.samples);
      const baseAck = acked(base.samples);
      const p99 = percentile(subjAck, 99);
      const baseP99 = percentile(baseAck, 99);
      const over3 = over(subj.samples);
      const started = await db.interview.count({ where: { workspace: { externalId: subject.bot.teamId } } });
      ctx.log(
        `ack p50 ${fmt(percentile(subjAck, 50))} ms vs ${fmt(percentile(baseAck, 50))} ms, p99 ${fmt(p99)} ms vs ${fmt(baseP99)} ms, max ${fmt(percentile(subjAck, 100))} vs ${fmt(percentile(baseAck, 100))}`,
      );
      ctx.log(
        `over 3 s or unanswered: ${over3} subject, ${over(base.samples)} baseline; not 200: ${failed(subj.samples)} subject, ${failed(base.samples)} baseline; ${started} screens started by the real app`,
      );

      const how = `${count} signed /interview commands at ${RATE}/s for ${seconds} s from a second process; every fake Slack Web API call and response_url post answered after ${SLOW_MS / 1000} s (${subj.callsDuring} such calls started during the subject's load); baseline: bare Bolt app acking at once, same load, same slow fake`;
      const p99Met = p99 <= P99_LIMIT_MS && over3 === 0;
      const context = `subject phase: ${describeHost(subj.host)}; baseline phase: ${describeHost(base.host)}`;
      const missed = p99Met
        ? ''
        : `MISSED: p99 ${fmt(p99)} ms (limit ${P99_LIMIT_MS} ms), ${over3} acks over 3 s or unanswered (${failed(subj.samples)} not 200); ${context}. `;
      return [
        result({
          name: 'ack_slow_slack.p50',
          value: percentile(subjAck, 50),
          unit: 'ms',
          baseline: percentile(baseAck, 50),
          target: 'none (reported)',
          met: null,
          note: `Slash command request to ack median. ${how}.`,
        }),
        result({
          name: 'ack_slow_slack.p99',
          value: p99,
          unit: 'ms',
          baseline: baseP99,
          target: `<= ${P99_LIMIT_MS} ms`,
          met: p99Met,
          note: `${missed}${how}.`,
        }),
        result({
          name: 'ack_slow_slack.over_3s',
          value: over3,
          unit: 'acks',
          baseline: null,
          target: '0',
          met: over3 === 0,
          note: `Acks slower than Slack's 3 s window, or never answered, out of ${count} (baseline had ${over(base.samples)}). Slowest ack ${fmt(percentile(subjAck, 100))} ms, against ${SLOW_MS / 1000} s for any Web API answer: no ack waited on Slack. Work after the ack: ${subj.repliesDuring} of ${count} replies posted during the load (the Web API client runs at most 100 calls at once, so a 5 s Slack allows 20 calls/s); the rest drained in ${(subj.drainMs / 1000).toFixed(1)} s once the fake answered at once; ${started} screens started in all.`,
        }),
      ];
    } finally {
      slack.delayMs = 0;
      slack.releaseDelays();
      await rig.close();
    }
  },
};
