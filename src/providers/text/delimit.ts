/**
 * Candidate text goes to a model only inside a delimited block. The block's markers use three angle brackets, so
 * any run of three or more angle-like characters in the candidate's text (ASCII, full-width, "≪", guillemets) is
 * spaced out first: the text can then never close its own block or open a new one. Two in a row ("a << b", C++
 * streams, shell redirects) stay as written.
 */
const WIDE_ANGLES: Readonly<Record<string, string>> = {
  '≪': '<<',
  '≫': '>>',
  '＜': '<',
  '＞': '>',
  '﹤': '<',
  '﹥': '>',
  '〈': '<',
  '〉': '>',
  '⟨': '<',
  '⟩': '>',
};
const ANGLE_RUN = /[<>«»‹›](?:[ \t]*[<>«»‹›]){2,}/gu;

export function neutralizeDelimiters(text: string): string {
  const ascii = text.replace(/[≪≫＜＞﹤﹥〈〉⟨⟩]/gu, (char) => WIDE_ANGLES[char] ?? char);
  return ascii.replace(ANGLE_RUN, (run) => [...run.replace(/[ \t]/g, '')].join(' '));
}

export type BlockLabel = 'ANSWER' | 'INTRODUCTION' | 'PROFILE' | 'SCORED ANSWER';

/** `<<<ANSWER id=a1>>>` ... `<<<END ANSWER>>>`, with the text neutralized. The id is ours, never the candidate's. */
export function delimitedBlock(label: BlockLabel, id: string, text: string): string {
  const safeId = id.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64);
  return `<<<${label} id=${safeId}>>>\n${neutralizeDelimiters(text)}\n<<<END ${label}>>>`;
}
