import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.js';
import { LEVELS, QUESTION_FAMILIES, type BankQuestion, type QuestionBank, type QuestionFamily } from '../types.js';
import { bankFileSchema, formatIssueMessage, formatPath, type BankFile } from './schema.js';

/** Each technical family needs this many questions, and this many at every level, to fill an interview. */
export const MIN_QUESTIONS_PER_FAMILY = 12;
export const MIN_QUESTIONS_PER_LEVEL = 4;

const SHIPPED_BANKS = new URL('../banks/', import.meta.url);
let cached: QuestionBank | undefined;

/**
 * Reads and validates `<family>.json` for every family in `dir` (default: the shipped banks). Any problem throws
 * AppError('invalid_input') naming the file and the field path, so a broken bank stops the service at start.
 */
export function loadQuestionBank(dir: string | URL = SHIPPED_BANKS): QuestionBank {
  const root = dir instanceof URL ? fileURLToPath(dir) : dir;
  const files = QUESTION_FAMILIES.map((family) => readBankFile(root, family));
  checkUniqueIds(files);
  for (const file of files) checkCounts(file);
  const questions = files.flatMap((f) => f.content.questions);
  return deepFreeze({ questions });
}

/** The shipped banks, loaded once per process. */
export function defaultQuestionBank(): QuestionBank {
  cached ??= loadQuestionBank();
  return cached;
}

/** A bank question by its stable id. */
export function findBankQuestion(bank: QuestionBank, id: string): BankQuestion | undefined {
  return bank.questions.find((q) => q.id === id);
}

interface LoadedFile {
  name: string;
  content: BankFile;
}

function invalid(message: string, cause?: unknown): AppError {
  return new AppError('invalid_input', message, { cause });
}

function readBankFile(root: string, family: QuestionFamily): LoadedFile {
  const name = `${family}.json`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(root, name), 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? `not valid JSON (${err.message})` : 'cannot be read';
    throw invalid(`${name}: ${reason}`, err);
  }
  const parsed = bankFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5);
    const text = issues.map((i) => `${name}: ${formatPath(i.path)}: ${formatIssueMessage(i.message)}`).join('; ');
    throw invalid(text, parsed.error);
  }
  if (parsed.data.family !== family) throw invalid(`${name}: family: must be "${family}" to match the file name`);
  parsed.data.questions.forEach((q, i) => {
    if (q.family !== family) throw invalid(`${name}: questions[${i}].family: must be "${family}" like the file`);
  });
  return { name, content: parsed.data };
}

function checkUniqueIds(files: readonly LoadedFile[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    file.content.questions.forEach((q, i) => {
      const first = seen.get(q.id);
      if (first !== undefined) throw invalid(`${file.name}: questions[${i}].id: "${q.id}" is already used in ${first}`);
      seen.set(q.id, file.name);
    });
  }
}

function checkCounts(file: LoadedFile): void {
  const { questions, family } = file.content;
  const kind = family === 'behavioral' ? 'behavioral' : 'technical';
  if (questions.length < MIN_QUESTIONS_PER_FAMILY) {
    throw invalid(
      `${file.name}: questions: needs at least ${MIN_QUESTIONS_PER_FAMILY} ${kind} questions, found ${questions.length}`,
    );
  }
  if (kind === 'behavioral') return;
  for (const level of LEVELS) {
    const count = questions.filter((q) => q.levels.includes(level)).length;
    if (count < MIN_QUESTIONS_PER_LEVEL) {
      throw invalid(
        `${file.name}: questions: needs at least ${MIN_QUESTIONS_PER_LEVEL} at level ${level}, found ${count}`,
      );
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
