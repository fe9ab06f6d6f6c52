/**
 * Everyday English words with no technical meaning in software work ("different", "situation", "carefully",
 * "approach"): an answer whose own words are all of this kind says something vague, not something about the topic.
 * Words that can carry a technical meaning ("table", "cache", "check", "build") are deliberately not here.
 */
import { stem } from '../text/stem.js';

export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `
  ability able accomplish accountability achieve achieved achievement actual actually additional adjust advantage advantages advice
  affect affects agree aim almost alone alternative alternatives always amazing amount answer answers anybody
  anyone anything anyway anyways appear appears appreciate approach approached approaches approaching appropriate appropriately area
  areas ask asked asking asks aspect aspects assume assumed attempt attention attitude avoid avoided
  avoiding avoids awareness awesome bad balance barely basic basically basis became become becomes becoming
  beginner beginning belief believe believed believes believing benefit benefits best better big bigger biggest
  boss bring broad brought bunch business busy came care career careful carefully careless case
  cases cause caused causes certain certainly challenge challenges challenging choice choices choose chooses choosing
  chose chosen circumstance circumstances clearly collaborate collaboration colleague colleagues combine come comes comfort comfortable
  coming common commonly communicate communication community company compare compared completely complicated concept concepts confident
  cons consequence consequences consider considered considering considers constantly contribute conversation conversations cooperation correct correctly
  couple coworker coworkers culture current currently day days deal dealing decide decided decides deciding
  decision decisions decrease definitely demonstrate depend depended depending depends detail details difference differences different
  differently difficult difficulties difficulty direction disadvantage disadvantages disagree discuss discussed discusses discussing discussion discussions
  downside drawback earlier ease easier easily easy effective effectively effort efforts encourage energy enjoy
  enjoyed enough ensure ensures entirely especially essential essentially everybody everyone everything evolve example examples
  excellent excited exciting expectation expectations experience experienced experiences expert experts explanation explore extent extra
  extremely face faced fact facts fair fairly fashion feedback feel feeling feelings feels felt
  figure figured figures figuring find finding finds fine finish finished finishes finishing folks forget
  found foundation frequently friendly frustration fully fun fundamental fundamentally further gain gave general generally
  give given gives giving glad go goal goals goes going gone good gradually great
  greater grew grow growing grown grows growth guess guessed guesses guessing guidance guys habit
  habits hand handful happen happened happening happens happy hard harder hardly hear heard heart
  help helped helpful helping helps honest honestly hope hoped hopefully hopes hoping huge human
  idea ideal ideally ideas imagine immediately impact impacts importance important impossible improve improved improvement
  improves improving increase increases individual industry influence initiative insight insights intention interest interesting interview
  interviews involve involved involves involving issue issues journey judgment junior keep keeping keeps kept
  kind kinds knew know knowing knowledge known knows large largely larger later lead leadership
  learn learned learning learns learnt leave leaves leaving led lesson lessons level levels life
  likely little look looked looking looks lose lost lot lots love loved made mainly
  maintain make makes making management manner matter mattered matters mean meaning meaningful means meant
  meet meeting meetings mentality mention mentioned mentor mentorship mess messy mind mindset mistake mistakes
  modern moment moments month months mostly motivation naturally nature nearly necessary need needed needing
  needs nervous never nice nobody normally nothing notice noticed now numerous objective obvious obviously
  occur occurs offer offers often okay old older opinion opportunity option options organization organize
  outcome outcomes overall part particular particularly partly parts past patience patient pay people perfect
  perfectly person personal personality personally perspective pick picked piece pieces place places play plays
  plenty point points possibility possible possibly potentially powerful practical practically practice practices prefer preference
  preferred pretty prevent prevents previous previously probably problem problems professional progress proper properly pros
  proud purpose quality question questions quick quickly quite rare rarely rather reach reality realize
  realized realizes realizing really reason reasonable reasonably reasoning reasons recent recently recognize recommend recommendation
  recommended relevant relies rely remain remains remember respect responsibility result results right risk risks
  room roughly sad said same saw say saying says scenario scenarios see seeing seem
  seemed seeming seems seen sees senior sense separately serious seriously show shows significant significantly
  similar similarly simple simpler simply situation situations skill skills slightly small smaller social solution
  solutions solve solved solves somebody somehow someone something sometimes somewhat soon sound sounds speak
  speaking speaks specific specifically spend spent spoke spoken stakeholder stakeholders start started starting starts
  stay step steps strength strengths struggle stuff succeed success successful successfully suddenly suggest suggested
  suggestion suitable support supports suppose supposed sure surely tactic take taken takes taking talent
  talk talked talking talks team teammate teammates teams teamwork technical technique techniques tell telling
  tells tend tends terrible thing things think thinking thinks thought thoughts time times tip
  tips today together told took topic topics totally tough tradeoff tradeoffs trend trick tricks
  tricky tried tries trouble truly truth try trying turn turns typical typically ultimately unable
  understand understanding understands understood unfortunately unlikely unnecessary upside urgency use used useful useless uses
  using usual usually valuable variety various want wanted wanting wants waste way ways weakness
  weaknesses week weeks weigh well went whole wisdom wish work worked working works world
  worried worry worse worst worth wrong yeah year years
  `
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => stem(w)),
);
