/**
 * The sandbox's recruiter console and hiring channel. No sign-in: these routes answer loopback requests only and
 * are not mounted in production (the configuration refuses SANDBOX=on there, and sandboxEnabled says no).
 */
import express, { type Request, type Response, Router } from 'express';
import { DECISIONS } from '../../../engine/index.js';
import { renderText } from '../../../report/render-text.js';
import { ReportSchema } from '../../../report/schema.js';
import { isAppError } from '../../../shared/errors.js';
import type { WebContext } from '../context.js';
import { webDestinationId } from '../delivery/destinations.js';
import { csrfToken, loopbackOnly, refuseCrossSite } from '../transport/security.js';
import { consoleRoutes } from './console.js';
import { fullReportPage, hiringPage, type PostedReport } from '../views/hiring.js';

const SANDBOX_DECIDER = 'sandbox-hiring-manager';

async function postedReports(ctx: WebContext): Promise<PostedReport[]> {
  const destination = webDestinationId(await ctx.screens.workspace());
  const posts = await ctx.db.reportPost.findMany({
    where: { destination, postedAt: { not: null } },
    orderBy: { postedAt: 'desc' },
    take: 50,
    select: { report: { select: { interviewId: true, data: true, interview: { select: { decisions: true } } } } },
  });
  return posts.flatMap(({ report }) => {
    const parsed = ReportSchema.safeParse(report.data);
    const decision = report.interview.decisions[0];
    if (!parsed.success) return [];
    return [
      {
        interviewId: report.interviewId,
        report: parsed.data,
        decision: decision ? { kind: decision.decision, deciderId: decision.deciderId, at: decision.createdAt } : null,
      },
    ];
  });
}

function hiringRoutes(ctx: WebContext, router: Router, form: express.RequestHandler[]): void {
  router.get('/hiring', loopbackOnly, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.send(hiringPage({ csrf: csrfToken(req, res), posted: await postedReports(ctx) }));
  });
  router.get('/hiring/:id/report', loopbackOnly, async (req, res) => {
    const posted = (await postedReports(ctx)).find((p) => p.interviewId === req.params.id);
    if (!posted)
      return void res
        .status(404)
        .send(hiringPage({ csrf: csrfToken(req, res), posted: [], notice: 'No such report.' }));
    res.send(fullReportPage(posted.report.candidate.name, renderText(posted.report)));
  });
  router.post('/hiring/:id/decision', ...form, async (req, res) => {
    const decision = DECISIONS.find((d) => d === (req.body as Record<string, unknown>).decision);
    const interviewId = String(req.params.id);
    const posted = (await postedReports(ctx)).find((p) => p.interviewId === interviewId);
    if (!decision || !posted)
      return void res.status(400).send(
        hiringPage({
          csrf: csrfToken(req, res),
          posted: await postedReports(ctx),
          notice: 'Choose Advance, Hold or Reject on a card.',
        }),
      );
    await ctx.runner.handle(interviewId, {
      kind: 'decision',
      decision,
      note: null,
      platform: 'web',
      workspaceId: await ctx.screens.workspace(),
      conversationId: 'hiring',
      threadId: null,
      userId: SANDBOX_DECIDER,
      messageId: `web:decision:${interviewId}:${decision}`,
      raw: null,
    });
    res.redirect(303, '/hiring');
  });
}

export function sandboxRouter(ctx: WebContext): Router {
  const router = Router();
  const form = [
    loopbackOnly,
    express.urlencoded({ extended: false, limit: '16kb' }),
    refuseCrossSite(ctx.settings.publicUrl),
  ];
  consoleRoutes(ctx, router, form);
  hiringRoutes(ctx, router, form);
  router.use((error: unknown, _req: Request, res: Response, next: express.NextFunction) => {
    if (!isAppError(error)) return next(error);
    res
      .status(error.code === 'not_found' ? 404 : 400)
      .type('text/plain')
      .send(error.userMessage);
  });
  return router;
}
