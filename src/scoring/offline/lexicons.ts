import { stem } from '../text/stem.js';
/**
 * Generic signals of a good answer, independent of the question. They are matched as whole stemmed phrases, so
 * "trade-offs" and "trade off" both count. The lists are short on purpose: each entry should rarely appear by chance.
 */
export const REASONING = [
  'because',
  'since',
  'so that',
  'therefore',
  'which means',
  'this means',
  'that means',
  'the reason',
  'in order to',
  'as a result',
  'that is why',
  'due to',
  'thus',
  'hence',
  'otherwise',
  'which lets',
  'which keeps',
  'so',
  'to avoid',
  'to prevent',
  'to keep',
  'to make sure',
  'ensures',
  'which helps',
  'means',
];

/** Signs that the candidate applies the idea rather than reciting it. */
export const APPLIED = [
  'i would',
  'we would',
  'i use',
  'we use',
  'i used',
  'we used',
  'i set',
  'i add',
  'i keep',
  'i check',
  'i start',
  'in my project',
  'in our project',
  'in our app',
  'in our service',
  'we had',
  'i built',
  'we built',
];

export const EXAMPLES = [
  'for example',
  'for instance',
  'eg',
  'such as',
  'in one project',
  'in my last',
  'in my previous',
  'at my previous',
  'at my last',
  'in practice',
  'in production',
  'a case where',
  'imagine',
  'say we',
  'like when',
];

export const TRADE_OFFS = [
  'trade-off',
  'tradeoff',
  'however',
  'but',
  'downside',
  'drawback',
  'on the other hand',
  'whereas',
  'at the cost of',
  'the cost',
  'risk',
  'limitation',
  'caveat',
  'unless',
  'it depends',
  'depends on',
  'although',
  'the price',
  'overhead',
  'instead of',
  'pitfall',
  'weakness',
];

export const STEPS = [
  'first',
  'then',
  'next',
  'after that',
  'finally',
  'step',
  'second',
  'third',
  'afterwards',
  'start by',
  'start with',
  'once',
];

export const REFLECTION = [
  'i learned',
  'learned that',
  'lesson',
  'next time',
  'in hindsight',
  'differently',
  'looking back',
  'since then',
  'taught me',
  'i realized',
  'i realised',
  'would now',
];

/** Generic STAR cues, used for ad-hoc behavioral questions and added to a bank question's own cues. */
export const STAR_CUES = {
  situation: [
    'when i',
    'when we',
    'at my',
    'in my last',
    'in my previous',
    'during',
    'there was',
    'we were',
    'i was working',
    'project',
    'last year',
    'one time',
    'on a team',
    'our team',
  ],
  task: [
    'responsible',
    'my role',
    'my task',
    'my job',
    'i needed',
    'i had to',
    'we needed',
    'we had to',
    'goal',
    'was asked',
    'asked me',
    'objective',
    'deadline',
    'my responsibility',
  ],
  action: ['i decided', 'i started', 'i proposed', 'i set up', 'i wrote', 'i asked', 'i organized', 'i talked'],
  result: [
    'as a result',
    'in the end',
    'outcome',
    'result',
    'eventually',
    'reduced',
    'improved',
    'increased',
    'decreased',
    'saved',
    'shipped',
    'delivered',
    'launched',
    'on time',
    'learned',
    'percent',
    'fell',
    'dropped',
    'since then',
  ],
} as const;

/** Past-tense verbs that do not end in -ed, for spotting "I did something" (the action of a STAR answer). */
export const IRREGULAR_PAST = new Set(
  `made took wrote set met spoke led built went ran brought began chose did gave got held kept put sent split taught
  told thought drew found paid rewrote broke sat sought caught understood won read left dug rebuilt undertook
  oversaw drove bought flew fed fixed`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** -ed words after "I" that describe a state of mind or a need, not an action taken. */
export const NOT_ACTIONS = new Set(['needed', 'wanted', 'liked', 'loved', 'hoped', 'seemed', 'used', 'wished']);

/** Words that make up the question's frame rather than its topic ("explain the difference between..."). */
export const QUESTION_FRAME = new Set(
  `explain describe discuss tell walk give share talk compare contrast define list outline name mention difference
  differences between example examples time times happen happens happened approach approaches handle handled
  would could should might does did do will can how why what when where which who whom whose you your yourself
  them they their us we our one ones some way ways thing things choose chose choice decide decided prefer
  make sure keep good well new different common key main part parts case cases situation kind type types
  use used using work worked working mention mentioned elaborate specific specifically potential potentially
  introduce introduced introducing ensure ensuring consider considering given basic particular exactly
  strategy strategies detail details aspect aspects scenario scenarios`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Stems of words that fill a sentence without saying anything about the topic ("this is important because it
 * matters"). They earn no novelty credit, so an answer made of the question's words and these says nothing.
 */
export const FILLER: ReadonlySet<string> = new Set(
  `important importance matter matters crucial essential key vital critical significant relevant definitely certainly
  basically simply obviously generally overall really truly actually essentially mostly indeed always sometimes often
  usually handle handled deal dealt thing things stuff aspect aspects approach approaches consider considered factor
  factors area areas concept concepts topic topics idea ideas issue issues problem problems solution solutions
  context situation situations scenario scenarios case cases general everything anything something depends depend
  depending trade tradeoff tradeoffs off benefit benefits advantage advantages pros cons practice practices best
  experience experiences matter lot lots part parts point points role roles level levels question questions answer
  answers kind kinds type types sort way ways stuff great nice fine sure okay yes yeah well good bad huge big small
  various several many much thing definitely absolutely totally pretty quite very super extremely`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => stem(w)),
);

/**
 * Chat filler that carries no content ("I think", "honestly", "anyway", "kind of"): a few are natural, many in a row
 * are the sound of an answer that wanders.
 */
export const CHATTER = [
  'i think',
  'i guess',
  'not sure',
  'kind of',
  'sort of',
  'like',
  'honestly',
  'anyway',
  'anyways',
  'basically',
  'oh',
  'haha',
  'lol',
  'you know',
  'i mean',
  'whatever',
  'or something',
  'i remember',
  'to be honest',
  'funny',
  'pretty much',
  'stuff',
  'i feel like',
  'long story',
  'by the way',
  'side note',
  'i do not remember',
  'if i remember',
  'ok so',
  'okay so',
  'so yeah',
  'and yeah',
  'tbh',
  'idk',
  'and so on',
  'or whatever',
];
