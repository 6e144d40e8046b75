/**
 * A byline as a reader wants it: the authors' names, nothing else. Pages write the names with
 * what follows them — the organization, a role, a date — sometimes glued on with no space at all,
 * because the byline is built from separate elements ("JANE DOE and JOHN ROE" + "Wire Service"
 * reads "JANE DOE and JOHN ROEWire Service"). Placeholders ("Guest Author", "Staff", "admin") are
 * no names: the byline is then null, so a better source (JSON-LD) or none at all is used.
 */

import { foldCase, hasDigit, includesAny, startsWithAny } from './prefilter';

const BY_PREFIX =
  /^(?:by|von|par|por|di|door|av|przez|от|автор)\s*:?\s+|^(?:text|texto|testo|tekst|текст|author|autor|auteur|autore|автор)\s*:\s*/i;
const ROLE_PREFIX =
  /^(?:(?:written|reported|posted|compiled|edited|words|text|story|analysis|opinion|commentary|review|interview)\s+by)\s*:?\s+/i;
/** What BY_PREFIX's and ROLE_PREFIX's lines start with. */
const BY_WORDS = [
  'by',
  'von',
  'par',
  'por',
  'di',
  'door',
  'av',
  'przez',
  'от',
  'автор',
  'text',
  'testo',
  'tekst',
  'текст',
  'author',
  'autor',
  'auteur',
];
const ROLE_WORDS = [
  'written',
  'reported',
  'posted',
  'compiled',
  'edited',
  'words',
  'text',
  'story',
  'analysis',
  'opinion',
  'commentary',
  'review',
  'interview',
];
/** Names carry no digits: what follows is the date glued on ("Jane Doe22 Dec 2016", "March 11, 2015"). */
const DATE_TAIL = /\s*(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?\d.*$/i;

/** Bylines that name nobody: CMS defaults and generic accounts (English and a few other languages). */
const PLACEHOLDER =
  /^(?:guest(?:[ -](?:author|post|writer|contributor|blogger|columnist|user))?|(?:the )?staff(?: (?:writer|reporter|author))?|\S*admin\S*|administrator|contributors?|author|authors|user|unknown|anonymous|webmaster|editor|redaktion|redacción|rédaction|redazione|redação|gość|гость|invité|invitado|gast|ospite|convidado)$/i;

/** Particles and prefixes inside names: "McDonald", "DeArdo", "MacKenzie", "van der Berg". */
const NAME_PREFIX =
  /^(?:mc|mac|de|di|da|du|del|della|des|la|le|lo|van|von|der|den|o|fitz|st|al|el|abu|ibn|ben|bin)$/i;
const PARTICLE =
  /^(?:van|von|der|den|de|di|da|du|del|della|des|la|le|al|el|bin|ibn|bint|abu|y|e|dos|das|do|zu)$/i;

/**
 * Words that make a part of a byline an organization, a role or a date rather than a person
 * ("Jane Doe, Associated Press", "John Roe, Senior Writer", "Carrie Arnold" + "November 19").
 */
const NOT_NAME_WORD = new RegExp(
  `^(?:${[
    // news organizations
    'press',
    'news',
    'newswire',
    'service',
    'services',
    'wire',
    'agency',
    'times',
    'post',
    'journal',
    'herald',
    'tribune',
    'gazette',
    'telegraph',
    'magazine',
    'media',
    'network',
    'networks',
    'international',
    'insider',
    'business',
    'daily',
    'weekly',
    'online',
    'digital',
    'radio',
    'tv',
    'television',
    'channel',
    'group',
    'inc',
    'ltd',
    'llc',
    'corp',
    'company',
    'chronicle',
    'examiner',
    'observer',
    'independent',
    'courier',
    'bulletin',
    'dispatch',
    'monitor',
    'reuters',
    'bloomberg',
    'national',
    'review',
    'report',
    'today',
    'standard',
    'record',
    'register',
    'the',
    // roles
    'staff',
    'writer',
    'reporter',
    'editor',
    'editors',
    'editor-at-large',
    'correspondent',
    'contributor',
    'contributing',
    'columnist',
    'producer',
    'analyst',
    'senior',
    'chief',
    'associate',
    'special',
    'desk',
    'bureau',
    'sports',
    'politics',
    // dates
    'january',
    'february',
    'march',
    'april',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'updated',
    'published',
  ].join('|')})$`,
  'i',
);

/**
 * "By Jane Doe and John Roe" → "Jane Doe and John Roe"; "By Jane Doe, Reuters" → "Jane Doe";
 * "JANE DOE and JOHN ROEWire Service" → "JANE DOE and JOHN ROE"; "Guest Author" → null.
 * `site` (the site's name or host) is dropped where it follows a name.
 */
export function cleanByline(raw: string | null | undefined, site?: string | null): string | null {
  let text = raw?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  // Each pattern only where a plain test shows it may apply (see prefilter.ts).
  if (startsWithAny(foldCase(text), BY_WORDS)) text = text.replace(BY_PREFIX, '');
  if (startsWithAny(foldCase(text), ROLE_WORDS)) text = text.replace(ROLE_PREFIX, '');
  if (hasDigit(text)) text = text.replace(DATE_TAIL, '');
  text = text.replace(/[\s,|·•–—-]+$/, '').trim();
  if (!text || text.length > 100) return null;
  const names = keepNames(splitParts(text), site ?? null);
  const byline = names.replace(/[\s,|·•–—-]+$/, '').trim();
  if (!byline || PLACEHOLDER.test(byline) || isUserName(byline)) return null;
  return byline;
}

/** A login rather than a name: "kei_eno", "jdoe42", "gto" (names are capitalised and spaced). */
function isUserName(byline: string): boolean {
  return byline.includes('_') || /^[a-z][a-z0-9.-]*$/.test(byline);
}

interface Part {
  /** What joins this part to the one before ("" for the first, ", ", " and ", or a glue mark). */
  joiner: string;
  text: string;
  /** Joined to the previous part with no space, at a change of case. */
  glued: boolean;
  /** Glued after an all-capitals name ("ROE" + "Wire Service"): what follows is never a name. */
  afterCapitals: boolean;
}

/** What a SEPARATOR match contains (the text's spaces are single spaces). */
const SEPARATOR_PARTS = [
  ',',
  ';',
  '|',
  '·',
  '•',
  '/',
  '–',
  '—',
  '-',
  '.',
  ' and ',
  ' & ',
  ' und ',
  ' et ',
  ' y ',
  ' e ',
  ' и ',
];
const SEPARATOR = /(\s*[,;|·•/]\s*|\s+[–—-]\s+|\s+(?:and|&|und|et|y|e|и)\s+|(?<!\b\p{Lu})\.\s+(?=\p{Lu}))/u;

function splitParts(text: string): Part[] {
  const parts: Part[] = [];
  const pieces = includesAny(text, SEPARATOR_PARTS) ? text.split(SEPARATOR) : [text];
  for (let i = 0; i < pieces.length; i += 2) {
    const joiner = i === 0 ? '' : normalizeJoiner(pieces[i - 1]);
    const glued = unglue(pieces[i].trim());
    glued.forEach((g, j) => {
      parts.push({
        joiner: j === 0 ? joiner : ', ',
        text: g.text,
        glued: j > 0,
        afterCapitals: j > 0 && g.afterCapitals,
      });
    });
  }
  return parts.filter((p) => p.text);
}

function normalizeJoiner(sep: string): string {
  const s = sep.trim();
  if (/^(?:and|&|und|et|y|e|и)$/i.test(s)) return ` ${s} `;
  return s === ',' || s === ';' || s === '.' ? ', ' : ` ${s} `;
}

/**
 * Splits text nodes glued without a space where the case changes inside a word: "ROEWire" (capitals
 * then a capitalised word), "ArnoldNovember", "TangermannFuturism" — but not "McDonald" or
 * "DeArdo" (name prefixes), and never the first word ("AppleInsider" is a name of its own).
 */
function unglue(text: string): { text: string; afterCapitals: boolean }[] {
  const out: { text: string; afterCapitals: boolean }[] = [];
  let current: string[] = [];
  let afterCapitals = false;
  text.split(' ').forEach((word, w) => {
    let rest = word;
    for (let cut = glueCut(rest, w === 0); cut !== null; cut = glueCut(rest, false)) {
      const head = rest.slice(0, cut);
      current.push(head);
      out.push({ text: current.join(' '), afterCapitals });
      afterCapitals = isCapitals(head);
      current = [];
      rest = rest.slice(cut);
    }
    current.push(rest);
  });
  out.push({ text: current.join(' '), afterCapitals });
  return out;
}

function isCapitals(word: string): boolean {
  const letters = word.replace(/\P{L}/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A capital letter after the first character is possible (exact for ASCII; anything else goes on to the patterns). */
function mayHaveCapitalInside(word: string): boolean {
  const rest = word.slice(1);
  return rest !== rest.toLowerCase() || !isAscii(rest);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Where a glued word splits (an index inside it), or null. */
function glueCut(word: string, firstWord: boolean): number | null {
  if (firstWord || word.length < 3 || !mayHaveCapitalInside(word)) return null;
  // "ROEWire": two or more capitals, then a capital starting a lower-case word.
  const caps = /^(\p{Lu}{2,})(?=\p{Lu}\p{Ll})/u.exec(word);
  if (caps) return caps[1].length;
  // "ArnoldNovember": lower case then a capitalised word of 3+ letters, after a real name part.
  const re = /\p{Ll}(?=\p{Lu}\p{Ll}{2,})/gu;
  for (let m = re.exec(word); m; m = re.exec(word)) {
    const head = word.slice(0, m.index + 1);
    const letters = head.replace(/\P{L}/gu, '');
    if (letters.length >= 3 && !NAME_PREFIX.test(letters)) return m.index + 1;
  }
  return null;
}

/**
 * Keeps the parts that are people. The first part always stays (a byline may be an organization:
 * "Reuters", "BBC Sport"); a later part goes when it is an organization, a role, a date, a
 * credential ("MS", "RDN") or the site itself.
 */
function keepNames(parts: Part[], site: string | null): string {
  if (!parts.length) return '';
  // "Doe, Jane": two single words are one name written surname first.
  if (parts.length === 2 && !parts[1].glued && parts.every((p) => !p.text.includes(' ')))
    return `${parts[0].text}, ${parts[1].text}`;
  let out = '';
  parts.forEach((part, i) => {
    if (i === 0) {
      out = part.text;
      return;
    }
    if (part.afterCapitals || !isPersonName(part.text, site)) return;
    out += part.joiner + part.text;
  });
  return out;
}

function isPersonName(text: string, site: string | null): boolean {
  if (site && sameName(text, site)) return false;
  // Scripts without capitals (Chinese, Japanese, Arabic, Hebrew…): no case to judge by, keep it.
  if (!/[\p{Lu}\p{Ll}]/u.test(text)) return true;
  const words = text.split(' ').filter(Boolean);
  if (words.length < 2 || words.length > 5) return false;
  if (/\.(?:com|net|org|co|news|info|io)\b/i.test(text)) return false;
  let capitalised = 0;
  for (const word of words) {
    const bare = word.replace(/^[("“']+|[)"”',.]+$/g, '');
    if (NOT_NAME_WORD.test(bare)) return false;
    if (PARTICLE.test(bare)) continue;
    if (!/^\p{Lu}/u.test(bare)) return false;
    capitalised++;
  }
  // An acronym first ("CNN Business", "AP Sports") is an organization; "J.R.R. Tolkien" is not.
  if (/^\p{Lu}{2,}$/u.test(words[0]) && !words.every((w) => isCapitals(w))) return false;
  return capitalised >= 2;
}

function sameName(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .toLowerCase()
      .replace(/^https?:\/\/|^www\.|\.(?:com|net|org|co\.uk|co)$/g, '')
      .replace(/[^\p{L}\p{N}]/gu, '');
  const x = fold(a);
  const y = fold(b);
  return !!x && !!y && (x === y || y.includes(x) || x.includes(y));
}
