import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LEVELS,
  QUESTION_FAMILIES,
  STAR_PARTS,
  decideFollowUp,
  defaultQuestionBank,
  loadQuestionBank,
  toScoringQuestion,
  type ScoringQuestion,
} from '../../src/scoring/index.js';
import { AppError } from '../../src/shared/errors.js';

const SHIPPED = new URL('../../src/scoring/banks/', import.meta.url);
const tempDirs: string[] = [];

/** A copy of the shipped banks in a temp dir, with one file changed by `edit`. */
function bankCopyWith(file: string, edit: (json: { questions: Record<string, unknown>[] }) => unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'screener-bank-'));
  tempDirs.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { questions: Record<string, unknown>[] };
  writeFileSync(join(dir, file), JSON.stringify(edit(json) ?? json));
  return dir;
}

function loadError(dir: string): AppError {
  try {
    loadQuestionBank(dir);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the bank to be rejected');
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the shipped banks', () => {
  const bank = defaultQuestionBank();

  it('has at least 12 technical questions per family with at least 4 per level, and 12 behavioral ones', () => {
    for (const family of QUESTION_FAMILIES) {
      const questions = bank.questions.filter((q) => q.family === family);
      expect(questions.length, family).toBeGreaterThanOrEqual(12);
      if (family === 'behavioral') continue;
      for (const level of LEVELS)
        expect(questions.filter((q) => q.levels.includes(level)).length, `${family} ${level}`).toBeGreaterThanOrEqual(
          4,
        );
    }
  });

  it('uses unique ids and STAR parts for behavioral questions', () => {
    const ids = bank.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of bank.questions.filter((x) => x.kind === 'behavioral')) {
      expect(q.expectedParts.map((p) => p.name)).toEqual([...STAR_PARTS]);
    }
  });

  it('keeps reference answers between 60 and 150 words', () => {
    for (const q of bank.questions) {
      const words = q.referenceAnswer.split(/\s+/).length;
      expect(words, q.id).toBeGreaterThanOrEqual(60);
      expect(words, q.id).toBeLessThanOrEqual(150);
    }
  });

  it('needs no follow-up when the answer is the reference answer itself', () => {
    const needing = defaultQuestionBank().questions.filter((q) => decideFollowUp(q, q.referenceAnswer) !== null);
    expect(needing.map((q) => q.id)).toEqual([]);
  });

  it('is loaded once and frozen', () => {
    expect(defaultQuestionBank()).toBe(bank);
    expect(Object.isFrozen(bank.questions[0])).toBe(true);
  });

  it('turns a bank question into a scoring question without the bank-only fields', () => {
    const question = bank.questions[0];
    if (question === undefined) throw new Error('empty bank');
    // A bank question is usable wherever a scoring question is expected (checked by the compiler).
    const assignable: ScoringQuestion = question;
    expect(assignable.id).toBe(question.id);
    const scoring: ScoringQuestion = toScoringQuestion(question);
    expect(scoring).toEqual({
      id: question.id,
      kind: question.kind,
      text: question.text,
      concepts: question.concepts,
      expectedParts: question.expectedParts,
      referenceAnswer: question.referenceAnswer,
      misconceptions: question.misconceptions ?? [],
    });
    expect(Object.isFrozen(scoring.concepts)).toBe(false);
  });
});

describe('loadQuestionBank validation', () => {
  it('names the file and the field path of a wrong type', () => {
    const dir = bankCopyWith('backend.json', (json) => {
      const q = json.questions[3] as { concepts: { synonyms: unknown }[] };
      if (q.concepts[0]) q.concepts[0].synonyms = 'cache';
    });
    const err = loadError(dir);
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('backend.json: questions[3].concepts[0].synonyms: expected array');
  });

  it('rejects a reference answer outside 60-150 words', () => {
    const dir = bankCopyWith('data.json', (json) => {
      if (json.questions[0]) json.questions[0].referenceAnswer = 'Too short to be a reference.';
    });
    expect(loadError(dir).message).toContain('data.json: questions[0].referenceAnswer: must be 60 to 150 words');
  });

  it('rejects a duplicate id across files', () => {
    const dir = bankCopyWith('devops.json', (json) => {
      if (json.questions[2]) json.questions[2].id = 'fe-react-state-01';
    });
    expect(loadError(dir).message).toMatch(
      /devops\.json: questions\[2\]\.id: "fe-react-state-01" is already used in frontend\.json/,
    );
  });

  it('rejects a family with too few questions at a level', () => {
    const dir = bankCopyWith('fullstack.json', (json) => {
      for (const q of json.questions) if ((q.levels as string[]).join() === 'senior') q.levels = ['mid'];
    });
    expect(loadError(dir).message).toMatch(/fullstack\.json: questions: needs at least 4 at level senior, found 2/);
  });

  it('rejects markup, unknown fields and a behavioral question without STAR parts', () => {
    const markup = bankCopyWith('frontend.json', (json) => {
      if (json.questions[1]) json.questions[1].text = 'What is the **box model**, and why does it matter?';
    });
    expect(loadError(markup).message).toContain('frontend.json: questions[1].text: must not contain markup');
    const extra = bankCopyWith('frontend.json', (json) => {
      if (json.questions[0]) json.questions[0].difficulty = 3;
    });
    expect(loadError(extra).message).toContain('frontend.json: questions[0]: Unrecognized key: "difficulty"');
    const star = bankCopyWith('behavioral.json', (json) => {
      const parts = json.questions[5]?.expectedParts as { name: string }[] | undefined;
      if (parts?.[3]) parts[3].name = 'outcome';
    });
    expect(loadError(star).message).toContain('behavioral.json: questions[5].expectedParts: must be the STAR parts');
  });

  it('names a file that is not JSON or is missing', () => {
    const broken = bankCopyWith('data.json', () => ({}));
    writeFileSync(join(broken, 'data.json'), '{ "family": "data", ');
    expect(loadError(broken).message).toMatch(/^data\.json: not valid JSON/);
    const missing = bankCopyWith('data.json', () => undefined);
    rmSync(join(missing, 'devops.json'));
    expect(loadError(missing).message).toBe('devops.json: cannot be read');
  });
});
