import type { Span } from './annotations';
import { CALENDAR_WORDS, DEMONYM_WORDS, FUNCTION } from './gazetteer/common-words';
import { FIRST_NAMES } from './gazetteer/first-names';
import { ORGANIZATIONS } from './gazetteer/organizations';
import { PLACES } from './gazetteer/places';
import { ORG_KEYWORDS, PLACE_KEYWORDS } from './name-keywords';
import { SURNAME_PARTICLES } from './surname-particles';
import { isCoreTitle, isTitleWord } from './titles';

/** A capitalised span that may name a person, organization or place, with the evidence around it. */
export interface NameSpan extends Span {
  text: string;
  tokens: string[];
  /** The span starts a sentence (its capital proves nothing). */
  sentenceStart: boolean;
  /** Title words that precede it ("President", "Secretary-General"), lowercased. */
  titles: string[];
  /** The span is the dateline at the start of a paragraph ("CAIRO —"). */
  dateline: boolean;
  /** Span of the paragraph it is in. */
  block: number;
}

interface Token extends Span {
  text: string;
}

// Initialisms (U.S., H.W.), initials followed by a name (M. in John M. Smith), then words with
// inner hyphens, apostrophes, periods (Amazon.com) or ampersands.
const TOKEN =
  /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00ad]*(?:[-'’.&][\p{L}\p{M}\p{N}\u00ad]+)*/gu;
const CONNECTORS = new Set([
  'of',
  'for',
  'on',
  'and',
  '&',
  'de',
  'du',
  'des',
  'del',
  'della',
  'van',
  'von',
  'da',
  'di',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'y',
  'ten',
  'ter',
  'zu',
  'dos',
]);
const LOWER_PLACE_TAIL =
  /^(?:beach|river|lake|mountain|mountains|bay|valley|park|street|avenue|road|square|airport|harbour|harbor|museum|bridge|stadium)$/;
// Connectors that join a name only after an organization or place word ("Bank of America").
const PREPOSITIONS = new Set(['of', 'for', 'on', 'du', 'des', 'della']);
const PARTICLE_PREFIX = /^(?:al|el|ad|as|ash|bin|ibn|abu|de|van|von|d’|d')-?/;

const isCap = (w: string) => /^[\p{Lu}]/u.test(w);
const isAllCaps = (w: string) => w.length > 1 && !/\p{Ll}/u.test(w) && /\p{Lu}/u.test(w);
const stripPossessive = (w: string) => w.replace(/['’]s$|(?<=s)['’]$/u, '');

function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    let t = m[0];
    // Hashtags and handles are not names ("#Hamilton", "@nato").
    if (/[#@]/.test(text[m.index - 1] ?? '')) continue;
    // "Kyiv." at a sentence end: the period is punctuation unless the token is an initialism.
    if (t.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(t)) t = t.slice(0, -1);
    // Words glued by the page's markup ("Paris.His", "LondonNine"): split before a function word.
    const glued = /\p{Ll}\.?\p{Lu}/u.test(t) ? /^(.*?\p{Ll})\.?(\p{Lu}\p{Ll}+)$/u.exec(t) : null;
    if (glued?.[1] && glued[2] && (FUNCTION.has(glued[2].toLowerCase()) || isTitleWord(glued[2]))) {
      out.push({ start: m.index, end: m.index + glued[1].length, text: glued[1] });
      const at = m.index + t.length - glued[2].length;
      out.push({ start: at, end: at + glued[2].length, text: glued[2] });
      continue;
    }
    // Photo credits glued to captions ("Queens.CreditJane Doe").
    const credit = /.(?:Credit|Photo|Image|Source)/.test(t)
      ? /^(.*?)\.?(Credit|Photo|Image|Source)(\p{Lu}.*)?$/u.exec(t)
      : null;
    if (credit?.[1]) {
      out.push({ start: m.index, end: m.index + credit[1].length, text: credit[1] });
      if (credit[3]) {
        const at = m.index + t.length - credit[3].length;
        out.push({ start: at, end: at + credit[3].length, text: credit[3] });
      }
      continue;
    }
    out.push({ start: m.index, end: m.index + t.length, text: t });
  }
  return out;
}

function isNameWord(t: string): boolean {
  if (!isCap(t)) return PARTICLE_PREFIX.test(t) && /-\p{Lu}/u.test(t);
  return true;
}

/**
 * Capitalised spans of `text` that may be names, split at titles, demonyms and calendar words,
 * sentence by sentence. The caller decides which are entities.
 */
export function findNameSpans(text: string, blocks: Span[], sentences: Span[][]): NameSpan[] {
  const out: NameSpan[] = [];
  blocks.forEach((b, block) => {
    if (isHeadline(text.slice(b.start, b.end))) return;
    for (const s of sentences[block] ?? []) {
      const tokens = tokenize(text, s.start, s.end);
      let i = 0;
      while (i < tokens.length) {
        const tok = tokens[i] as Token;
        if (!isNameWord(tok.text)) {
          i++;
          continue;
        }
        // Grow the chain over adjacent name words and connectors ("Bank of America").
        const chain: Token[] = [tok];
        let j = i + 1;
        while (j < tokens.length) {
          const prev = chain[chain.length - 1] as Token;
          if (stripPossessive(prev.text) !== prev.text && !possessiveInName(prev, tokens, j)) break;
          const next = tokens[j] as Token;
          if (!/^ $/.test(text.slice(prev.end, next.start))) break;
          if (isNameWord(next.text)) {
            chain.push(next);
            j++;
            continue;
          }
          const after = tokens[j + 1];
          const head = stripPossessive(prev.text).toLowerCase();
          const keyed =
            ORG_KEYWORDS.has(head) ||
            PLACE_KEYWORDS.has(head) ||
            isTitleWord(prev.text) ||
            (/^\p{Lu}/u.test(chain[0]?.text ?? '') && ORG_KEYWORDS.has((chain[0]?.text ?? '').toLowerCase()));
          const connects =
            CONNECTORS.has(next.text) &&
            (!PREPOSITIONS.has(next.text) || keyed) &&
            after &&
            /^ $/.test(text.slice(next.end, after.start)) &&
            isNameWord(after.text) &&
            !(next.text === 'and' && isAllCaps(after.text));
          if (connects) {
            chain.push(next, after);
            j += 2;
            continue;
          }
          // Two particles in a row ("Ursula von der Leyen", "Charles de la Tour").
          const third = tokens[j + 2];
          if (
            SURNAME_PARTICLES.has(next.text) &&
            after &&
            SURNAME_PARTICLES.has(after.text) &&
            third &&
            /^ $/.test(text.slice(next.end, after.start)) &&
            /^ $/.test(text.slice(after.end, third.start)) &&
            isCap(third.text)
          ) {
            chain.push(next, after, third);
            j += 3;
            continue;
          }
          if (next.text === 'the' && chain[chain.length - 1]?.text === 'of') break;
          break;
        }
        i = j;
        emitChain(text, chain, s, b, block, out);
      }
    }
  });
  return out;
}

/** Common nouns whose possessive may sit inside an institution's name ("People’s Liberation Army"). */
const POSSESSIVE_IN_NAME =
  /^(?:people|children|women|men|magistrate|magistrates|attorney|attorneys|veterans|workers|farmers|citizens|lawyers|teachers|nurses|doctors|writers|consumers|taxpayers|mothers|fathers|sailors|soldiers|seamen)$/;

/** "Westminster Magistrate’s Court": a possessive common noun followed by an institution's head. */
function possessiveInName(prev: Token, tokens: Token[], j: number): boolean {
  if (!POSSESSIVE_IN_NAME.test(stripPossessive(prev.text).toLowerCase())) return false;
  for (let r = j; r < Math.min(tokens.length, j + 3); r++) {
    const t = (tokens[r] as Token).text;
    if (!isCap(t)) return false;
    if (ORG_KEYWORDS.has(t.toLowerCase())) return true;
  }
  return false;
}

const OPENERS = /["“„«‘'([]\s*$/;

/** Splits one chain of capitalised tokens into names, at titles, dates, demonyms and known units. */
function emitChain(text: string, chain: Token[], s: Span, b: Span, block: number, out: NameSpan[]) {
  const toks = splitHyphenated(chain);
  const where: ChainPlace = { text, sentence: s, blockSpan: b, block };
  let group: Token[] = [];
  let titles: string[] = [];
  const flush = () => {
    const name = nameOf(where, group, titles);
    if (name) out.push(name);
    group = [];
    titles = [];
  };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    const lower = stripPossessive(t.text).toLowerCase();
    const unit = knownUnitEnd(toks, k, group.length === 0);
    if (unit >= k) {
      if (group.length && !CONNECTORS.has(group[group.length - 1]?.text ?? '')) flush();
      for (let r = k; r <= unit; r++) group.push(toks[r] as Token);
      k = unit;
      if (k + 1 < toks.length && !CONNECTORS.has(toks[k + 1]?.text ?? '')) flush();
      continue;
    }
    if (
      (t.text === 'and' && splitsAtAnd(toks, k)) ||
      // "Mayo Clinic": a calendar word that opens an institution's name is part of it.
      (CALENDAR_WORDS.has(lower) && !ORG_KEYWORDS.has(toks[k + 1]?.text.toLowerCase() ?? '')) ||
      (DEMONYM_WORDS.has(lower) && !isOrgContinuation(toks, k) && !continuesInstitution(group))
    ) {
      flush();
      continue;
    }
    const run = titleRunBeforeName(toks, k);
    if (run) {
      flush();
      // "CEO of Acme Corp": the title belongs to nobody in this chain.
      if (run.skip === run.words.length) titles = run.words;
      k += run.skip - 1;
      continue;
    }
    // "DL Jane Doe", "GOP Sen. Jane Doe": an abbreviation before a given name and surname is a
    // role or a party, not part of the name.
    if (group.length && startsFullName(toks, k) && isShortAbbreviation(group[group.length - 1]?.text ?? '')) {
      group.pop();
      flush();
    }
    // A function word opening a sentence is not part of the name ("In Kyiv"); mid-sentence it
    // may be ("Con Edison", "Los Angeles"), except the article ("the Pentagon", "The Hague").
    if (
      group.length === 0 &&
      FUNCTION.has(lower) &&
      (startsSentence(text, s, t) || /^(?:the|a|an)$/.test(lower))
    )
      continue;
    group.push(t);
  }
  flush();
}

/** Where a chain stands: the text, its sentence and block. */
interface ChainPlace {
  text: string;
  sentence: Span;
  blockSpan: Span;
  block: number;
}

/**
 * Splits hyphenated tokens whose parts are names of their own ("Ukrainian-NATO") and drops
 * lowercase tails ("Kyiv-based" -> "Kyiv").
 */
function splitHyphenated(chain: Token[]): Token[] {
  const toks: Token[] = [];
  for (const t of chain) {
    // A party and state ("R-Texas", "D-Calif."): the state.
    const party = /^[RDI]-(?=\p{Lu})/u.exec(t.text);
    if (party) {
      toks.push({ start: t.start + 2, end: t.end, text: t.text.slice(2) });
      continue;
    }
    const parts = t.text.split('-');
    if (parts.length > 1 && !isTitleWord(t.text) && parts.some((p) => DEMONYM_WORDS.has(p.toLowerCase()))) {
      let at = t.start;
      for (const p of parts) {
        toks.push({ start: at, end: at + p.length, text: p });
        at += p.length + 1;
      }
    } else if (
      parts.length > 1 &&
      // The part before the tail is capitalised: "Kyiv-based", and "al-Shabaab-linked" too.
      isCap(parts[parts.length - 2] as string) &&
      !isCap(parts[parts.length - 1] as string) &&
      !nameSyllable(parts)
    ) {
      const head = parts.slice(0, -1).join('-');
      toks.push({ start: t.start, end: t.start + head.length, text: head });
    } else toks.push(t);
  }
  return toks;
}

/** Lowercase words that follow a name in a compound ("Kyiv-based", "Trump-era", "UN-led"). */
const COMPOUND_TAIL =
  /^(?:based|led|born|run|era|made|wide|like|free|only|held|owned|bound|style|type|class|level|area|year|old|day|time|news|man|men|woman)$|(?:ed|ing|ly|ic|al|ist|ism|er|ers)$/;

/** "Cheuk Hau-yip", "Kim Jong-un": a short lowercase syllable after a hyphen ends a given name. */
function nameSyllable(parts: string[]): boolean {
  const tail = parts[parts.length - 1] ?? '';
  return parts.length === 2 && tail.length <= 4 && !COMPOUND_TAIL.test(tail);
}

function startsSentence(text: string, s: Span, t: Token): boolean {
  const before = text.slice(s.start, t.start);
  return /^\s*$/.test(before) || OPENERS.test(before) || /[:—–-]\s*$/.test(before);
}

/** The name a group of tokens makes, trimmed of connectors and possessives; null if none. */
function nameOf(where: ChainPlace, tokens: Token[], titles: string[]): NameSpan | null {
  const { text, sentence, blockSpan, block } = where;
  const group = [...tokens];
  // Connectors never start or end a name.
  while (group.length && !isCap((group[0] as Token).text) && !PARTICLE_PREFIX.test((group[0] as Token).text))
    group.shift();
  while (group.length && CONNECTORS.has((group[group.length - 1] as Token).text)) group.pop();
  if (group.length === 0 || group.every((t) => isTitleWord(t.text))) return null;
  const first = group[0] as Token;
  const last = group[group.length - 1] as Token;
  let end = last.start + stripPossessive(last.text).length;
  // A place word written in lowercase still belongs to the name ("Bondi beach"); an administrative
  // word does not ("Punjab province" is Punjab).
  const tailWord = /^ ([\p{Ll}]+)\b/u.exec(text.slice(end, end + 20))?.[1];
  if (stripPossessive(last.text) === last.text && tailWord && LOWER_PLACE_TAIL.test(tailWord)) {
    group.push({ start: end + 1, end: end + 1 + tailWord.length, text: tailWord });
    end += 1 + tailWord.length;
  }
  const before = text.slice(blockSpan.start, first.start);
  return {
    start: first.start,
    end,
    text: text.slice(first.start, end),
    tokens: group.map((t, k) => (k === group.length - 1 ? stripPossessive(t.text) : t.text)),
    sentenceStart: startsSentence(text, sentence, first),
    titles,
    dateline: /^\s*$/.test(before) && isAllCaps(first.text) && /^\s*(?:\(|—|–|-|,)/.test(text.slice(end)),
    block,
  };
}

/**
 * The last token of a known name that starts at `k` ("Islamic State", "New Zealand"), or `k` for
 * a known single name that no organization or place word follows ("Subscribe to Ukraine Daily
 * newsletter"); -1 if none.
 */
function knownUnitEnd(toks: Token[], k: number, groupEmpty: boolean): number {
  const unit = gazetteerRun(toks, k);
  // "New York University", "San Jose Mercury News": a known place that opens a longer name.
  if (unit >= 0 && opensLongerName(toks, unit + 1)) return -1;
  if (unit >= 0 || !groupEmpty) return unit;
  const lower = stripPossessive((toks[k] as Token).text).toLowerCase();
  if (!ORGANIZATIONS.has(lower) && !PLACES.has(lower)) return -1;
  const qualified = toks
    .slice(k + 1)
    .some(
      (x) =>
        ORG_KEYWORDS.has(x.text.toLowerCase()) ||
        PLACE_KEYWORDS.has(x.text.toLowerCase()) ||
        CONNECTORS.has(x.text),
    );
  return qualified ? -1 : k;
}

/** An organization or place word within the next three name words, before any title or given name. */
function opensLongerName(toks: Token[], from: number): boolean {
  for (let r = from; r < Math.min(toks.length, from + 3); r++) {
    const t = (toks[r] as Token).text;
    if (!isCap(t) || isTitleWord(t) || FIRST_NAMES.has(t.toLowerCase())) return false;
    const words = t.toLowerCase().split('-');
    if (words.some((w) => ORG_KEYWORDS.has(w) || PLACE_KEYWORDS.has(w))) return true;
  }
  return false;
}

/**
 * A run of title words before a name ("NATO Secretary-General Jens Stoltenberg", "Secretary of
 * State Jane Doe"), lowercased, and how many tokens to skip: the run, plus the preposition when
 * an organization follows the title instead of a name ("CEO of Acme Corp").
 */
function titleRunBeforeName(toks: Token[], k: number): { words: string[]; skip: number } | null {
  if (!isTitleWord((toks[k] as Token).text)) return null;
  let r = k;
  const words: string[] = [];
  const joinsTitles = (i: number) =>
    /^(?:of|and|for)$/.test(toks[i]?.text ?? '') && isTitleWord(toks[i + 1]?.text ?? '');
  while (r < toks.length && (isTitleWord((toks[r] as Token).text) || (r > k && joinsTitles(r))))
    words.push((toks[r++] as Token).text.toLowerCase());
  if (!words.some((w) => isCoreTitle(w))) return null;
  const follower = toks[r]?.text ?? '';
  const nameFollows =
    isCap(follower) &&
    !ORG_KEYWORDS.has(follower.toLowerCase()) &&
    !PLACE_KEYWORDS.has(follower.toLowerCase());
  if (nameFollows) return { words, skip: words.length };
  if (/^(?:of|at|for)$/.test(follower) && isCap(toks[r + 1]?.text ?? ''))
    return { words, skip: words.length + 1 };
  return null;
}

/** A given name followed by a capitalised word: a person's full name starts at `k`. */
function startsFullName(toks: Token[], k: number): boolean {
  const t = (toks[k] as Token).text;
  const next = toks[k + 1]?.text ?? '';
  return (
    /^\p{Lu}\p{Ll}/u.test(t) &&
    t
      .toLowerCase()
      .split('-')
      .every((part) => FIRST_NAMES.has(part)) &&
    isCap(next) &&
    !ORG_KEYWORDS.has(next.toLowerCase()) &&
    !PLACE_KEYWORDS.has(next.toLowerCase())
  );
}

/** Two to four capitals that no gazetteer knows ("DL", "GOP"): an abbreviation, not a name word. */
function isShortAbbreviation(word: string): boolean {
  return (
    /^\p{Lu}{2,4}$/u.test(word) && !ORGANIZATIONS.has(word.toLowerCase()) && !PLACES.has(word.toLowerCase())
  );
}

function gazetteerRun(toks: Token[], k: number): number {
  let best = -1;
  let form = '';
  for (let r = k; r < Math.min(toks.length, k + 4); r++) {
    form += (r > k ? ' ' : '') + stripPossessive((toks[r] as Token).text).toLowerCase();
    if (r > k && (ORGANIZATIONS.has(form) || PLACES.has(form))) best = r;
    if (stripPossessive((toks[r] as Token).text) !== (toks[r] as Token).text) break;
  }
  return best;
}

// "Cuba and Iran" are two names; "World Travel and Tourism Council" is one.
function splitsAtAnd(toks: Token[], k: number): boolean {
  const words = toks.map((t) => t.text.toLowerCase());
  const hasKeyword =
    words.slice(k + 1).some((w) => ORG_KEYWORDS.has(w)) || words.slice(0, k).some((w) => ORG_KEYWORDS.has(w));
  const left = words.slice(0, k);
  while (left.length > 1 && /^(?:the|a|an)$/.test(left[0] ?? '')) left.shift();
  // "Jane Doe and Energy Secretary…": a given name and surname end before "and".
  if (left.length === 2 && FIRST_NAMES.has(left[0] ?? '')) return true;
  const leftComplete =
    ORG_KEYWORDS.has(left[left.length - 1] ?? '') ||
    PLACE_KEYWORDS.has(left[left.length - 1] ?? '') ||
    ORGANIZATIONS.has(left.join(' ')) ||
    PLACES.has(left.join(' ')) ||
    ORGANIZATIONS.has(left[left.length - 1] ?? '') ||
    PLACES.has(left[left.length - 1] ?? '');
  return !hasKeyword || leftComplete;
}

// A headline or teaser ("Local Baker Wins Award For Best Bread In Town")
// capitalises every word, so its capitals say nothing about names.
function isHeadline(block: string): boolean {
  const words = block.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  // A list of names ("Jane Doe, BBC News, Washington") is not a headline.
  if (words.length < 5 || /[.!?]["”»]?$/.test(block.trim()) || /[,:;]/.test(block)) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.7;
}

/** "Alliance for American Manufacturing": a demonym after an institution's "for"/"of" belongs to it. */
function continuesInstitution(group: Token[]): boolean {
  const connector = group.at(-1)?.text ?? '';
  return (
    (connector === 'for' || connector === 'of') &&
    group.slice(0, -1).some((t) => ORG_KEYWORDS.has(stripPossessive(t.text).toLowerCase()))
  );
}

// "Palestinian Authority", "Australian Federal Police": a demonym that starts an organization's name.
function isOrgContinuation(toks: Token[], k: number): boolean {
  for (let r = k + 1; r < toks.length; r++) {
    const t = (toks[r] as Token).text;
    if (!isCap(t) || (isTitleWord(t) && !ORG_KEYWORDS.has(t.toLowerCase()))) return false;
    const w = stripPossessive(t).toLowerCase();
    if (ORG_KEYWORDS.has(w) || ((r > k + 1 || r === k + 1) && PLACE_KEYWORDS.has(w))) return true;
  }
  return false;
}
