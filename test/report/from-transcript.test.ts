import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTranscript, renderJson, scoreTranscript, type Transcript } from '../../src/report/index.js';
import { isAppError } from '../../src/shared/errors.js';
import { score, scriptedScorer, values } from './fixtures.js';

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
      { kind: 'introduction', question: 'Tell me about yourself.', answer: 'I am a backend developer with five years of experience in Go.' },
      ...answers.map((answer, i) => ({ kind: i === 1 ? 'behavioral' : 'technical', question: `Question ${i + 1}?`, answer })),
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

  it('counts further problems without listing them', () => {
    expect(errorOf({ ...seed, candidate: {}, startedAt: 1 })).toMatch(/\(and 1 more problem\)$/);
  });

  it('refuses an end before the start', () => {
    expect(errorOf({ ...seed, endedAt: '2026-01-06T15:00:00Z' })).toBe('endedAt: earlier than startedAt');
  });
});

describe('scoreTranscript', () => {
  it('sends every non-introduction turn to the scorer as an ad-hoc question, an empty answer included', async () => {
    const scorer = scriptedScorer([score(values(5, 5, 5, 5, 5)), score(values(6, 6, 6, 6, 6)), score(values(0, 0, 0, 0, 0), { flags: ['empty'] })]);
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
    const report = await scoreTranscript(small(['one']), { scorer: scriptedScorer([score(values(5, 5, 5, 5, 5))]), roleFamily: 'data' });
    expect(report.metadata.generatedAt).toBe('2026-02-01T10:20:00.000Z');
    expect(report.role).toEqual({ title: null, skillArea: 'data', level: null });
  });

  it('gives the same JSON twice for the same transcript', async () => {
    const run = async () => renderJson(await scoreTranscript(small(['one', 'two']), { scorer: scriptedScorer([score(values(5, 6, 7, 8, 9)), score(values(4, 4, 4, 4, 4))]) }));
    expect(await run()).toBe(await run());
  });
});
