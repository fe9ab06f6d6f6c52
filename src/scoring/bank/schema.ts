import { z } from 'zod';
import { countWords } from '../../shared/words.js';
import { LEVELS, QUESTION_FAMILIES, STAR_PARTS, type BankQuestion } from '../types.js';

/** Characters that would turn into formatting in chat; bank text ends up in evidence and feedback sentences. */
const NO_MARKUP = /^[^*#`•]*$/;

const phrase = z.string().trim().min(1).regex(NO_MARKUP, 'must not contain markup characters (*, #, backtick, bullet)');

const conceptSchema = z.object({ name: phrase, synonyms: z.array(phrase) }).strict();
const partSchema = z.object({ name: phrase, cues: z.array(phrase).min(1) }).strict();
const misconceptionSchema = z.object({ claim: phrase, cues: z.array(z.array(phrase).min(1)).min(1).max(4) }).strict();

export const bankQuestionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z]+(?:-[a-z0-9]+)+$/, 'must be lower-case words joined by hyphens, e.g. fe-react-state-01'),
    family: z.enum(QUESTION_FAMILIES),
    kind: z.enum(['technical', 'behavioral']),
    levels: z.array(z.enum(LEVELS)).min(1),
    text: phrase.refine((t) => t.length >= 20, 'must be a full question (at least 20 characters)'),
    concepts: z.array(conceptSchema).min(2),
    expectedParts: z.array(partSchema).min(2),
    followUps: z.array(phrase).min(1),
    referenceAnswer: phrase.refine((t) => countWords(t) >= 60 && countWords(t) <= 150, 'must be 60 to 150 words'),
    misconceptions: z.array(misconceptionSchema).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.family === 'behavioral') !== (q.kind === 'behavioral')) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'behavioral questions live in the behavioral family only',
      });
    }
    if (new Set(q.levels).size !== q.levels.length) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'lists a level twice' });
    }
    const partNames = q.expectedParts.map((p) => p.name);
    if (q.kind === 'behavioral' && partNames.join(',') !== STAR_PARTS.join(',')) {
      ctx.addIssue({
        code: 'custom',
        path: ['expectedParts'],
        message: `must be the STAR parts ${STAR_PARTS.join(', ')}`,
      });
    }
  });

export const bankFileSchema = z
  .object({
    family: z.enum(QUESTION_FAMILIES),
    questions: z.array(bankQuestionSchema).min(1),
  })
  .strict();

export type BankFile = z.infer<typeof bankFileSchema>;

// Fails to compile if the schema and the published BankQuestion type drift apart.
const schemaMatchesType: (q: z.infer<typeof bankQuestionSchema>) => BankQuestion = (q) => q;
void schemaMatchesType;

/** `questions[3].concepts[0].synonyms` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out.length === 0 ? String(key) : `.${String(key)}`;
  }
  return out.length > 0 ? out : '(file)';
}

/** zod's messages, minus the generic prefixes: "expected array, received string". */
export function formatIssueMessage(message: string): string {
  return message.replace(/^(?:Invalid input|Invalid option|Too small|Too big): /, '');
}
