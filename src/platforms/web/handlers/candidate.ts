/**
 * The candidate's side: `/c/<token>`. No account: the signed link is the credential. Every request checks the link
 * (signature, expiry, revocation) and the rate limits before anything else.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import type { InboundEvent, RunOutcome } from '../../../engine/index.js';
import { isAppError } from '../../../shared/errors.js';
import type { WebContext } from '../context.js';
import type { LinkClaims } from '../links.js';
import { linkFingerprint } from '../links.js';
import { normalizeCommand, normalizeEdit, normalizeMessage, type Refused, type Unconfirmed } from '../normalize.js';
import { hitAll, LIMITS, type Limit } from '../transport/rate-limit.js';
import { clientAddress, csrfToken, refuseCrossSite } from '../transport/security.js';
import { chatPage, confirmPage, CONFIRMED_COMMANDS, problemPage } from '../views/chat.js';
import { streamEvents } from './events.js';

type Kind = 'lookup' | 'message';

/** The link's claims, or null after answering with the page that explains what is wrong. */
async function admit(ctx: WebContext, req: Request, res: Response, kind: Kind): Promise<LinkClaims | null> {
  const token = String(req.params.token ?? '');
  const [perLink, perIp]: [Limit, Limit] =
    kind === 'lookup' ? [LIMITS.lookupPerLink, LIMITS.lookupPerIp] : [LIMITS.messagePerLink, LIMITS.messagePerIp];
  const base = `${ctx.keyPrefix}:web:rate:${kind}`;
  const limited = await hitAll(
    ctx.redis,
    [
      [`${base}:link:${linkFingerprint(token)}`, perLink],
      [`${base}:ip:${clientAddress(req)}`, perIp],
    ],
    ctx.clock.now().getTime(),
  );
  res.setHeader('Cache-Control', 'no-store');
  if (!limited.ok) {
    res.status(429).setHeader('Retry-After', String(limited.retryAfterSeconds)).send(problemPage('limited'));
    return null;
  }
  const found = await ctx.links.lookup(token);
  if (found.ok) return found.claims;
  res.status(found.reason === 'unknown' ? 404 : 410).send(problemPage(found.reason));
  return null;
}

function event(
  claims: LinkClaims,
  candidateUserId: string,
  workspaceId: string,
  rest: Record<string, unknown>,
): InboundEvent {
  return {
    platform: 'web',
    workspaceId,
    conversationId: claims.interviewId,
    threadId: null,
    userId: candidateUserId,
    raw: null,
    ...rest,
  } as InboundEvent;
}

async function sendToEngine(
  ctx: WebContext,
  claims: LinkClaims,
  build: (userId: string, workspaceId: string) => InboundEvent,
): Promise<RunOutcome> {
  const row = await ctx.db.interview.findUniqueOrThrow({
    where: { id: claims.interviewId },
    select: { workspaceId: true, candidate: { select: { platformUserId: true } } },
  });
  // Erasure needs nothing here: it deletes the interview's WebMessage rows with the rest of its personal data.
  return ctx.runner.handle(claims.interviewId, build(row.candidate?.platformUserId ?? '', row.workspaceId));
}

/** A form post answers with a redirect back to the page; the page's script asks for 204 instead. */
function done(req: Request, res: Response): void {
  if (req.get('x-requested-with') === 'fetch') res.status(204).end();
  else res.redirect(303, `/c/${String(req.params.token)}`);
}

function failed(ctx: WebContext, res: Response, error: unknown): void {
  ctx.logger.warn(
    { err: { message: error instanceof Error ? error.message : String(error) } },
    'web candidate request failed',
  );
  res
    .status(isAppError(error) && error.code === 'conflict' ? 409 : 500)
    .type('text/plain')
    .send(isAppError(error) ? error.userMessage : 'Something went wrong. Please try again.');
}

const REFUSALS: Record<Refused['reason'], string> = {
  no_text: 'Write a message first.',
  unknown_command: 'Unknown command.',
  no_edit: 'Choose one of your messages and write its new text.',
};

function refuse(req: Request, res: Response, post: Refused | Unconfirmed): void {
  if (post.kind === 'confirm') return void res.redirect(303, `/c/${String(req.params.token)}/confirm/${post.command}`);
  res.status(400).type('text/plain').send(REFUSALS[post.reason]);
}

/** Runs a post's work, then answers it as done or as failed. */
async function answering(ctx: WebContext, req: Request, res: Response, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    done(req, res);
  } catch (error) {
    failed(ctx, res, error);
  }
}

/** Shows what the candidate said in their conversation, then hands it to the engine. */
async function sayAndSend(
  ctx: WebContext,
  claims: LinkClaims,
  said: { text: string; messageId: string | null },
  rest: Record<string, unknown>,
): Promise<void> {
  await ctx.conversations.append(claims.interviewId, {
    kind: 'said',
    from: 'candidate',
    ...said,
    at: ctx.clock.now().toISOString(),
  });
  await sendToEngine(ctx, claims, (userId, ws) => event(claims, userId, ws, rest));
}

export function candidateRouter(ctx: WebContext): Router {
  const router = Router();
  const form = [express.urlencoded({ extended: false, limit: '32kb' }), refuseCrossSite(ctx.settings.publicUrl)];

  router.get('/c/:token', async (req, res) => {
    const claims = await admit(ctx, req, res, 'lookup');
    if (!claims) return;
    const row = await ctx.db.interview.findUniqueOrThrow({
      where: { id: claims.interviewId },
      select: { status: true, role: { select: { title: true } } },
    });
    const entries = await ctx.conversations.read(claims.interviewId);
    res.send(
      chatPage({
        token: String(req.params.token),
        entries,
        csrf: csrfToken(req, res),
        roleTitle: row.role.title,
        status: row.status,
      }),
    );
  });

  router.get('/c/:token/confirm/:command', async (req, res) => {
    const command = CONFIRMED_COMMANDS.find((c) => c === req.params.command);
    if (!command) return void res.status(404).send(problemPage('unknown'));
    if (!(await admit(ctx, req, res, 'lookup'))) return;
    res.send(confirmPage({ token: String(req.params.token), csrf: csrfToken(req, res), command }));
  });

  router.get('/c/:token/events', async (req, res) => {
    const claims = await admit(ctx, req, res, 'lookup');
    if (claims) streamEvents(ctx, req, res, claims.interviewId);
  });

  router.post('/c/:token/messages', ...form, async (req, res) => {
    const claims = await admit(ctx, req, res, 'message');
    if (!claims) return;
    const post = normalizeMessage(claims.interviewId, req.body, randomUUID);
    if (post.kind !== 'message') return refuse(req, res, post);
    const { text, messageId } = post;
    await answering(ctx, req, res, async () => {
      // A resubmitted form (same client id) is shown once and reaches the engine once.
      const first = await ctx.redis.set(`${ctx.keyPrefix}:web:seen:${messageId}`, '1', 'EX', 7 * 24 * 3600, 'NX');
      if (first === 'OK') await sayAndSend(ctx, claims, { text, messageId }, { kind: 'message', text, messageId });
    });
  });

  router.post('/c/:token/commands', ...form, async (req, res) => {
    const claims = await admit(ctx, req, res, 'message');
    if (!claims) return;
    const post = normalizeCommand(claims.interviewId, req.body, randomUUID);
    if (post.kind !== 'command') return refuse(req, res, post);
    const { command, messageId } = post;
    await answering(ctx, req, res, () =>
      sayAndSend(ctx, claims, { text: command, messageId: null }, { kind: 'command', command, messageId }),
    );
  });

  router.post('/c/:token/edits', ...form, async (req, res) => {
    const claims = await admit(ctx, req, res, 'message');
    if (!claims) return;
    const post = normalizeEdit(req.body);
    if (post.kind !== 'edit') return refuse(req, res, post);
    const { text, messageId } = post;
    const own = (await ctx.conversations.read(claims.interviewId)).some(
      (i) => i.entry.kind === 'said' && i.entry.messageId === messageId,
    );
    if (!own) return refuse(req, res, { kind: 'refused', reason: 'no_edit' });
    await answering(ctx, req, res, async () => {
      const outcome = await sendToEngine(ctx, claims, (userId, ws) =>
        event(claims, userId, ws, { kind: 'message_edited', text, messageId }),
      );
      // The page marks the message "(edited)" only when the engine took the edit; when it refused (the report was
      // already built, the interview ended), its reply says so and the message stays as it was.
      if (outcome.effects.some((e) => e.type === 'edit_answer')) {
        await ctx.conversations.append(claims.interviewId, {
          kind: 'edited',
          messageId,
          text,
          at: ctx.clock.now().toISOString(),
        });
      }
    });
  });
  return router;
}
