import type { Span } from './annotations';
import type { FoundEntities } from './find-entities';
import { maskQuotes, type QuoteSpan } from './find-quotes';
import { findSpeechVerbs } from './speech-verbs';
import { splitSentences } from './split-sentences';
import { titleHead } from './titles';

type Mention = Span & { entity: number };
/** A speaker reference: an entity, "unnamed" (a resident said) or "none" found. */
type Ref = { entity: number } | 'unnamed' | 'pronoun' | 'it' | null;

const PRONOUN = /^(?:he|she|il|elle|er|sie|él|ella|він|вона|on|ona|ten|ta)$/i;
// "it said in a statement": the organization last named.
const IT = /^(?:it|es|ello|воно|ono)$/i;
const UNNAMED =
  /(?:^|\s)(?:an?|one|another|some|several|many|two|three|the|les?|la|un|une|der|die|ein|eine|un|una|los|las|jeden|jedna)?\s*(?:[\p{Ll}-]+\s+){0,3}(?:resident|residents|official|officials|spokesman|spokeswoman|spokesperson|source|sources|witness|witnesses|expert|experts|analyst|analysts|critic|critics|observer|observers|aide|aides|diplomat|diplomats|man|woman|people|person|someone|officer|officers|police|authorities|statement|report|researchers|scientists|doctors|study|survey|habitant|habitants|responsable|responsables|témoin|sprecher|sprecherin|experten|vecino|vecinos|portavoz|mluvčí|svědek|lidé)\s*$/iu;
const FILLER =
  /(?:\s+(?:\p{Ll}+ly|also|then|later|has|had|have|was|is|will|would|recently|previously|once|often|repeatedly|further|flatly|again|simply|just|quickly|never|and|a|encore|aussi|auch|también|také|ještě|в|тоже|se|si))+\s*$/iu;
const PARTICIPLE = /ing$|ant$/;

interface Ctx {
  text: string;
  masked: string;
  found: FoundEntities;
  quotes: QuoteSpan[];
  speakers: Ref[];
  /** 1 for every character inside a quotation: mentions there never name the speaker. */
  quoted: Uint8Array;
}

/**
 * The speaker of each quote, as an entity index (or null): from the speech verb of the quote's
 * sentence and its subject ("X said", "said X", "X, the minister, said", "according to X",
 * "X told reporters"), colon introductions, pronouns and title descriptions resolved backwards,
 * and continuation paragraphs inheriting the previous speaker.
 */
export function attributeSpeakers(
  text: string,
  blocks: Span[],
  quotes: QuoteSpan[],
  found: FoundEntities,
): (number | null)[] {
  const masked = maskQuotes(text, quotes);
  const quoted = new Uint8Array(text.length + 1);
  for (const q of quotes) quoted.fill(1, q.start, q.end);
  const ctx: Ctx = { text, masked, found, quotes, speakers: [], quoted };
  const sentencesOf = blocks.map((b) => splitSentences(masked, b.start, b.end));
  quotes.forEach((q, i) => {
    const b = blocks[q.block] as Span;
    const sentence = (sentencesOf[q.block] ?? []).find((s) => s.start <= q.open && q.open < s.end) ?? b;
    let ref = fromSentence(ctx, q, sentence);
    const prev = i > 0 ? (quotes[i - 1] as QuoteSpan) : null;
    if (ref === null && prev) {
      const sameSentence = prev.block === q.block;
      // A paragraph that only continues a quotation belongs to the previous speaker.
      const continuation =
        q.open === b.start && (q.block - prev.block === 1 || (!prev.closed && q.block - prev.block <= 2));
      if (sameSentence || continuation) ref = ctx.speakers[i - 1] ?? null;
    }
    if (ref === null) ref = fromColon(ctx, q, b, blocks);
    if (ref === null) ref = fromNeighbourSentence(ctx, q, sentence, sentencesOf[q.block] ?? []);
    // A quotation standing alone in its paragraph speaks for the person the previous one named,
    // or continues the quotation before it.
    if (ref === null && q.open === b.start && q.block > 0) {
      ref = lastPerson(ctx, q.open, (blocks[q.block - 1] as Span).start);
      if (ref === null && prev && q.block - prev.block <= 2) ref = ctx.speakers[i - 1] ?? null;
    }
    if (ref === 'pronoun') {
      // "he added" right after a quotation continues that speaker; otherwise the last person named.
      const prevSpeaker = prev && q.block - prev.block <= 1 ? ctx.speakers[i - 1] : null;
      const prevIsPerson =
        prevSpeaker &&
        typeof prevSpeaker === 'object' &&
        ctx.found.entities[prevSpeaker.entity]?.type === 'person';
      ref = prevIsPerson ? prevSpeaker : lastPerson(ctx, q.open);
    }
    if (ref === 'it') ref = lastOf(ctx, q.open, 'organization');
    ctx.speakers.push(ref);
  });
  return ctx.speakers.map((r) => (r && typeof r === 'object' ? r.entity : null));
}

function isSpeaker(ctx: Ctx, m: Mention): boolean {
  const type = ctx.found.entities[m.entity]?.type;
  return type === 'person' || type === 'organization';
}

function insideQuote(ctx: Ctx, m: Span): boolean {
  return ctx.quoted[m.start] === 1;
}

function lastPerson(ctx: Ctx, before: number, after = 0): Ref {
  return lastOf(ctx, before, 'person', after);
}

/**
 * The mentions starting in [from, to): `found.mentions` is sorted by start, so a binary search
 * bounds every lookup to its window. Scanning all mentions per quote made long texts quadratic.
 */
function mentionsIn(ctx: Ctx, from: number, to: number): Mention[] {
  const all = ctx.found.mentions;
  return all.slice(firstStartingAt(all, from), firstStartingAt(all, to));
}

/** Index of the first mention starting at or after `pos`. */
function firstStartingAt(mentions: Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as Mention).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last mention ending by `before` (and starting at or after `after`) that `accept`s. */
function lastMention(
  ctx: Ctx,
  before: number,
  after: number,
  accept: (m: Mention) => boolean,
): Mention | null {
  const all = ctx.found.mentions;
  for (let i = firstStartingAt(all, before) - 1; i >= 0; i--) {
    const m = all[i] as Mention;
    if (m.start < after) break;
    if (m.end <= before && accept(m)) return m;
  }
  return null;
}

function lastOf(ctx: Ctx, before: number, type: string, after = 0): Ref {
  const best = lastMention(
    ctx,
    before,
    after,
    (m) => ctx.found.entities[m.entity]?.type === type && !insideQuote(ctx, m),
  );
  return best ? { entity: best.entity } : null;
}

/** "the secretary-general" -> the person introduced with that title; "the company" -> last org. */
function fromDescription(ctx: Ctx, words: string, before: number): Ref {
  const head = titleHead(words);
  const ents = ctx.found.entities;
  const best = lastMention(ctx, before, 0, (m) => {
    const e = ents[m.entity];
    if (!e || insideQuote(ctx, m)) return false;
    return head
      ? e.titles.has(head)
      : e.type === 'organization' && e.name.toLowerCase().includes(words.split(/\s+/).pop() ?? '');
  });
  return best ? { entity: best.entity } : null;
}

/** The subject right before `end` (a verb): a mention, a pronoun, a description or "unnamed". */
function subjectBefore(ctx: Ctx, from: number, end: number): Ref {
  let stop = end;
  const pre = ctx.masked.slice(from, stop);
  const filler = FILLER.exec(pre);
  if (filler) stop -= filler[0].length;
  const trimmed = ctx.masked.slice(from, stop).replace(/\s+$/, '');
  stop = from + trimmed.length;
  // "X, the minister, said": skip one appositive between commas.
  const appos = /,\s+[^,"“”«»_]{1,90},$/.exec(trimmed);
  const candidates = [stop, appos ? stop - appos[0].length : -1].filter((x) => x > from);
  for (const at of candidates) {
    const m = mentionsIn(ctx, from, at).find(
      (x) =>
        x.end <= at && at - x.end <= 3 && /^['’]?s?\s*$/.test(ctx.text.slice(x.end, at)) && x.start >= from,
    );
    if (m && isSpeaker(ctx, m)) return { entity: m.entity };
    const tail = ctx.masked.slice(from, at);
    const word = /([\p{L}-]+)$/u.exec(tail)?.[1] ?? '';
    if (PRONOUN.test(word)) return 'pronoun';
    if (IT.test(word)) return 'it';
    if (/^(?:they|ils|elles|sie|ellos|вони|oni)$/i.test(word)) return 'unnamed';
    if (UNNAMED.test(tail) && !/\p{Lu}[\p{L}-]*$/u.test(tail)) {
      const desc = /(?:the|la|le|der|die|el)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)$/iu.exec(tail);
      if (desc?.[1] && titleHead(desc[1])) return fromDescription(ctx, desc[1], from);
      return 'unnamed';
    }
    const desc = /(?:^|\s)(?:the|la|le|der|die|el)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)$/iu.exec(tail);
    if (desc?.[1]) {
      const r = fromDescription(ctx, desc[1], from);
      if (r) return r;
    }
  }
  return null;
}

/** The subject right after a verb: "said Stoltenberg", "says president Jane Doe", "said he". */
function subjectAfter(ctx: Ctx, start: number, limit: number): Ref {
  const window = ctx.masked.slice(start, Math.min(limit, start + 90));
  const lead = /^\s*(?:(?:on|in|at|na|ve|v|se|si)\s+)?/u.exec(window)?.[0] ?? '';
  const word = /^[\p{L}-]+/u.exec(window.slice(lead.length))?.[0] ?? '';
  if (PRONOUN.test(word)) return 'pronoun';
  const inWindow = mentionsIn(ctx, start, start + window.length).filter(
    (m) =>
      m.start >= start &&
      m.end <= start + window.length &&
      isSpeaker(ctx, m) &&
      !/[.;!?_]/.test(
        ctx.masked
          .slice(start, m.start)
          .replace(/\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St)\./g, ''),
      ),
  );
  // Prefer a person (Czech: "píše na Twitteru Jan Novák"), within a few words of the verb.
  const near = inWindow.filter((m) => ctx.masked.slice(start, m.start).split(/\s+/).length <= 7);
  const person = near.find((m) => ctx.found.entities[m.entity]?.type === 'person');
  const m = person ?? near[0];
  if (m) return { entity: m.entity };
  const desc = /^\s*(?:the|la|le|der|die|el)\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)(?=[\s,.]|$)/iu.exec(
    window,
  );
  if (desc?.[1]) {
    const r = fromDescription(ctx, desc[1], start);
    if (r) return r;
    if (UNNAMED.test(desc[0])) return 'unnamed';
  }
  if (/^\s*(?:an?|one|some|several|un|une|ein|eine|un|una)\s/i.test(window)) return 'unnamed';
  return null;
}

function fromSentence(ctx: Ctx, q: QuoteSpan, s: Span): Ref {
  const verbs = findSpeechVerbs(ctx.masked, s.start, s.end);
  if (!verbs.length) return null;
  // Passive: "described as “heartbreaking” by the conservation department".
  const by = /^\s*by\s+/.exec(ctx.masked.slice(q.close, s.end));
  if (by) {
    const r = subjectAfter(ctx, q.close + by[0].length - 1, s.end);
    if (r) return r;
  }
  // Closest verb first; a participle ("adding that") takes the subject of the main verb.
  const order = [...verbs].sort((a, b) => distance(a, q) - distance(b, q));
  for (const v of order) {
    if (v.word === 'according') {
      const r = subjectAfter(ctx, v.end + 3, s.end);
      if (r) return r;
      continue;
    }
    if (
      v.word === 'podle' ||
      v.word === 'selon' ||
      v.word === 'según' ||
      v.word === 'laut' ||
      v.word === 'словами'
    ) {
      const r = subjectAfter(ctx, v.end, s.end);
      if (r) return r;
      continue;
    }
    const clauseStart = v.start > q.close ? q.close : lastBoundary(ctx, s, v.start);
    if (PARTICIPLE.test(v.word)) {
      const r = participleSubject(ctx, s, v);
      if (r) return r;
      continue;
    }
    const before = subjectBefore(ctx, clauseStart, v.start);
    if (before) return before;
    const after = subjectAfter(ctx, v.end, v.start < q.open ? q.open : s.end);
    if (after) return after;
  }
  // A participle whose main verb was not found: the subject opens the sentence.
  const v = order[0];
  if (v) {
    const inSentence = mentionsIn(ctx, s.start, v.start).filter(
      (x) => x.start >= s.start && x.end <= v.start && isSpeaker(ctx, x) && !insideQuote(ctx, x),
    );
    const m = inSentence.find((x) => ctx.found.entities[x.entity]?.type === 'person') ?? inSentence[0];
    if (m) return { entity: m.entity };
  }
  return null;
}

/**
 * The subject of a participle ("Smith retweeted the story, saying, “...”"): the antecedent of
 * "which"/"who" when the participle hangs on a relative clause ("the party, which tried ...
 * by saying"), else the first person (or organization) named in its clause.
 */
function participleSubject(ctx: Ctx, s: Span, v: Span): Ref {
  const from = lastBoundary(ctx, s, v.start);
  const region = ctx.masked.slice(from, v.start);
  const rel = /,\s+(?:which|who|qui|der|die|das|que|який|яка|který|která)\s/iu.exec(region);
  const inRegion = mentionsIn(ctx, from, v.start).filter(
    (m) => m.start >= from && m.end <= v.start && isSpeaker(ctx, m) && !insideQuote(ctx, m),
  );
  if (rel) {
    const before = inRegion.filter((m) => m.end <= from + rel.index).pop();
    if (before) return { entity: before.entity };
  }
  // "The secretary-general said that ..., adding that": the subject of the main speech verb.
  const main = findSpeechVerbs(ctx.masked, from, v.start).find((x) => !PARTICIPLE.test(x.word));
  if (main) {
    const r = subjectBefore(ctx, from, main.start);
    if (r) return r;
  }
  // Otherwise the name that opens the clause ("Smith retweeted the story, saying").
  const opening = inRegion.filter((m) => ctx.masked.slice(from, m.start).split(/\s+/).length <= 8);
  const m = opening.find((x) => ctx.found.entities[x.entity]?.type === 'person') ?? opening[0];
  return m ? { entity: m.entity } : null;
}

function distance(v: Span, q: QuoteSpan): number {
  return v.start >= q.close ? v.start - q.close : v.end <= q.open ? q.open - v.end : 0;
}

// The clause before a verb starts after the last quotation that precedes it in the sentence.
function lastBoundary(ctx: Ctx, s: Span, at: number): number {
  let from = s.start;
  for (const q of ctx.quotes) if (q.close <= at && q.close > from) from = q.close;
  return from;
}

/** "Mr Smith told the BBC: “...”" and a paragraph ending "...said:" before a quote paragraph. */
function fromColon(ctx: Ctx, q: QuoteSpan, b: Span, blocks: Span[]): Ref {
  const before = ctx.masked.slice(b.start, q.open);
  let region: Span | null = null;
  if (/:\s*$/.test(before)) region = { start: b.start, end: q.open };
  else if (q.open === b.start && q.block > 0) {
    const prev = blocks[q.block - 1] as Span;
    if (/:\s*$/.test(ctx.text.slice(prev.start, prev.end))) region = prev;
  }
  if (!region) return null;
  const s = splitSentences(ctx.masked, region.start, region.end).pop() ?? region;
  const verbs = findSpeechVerbs(ctx.masked, s.start, s.end);
  for (const v of verbs) {
    const r = subjectBefore(ctx, s.start, v.start) ?? subjectAfter(ctx, v.end, s.end);
    if (r) return r;
  }
  const m = mentionsIn(ctx, s.start, s.end)
    .filter((x) => x.end <= s.end && isSpeaker(ctx, x))
    .pop();
  return m ? { entity: m.entity } : null;
}

/** A quote-only sentence next to one that names the speaker ("Smith tweeted. “...”"). */
function fromNeighbourSentence(ctx: Ctx, q: QuoteSpan, s: Span, sentences: Span[]): Ref {
  const i = sentences.indexOf(s);
  for (const n of [sentences[i - 1], sentences[i + 1]]) {
    if (!n) continue;
    const hasQuote = ctx.quotes.some((x) => x !== q && x.start >= n.start && x.end <= n.end);
    if (hasQuote) continue;
    const r = fromSentence(ctx, { ...q, open: n.end, close: n.end }, n);
    if (r && r !== 'unnamed') return r;
  }
  return null;
}
