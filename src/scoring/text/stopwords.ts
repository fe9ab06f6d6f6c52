/**
 * Function words: they carry sentence structure, not content. Used to tell sentences from keyword lists and to keep
 * content-word measures from counting "the" and "because".
 */
const FUNCTION_WORDS = `
a about above after again against all also am an and any are as at be been before being below between both but by
can could did do does doing done down during each either else even ever every few for from further had has have
having here how however i i'm i've i'd if in into is it it's its itself just let me more most much must my myself
neither no nor not now of off on once only or other our ours ourselves out over own per quite rather really same
shall should since so some such than that the their theirs them themself themselves then there these they this those
though through thus till to too under until up upon us very via was we were what when where whether which while who
whom whose why will with within without would yet you your yours yourself also already always often usually maybe
still each another something someone anything everything nothing one ones lot lots way ways thing things
`;

/** Words common in any answer or question that say nothing about its topic. */
const WEAK_CONTENT_WORDS = `
use used using make made get got need needed want like well good better best able many new different important
example work worked working time times know think thought said say tell told explain describe discuss question answer
would could should might really kind sort also actually basically especially etc eg ie vs
`;

function toSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

export const STOPWORDS: ReadonlySet<string> = toSet(FUNCTION_WORDS);
export const WEAK_WORDS: ReadonlySet<string> = toSet(WEAK_CONTENT_WORDS);

export function isStopword(lowerWord: string): boolean {
  return STOPWORDS.has(lowerWord);
}

/** A word that says something about the topic: not a function word, not a filler, not a bare number. */
export function isContentWord(lowerWord: string): boolean {
  if (lowerWord.startsWith('§')) return false; // the placeholder that stands for a name
  return !STOPWORDS.has(lowerWord) && !WEAK_WORDS.has(lowerWord) && !/^\d+$/.test(lowerWord) && lowerWord.length > 1;
}

/** Pronouns and auxiliary verbs: the words that make a clause a sentence. Lists of terms almost never contain them. */
export const SENTENCE_GLUE: ReadonlySet<string> = toSet(`
i i'm i've i'd we you he she it it's they me us them my our your their is are was were be been being am have has had
do does did will would can could should shall may might must this that these those there
`);
