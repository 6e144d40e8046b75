import type { Entity, EntityType, Span } from './annotations';
import { findNameSpans, type NameSpan } from './find-name-spans';
import { CALENDAR_WORDS, DEMONYM_WORDS, FUNCTION, GENERIC_WORDS } from './gazetteer/common-words';
import { FIRST_NAMES, givenNameSex } from './gazetteer/first-names';
import { ORGANIZATION_SPELLING, ORGANIZATIONS } from './gazetteer/organizations';
import { PLACES } from './gazetteer/places';
import { ORG_KEYWORDS, PLACE_KEYWORDS } from './name-keywords';
import { isSpeechVerb } from './speech-verbs';
import { isCoreTitle } from './titles';

/** An entity with the internal evidence the speaker attribution needs. */
interface FoundEntity extends Entity {
  /** Title words the text uses for this entity ("secretary-general", "president"), lowercased. */
  titles: Set<string>;
  /** Type evidence summed over the mentions (kept for debugging and tests). */
  scores: Record<EntityType, number>;
}

export interface FoundEntities {
  entities: FoundEntity[];
  /** Every mention, sorted by offset, with the index of its entity. */
  mentions: (Span & { entity: number })[];
}

const DIRECTIONS =
  /^(?:north|south|east|west|upper|lower|central|northern|southern|eastern|western|greater|inner|outer|downtown|midtown)$/;
const NOT_ENTITY_HEADS =
  /^(?:bill|act|amendment|code|law|prize|award|awards|cup|championship|olympics|games|war|spring|summit|conference|festival|day|week|program|programme|plan|treaty|accord|agreement|deal|doctrine|index|study|report|tag|one|stage|block|mission|rocket|lander|module|capsule|campaign|initiative|project|vaccine)$/;

const MIN_BARE = 2;

const ORG_NOUN =
  'company|firm|corporation|conglomerate|startup|start-up|contractor|manufacturer|maker|producer|retailer|chain|brand|label|studio|publisher|newspaper|magazine|website|site|outlet|network|broadcaster|agency|nonprofit|non-profit|charity|group|organization|organisation|think tank|institute|university|college|bank|lender|insurer|airline|carrier|union|party|club|team|franchise';
// "Acme, a defense contractor based in…", "Acme, the parent company of…".
const ORG_APPOSITIVE = new RegExp(`^,\\s+(?:the|a|an)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${ORG_NOUN})\\b`, 'u');
// "Acme’s chief executive", "Acme's shareholders".
const ORG_POSSESSIVE =
  /^['’]s\s+(?:(?:chief|former|new)\s+)?(?:ceo|chief executive|founder|co-founder|shareholders|board|subsidiary|headquarters|stock|shares|spokesperson|spokeswoman|spokesman|employees|workers)\b/i;
const TYPES: EntityType[] = ['person', 'organization', 'place'];
type Scores = Record<EntityType, number>;

interface Group {
  key: string;
  spans: NameSpan[];
  scores: Scores;
  titles: Set<string>;
  /** Canonical name from a gazetteer, used to merge forms ("U.S." = "United States"). */
  canonical: string | null;
  parent: Group | null;
  /** Some evidence beyond capitalisation. */
  evidence: boolean;
}

const PLACE_PREP =
  /(?:^|[\s(])(?:in|at|from|near|to|across|into|outside|inside|toward|towards|via|around|throughout|à|au|aux|en|dans|vers|depuis|v|ve|na|do|z|ze|aus|nach|bei|im|desde|hacia|в|у|до|з)\s+(?:the\s+)?$/i;
const SPEECH_AFTER =
  /^['’]?s?,?\s+(?:(?:also|then|later|has|had|have|was|is|will|would|recently|previously|once|often|added|and)\s+)*(\p{L}+)/u;

const lowerWords = (text: string) => {
  const set = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}\p{M}'’-]*/gu)) set.add(m[0]);
  return set;
};

const isAllCaps = (w: string) => w.length > 1 && !/\p{Ll}/u.test(w) && /\p{Lu}/u.test(w);

/** The head word of a name, lowercased; of a hyphenated head its last part ("Union-Tribune"). */
function nameHead(tokens: string[]): string {
  return (headToken(tokens).toLowerCase().replace(/\.$/, '').split('-').at(-1) ?? '').trim();
}

/** "Staples Center", "Stennis Space Center": a named facility is a place; "Center for X" is a body. */
function isFacility(tokens: string[], head: string): boolean {
  return tokens.length > 1 && /^(?:center|centre)$/.test(head) && headToken(tokens) === tokens.at(-1);
}

function headToken(tokens: string[]): string {
  const of = tokens.findIndex((t) => t === 'of' || t === 'for' || t === 'on' || t === 'de');
  return (of > 0 ? tokens[of - 1] : tokens[tokens.length - 1]) ?? '';
}

function gazetteerType(form: string): { type: EntityType; canonical: string } | null {
  const lower = form.toLowerCase();
  const org = ORGANIZATIONS.get(lower);
  // Acronyms must match in capitals ("WHO" is an organization, "Who" and "Un" are not).
  const spelled = ORGANIZATION_SPELLING.get(lower) ?? '';
  if (org && (!isAllCaps(spelled) || isAllCaps(form))) return { type: 'organization', canonical: org };
  const place = PLACES.get(lower);
  if (place && (lower.length > 3 || isAllCaps(form) || /\./.test(form) || /^\p{Lu}\p{Ll}/u.test(form)))
    return { type: 'place', canonical: place };
  return null;
}

// Case endings of Czech, Slovak, Polish, Ukrainian and Russian nouns, longest first.
const CASE_ENDING = /(?:ovi|ami|ech|ům|em|ou|om|ой|ом|ові|ем|ого|ому|a|e|u|y|i|ě|á|é|ó|у|а|і|ы|ю)$/u;

function stem(word: string): string {
  const s = word.replace(CASE_ENDING, '');
  return s.length >= 3 ? s : word;
}

/** True for text in a language that inflects names (many Slavic letters). */
function isInflecting(text: string): boolean {
  return (text.match(/[řěůčžšąęłśźżїєыёъ]/giu)?.length ?? 0) >= 20;
}

// "Prado" is short for "Prado Museum", but "Sydney" is not "Sydney Harbour".
function institutionHead(g: Group): boolean {
  const head = headToken(g.spans[0]?.tokens ?? []).toLowerCase();
  return (
    ORG_KEYWORDS.has(head) ||
    /^(?:museum|hospital|stadium|airport|palace|arena|building|tower|castle|cathedral)$/.test(head)
  );
}

function initials(tokens: string[]): string {
  return tokens
    .filter((t) => /^\p{Lu}/u.test(t))
    .map((t) => t[0])
    .join('');
}

/**
 * People, organizations and places named in `text`: capitalised spans filtered with the article's
 * own evidence (lowercase uses, titles, speech verbs, "in X", org and place words, acronyms in
 * parentheses) and compact gazetteers, merged into one entry per referent.
 */
export function findEntities(text: string, blocks: Span[], sentences: Span[][]): FoundEntities {
  const lower = lowerWords(text);
  const spans = findNameSpans(text, blocks, sentences).filter((s) => keepSpan(s, lower, text));
  const groups = groupSpans(spans, text);
  shareCoordinatedTypes(spans, groups, text);
  const merge = mergeContext([...groups.values()]);
  mergeGazetteerForms(merge);
  mergeAcronyms(merge, text);
  mergePersonNames(merge);
  mergeInstitutionForms(merge);
  if (isInflecting(text)) mergeInflectedNames(merge);
  mergeMiddleNames(merge);
  const entities = withoutJointSurnames(clusterEntities(merge));
  addUnmarkedMentions(text, entities);
  return { entities, mentions: collectMentions(entities) };
}

/** One group per surface form, scored by the name itself and by the context of each mention. */
function groupSpans(spans: NameSpan[], text: string): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const s of spans) {
    const key = s.tokens
      .join(' ')
      .replace(/\u00ad/g, '')
      .toLowerCase();
    let g = groups.get(key);
    if (!g) {
      g = newGroup(key, s.tokens);
      groups.set(key, g);
    }
    g.spans.push(s);
    scoreContext(g, s, text);
  }
  return groups;
}

function newGroup(key: string, tokens: string[]): Group {
  const gaz = gazetteerType(tokens.join(' '));
  const g: Group = {
    key,
    spans: [],
    scores: { person: 0, organization: 0, place: 0 },
    titles: new Set(),
    canonical: gaz?.canonical ?? null,
    parent: null,
    evidence: !!gaz,
  };
  if (gaz) g.scores[gaz.type] += 6;
  else scoreName(g, tokens);
  return g;
}

/** "Acme Holdings and Globex": a name coordinated with another shares its kind. */
function shareCoordinatedTypes(spans: NameSpan[], groups: Map<string, Group>, text: string) {
  const groupOf = new Map<NameSpan, Group>();
  for (const g of groups.values()) for (const sp of g.spans) groupOf.set(sp, g);
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1] as NameSpan;
    const b = spans[k] as NameSpan;
    if (
      a.block !== b.block ||
      !/^,?\s+(?:and|or|et|ou|und|oder|y|o|a|i|nebo)\s+$/.test(text.slice(a.end, b.start))
    )
      continue;
    const ga = groupOf.get(a) as Group;
    const gb = groupOf.get(b) as Group;
    for (const [x, y] of [
      [ga, gb],
      [gb, ga],
    ] as const) {
      if (!y.evidence || x.evidence) continue;
      x.scores[topType(y.scores)] += 1.5;
      x.evidence = true;
    }
  }
}

const topType = (scores: Scores): EntityType => TYPES.reduce((m, n) => (scores[n] > scores[m] ? n : m));

/**
 * A name's words as the merge passes compare them: lowercased, without "al-"/"el-", without a
 * generational suffix ("Jr."), and with transliteration variants folded (diacritics dropped,
 * "-yy", "-iy", "-ij" and "-i" endings read as "-y": Zelenskyy = Zelenskiy = Zelensky).
 */
function comparableTokens(tokens: string[]): string[] {
  const words = tokens.map((w) =>
    w
      .replace(/\u00ad/g, '')
      .toLowerCase()
      .replace(/^(?:al|el)-/, ''),
  );
  while (words.length > 1 && /^(?:jr|sr|ii|iii|iv)\.?$/.test(words.at(-1) ?? '')) words.pop();
  return words.map((w) =>
    w.length > 5 && /[ij]$/.test(w) && !/^\p{L}+(?:ai|oi|ei)$/u.test(w)
      ? w.replace(/(?:yy|iy|ij|yi|ii|i|j)$/, 'y')
      : w.replace(/yy$|iy$/, 'y'),
  );
}

/** What the merge passes share: the groups, a union-find over them and normalised tokens. */
interface MergeContext {
  all: Group[];
  /** Groups of two words or more, in order of first mention. */
  longer: Group[];
  /** Groups by their normalised form. */
  byKey: Map<string, Group>;
  tokensOf: (g: Group) => string[];
  root: (g: Group) => Group;
  union: (a: Group, b: Group) => void;
}

const isPersonish = (g: Group) => g.scores.person > Math.max(g.scores.organization, g.scores.place);
const isNamedKind = (g: Group) => !isPersonish(g);

function mergeContext(all: Group[]): MergeContext {
  const root = (g: Group): Group => (g.parent ? root(g.parent) : g);
  const union = (a: Group, b: Group) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) rb.parent = ra;
  };
  const tokenCache = new Map<Group, string[]>();
  const tokensOf = (g: Group) => {
    let t = tokenCache.get(g);
    if (!t) {
      t = comparableTokens(g.spans[0]?.tokens ?? []);
      tokenCache.set(g, t);
    }
    return t;
  };
  // Spans are pushed in text order, so the first span is the first mention.
  const firstAt = (g: Group) => g.spans[0]?.start ?? 0;
  const longer = all
    .filter((g) => (g.spans[0]?.tokens.length ?? 0) >= 2)
    .sort((a, b) => firstAt(a) - firstAt(b));
  const byKey = new Map(all.map((g) => [tokensOf(g).join(' '), g]));
  return { all, longer, byKey, tokensOf, root, union };
}

/** Gazetteer forms of one referent ("U.S." = "United States"). */
function mergeGazetteerForms({ all, union }: MergeContext) {
  const byCanon = new Map<string, Group>();
  for (const g of all) {
    if (!g.canonical) continue;
    const first = byCanon.get(g.canonical);
    if (first) union(first, g);
    else byCanon.set(g.canonical, g);
  }
}

/** Acronyms: "Federal Aviation Administration (FAA)", or the initials of a long form in the text. */
function mergeAcronyms({ all, union }: MergeContext, text: string) {
  for (const g of all) {
    const form = g.spans[0]?.tokens.join(' ') ?? '';
    if (!/^[\p{Lu}.&]{2,8}$/u.test(form)) continue;
    const letters = form.replace(/[.&]/g, '');
    for (const h of all) {
      const tokens = h.spans[0]?.tokens ?? [];
      if (h === g || tokens.length < 2) continue;
      const explicit = h.spans.some((s) =>
        text
          .slice(s.end, s.end + form.length + 3)
          .replace(/^\s*\(/, '')
          .startsWith(form),
      );
      if (explicit || initials(tokens) === letters) {
        union(h, g);
        break;
      }
    }
  }
}

/**
 * People: a surname or a first name used alone, or with a title, is the full name used earlier;
 * a shorter form that ends a longer name is that name ("Department of Justice" for "Justice").
 */
function mergePersonNames({ all, longer, tokensOf, root, union }: MergeContext) {
  for (const g of all) {
    const tokens = tokensOf(g);
    if (g.canonical && !isPersonish(g)) {
      // A surname that is also a place or an organization ("Stafford" after "Tom Stafford").
      const person = tokens.length === 1 ? fullNameEndingWith(longer, tokensOf, tokens[0] ?? '') : undefined;
      if (person) {
        g.scores = { person: 1, organization: 0, place: 0 };
        union(person, g);
      }
      continue;
    }
    const tail = longer.filter((h) => {
      const ht = tokensOf(h);
      return h !== g && ht.length > tokens.length && ht.slice(-tokens.length).join(' ') === tokens.join(' ');
    });
    const tailPeople = tail.filter(isPersonish);
    // An ambiguous surname goes to the person introduced first.
    const target = tokens.length === 1 ? (tailPeople[0] ?? tail[0]) : tail[0];
    if (target && (tokens.length > 1 || isPersonish(target) || !isPersonish(g))) {
      union(target, g);
      continue;
    }
    if (tokens.length === 1) {
      const firsts = longer.filter((h) => isPersonish(h) && tokensOf(h)[0] === tokens[0]);
      if (new Set(firsts.map(root)).size === 1 && firsts[0]) union(firsts[0], g);
    }
  }
}

/** A person's full name, introduced with a given name, whose last word is `surname`. */
function fullNameEndingWith(
  longer: Group[],
  tokensOf: (g: Group) => string[],
  surname: string,
): Group | undefined {
  return longer.find((h) => {
    const t = tokensOf(h);
    return isPersonish(h) && t.length >= 2 && t.at(-1) === surname && FIRST_NAMES.has(t[0] ?? '');
  });
}

/**
 * Organizations and places: a short form of an institution ("Prado" for "Prado Museum"),
 * a site's domain, a channel of a brand ("BBC News" is "BBC"), a place-qualified body ("US
 * Congress" is "Congress") and inverted department names ("Justice Department"
 * is "Department of Justice").
 */
function mergeInstitutionForms({ all, longer, byKey, tokensOf, union }: MergeContext) {
  for (const g of all) {
    if (!isNamedKind(g)) continue;
    const t = tokensOf(g);
    if (t.length === 1 && !g.canonical) {
      const h = longer.find((f) => isNamedKind(f) && tokensOf(f)[0] === t[0] && institutionHead(f));
      if (h) union(h, g);
    }
    const domain = byKey.get(t.join(' ').replace(/\.(?:com|org|net|co\.uk|fr|de|cz)$/, ''));
    if (domain && domain !== g) union(g, domain);
    if (t.length < 2) continue;
    // "Big Machine" is short for "Big Machine Records" (not "Jane Doe" for "Jane Doe Foundation").
    if (!g.canonical && !FIRST_NAMES.has(t[0] ?? '')) {
      const full = longer.find(
        (f) =>
          f !== g &&
          tokensOf(f).length > t.length &&
          t.every((w, k) => tokensOf(f)[k] === w) &&
          isNamedKind(f) &&
          institutionHead(f),
      );
      if (full) union(full, g);
    }
    const sameHead = longer.find(
      (f) =>
        f !== g &&
        tokensOf(f).length > t.length &&
        tokensOf(f)[0] === t[0] &&
        tokensOf(f).at(-1) === t.at(-1) &&
        institutionHead(f),
    );
    if (sameHead) union(sameHead, g);
    const rest = byKey.get(t.slice(1).join(' '));
    const first = byKey.get(t[0] ?? '');
    if (rest?.canonical && PLACES.has(t[0] ?? '') && isNamedKind(rest)) union(rest, g);
    if (
      first &&
      first !== g &&
      isNamedKind(first) &&
      /^(?:news|group|online|radio|television|tv|world|sport|international)$/.test(t.at(-1) ?? '')
    )
      union(first, g);
    const of = /^(department|ministry|office|bureau|agency|ministère) of (.+)$/.exec(t.join(' '));
    const flipped = of ? byKey.get(`${of[2]} ${of[1]}`) : undefined;
    if (flipped) union(g, flipped);
  }
}

/** Slavic languages inflect names (a surname's genitive or instrumental): compare stems. */
function mergeInflectedNames({ all, tokensOf, root, union }: MergeContext) {
  const people = all.filter(isPersonish);
  for (const g of all) {
    const t = tokensOf(g).map(stem);
    const h = people.find((f) => {
      if (f === g || root(f) === root(g)) return false;
      const ft = tokensOf(f).map(stem);
      if (t.length === 1) return ft.length > 1 && ft.at(-1) === t[0];
      return isPersonish(g) && ft.length === t.length && ft.every((x, k) => x === t[k]);
    });
    if (h) union(h, g);
  }
}

/** A name with and without a middle name ("Mary Ann Smith" and "Mary Smith") is one person. */
function mergeMiddleNames({ longer, tokensOf, union }: MergeContext) {
  for (const g of longer) {
    const t = tokensOf(g);
    const h = longer.find((f) => {
      const ft = tokensOf(f);
      const prefix = ft.slice(0, t.length).join(' ') === t.join(' ');
      return (
        f !== g &&
        isPersonish(f) &&
        isPersonish(g) &&
        ft.length > t.length &&
        ft[0] === t[0] &&
        (ft.at(-1) === t.at(-1) || prefix)
      );
    });
    if (h) union(h, g);
  }
}

/** One entity per merged cluster, typed by the summed evidence, named by its fullest form. */
function clusterEntities({ all, root }: MergeContext): FoundEntity[] {
  const clusters = new Map<Group, Group[]>();
  for (const g of all) {
    const r = root(g);
    const list = clusters.get(r) ?? [];
    list.push(g);
    clusters.set(r, list);
  }
  const entities: FoundEntity[] = [];
  for (const members of clusters.values()) {
    const entity = clusterEntity(members);
    if (entity) entities.push(entity);
  }
  return entities;
}

/**
 * Drops a "person" that is only two other people's surnames joined by a hyphen: "the
 * Baker-Lopez lab" names the labs of Baker and Lopez, not a third person. A double-barrelled
 * name that is someone's own ("Jane Smith-Jones") is used with a given name and stays.
 */
function withoutJointSurnames(entities: FoundEntity[]): FoundEntity[] {
  const surnames = new Set(
    entities
      .filter((e) => e.type === 'person')
      .flatMap((e) =>
        e.aliases
          .filter((a) => a.includes(' ') && !a.includes('-'))
          .map((a) => a.split(' ').pop()?.toLowerCase()),
      ),
  );
  const joint = (alias: string) => {
    const parts = alias.split('-');
    return parts.length >= 2 && parts.every((p) => surnames.has(p.trim().split(' ').pop()?.toLowerCase()));
  };
  return entities.filter((e) => e.type !== 'person' || !e.aliases.every(joint));
}

function clusterEntity(members: Group[]): FoundEntity | null {
  const scores: Scores = { person: 0, organization: 0, place: 0 };
  let evidence = false;
  const titles = new Set<string>();
  for (const g of members) {
    for (const t of TYPES) scores[t] += g.scores[t];
    evidence ||= g.evidence || members.length > 1;
    for (const t of g.titles) titles.add(t);
  }
  const spansOf = members.flatMap((g) => g.spans);
  // A lone capitalised word with no other evidence, used once, is more often a common noun; an
  // acronym with no evidence, however often used, is a thing's name more often than a body's.
  const acronyms = members.every((g) => /^[\p{Lu}.&]{2,8}$/u.test(g.spans[0]?.tokens.join(' ') ?? ''));
  if (
    !evidence &&
    (acronyms ||
      spansOf.every((s) => s.sentenceStart) ||
      (spansOf.length < MIN_BARE && members.every((g) => (g.spans[0]?.tokens.length ?? 0) === 1)))
  )
    return null;
  const aliases = [...new Set(spansOf.map(surface))];
  return {
    name: fullestName(aliases, spansOf),
    type: topType(scores),
    aliases,
    count: 0,
    mentions: spansOf.map(({ start, end }) => ({ start, end })),
    titles,
    scores,
  };
}

const surface = (s: NameSpan) => s.tokens.join(' ').replace(/\u00ad/g, '');

/** The fullest form: most words, then most used, then longest ("Jane Rice" over "Rice"). */
function fullestName(aliases: string[], spans: NameSpan[]): string {
  const uses = (a: string) => spans.filter((x) => surface(x) === a).length;
  const words = (a: string) => a.split(' ').length;
  return aliases.reduce((a, b) => {
    if (words(b) !== words(a)) return words(b) > words(a) ? b : a;
    if (uses(b) !== uses(a)) return uses(b) > uses(a) ? b : a;
    return b.length > a.length ? b : a;
  });
}

/** Every mention in text order with its entity's index; counts are the mentions found. */
function collectMentions(entities: FoundEntity[]): (Span & { entity: number })[] {
  const mentions: (Span & { entity: number })[] = [];
  entities.forEach((e, entity) => {
    e.mentions.sort((a, b) => a.start - b.start);
    e.count = e.mentions.length;
    for (const m of e.mentions) mentions.push({ ...m, entity });
  });
  return mentions.sort((a, b) => a.start - b.start);
}

const CONTRACTION = /^(?:i|you|we|they|he|she|it|that|there|here|what|who|let)['’](?:m|re|ve|ll|d|s)$/;

function keepSpan(s: NameSpan, lower: Set<string>, text: string): boolean {
  const single = s.tokens.length === 1;
  const word = (s.tokens[0] ?? '').toLowerCase();
  if (gazetteerType(s.tokens.join(' '))) return true;
  if (
    single &&
    (FUNCTION.has(word) || CALENDAR_WORDS.has(word) || DEMONYM_WORDS.has(word) || GENERIC_WORDS.has(word))
  )
    return false;
  if (single && /^\p{N}/u.test(word)) return false;
  // A contraction ("I’m", "We’ve", "That’s") is never a name.
  if (single && CONTRACTION.test(word)) return false;
  // A word shaped like a demonym before a common noun is an adjective ("Chilean prosecutors").
  if (
    single &&
    /(?:ean|ian|ese|ish)$/.test(word) &&
    !FIRST_NAMES.has(word) &&
    /^\s+\p{Ll}/u.test(text.slice(s.end, s.end + 3))
  )
    return false;
  // Sentence adverbs ("Previously,") and event words standing alone ("Spring" of "Arab Spring").
  if (single && s.sentenceStart && /ly$/.test(word)) return false;
  if (single && word !== 'bill' && NOT_ENTITY_HEADS.test(word)) return false;
  // Titles of works and headlines capitalise their small words ("Battle Against Winter").
  if (s.tokens.slice(1).some((t) => /^\p{Lu}/u.test(t) && FUNCTION.has(t.toLowerCase()))) return false;
  const caps = s.tokens.filter(isAllCaps).length;
  // Shouted headlines and credits ("SIGN UP FOR OUR NEWSLETTER"), not names.
  if (!s.dateline && caps >= 3) return false;
  if (!s.dateline && single && caps === 1 && word.length > 6) return false;
  // A capitalised common word at the start of a sentence ("Concrete information...").
  if (single && s.sentenceStart && lower.has(word) && !FIRST_NAMES.has(word)) return false;
  if (s.tokens.every((t) => GENERIC_WORDS.has(t.toLowerCase()) || FUNCTION.has(t.toLowerCase())))
    return false;
  // Events, laws, prizes and works are not entities ("Data Retention Bill", "Arab Spring").
  const head = (s.tokens[s.tokens.length - 1] ?? '').toLowerCase();
  if (s.tokens.length > 1 && NOT_ENTITY_HEADS.test(head)) return false;
  // Group nouns ("Analysts", "New Yorkers", "Salafists").
  if (
    (/(?:ers|ists|ians|ites|ans|ics)$/.test(head) || (single && /ese$/.test(head))) &&
    // …but "Institute for Functional Genomics" is an institution.
    !s.tokens.some((t) => ORG_KEYWORDS.has(t.toLowerCase()))
  )
    return false;
  if (single && /s$/.test(word) && (lower.has(word.slice(0, -1)) || lower.has(word))) return false;
  // An acronym for a common noun: "CRE (carbapenem-resistant ...)", "dinitrophenol, known as DNP".
  if (single && isAllCaps(s.tokens[0] ?? '')) {
    if (/^\s*\(\s*\p{Ll}/u.test(text.slice(s.end, s.end + 5))) return false;
    if (/\p{Ll}+,?\s+(?:known as|called)\s+$/u.test(text.slice(Math.max(0, s.start - 40), s.start)))
      return false;
    if (/^\p{Lu}&\p{Lu}$/u.test(s.tokens[0] ?? '')) return false;
  }
  // Two capitals with no long form are units and abbreviations ("TV", "MD"), rarely names.
  if (single && /^\p{Lu}{2}$/u.test(s.tokens[0] ?? '')) return false;
  if (isCapitalisedPhrase(s, lower)) return false;
  return true;
}

/**
 * A capitalised phrase of common words ("Mostly True", "Drug Use", "Ranking Member"): every word
 * is used in lowercase elsewhere in the article, and nothing marks it as a name.
 */
function isCapitalisedPhrase(s: NameSpan, lower: Set<string>): boolean {
  if (s.tokens.length < 2 || s.titles.length || s.dateline) return false;
  const words = s.tokens.map((t) => t.toLowerCase());
  if (FIRST_NAMES.has(words[0] ?? '')) return false;
  if (words.some((w) => ORG_KEYWORDS.has(w) || PLACE_KEYWORDS.has(w) || !/^\p{L}+$/u.test(w))) return false;
  return words.every((w) => lower.has(w));
}

function scoreName(g: Group, tokens: string[]) {
  const head = nameHead(tokens);
  const lowerTokens = tokens.map((t) => t.toLowerCase());
  // "Fiona Hill", "Sarah Park": a given name before a place word makes a person.
  const personal = tokens.length === 2 && givenNameSex(lowerTokens[0] ?? '') !== null;
  if (isFacility(tokens, head)) {
    g.scores.place += 5;
    g.evidence = true;
  } else if (ORG_KEYWORDS.has(head)) {
    g.scores.organization += 5;
    g.evidence = true;
  } else if (PLACE_KEYWORDS.has(head) && tokens.length > 1 && !personal) {
    g.scores.place += 5;
    g.evidence = true;
  } else if (lowerTokens.some((t) => ORG_KEYWORDS.has(t)) && tokens.length > 1) {
    g.scores.organization += 2;
  }
  if (tokens.length >= 2 && FIRST_NAMES.has(lowerTokens[0] ?? '')) {
    g.scores.person += 3;
    g.evidence = true;
  }
  // "Lower Manhattan", "South Dakota", "Northern Ireland".
  if (tokens.length >= 2 && DIRECTIONS.test(lowerTokens[0] ?? '')) {
    g.scores.place += PLACES.has(lowerTokens.slice(1).join(' ')) ? 5 : 1.5;
    g.evidence ||= PLACES.has(lowerTokens.slice(1).join(' '));
  }
  const form = tokens.join(' ');
  // A web address names the site's organization ("Edmunds.com").
  if (/\.(?:com|org|net|io|co\.uk)$/i.test(form)) {
    g.scores.organization += 5;
    g.evidence = true;
  }
  if (/^[\p{Lu}.&]{2,8}$/u.test(form)) {
    g.scores.organization += 2;
    // Three capitals or more are an acronym, and acronyms name organizations.
    // An acronym is an organization's only when something else says so: a gazetteer, the long
    // form the article gives, or its context ("the XYZ said"); "SLS" and "GDP" are not.
  }
  // Two or three plain capitalised words are most often a person in news text.
  if (
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    tokens.every(
      (t) =>
        /^\p{Lu}\p{Ll}/u.test(t) ||
        /^\p{Lu}\.$/u.test(t) ||
        /^(?:de|van|von|der|ten|bin|al|el|da|di|le|la)$|^\p{Ll}+-\p{Lu}/u.test(t),
    )
  )
    // Weaker when the first word is not a known given name ("Old Trafford", "Goldman Sachs").
    g.scores.person += FIRST_NAMES.has(lowerTokens[0] ?? '') ? 1.5 : 1.1;
  else if (tokens.length >= 2) g.scores.organization += 1;
  else {
    g.scores.organization += 0.6;
    g.scores.place += 0.4;
  }
}

function scoreContext(g: Group, s: NameSpan, text: string) {
  for (const t of s.titles) {
    g.titles.add(t);
    if (isCoreTitle(t)) {
      g.scores.person += 4;
      g.evidence = true;
    }
  }
  const before = text.slice(Math.max(0, s.start - 40), s.start);
  const lowTitle = /(?:^|\s)(\p{Ll}[\p{Ll}-]+)\s+$/u.exec(before)?.[1];
  if (lowTitle && isCoreTitle(lowTitle)) {
    g.titles.add(lowTitle);
    g.scores.person += 2;
    g.evidence = true;
  }
  const after = text.slice(s.end, s.end + 60);
  // Appositive: "Jane Doe, deputy commissioner for water", "Doe, 75,".
  const appos = /^,\s+(?:the\s+|a\s+|an\s+)?((?:[\p{Ll}-]+\s+){0,3}?)([\p{Ll}-]+)(?=[\s,])/u.exec(after);
  if (appos?.[2] && isCoreTitle(appos[2])) {
    g.titles.add(appos[2]);
    g.scores.person += 2;
    g.evidence = true;
  }
  // "Acme, a defense contractor,", "Acme’s chief executive", "shares of Acme": an organization.
  if (ORG_APPOSITIVE.test(after) || ORG_POSSESSIVE.test(after) || /\bshares of\s+$/.test(before)) {
    g.scores.organization += 3;
    g.evidence = true;
  }
  // "told ESPN", "according to Statista", "in an interview with Variety": a one-word name there is
  // most often a news outlet or another organization.
  if (
    s.tokens.length === 1 &&
    !FIRST_NAMES.has((s.tokens[0] ?? '').toLowerCase()) &&
    /\b(?:told|according to|in an interview with|speaking to|reported by|published by|(?:a )?statement to|data from)\s+$/.test(
      before,
    )
  ) {
    g.scores.organization += 2;
    g.evidence = true;
  }
  if (/^,\s+which\b/.test(after)) g.scores.organization += 1;
  if (/^,\s+who\b/.test(after)) g.scores.person += 1.5;
  // "the Labour party", "Thames Valley police", "the Acme group" (but not "the Obama
  // administration", which is a person's).
  const lowerKeyword = /^ (\p{Ll}+)\b/u.exec(after)?.[1];
  if (
    lowerKeyword &&
    /^(?:party|police|group|agency|company|corporation|ministry|department|council|committee|university|bank|union|league|club|network|newspaper|magazine|army|militia|tribe|movement|website|firm|organisation|organization|foundation|institute|charity)$/.test(
      lowerKeyword,
    )
  ) {
    g.scores.organization += 3;
    g.evidence = true;
  }
  // "France’s Brittany", "eastern Brittany".
  const placeBefore = /(?:^|\s)(\p{Lu}[\p{L}. ]+?)['’]s\s+$/u.exec(before)?.[1];
  if (
    (placeBefore && PLACES.has(placeBefore.toLowerCase())) ||
    /\b(?:northern|southern|eastern|western|central|north|south|east|west)\s+$/.test(before)
  ) {
    g.scores.place += 2;
    g.evidence = true;
  }
  if (/^,\s+\d{1,3},/.test(after)) {
    g.scores.person += 3;
    g.evidence = true;
  }
  const verb = SPEECH_AFTER.exec(after)?.[1];
  if (
    verb &&
    isSpeechVerb(verb) &&
    !/^(?:according|call|called|calls|post|posted|note|noted|report|reported|post)$/.test(verb)
  ) {
    g.scores.person += 1.5;
    g.scores.organization += 0.5;
    g.evidence = true;
  }
  // A role "at"/"for"/"of" a name is a job at an organization ("an analyst at Wedbush Securities").
  if (
    /\b(?:analyst|economist|professor|researcher|director|spokesman|spokeswoman|spokesperson|official|executive|engineer|partner|fellow|scientist|student|employee|worker|chairman|president|chief|founder|manager|editor|reporter|correspondent|writer|lawyer|attorney|doctor|nurse|coach|player|analysts|economists|researchers|officials|executives|employees)s?\s+(?:at|for|with|of)\s+(?:the\s+)?$/i.test(
      before,
    )
  ) {
    g.scores.organization += 3;
    g.evidence = true;
  }
  if (PLACE_PREP.test(before)) {
    g.scores.place += 1.2;
    g.evidence ||= !s.sentenceStart;
  }
  if (
    /\b(?:city|town|village|region|province|state|capital|island|port|district|suburb|area|coast|county|ville|région|město|obec)\s+(?:of\s+|de\s+)?$/i.test(
      before,
    )
  ) {
    g.scores.place += 3;
    g.evidence = true;
  }
  if (/^-based\b/.test(text.slice(s.end, s.end + 8))) {
    g.scores.place += 3;
    g.evidence = true;
  }
  if (s.dateline) {
    g.scores.place += 5;
    g.evidence = true;
  }
  if (/\bthe\s+$/.test(before)) g.scores.organization += 0.5;
  if (!s.sentenceStart) g.evidence ||= s.tokens.length > 1;
}

/** Adds mentions of known aliases the span finder skipped (e.g. a surname opening a sentence). */
function addUnmarkedMentions(text: string, entities: FoundEntity[]) {
  const taken = new Uint8Array(text.length + 1);
  for (const e of entities) for (const m of e.mentions) taken.fill(1, m.start, m.end);
  const owner = new Map<string, FoundEntity>();
  for (const e of entities) for (const a of e.aliases) if (a.length >= 3 && !owner.has(a)) owner.set(a, e);
  // A person's surname alone refers to them once the full name is known ("Mary E. Lovely" …
  // "Lovely said"), unless another entity or a common word of the article owns that form.
  const lower = lowerWords(text);
  const surnames = new Map<string, FoundEntity | null>();
  for (const e of entities) {
    const words = e.name.split(' ');
    const surname = words.at(-1) ?? '';
    if (e.type !== 'person' || words.length < 2 || !/^\p{Lu}\p{Ll}{2,}$/u.test(surname)) continue;
    surnames.set(surname, surnames.has(surname) ? null : e);
  }
  for (const [surname, e] of surnames) {
    if (e && !owner.has(surname) && !lower.has(surname.toLowerCase())) owner.set(surname, e);
  }
  if (owner.size === 0) return;
  // One pass with every alias, longest first, instead of one regex per alias.
  const alternatives = [...owner.keys()]
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.subarray(start, end).some((x) => x === 1)) continue;
    const e = owner.get(m[0]);
    if (!e) continue;
    e.mentions.push({ start, end });
    if (!e.aliases.includes(m[0])) e.aliases.push(m[0]);
    taken.fill(1, start, end);
  }
}
