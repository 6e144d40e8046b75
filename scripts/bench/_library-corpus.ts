/**
 * Deterministic generator of realistic saved articles for the library benchmark: ~800-word
 * news articles with a Zipf-distributed vocabulary (function words, a long tail of content
 * words, named people, places and organisations with diacritics), quotes and entities.
 * Same seed → same library, so runs are comparable.
 */
import type { EntityType, StoredArticle, StoredEntity, StoredQuote } from '../../lib/db/schema';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS =
  'the of and to in a that is for on it with as was he be by at from his this have are not but had they which or we an were been has their said who will would there one all its more also her when after about than into can other up out two over new first some could these only them what our time years may most she against people so him year just like before because'.split(
    ' ',
  );

const NEWS_WORDS =
  'government minister president war military forces defence alliance summit security support weapons troops country countries officials talks peace agreement sanctions economy energy attack attacks border region city capital election parliament vote policy crisis report according statement meeting leaders foreign international national public police court law health market prices inflation bank growth workers strike protest refugees aid humanitarian negotiations ceasefire missile drone air strike frontline offensive counteroffensive membership accession reform corruption investigation journalist newspaper broadcast interview spokesman spokeswoman secretary general commission committee budget billion million percent tuesday wednesday thursday friday monday weekend morning evening village residents families children hospital school infrastructure power grid gas pipeline oil exports imports trade tariffs climate emissions summer winter autumn spring historic decision future promise commitment guarantee'.split(
    ' ',
  );

const PEOPLE: [string, string[]][] = [
  ['Jens Stoltenberg', ['Stoltenberg']],
  ['Volodymyr Zelensky', ['Zelensky']],
  ['Olaf Scholz', ['Scholz']],
  ['Emmanuel Macron', ['Macron']],
  ['Ursula von der Leyen', ['von der Leyen']],
  ['Pedro Sánchez', ['Sánchez']],
  ['Thomas Müller', ['Müller']],
  ['Dmytro Kuleba', ['Kuleba']],
  ['Mark Rutte', ['Rutte']],
  ['Giorgia Meloni', ['Meloni']],
  ['Donald Tusk', ['Tusk']],
  ['Kaja Kallas', ['Kallas']],
  ['Zoë Brontë', ['Brontë']],
  ['François Hollande', ['Hollande']],
  ['Recep Tayyip Erdoğan', ['Erdoğan']],
];
const PLACES = [
  'Kyiv',
  'Kyïv',
  'Brussels',
  'Vilnius',
  'Warsaw',
  'Łódź',
  'São Paulo',
  'Zürich',
  'Kharkiv',
  'Odesa',
  'Berlin',
  'Paris',
  'Madrid',
  'Ankara',
  'Reykjavík',
  'Montréal',
  'Kraków',
  'Dnipro',
];
const ORGS: [string, string[]][] = [
  ['NATO', ['North Atlantic Treaty Organization']],
  ['European Union', ['EU']],
  ['United Nations', ['UN']],
  ['International Monetary Fund', ['IMF']],
  ['Naftogaz', []],
  ['Reuters', []],
  ['Bundeswehr', []],
  ['Société Générale', []],
];
const SITES = [
  ['kyivindependent.com', 'The Kyiv Independent'],
  ['www.lemonde.fr', 'Le Monde'],
  ['www.reuters.com', 'Reuters'],
  ['www.theguardian.com', 'The Guardian'],
  ['www.spiegel.de', 'Der Spiegel'],
  ['elpais.com', 'El País'],
  ['apnews.com', 'AP News'],
  ['www.bbc.com', 'BBC News'],
  ['www.politico.eu', 'Politico Europe'],
  ['www.dw.com', 'DW'],
];
const SYLLABLES =
  'ka ro mi ten sal vor un der ist lam pe tri ol an esh bru cor dal fen gor hal in jur kel mon nar ost pil quen ras sor tal ulm vin wes yar zel'.split(
    ' ',
  );

export interface Corpus {
  /** Content-word vocabulary (long tail), indexable by Zipf rank. */
  tail: string[];
  /** People, places and organisations by Zipf rank: a few are in the news daily, most rarely. */
  people: [string, string[]][];
  places: string[];
  orgs: [string, string[]][];
}

/** Spreads the named (real) entries over a generated pool at growing ranks: 0, 2, 5, 9, 14, … */
function pool<T>(named: T[], size: number, generate: (i: number) => T): T[] {
  const out: T[] = [];
  let next = 0;
  let gap = 2;
  let n = 0;
  for (let i = 0; i < size; i++) {
    if (i === next && n < named.length) {
      out.push(named[n++]);
      next += gap++;
    } else out.push(generate(i));
  }
  return out;
}

export function makeCorpus(seed = 42): Corpus {
  const rand = mulberry32(seed);
  const word = (min: number, extra: number) => {
    let w = '';
    for (let i = 0, n = min + Math.floor(rand() * extra); i < n; i++)
      w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return w;
  };
  const tail = new Set<string>();
  while (tail.size < 30_000) tail.add(word(2, 3));
  const name = () => capitalize(word(2, 2));
  return {
    tail: [...tail],
    people: pool(PEOPLE, 3000, () => {
      const last = name();
      return [`${name()} ${last}`, [last]];
    }),
    places: pool(PLACES, 500, () => name()),
    orgs: pool(ORGS, 300, () => [
      `${name()} ${pick(rand, ['Group', 'Institute', 'Bank', 'Party', 'Council'])}`,
      [],
    ]),
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** Zipf-ish rank in [0, n): small ranks are much more frequent. */
function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n ** rand() - 1));
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Article `i` of the library; `now` is the save time of the newest article. */
export function makeArticle(corpus: Corpus, i: number, now: number): StoredArticle {
  const rand = mulberry32(1000 + i);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const ranked = <T>(list: readonly T[]) => list[zipf(rand, list.length)];
  const cast = {
    people: Array.from({ length: 2 + Math.floor(rand() * 3) }, () => ranked(corpus.people)),
    places: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ranked(corpus.places)),
    orgs: Array.from({ length: 1 + Math.floor(rand() * 2) }, () => ranked(corpus.orgs)),
  };
  const word = (): string => {
    const r = rand();
    if (r < 0.45) return FUNCTION_WORDS[zipf(rand, FUNCTION_WORDS.length)];
    if (r < 0.75) return NEWS_WORDS[zipf(rand, NEWS_WORDS.length)];
    if (r < 0.8) {
      const [name, aliases] = pick(cast.people);
      return rand() < 0.5 ? name : (aliases[0] ?? name);
    }
    if (r < 0.83) return pick(cast.places);
    if (r < 0.85) return pick(cast.orgs)[0];
    return corpus.tail[zipf(rand, corpus.tail.length)];
  };
  const paragraphs: string[] = [];
  const quotes: StoredQuote[] = [];
  let text = '';
  let words = 0;
  const target = 700 + Math.floor(rand() * 200);
  while (words < target) {
    const sentences: string[] = [];
    for (let s = 0, count = 2 + Math.floor(rand() * 4); s < count; s++) {
      const length = 8 + Math.floor(rand() * 18);
      const ws = Array.from({ length }, word);
      words += length;
      sentences.push(`${capitalize(ws.join(' '))}.`);
    }
    let paragraph = sentences.join(' ');
    if (rand() < 0.3) {
      const speaker = pick(cast.people)[0];
      const said = Array.from({ length: 6 + Math.floor(rand() * 10) }, word).join(' ');
      const quoteText = `${capitalize(said)}.`;
      const lead = `“${quoteText}” ${speaker} said. `;
      const start = text.length + (text ? 2 : 0) + 1;
      quotes.push({ text: quoteText, speaker, start, end: start + quoteText.length });
      paragraph = lead + paragraph;
      words += said.split(' ').length + 2;
    }
    text += (text ? '\n\n' : '') + paragraph;
    paragraphs.push(paragraph);
  }
  const entities: StoredEntity[] = [];
  const addEntity = (name: string, type: EntityType, aliases: string[]) => {
    if (entities.some((e) => e.name === name)) return;
    const count = text.split(name).length - 1 + aliases.reduce((n, a) => n + text.split(a).length - 1, 0);
    entities.push({ name, type, aliases, count: Math.max(1, count) });
  };
  for (const [name, aliases] of cast.people) addEntity(name, 'person', aliases);
  for (const name of cast.places) addEntity(name, 'place', []);
  for (const [name, aliases] of cast.orgs) addEntity(name, 'organization', aliases);
  const [host, siteName] = SITES[i % SITES.length];
  const title = capitalize(Array.from({ length: 6 + Math.floor(rand() * 6) }, word).join(' '));
  const url = `https://${host}/${2020 + (i % 5)}/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`;
  const savedAt = now - (10_000 - i) * 60_000;
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return {
    id: `${savedAt.toString(36).padStart(9, '0')}-${i.toString(36).padStart(6, '0')}`,
    url,
    canonicalUrl: url,
    urlKeys: [url],
    title,
    byline: `By ${pick(corpus.people.slice(100))[0]}`,
    siteName,
    site: host.replace(/^www\./, ''),
    publishedTime: new Date(savedAt - 3_600_000).toISOString(),
    lang: 'en',
    dir: 'ltr',
    excerpt: paragraphs[0].slice(0, 200),
    leadImage: null,
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    text,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 230)),
    quotes,
    entities,
    entityKeys: [],
    tags: rand() < 0.2 ? [pick(['nato', 'ukraine', 'economy', 'energy', 'to-read'])] : [],
    read: rand() < 0.4 ? 1 : 0,
    archived: rand() < 0.1 ? 1 : 0,
    favorite: rand() < 0.05 ? 1 : 0,
    readingPosition: 0,
    savedAt,
    updatedAt: savedAt,
    images: { total: 0, saved: 0, failed: [] },
  };
}

/** ~50 search queries as readers type them: names, topics, prefixes, two words, no diacritics. */
export function benchQueries(corpus: Corpus): string[] {
  return [
    'Stoltenberg',
    'zelensky',
    'scholz',
    'Macron',
    'von der leyen',
    'sanchez',
    'muller',
    'kuleba',
    'rutte',
    'erdogan',
    'bronte',
    'hollande',
    'kallas',
    'tusk',
    'meloni',
    'kyiv',
    'vilnius summit',
    'lodz',
    'sao paulo',
    'zurich',
    'reykjavik',
    'montreal',
    'krakow',
    'kharkiv',
    'odesa',
    'nato',
    'naftogaz',
    'societe generale',
    'bundeswehr',
    'monetary fund',
    'ceasefire',
    'counteroffensive',
    'humanitarian aid',
    'pipeline exports',
    'inflation bank',
    'sanctions',
    'accession',
    'stolt',
    'zel',
    'counter',
    'infra',
    'negot',
    corpus.tail[50],
    corpus.tail[500],
    corpus.tail[5000],
    `${corpus.tail[20]} ${corpus.tail[300]}`,
    corpus.tail[29_999],
    'zelensky stoltenberg',
    'energy grid',
    'secretary general',
  ];
}
