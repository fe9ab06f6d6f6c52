/**
 * The sandbox's recruiter console. Every form answers 303 See Other to a GET page (POST, redirect, GET), so a
 * reload repeats a read, never a screen start or a revocation. Revoking links asks first, on a page of its own.
 */
import type express from 'express';
import type { Request, Response, Router } from 'express';
import { LEVELS, SKILL_AREAS } from '../../../scoring/types.js';
import type { WebContext } from '../context.js';
import { webDestinationId } from '../delivery/destinations.js';
import { flashIssued, takeIssued } from '../flash.js';
import { parseNewScreen, SANDBOX_RECRUITER } from '../interviews/screens.js';
import { csrfToken, loopbackOnly } from '../transport/security.js';
import { consolePage, revokePage, type ConsolePageInput, type FormValues } from '../views/console.js';

async function reportedIds(ctx: WebContext, interviewIds: string[]): Promise<Set<string>> {
  const destination = webDestinationId(await ctx.screens.workspace());
  const posts = await ctx.db.reportPost.findMany({
    where: { destination, postedAt: { not: null }, report: { interviewId: { in: interviewIds } } },
    select: { report: { select: { interviewId: true } } },
  });
  return new Set(posts.map((p) => p.report.interviewId));
}

async function renderConsole(
  ctx: WebContext,
  req: Request,
  res: Response,
  extra: Partial<ConsolePageInput> = {},
): Promise<void> {
  const screens = await ctx.screens.list();
  const reported = await reportedIds(
    ctx,
    screens.map((s) => s.id),
  );
  const rows = await Promise.all(
    screens.map(async (s) => ({
      ...s,
      notes: (await ctx.conversations.read(s.id))
        .flatMap((i) => (i.entry.kind === 'note' ? [i.entry.text] : []))
        .slice(-2),
      reportUrl: reported.has(s.id) ? `/hiring/${s.id}/report` : null,
    })),
  );
  res.setHeader('Cache-Control', 'no-store');
  res.send(consolePage({ csrf: csrfToken(req, res), screens: rows, ...extra }));
}

function linkBase(ctx: WebContext, req: Request): string {
  return ctx.settings.publicUrl ?? `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

/** The candidate's name, or null when the id is not one of the sandbox's screens. */
async function screenName(ctx: WebContext, interviewId: string): Promise<string | null> {
  const row = await ctx.db.interview.findFirst({
    where: { id: interviewId, workspaceId: await ctx.screens.workspace() },
    select: { candidate: { select: { displayName: true } } },
  });
  return row ? (row.candidate?.displayName ?? '(erased)') : null;
}

/** The link issued by the POST that redirected here, shown this once. */
async function issuedPanel(ctx: WebContext, req: Request, res: Response): Promise<ConsolePageInput['issued']> {
  const token = takeIssued(req, res);
  const found = token ? await ctx.links.lookup(token) : null;
  if (!token || !found?.ok) return undefined;
  const name = await screenName(ctx, found.claims.interviewId);
  return {
    url: `${linkBase(ctx, req)}/c/${token}`,
    expiresAt: new Date(found.claims.expiresAt),
    candidateName: name ?? '',
  };
}

/** The role and level of the screen started last, kept for the next one (they are in the redirect's query). */
function chosen(req: Request): FormValues {
  const skillArea = SKILL_AREAS.find((s) => s === req.query.skillArea);
  const level = LEVELS.find((l) => l === req.query.level);
  return { ...(skillArea ? { skillArea } : {}), ...(level ? { level } : {}) };
}

function formValues(body: Record<string, unknown>): FormValues {
  const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
  return {
    candidateName: text('candidateName'),
    skillArea: text('skillArea'),
    level: text('level'),
    questions: text('questions'),
  };
}

async function issueAndRedirect(
  ctx: WebContext,
  req: Request,
  res: Response,
  interviewId: string,
  location: string,
): Promise<void> {
  const { token } = await ctx.links.issue(interviewId, SANDBOX_RECRUITER);
  flashIssued(req, res, token);
  res.redirect(303, location);
}

export function consoleRoutes(ctx: WebContext, router: Router, form: express.RequestHandler[]): void {
  router.get('/', loopbackOnly, async (req, res) => {
    const revokedId = typeof req.query.revoked === 'string' ? req.query.revoked : null;
    const revokedName = revokedId ? await screenName(ctx, revokedId) : null;
    const notice =
      revokedName === null
        ? undefined
        : `Every link of ${revokedName}’s screen was revoked: those links now show that they no longer work. New link issues another.`;
    await renderConsole(ctx, req, res, { issued: await issuedPanel(ctx, req, res), notice, values: chosen(req) });
  });
  router.post('/screens', ...form, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const screen = parseNewScreen(body);
    // A refused form is shown again as typed; posting it again changes nothing, so no redirect is needed.
    if (typeof screen === 'string')
      return renderConsole(ctx, req, res.status(400), { problem: screen, values: formValues(body) });
    const interviewId = await ctx.screens.start(screen);
    ctx.logger.info({ interviewId, platform: 'web' }, 'sandbox screen started');
    await issueAndRedirect(
      ctx,
      req,
      res,
      interviewId,
      `/?${new URLSearchParams({ skillArea: screen.skillArea, level: screen.level }).toString()}`,
    );
  });
  router.post('/screens/:id/links', ...form, async (req, res) => {
    const interviewId = String(req.params.id);
    if ((await screenName(ctx, interviewId)) === null)
      return renderConsole(ctx, req, res.status(404), { problem: 'That screen does not exist.' });
    await issueAndRedirect(ctx, req, res, interviewId, '/');
  });
  router.get('/screens/:id/revoke', loopbackOnly, async (req, res) => {
    const interviewId = String(req.params.id);
    const name = await screenName(ctx, interviewId);
    if (name === null) return renderConsole(ctx, req, res.status(404), { problem: 'That screen does not exist.' });
    res.setHeader('Cache-Control', 'no-store');
    res.send(revokePage({ csrf: csrfToken(req, res), interviewId, candidateName: name }));
  });
  router.post('/screens/:id/revoke', ...form, async (req, res) => {
    const interviewId = String(req.params.id);
    if ((await screenName(ctx, interviewId)) === null)
      return renderConsole(ctx, req, res.status(404), { problem: 'That screen does not exist.' });
    await ctx.links.revokeAll(interviewId, SANDBOX_RECRUITER);
    res.redirect(303, `/?${new URLSearchParams({ revoked: interviewId }).toString()}`);
  });
}
