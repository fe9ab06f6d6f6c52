/**
 * Phrases by which an answer talks to whoever (or whatever) scores it instead of answering the question. They run
 * on the visible projection of the answer (see visible.ts), so zero-width characters or full-width letters inside a
 * word do not hide them. They are kept narrow on purpose: a flagged sentence is removed before scoring, so a false
 * positive costs the candidate that sentence. Words such as "rules" or "system" alone are everyday technical words.
 * No pattern lets two unbounded quantifiers compete for the same characters, and a run of brackets is only entered
 * at its start, so long runs of blanks or brackets cannot make matching quadratic.
 */
import type { InjectionKind } from '../types.js';

export interface InjectionPattern {
  kind: InjectionKind;
  pattern: RegExp;
}

const SCORER = String.raw`(?:ai|a\.i\.|llm|gpt|chatgpt|model|language model|grader|scorer|evaluator|assistant|bot|screener|reviewer bot)`;
const TOP_MARK = String.raw`(?:10|ten|perfect|full|maximum|max|highest|top)`;
const OWN_ANSWER = String.raw`(?:me|this(?:\s+answer)?|my\s+answer|the\s+candidate|it)`;

export const INJECTION_PATTERNS: readonly InjectionPattern[] = [
  {
    kind: 'override',
    pattern: new RegExp(
      String.raw`\b(?:ignore|disregard|forget|override|bypass)\b(?:\s+\w+){0,3}?\s+(?:previous|prior|above|earlier|preceding|system|your|original|scoring|grading)\b(?:\s+\w+){0,2}?\s+(?:instructions?|prompts?|rules|guidelines|directions|rubric|criteria)\b`,
      'giu',
    ),
  },
  { kind: 'override', pattern: /\b(?:new|updated|real|actual|additional)\s+instructions?\s*:/giu },
  {
    kind: 'score_demand',
    pattern: new RegExp(String.raw`\b(?:give|award|assign|grant|score|rate|grade|mark)\s+${OWN_ANSWER}\s+(?:(?:a|an|the|as|at|with)\s+)?${TOP_MARK}\b`, 'giu'),
  },
  { kind: 'score_demand', pattern: /\b(?:deserves?|merits?|earns?)\s+(?:a\s+|the\s+)?(?:10|ten|full\s+marks|perfect\s+(?:score|marks)|(?:the\s+)?(?:highest|maximum|top)\s+(?:score|marks?))\b/giu },
  { kind: 'score_demand', pattern: /\b(?:10|ten)\s*(?:\/|out\s+of)\s*(?:10|ten)\b/giu },
  { kind: 'score_demand', pattern: /\bfull\s+marks\b/giu },
  { kind: 'score_demand', pattern: /\b(?:all|every|each)\s+(?:dimensions?|criteri(?:a|on)|categories|scores?)\s+(?:should|must|shall|will)\s+be\s+(?:10|ten|maxed|the\s+maximum)\b/giu },
  { kind: 'role_play', pattern: /\byou\s+are\s+now\b/giu },
  { kind: 'role_play', pattern: /\bfrom\s+now\s+on,?\s+you\b/giu },
  { kind: 'role_play', pattern: /\bpretend\s+(?:to\s+be|you\s+are|that\s+you)\b/giu },
  { kind: 'role_play', pattern: /\b(?:let'?s|we\s+will|you\s+will)\s+role-?\s?play\b|\brole-?\s?play\s+as\b/giu },
  { kind: 'role_play', pattern: new RegExp(String.raw`\bact\s+as\s+(?:if\s+you\s+were\s+)?(?:a|an|my|the)\s+(?:\w+\s+){0,2}${SCORER}\b`, 'giu') },
  { kind: 'role_play', pattern: /\b(?:jailbreak|dan\s+mode|developer\s+mode)\b/giu },
  { kind: 'system_prompt', pattern: /\bsystem\s+prompt\b/giu },
  { kind: 'system_prompt', pattern: /\b(?:reveal|print|show|repeat|output|leak)\s+(?:me\s+)?(?:your|the)\s+(?:\w+\s+)?(?:prompt|instructions)\b/giu },
  { kind: 'system_prompt', pattern: /\b(?:your|the)\s+(?:hidden|developer|system|original)\s+instructions\b/giu },
  { kind: 'system_prompt', pattern: new RegExp(String.raw`\b(?:dear|hey|hi|hello|attention|note\s+to(?:\s+the)?)\s+${SCORER}\b`, 'giu') },
  { kind: 'system_prompt', pattern: new RegExp(String.raw`\bto\s+(?:the|any)\s+${SCORER}\s+(?:reading|scoring|grading|evaluating|reviewing)\b`, 'giu') },
  { kind: 'fake_delimiter', pattern: /(?<!<)<{2,}\s*(?:\/\s*)?(?:end\s+)?answer\b|\bend\s+answer\s*>{2,}/giu },
  { kind: 'fake_delimiter', pattern: /\[\/?(?:system|inst)\]|<\|(?:im_start|im_end|system|endoftext)\|>/giu },
  { kind: 'fake_delimiter', pattern: /^[ \t]*(?:system|assistant|developer)[ \t]*:/gimu },
  { kind: 'fake_delimiter', pattern: /^[ \t]*#{2,}[ \t]*(?:instructions?|system)\b/gimu },
];
