/**
 * Which bank question an imported turn was: the one its `questionId` names, or the one whose text it is after
 * trimming, collapsing whitespace and ignoring case. Only technical and behavioral turns are bank questions
 * (follow-ups are scored with their parent's rubric), and a text matches only a bank question of the same kind.
 */
import {
  findBankQuestion,
  toScoringQuestion,
  type BankQuestion,
  type QuestionBank,
  type ScoringQuestion,
} from '../scoring/index.js';

export function normalizeQuestionText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface BankTurn {
  kind: 'introduction' | 'technical' | 'behavioral' | 'follow_up';
  question: string;
  questionId?: string | undefined;
}

export class BankMatcher {
  private readonly byText = new Map<string, BankQuestion>();

  constructor(private readonly bank: QuestionBank) {
    for (const q of bank.questions) this.byText.set(`${q.kind}:${normalizeQuestionText(q.text)}`, q);
  }

  /** Why the turn's `questionId` cannot be used, or null when it can (or there is none). */
  problemOf(turn: BankTurn): string | null {
    if (turn.questionId === undefined) return null;
    if (turn.kind !== 'technical' && turn.kind !== 'behavioral')
      return `only technical and behavioral turns name a bank question, this one is ${turn.kind}`;
    const found = findBankQuestion(this.bank, turn.questionId);
    if (!found) return `no bank question has the id "${turn.questionId}"`;
    return found.kind === turn.kind
      ? null
      : `"${turn.questionId}" is a ${found.kind} question, the turn says ${turn.kind}`;
  }

  match(turn: BankTurn): BankQuestion | undefined {
    if (turn.kind !== 'technical' && turn.kind !== 'behavioral') return undefined;
    if (turn.questionId !== undefined) return findBankQuestion(this.bank, turn.questionId);
    return this.byText.get(`${turn.kind}:${normalizeQuestionText(turn.question)}`);
  }
}

type ParentQuestion = NonNullable<ScoringQuestion['parent']>;

/**
 * The question as the scorer gets it: a bank question's rubric with the text as asked (as the score job does), an
 * ad-hoc question's text alone; a follow-up with its parent (the parent's rubric when that was a bank question).
 */
export function scoringQuestionOf(
  turn: { kind: ScoringQuestion['kind']; question: string },
  bankQuestion: BankQuestion | undefined,
  parent: { kind: ParentQuestion['kind']; question: string; bankQuestion: BankQuestion | undefined } | null,
): ScoringQuestion {
  if (turn.kind === 'follow_up') {
    if (!parent) return { kind: 'follow_up', text: turn.question };
    const rubric = parent.bankQuestion ? rubricOf(parent.bankQuestion) : {};
    return { kind: 'follow_up', text: turn.question, parent: { ...rubric, kind: parent.kind, text: parent.question } };
  }
  return bankQuestion
    ? { ...toScoringQuestion(bankQuestion), text: turn.question }
    : { kind: turn.kind, text: turn.question };
}

function rubricOf(bankQuestion: BankQuestion): Omit<ParentQuestion, 'kind' | 'text'> {
  const { kind: _kind, text: _text, ...rubric } = toScoringQuestion(bankQuestion);
  return rubric;
}
