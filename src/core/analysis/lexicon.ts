// The words the analysis rules are written in: verbs of saying in every tense, titles that come before a name,
// name particles, pronouns and the like. Lists only — the rules that use them live in quotes.ts and entities.ts.

/** Verbs of saying (lemma → its forms). A speaker is only ever found next to one of these. */
const SAYING: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['add', 'adds', 'added', 'adding'],
  state: ['state', 'states', 'stated', 'stating'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  note: ['note', 'notes', 'noted', 'noting'],
  remark: ['remark', 'remarks', 'remarked', 'remarking'],
  observe: ['observe', 'observes', 'observed', 'observing'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  assert: ['assert', 'asserts', 'asserted', 'asserting'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  respond: ['respond', 'responds', 'responded', 'responding'],
  answer: ['answer', 'answers', 'answered', 'answering'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  mention: ['mention', 'mentions', 'mentioned', 'mentioning'],
  recall: ['recall', 'recalls', 'recalled', 'recalling'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  confirm: ['confirm', 'confirms', 'confirmed', 'confirming'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  suggest: ['suggest', 'suggests', 'suggested', 'suggesting'],
  predict: ['predict', 'predicts', 'predicted', 'predicting'],
  urge: ['urge', 'urges', 'urged', 'urging'],
  comment: ['comment', 'comments', 'commented', 'commenting'],
  continue: ['continue', 'continues', 'continued', 'continuing'],
  conclude: ['conclude', 'concludes', 'concluded', 'concluding'],
  emphasise: ['emphasise', 'emphasises', 'emphasised', 'emphasising', 'emphasize', 'emphasizes', 'emphasized', 'emphasizing'],
  stress: ['stress', 'stresses', 'stressed', 'stressing'],
  report: ['report', 'reports', 'reported', 'reporting'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  concede: ['concede', 'concedes', 'conceded', 'conceding'],
  vow: ['vow', 'vows', 'vowed', 'vowing'],
  pledge: ['pledge', 'pledges', 'pledged', 'pledging'],
  promise: ['promise', 'promises', 'promised', 'promising'],
  caution: ['caution', 'cautions', 'cautioned', 'cautioning'],
  contend: ['contend', 'contends', 'contended', 'contending'],
  maintain: ['maintain', 'maintains', 'maintained', 'maintaining'],
  indicate: ['indicate', 'indicates', 'indicated', 'indicating'],
  instruct: ['instruct', 'instructs', 'instructed', 'instructing'],
  exclaim: ['exclaim', 'exclaims', 'exclaimed', 'exclaiming'],
  shout: ['shout', 'shouts', 'shouted', 'shouting'],
  complain: ['complain', 'complains', 'complained', 'complaining'],
  boast: ['boast', 'boasts', 'boasted', 'boasting'],
  joke: ['joke', 'jokes', 'joked', 'joking'],
  quip: ['quip', 'quips', 'quipped', 'quipping']
}

/** Lemmas that do not introduce reported (indirect) speech on their own: "the talks continued", "she asked". */
const DIRECT_ONLY = new Set(['add', 'reply', 'respond', 'answer', 'ask', 'continue', 'tweet', 'exclaim', 'shout', 'joke', 'quip', 'comment', 'remark', 'observe', 'recall'])

const FORM_TO_LEMMA = new Map<string, string>()
for (const [lemma, forms] of Object.entries(SAYING)) for (const f of forms) FORM_TO_LEMMA.set(f, lemma)

/** The lemma of a verb of saying ("told" → "tell"), or null. */
export function sayingLemma(word: string): string | null {
  return FORM_TO_LEMMA.get(word.toLowerCase()) ?? null
}

/** Whether a verb of saying can introduce reported speech ("Smith said the talks failed"). */
export function reportsSpeech(lemma: string): boolean {
  return !DIRECT_ONLY.has(lemma)
}

/** Words that may stand between a speaker and the verb of saying: "Smith has said", "Smith later told". */
export const AUXILIARIES = new Set([
  'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'shall', 'must', 'is', 'was', 'were', 'are', 'am', 'be',
  'been', 'being', 'did', 'does', 'do', 'also', 'later', 'then', 'again', 'previously', 'once', 'recently', 'earlier', 'repeatedly',
  'separately', 'publicly', 'privately', 'reportedly', 'further', 'simply', 'not', 'never', 'often', 'always'
])

/** Pronouns that can stand for a speaker. */
export const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they'])

/**
 * Titles that come before a name ("President Xi Jinping", "Defense Minister Sergei Shoigu"). Capitalised in text;
 * compared in lower case, without a final full stop.
 */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'general', 'lieutenant', 'major', 'colonel', 'captain', 'sergeant', 'admiral',
  'commander', 'marshal', 'speaker', 'chancellor', 'premier', 'senator', 'sen', 'representative', 'rep', 'congressman',
  'congresswoman', 'governor', 'gov', 'mayor', 'ambassador', 'envoy', 'commissioner', 'director', 'chairman', 'chairwoman', 'chair',
  'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'cardinal', 'bishop',
  'archbishop', 'rabbi', 'imam', 'sheikh', 'emir', 'sultan', 'judge', 'justice', 'attorney', 'prosecutor', 'dr', 'doctor', 'mr', 'mrs',
  'ms', 'miss', 'sir', 'dame', 'lord', 'lady', 'professor', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'cmdr', 'deputy',
  'leader', 'foreign', 'defense', 'defence', 'finance', 'interior', 'home', 'state', 'house', 'senate', 'officer', 'mp', 'sec',
  'first', 'former', 'acting', 'interim', 'crown', 'supreme', 'grand', 'executive', 'head', 'founder', 'ceo', 'cfo', 'coo',
  'treasury', 'economy', 'trade', 'health', 'energy', 'education', 'labor', 'labour', 'agriculture', 'transport', 'affairs'
])

/** Of the titles, the words that name an office or rank (a title chain needs one; "Defense" or "First" alone is not one). */
export const OFFICE_WORDS = new Set([
  'president', 'minister', 'secretary', 'general', 'lieutenant', 'major', 'colonel', 'captain', 'sergeant', 'admiral', 'commander',
  'marshal', 'speaker', 'chancellor', 'premier', 'senator', 'sen', 'representative', 'rep', 'congressman', 'congresswoman', 'governor',
  'gov', 'mayor', 'ambassador', 'envoy', 'commissioner', 'director', 'chairman', 'chairwoman', 'chair', 'chief', 'spokesman',
  'spokeswoman', 'spokesperson', 'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'cardinal', 'bishop', 'archbishop', 'rabbi',
  'imam', 'sheikh', 'emir', 'sultan', 'judge', 'justice', 'attorney', 'prosecutor', 'dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'sir',
  'dame', 'lord', 'lady', 'professor', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'cmdr', 'leader', 'officer', 'mp', 'ceo',
  'cfo', 'coo', 'founder', 'head'
])

/** Lower-case words inside names: "Ursula von der Leyen", "Charles de Gaulle", "Mohammed bin Salman". */
export const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'bint', 'al', 'el', 'ibn', 'ben', 'dos', 'das', 'y'])

/** Lower-case words inside organisation and place names: "Ministry of Defence", "Bank for International Settlements". */
export const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', '&'])

/** Words that end the name of an organisation. */
export const ORG_HEADS = new Set([
  'organization', 'organisation', 'council', 'committee', 'commission', 'ministry', 'agency', 'department', 'party', 'bank', 'fund',
  'union', 'association', 'institute', 'university', 'corporation', 'company', 'group', 'parliament', 'assembly', 'congress',
  'senate', 'court', 'office', 'service', 'forces', 'army', 'navy', 'police', 'federation', 'foundation', 'alliance', 'authority',
  'board', 'bureau', 'centre', 'center', 'network', 'times', 'post', 'journal', 'news', 'press', 'herald', 'tribune', 'telegraph',
  'gazette', 'guardian', 'inc', 'ltd', 'llc', 'plc', 'corp', 'co', 'church', 'cathedral', 'mosque', 'synagogue', 'temple', 'school',
  'college', 'academy', 'hospital', 'clinic', 'museum', 'library', 'orchestra', 'club', 'team', 'radio', 'television', 'tv'
])

/** Words that end the name of a place. */
export const PLACE_HEADS = new Set([
  'station', 'airport', 'square', 'street', 'avenue', 'road', 'boulevard', 'park', 'bridge', 'river', 'lake', 'sea', 'ocean', 'bay',
  'strait', 'mountain', 'mountains', 'island', 'islands', 'county', 'province', 'region', 'district', 'city', 'valley', 'peninsula',
  'desert', 'canal', 'harbor', 'harbour', 'port', 'border'
])

/** Names that are never entities on their own (days, months, words capitalised at the start of a sentence…). */
export const NOT_NAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'i', 'he', 'she', 'it', 'we', 'they', 'you', 'the', 'a', 'an',
  'and', 'but', 'or', 'if', 'in', 'on', 'at', 'of', 'to', 'as', 'this', 'that', 'these', 'those', 'there', 'here', 'meanwhile',
  'however', 'especially', 'just', 'still', 'yet', 'also', 'more', 'most', 'some', 'many', 'having', 'god', 'covid'
])

/** Well-known alternative names, folded onto one canonical name (lower case keys). */
export const ALIASES: Record<string, string> = {
  'u.s.': 'United States',
  us: 'United States',
  usa: 'United States',
  'u.s.a.': 'United States',
  'united states of america': 'United States',
  'u.k.': 'United Kingdom',
  uk: 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  'e.u.': 'European Union',
  eu: 'European Union',
  'u.n.': 'United Nations',
  un: 'United Nations'
}

/** Ordinary words that begin a description of a speaker: "a senior official", "two U.S. officials". */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'several', 'some', 'many', 'most', 'few', 'other', 'another', 'both', 'senior', 'top', 'former'
])

/** Relative words that start a clause, never a description: "Putin, who …". */
export const RELATIVES = new Set(['who', 'whom', 'whose', 'which', 'where', 'when', 'while', 'that'])

/** Institutions named by a building or a place, written without "the" in lists of entities (capitalised in text). */
export const KNOWN_ORGS = new Set(['kremlin', 'white house', 'pentagon', 'élysée', 'elysee', 'downing street', 'state department', 'foreign office', 'bundestag', 'duma', 'knesset', 'vatican', 'politburo', 'quai d’orsay'])

/** Words for members of a group: "Virginia Republicans", "a Colorado Democrat" describe people; they name no one. */
export const GROUP_NOUNS = new Set([
  'republican', 'republicans', 'democrat', 'democrats', 'conservative', 'conservatives', 'liberal', 'liberals', 'socialist',
  'socialists', 'labourite', 'tory', 'tories', 'officials', 'official', 'voters', 'residents', 'lawmakers', 'senators', 'insiders',
  'supporters', 'protesters', 'troops', 'forces', 'people', 'leaders', 'analysts', 'experts'
])
