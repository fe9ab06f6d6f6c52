import type { AnswerFlag, Dimension, DimensionScore, StarScore } from '../types.js';
import type { Components } from './components.js';
import { joinList, plain } from './format.js';
import type { QuestionModel } from './question-model.js';
import type { AnswerSignals } from './signals.js';

export interface Feedback {
  strengths: string[];
  improvements: string[];
}

/** At most this many items each, so the report card stays readable. */
const MAX_ITEMS = 4;

interface Context {
  s: AnswerSignals;
  c: Components;
  model: QuestionModel;
  dims: Record<Dimension, DimensionScore>;
  star: StarScore | undefined;
  flags: readonly AnswerFlag[];
}

/** Plain sentences built only from what the scorer measured; every item can be traced to an evidence string. */
export function buildFeedback(ctx: Context): Feedback {
  const strengths = ctx.c.offTopic || ctx.c.keywordList || ctx.c.restates ? [] : strengthsOf(ctx);
  const improvements = improvementsOf(ctx);
  const clean = (items: string[]) =>
    items
      .map(plain)
      .filter((item) => item.length > 0)
      .slice(0, MAX_ITEMS);
  return { strengths: clean(strengths), improvements: clean(improvements) };
}

function strengthsOf({ s, c, model, dims, star }: Context): string[] {
  const out: string[] = [];
  if (c.misconception) return out;
  if (c.coverage >= 0.6 && s.conceptsExplained.length > 0) {
    const what = model.conceptsFromBank ? 'the key concepts' : 'the key terms of the question';
    out.push(`Explains ${what}: ${joinList(s.conceptsExplained)}.`);
  }
  if (star !== undefined && star.value === 10)
    out.push('Tells the story with a clear situation, task, action and result.');
  else if (star === undefined && s.partsMissing.length === 0 && s.partsFound.length > 0)
    out.push('Addresses every part of the question.');
  if (s.examples > 0 && !model.behavioral) out.push('Grounds the answer in a concrete example.');
  if (!model.behavioral && s.tradeOffs >= 2)
    out.push('Weighs trade-offs and limits instead of giving a one-sided answer.');
  if (model.behavioral && s.reflection > 0) out.push('Reflects on what was learned.');
  if ((dims.clarity.value ?? 0) >= 7) out.push('Explains in clear, complete sentences.');
  return out;
}

function improvementsOf({ s, c, model, star, flags }: Context): string[] {
  const out: string[] = [];
  if (c.offTopic) out.push('Answer the question that was asked; this answer is about something else.');
  if (c.restates) out.push('Say something of your own about the topic; repeating the question earns nothing.');
  for (const m of s.misconceptions) out.push(`Revisit this claim, which is a common misconception: ${m.claim}.`);
  if (c.keywordList) out.push('Write full sentences that explain how the terms relate, instead of listing them.');
  else if (s.conceptsNamed.length > 0 && !c.offTopic)
    out.push(
      `Explain what ${joinList(s.conceptsNamed)} ${s.conceptsNamed.length === 1 ? 'means' : 'mean'} and why it matters, not only the name.`,
    );
  if (flags.includes('very_short')) out.push('Give a fuller answer; this one is very short.');
  if (model.conceptsFromBank && s.conceptsMissing.length > 0 && !c.offTopic && !c.restates) {
    out.push(`Cover the missing concepts: ${joinList(s.conceptsMissing)}.`);
  }
  if (star !== undefined && star.value !== null && star.value < 10) {
    const missing = (['situation', 'task', 'action', 'result'] as const).filter((p) => !star[p]);
    if (missing.length > 0) out.push(`Describe the ${joinList(missing)} of the story.`);
  } else if (star === undefined && s.partsMissing.length > 0 && model.partsFromBank) {
    out.push(`Address the missing parts: ${joinList(s.partsMissing)}.`);
  }
  if (c.focus < 0.7 && !c.offTopic && !c.restates) out.push('Stay on the question; leave out the tangents.');
  if (!model.behavioral && s.examples === 0) out.push('Add a concrete example from real work.');
  if (!model.behavioral && s.tradeOffs === 0) out.push('Discuss trade-offs or when the approach does not fit.');
  if (model.behavioral && s.reflection === 0) out.push('Say what you learned or would do differently.');
  if (flags.includes('truncated_for_scoring'))
    out.push('Keep answers shorter; only the first part of this one was scored.');
  return out;
}
