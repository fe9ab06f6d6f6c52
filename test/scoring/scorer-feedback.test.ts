import { describe, expect, it } from 'vitest';
import { DIMENSIONS, createOfflineScorer, type AnswerScore } from '../../src/scoring/index.js';
import { scoringQuestion } from './helpers.js';
import { LABELLED } from './labelled-answers.js';

const MARKUP = /\*|#|`|•|^\s*[-+]\s|^\s*\d+[.)]\s/m;

async function allScores(): Promise<AnswerScore[]> {
  const scorer = createOfflineScorer();
  const scores: AnswerScore[] = [];
  for (const l of LABELLED) {
    for (const answer of [l.strong, l.weak, l.offTopic, l.keywords, '🙂', '']) {
      scores.push(await scorer.score({ question: scoringQuestion(l.questionId), answer }));
    }
  }
  // An answer written in markdown must not leak its markup into the feedback either.
  scores.push(
    await scorer.score({
      question: { kind: 'technical', text: 'How do you use `useEffect` with a **cleanup** function?' },
      answer: '**Cleanup** runs on unmount:\n- unsubscribe\n- `abort()` the fetch\n# done',
    }),
  );
  return scores;
}

describe('feedback and evidence', () => {
  it('are plain sentences without markup and without empty entries', async () => {
    for (const score of await allScores()) {
      const texts = [
        ...score.strengths,
        ...score.improvements,
        ...DIMENSIONS.map((d) => score.dimensions[d].evidence),
        ...(score.star ? [score.star.evidence] : []),
      ];
      for (const text of texts) {
        expect(text.trim().length, JSON.stringify(score)).toBeGreaterThan(0);
        expect(text).not.toMatch(MARKUP);
        expect(text).toMatch(/^[A-Z].*[.?]$/s);
      }
    }
  });

  it('names the missing concepts of a weak answer among the improvements', async () => {
    const l = LABELLED.find((x) => x.questionId === 'be-caching-01');
    const score = await createOfflineScorer().score({
      question: scoringQuestion('be-caching-01'),
      answer: l?.weak ?? '',
    });
    expect(score.improvements.join(' ')).toMatch(/Cover the missing concepts: .*cache-aside/);
    expect(score.dimensions.technicalAccuracy.evidence).toMatch(/Not mentioned: .*cache stampede/);
  });

  it('names what a strong answer did well and asks for nothing it already has', async () => {
    const l = LABELLED.find((x) => x.questionId === 'fe-react-state-01');
    const score = await createOfflineScorer().score({
      question: scoringQuestion('fe-react-state-01'),
      answer: l?.strong ?? '',
    });
    expect(score.strengths.join(' ')).toMatch(/Explains the key concepts: props, state/);
    expect(score.improvements.join(' ')).not.toMatch(/concrete example/);
  });

  it('tells which STAR parts a story lacks', async () => {
    const score = await createOfflineScorer().score({
      question: scoringQuestion('bh-mistake-01'),
      answer:
        'At my previous job there was a broken release that stopped logins for a day and upset several customers.',
    });
    expect(score.star?.situation).toBe(true);
    expect(score.star?.result).toBe(false);
    expect(score.star?.evidence).toMatch(/Missing: the .*result/);
    expect(score.improvements.join(' ')).toMatch(/Describe the .*result of the story/);
  });
});
