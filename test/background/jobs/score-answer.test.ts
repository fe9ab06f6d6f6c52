/** Which question an answer is scored against: a follow-up for what it asked, with the question it follows. */
import { describe, expect, it } from 'vitest';
import { scoringQuestionFor } from '../../../src/background/jobs/score-answer.js';
import { defaultQuestionBank, findBankQuestion } from '../../../src/scoring/index.js';

const bank = defaultQuestionBank();
const disagreement = findBankQuestion(bank, 'bh-disagreement-01')!;
const REWORDED = 'You said you disagreed with a teammate about an approach. How did you handle it?';

describe('scoringQuestionFor', () => {
  it('scores "Tell me more about the situation" against its own text, with the behavioral question as its parent', () => {
    const question = scoringQuestionFor(bank, {
      kind: 'follow_up',
      questionId: null,
      questionText: 'Tell me more about the situation.',
      parentTurn: { kind: 'behavioral', questionId: disagreement.id, questionText: REWORDED },
    });
    expect(question).toMatchObject({ kind: 'follow_up', text: 'Tell me more about the situation.' });
    // The parent's rubric stays with the parent: the follow-up is not judged as if it asked the whole question.
    expect(question?.expectedParts).toBeUndefined();
    expect(question?.concepts).toBeUndefined();
    expect(question?.id).toBeUndefined();
    expect(question?.parent).toMatchObject({ id: disagreement.id, kind: 'behavioral', text: REWORDED });
    expect(question?.parent?.expectedParts?.map((p) => p.name)).toEqual(['situation', 'task', 'action', 'result']);
    expect(question?.parent?.referenceAnswer).toBe(disagreement.referenceAnswer);
  });

  it('gives a follow-up to an ad-hoc question a parent with only its kind and text', () => {
    const question = scoringQuestionFor(bank, {
      kind: 'follow_up',
      questionId: null,
      questionText: 'Which metric did you watch?',
      parentTurn: { kind: 'technical', questionId: null, questionText: 'How do you roll out a risky change?' },
    });
    expect(question).toEqual({
      kind: 'follow_up',
      text: 'Which metric did you watch?',
      parent: { kind: 'technical', text: 'How do you roll out a risky change?' },
    });
  });

  it('scores a planned question against its bank rubric with the text asked, and skips the introduction', () => {
    const question = scoringQuestionFor(bank, {
      kind: 'behavioral',
      questionId: disagreement.id,
      questionText: REWORDED,
      parentTurn: null,
    });
    expect(question).toMatchObject({ id: disagreement.id, kind: 'behavioral', text: REWORDED });
    expect(question?.parent).toBeUndefined();
    expect(question?.expectedParts).toHaveLength(4);
    expect(
      scoringQuestionFor(bank, { kind: 'introduction', questionId: null, questionText: 'Hi', parentTurn: null }),
    ).toBeNull();
  });
});
