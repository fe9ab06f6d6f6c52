import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTranscript, renderJson, renderText, scoreTranscript, type Transcript } from '../../src/report/index.js';
import { renderReportCard } from '../../src/platforms/slack/cards/report-card.js';
import { renderTeamsCard } from '../../src/platforms/teams/cards/report-card.js';
import {
  defaultQuestionBank,
  toScoringQuestion,
  type AnswerScore,
  type AnswerScorer,
  type ScoreInput,
} from '../../src/scoring/index.js';
import { isAppError } from '../../src/shared/errors.js';
import { TEST_SCORER, score, scriptedScorer, values } from './fixtures.js';

const seed = JSON.parse(readFileSync('test/fixtures/seed-transcript.json', 'utf8')) as Transcript;

function errorOf(data: unknown): string {
  try {
    parseTranscript(data);
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input') return error.message;
    throw error;
  }
  throw new Error('expected the transcript to be rejected');
}

function small(answers: string[], extra: Partial<Transcript> = {}): Transcript {
  return parseTranscript({
    candidate: { name: 'Ada' },
    role: null,
    startedAt: '2026-02-01T10:00:00Z',
    endedAt: '2026-02-01T10:20:00Z',
    turns: [
      {
        kind: 'introduction',
        question: 'Tell me about yourself.',
        answer: 'I am a backend developer with five years of experience in Go.',
      },
      ...answers.map((answer, i) => ({
        kind: i === 1 ? 'behavioral' : 'technical',
        question: `Question ${i + 1}?`,
        answer,
      })),
    ],
    ...extra,
  });
}

describe('parseTranscript', () => {
  it('accepts the seed transcript', () => {
    expect(parseTranscript(seed).turns).toHaveLength(8);
  });

  it('names the bad field path and what was expected', () => {
    const turns = structuredClone(seed.turns) as unknown[];
    (turns[2] as { answer: unknown }).answer = 42;
    expect(errorOf({ ...seed, turns })).toBe('turns[2].answer: expected string, received number');
    expect(errorOf({ ...seed, candidate: {} })).toBe('candidate.name: expected string (missing)');
    expect(errorOf({ ...seed, startedAt: 'yesterday' })).toMatch(/^startedAt: /);
    expect(errorOf({ ...seed, turns: [{ ...seed.turns[0], kind: 'chitchat' }] })).toMatch(/^turns\[0\]\.kind: /);
    expect(errorOf([])).toMatch(/^\(top level\): expected object/);
  });

  it('names every problem, one per line, each with its path', () => {
    const turns = structuredClone(seed.turns) as unknown[];
    (turns[2] as { answer: unknown }).answer = 42;
    (turns[4] as { kind: unknown }).kind = 'chitchat';
    const lines = errorOf({ ...seed, candidate: {}, startedAt: 1, turns }).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines).toContain('candidate.name: expected string (missing)');
    expect(lines).toContain('turns[2].answer: expected string, received number');
    expect(lines.some((l) => l.startsWith('startedAt: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('turns[4].kind: '))).toBe(true);
  });

  it('accepts the role as a plain title', () => {
    expect(parseTranscript({ ...seed, role: 'Front-end engineer' }).role).toEqual({ title: 'Front-end engineer' });
    expect(errorOf({ ...seed, role: '  ' })).toMatch(/^role: /);
  });

  it('refuses a questionId that names no bank question, or one of another kind', () => {
    const behavioral = defaultQuestionBank().questions.find((q) => q.kind === 'behavioral');
    const turns = [
      seed.turns[0],
      { ...seed.turns[1], questionId: 'no-such-question' },
      { ...seed.turns[2], questionId: behavioral?.id },
    ];
    expect(errorOf({ ...seed, turns }).split('\n')).toEqual([
      'turns[1].questionId: no bank question has the id "no-such-question"',
      `turns[2].questionId: "${behavioral?.id}" is a behavioral question, the turn says technical`,
    ]);
  });

  it('refuses an end before the start', () => {
    expect(errorOf({ ...seed, endedAt: '2026-01-06T15:00:00Z' })).toBe('endedAt: earlier than startedAt');
  });
});

describe('scoreTranscript', () => {
  it('sends every non-introduction turn to the scorer as an ad-hoc question, an empty answer included', async () => {
    const scorer = scriptedScorer([
      score(values(5, 5, 5, 5, 5)),
      score(values(6, 6, 6, 6, 6)),
      score(values(0, 0, 0, 0, 0), { flags: ['empty'] }),
    ]);
    const report = await scoreTranscript(small(['First answer here.', 'A story.', '']), { scorer });
    expect(scorer.calls).toEqual([
      { kind: 'technical', text: 'Question 1?', answer: 'First answer here.' },
      { kind: 'behavioral', text: 'Question 2?', answer: 'A story.' },
      { kind: 'technical', text: 'Question 3?', answer: '' },
    ]);
    expect(report.questions[2]?.flags).toContain('empty');
    expect(report.metadata.scorers).toEqual([{ id: 'test-scorer', version: '0.0.1', label: 'Test scorer v0.0.1' }]);
  });

  it('reads the profile from the introduction with the scoring module', async () => {
    const report = await scoreTranscript(small(['x']), { scorer: scriptedScorer([score(values(5, 5, 5, 5, 5))]) });
    expect(report.profile.primarySkillArea).toBe('backend');
    expect(report.statistics.introductionWords).toBe(12);
  });

  it('shows a scorer failure as a missing score on that question, flagged', async () => {
    const scorer = scriptedScorer([score(values(5, 5, 5, 5, 5)), new Error('scorer unavailable')]);
    const report = await scoreTranscript(small(['one', 'two']), { scorer });
    expect(report.questions[1]).toMatchObject({ status: 'not_scored', overall: null });
    expect(report.questions[1]?.flags).toContain('scoring_failed');
    expect(report.flags).toContainEqual(expect.objectContaining({ code: 'missing_score', question: 2 }));
    expect(JSON.stringify(report)).not.toContain('scorer unavailable');
  });

  it('does not send a skipped turn to the scorer', async () => {
    const transcript = small(['one', 'two']);
    const skipped = { ...transcript, turns: transcript.turns.map((t, i) => (i === 2 ? { ...t, skipped: true } : t)) };
    const scorer = scriptedScorer([score(values(5, 5, 5, 5, 5))]);
    const report = await scoreTranscript(skipped, { scorer });
    expect(scorer.calls).toHaveLength(1);
    expect(report.questions[1]?.status).toBe('skipped');
  });

  it('uses the end of the interview as generation time and the given role family', async () => {
    const report = await scoreTranscript(small(['one']), {
      scorer: scriptedScorer([score(values(5, 5, 5, 5, 5))]),
      roleFamily: 'data',
    });
    expect(report.metadata.generatedAt).toBe('2026-02-01T10:20:00.000Z');
    expect(report.role).toEqual({ title: null, skillArea: 'data', level: null });
  });

  it('gives the same JSON twice for the same transcript', async () => {
    const run = async () =>
      renderJson(
        await scoreTranscript(small(['one', 'two']), {
          scorer: scriptedScorer([score(values(5, 6, 7, 8, 9)), score(values(4, 4, 4, 4, 4))]),
        }),
      );
    expect(await run()).toBe(await run());
  });
});

/** Records every question it is asked and answers with the values it is given for that question text. */
function recordingScorer(answer: (input: ScoreInput) => AnswerScore): AnswerScorer & { inputs: ScoreInput[] } {
  const inputs: ScoreInput[] = [];
  return { ...TEST_SCORER, inputs, score: (i) => (inputs.push(i), Promise.resolve(answer(i))) };
}

const bank = defaultQuestionBank();
const technical = bank.questions.find((q) => q.kind === 'technical' && q.family === 'frontend');
const story = bank.questions.find((q) => q.kind === 'behavioral');

function withTurns(turns: Transcript['turns']): Transcript {
  return parseTranscript({ ...seed, role: 'Front-end engineer', turns: [seed.turns[0], ...turns] });
}

describe('scoreTranscript with bank questions', () => {
  if (!technical || !story) throw new Error('the bank has no frontend technical or behavioral question');

  it('scores a turn naming a bank question by id against its rubric, with the text as asked, and reports the id', async () => {
    const scorer = recordingScorer(() => score(values(6, 6, 6, 6, 6)));
    const asked = `Reworded for you: ${technical.text}`;
    const report = await scoreTranscript(
      withTurns([{ kind: 'technical', question: asked, questionId: technical.id, answer: 'An answer.' }]),
      { scorer },
    );
    expect(scorer.inputs[0]?.question).toEqual({ ...toScoringQuestion(technical), text: asked });
    expect(report.questions[0]?.questionId).toBe(technical.id);
  });

  it('matches a bank question by its text, whatever the case and spacing', async () => {
    const scorer = recordingScorer(() => score(values(6, 6, 6, 6, 6)));
    const messy = `  ${story.text.toUpperCase().replace(/ /g, '   ')}\n`;
    const report = await scoreTranscript(withTurns([{ kind: 'behavioral', question: messy, answer: 'A story.' }]), {
      scorer,
    });
    expect(scorer.inputs[0]?.question).toMatchObject({
      id: story.id,
      kind: 'behavioral',
      referenceAnswer: story.referenceAnswer,
    });
    expect(report.questions[0]?.questionId).toBe(story.id);
  });

  it("gives a follow-up the nearest earlier question as its parent, with that bank question's rubric", async () => {
    const scorer = recordingScorer(() => score(values(6, 6, 6, 6, 6)));
    await scoreTranscript(
      withTurns([
        { kind: 'technical', question: technical.text, answer: 'An answer.' },
        { kind: 'behavioral', question: 'Tell me about a hard week.', answer: 'A story.' },
        { kind: 'follow_up', question: 'What did you learn?', answer: 'Patience.' },
      ]),
      { scorer },
    );
    expect(scorer.inputs[2]?.question).toEqual({
      kind: 'follow_up',
      text: 'What did you learn?',
      parent: { kind: 'behavioral', text: 'Tell me about a hard week.' },
    });
    const again = recordingScorer(() => score(values(6, 6, 6, 6, 6)));
    await scoreTranscript(
      withTurns([
        { kind: 'technical', question: technical.text, answer: 'x' },
        { kind: 'follow_up', question: 'And why?', answer: 'y' },
      ]),
      { scorer: again },
    );
    const { id, concepts, expectedParts, referenceAnswer, misconceptions } = toScoringQuestion(technical);
    expect(again.inputs[1]?.question).toEqual({
      kind: 'follow_up',
      text: 'And why?',
      parent: { id, kind: 'technical', text: technical.text, concepts, expectedParts, referenceAnswer, misconceptions },
    });
    expect(again.inputs[1]?.question.referenceAnswer).toBeUndefined();
  });

  it('sends an ad-hoc question with its text alone', async () => {
    const scorer = recordingScorer(() => score(values(6, 6, 6, 6, 6)));
    const report = await scoreTranscript(
      withTurns([{ kind: 'technical', question: 'What is your favourite bug?', answer: 'Off by one.' }]),
      { scorer },
    );
    expect(scorer.inputs[0]?.question).toEqual({ kind: 'technical', text: 'What is your favourite bug?' });
    expect(report.questions[0]?.questionId).toBeNull();
  });
});

describe('an ad-hoc technical question scored without a reference answer', () => {
  const NOT_ASSESSED = 'Not assessed offline: no reference answer.';
  /** What the offline scorer gives a technical question without a reference: ok, but technical accuracy unjudged. */
  const scorer = recordingScorer(({ question }) => {
    const s = score(values(question.referenceAnswer ? 8 : null, 6, 7, 5, 6));
    if (!question.referenceAnswer) s.dimensions.technicalAccuracy.evidence = NOT_ASSESSED;
    return s;
  });

  async function report() {
    return scoreTranscript(
      withTurns([
        { kind: 'technical', question: 'How would you cache this page?', answer: 'With a CDN and a short TTL.' },
        { kind: 'technical', question: 'And the API behind it?', answer: 'An ETag and a cache in front.' },
        { kind: 'technical', question: 'How do you measure it?', answer: 'The hit rate and the p95 latency.' },
      ]),
      { scorer },
    );
  }

  it('is scored, its accuracy left out of the overall and the aggregate, and it is no scoring failure', async () => {
    const r = await report();
    for (const q of r.questions) {
      expect(q).toMatchObject({ status: 'scored', notAssessed: ['technicalAccuracy'] });
      expect(q.dimensions.technicalAccuracy).toBeNull();
      expect(q.dimensionEvidence.technicalAccuracy).toBe(NOT_ASSESSED);
      expect(q.flags).not.toContain('scoring_failed');
      // (0.2*6 + 0.15*7 + 0.2*5 + 0.15*6) / 0.7 = 4.15 / 0.7 = 5.928..., stored as 5.93
      expect(q.overall).toBe(5.93);
    }
    expect(r.dimensions.technicalAccuracy).toBeNull();
    expect(r.technicalScore).toBe(5.93);
    expect(r.statistics.scored).toBe(3);
    expect(r.flags.map((f) => f.code)).toEqual(['not_assessed']);
    expect(r.flags[0]?.message).toContain('not assessed offline: no reference answer on questions 1, 2 and 3');
    expect(r.recommendation.basis).not.toBe('incomplete_evidence');
  });

  it('reads "not assessed offline: no reference answer" in the text report, the JSON and both cards, never "not scored" or failed', async () => {
    const r = await report();
    const text = renderText(r);
    expect(text).toContain('Technical accuracy: not assessed offline: no reference answer (on questions 1, 2 and 3)');
    expect(text).toContain('  Technical accuracy: not assessed offline: no reference answer');
    expect(text).not.toMatch(/Technical accuracy: not scored/);
    expect(text).not.toContain('the scorer failed');
    const json = JSON.parse(renderJson(r)) as {
      questions: { notAssessed: string[]; dimensionEvidence: { technicalAccuracy: string } }[];
    };
    expect(json.questions[0]).toMatchObject({
      notAssessed: ['technicalAccuracy'],
      dimensionEvidence: { technicalAccuracy: NOT_ASSESSED },
    });
    const slack = JSON.stringify(renderReportCard(r).blocks);
    expect(slack).toContain('*Technical accuracy*\\nnot assessed offline: no reference answer');
    expect(slack).toContain('technical accuracy not assessed');
    const teams = JSON.stringify(renderTeamsCard(r, 'interview-1', null));
    expect(teams).toContain('{"title":"Technical accuracy","value":"not assessed offline: no reference answer"}');
    for (const card of [slack, teams]) expect(card).not.toContain('the scorer failed');
  });
});
