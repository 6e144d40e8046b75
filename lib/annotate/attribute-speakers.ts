import type { Span } from './annotations';
import type { FoundEntities } from './find-entities';
import { maskQuotes, type QuoteSpan } from './find-quotes';
import { givenNameSex } from './gazetteer/first-names';
import { findSpeechVerbs } from './speech-verbs';
import { splitSentences } from './split-sentences';
import { titleHead } from './titles';

type Mention = Span & { entity: number };
/** A speaker reference: an entity, "unnamed" (a resident said) or "none" found. */
/** How an attribution was made: the evidence a confidence judgement rests on. */
export type Via = string;
type Named = { entity: number; via: Via };
/** "he said": the pronoun's sex when the word tells it, and where the pronoun stands. */
type Pronoun = { pronoun: Sex | null; at: number };
type Sex = 'female' | 'male';
type Ref = Named | 'unnamed' | Pronoun | 'it' | null;

const PRONOUN = /^(?:he|she|il|elle|er|sie|él|ella|він|вона|on|ona|ten|ta)$/i;
const FEMALE_PRONOUN = /^(?:she|elle|ella|вона|ona|ta)$/i;
const MALE_PRONOUN = /^(?:he|il|er|él|він|on|ten)$/i;

function pronounRef(word: string, at: number): Pronoun {
  return { pronoun: FEMALE_PRONOUN.test(word) ? 'female' : MALE_PRONOUN.test(word) ? 'male' : null, at };
}
// "it said in a statement": the organization last named.
const IT = /^(?:it|es|ello|воно|ono)$/i;
const UNNAMED =
  /(?:^|\s)(?:an?|one|another|some|several|many|two|three|the|les?|la|un|une|der|die|ein|eine|un|una|los|las|jeden|jedna)?\s*(?:[\p{Ll}-]+\s+){0,3}(?:resident|residents|official|officials|spokesman|spokeswoman|spokesperson|source|sources|witness|witnesses|expert|experts|analyst|analysts|critic|critics|observer|observers|aide|aides|diplomat|diplomats|man|woman|people|person|someone|officer|officers|police|authorities|statement|report|researchers|scientists|doctors|study|survey|habitant|habitants|responsable|responsables|témoin|sprecher|sprecherin|experten|vecino|vecinos|portavoz|mluvčí|svědek|lidé)\s*$/iu;
const FILLER =
  /(?:\s+(?:\p{Ll}+ly|also|then|later|has|had|have|was|is|will|would|recently|previously|once|often|repeatedly|further|flatly|again|simply|just|quickly|never|instead|still|even|now|already|soon|first|finally|eventually|and|a|encore|aussi|auch|también|také|ještě|в|тоже|se|si))+\s*$/u;
const PARTICIPLE = /ing$|ant$/;
// Speech verbs whose object is the person spoken to or about: "told the BBC", "urged Congress".
const OBJECT_VERB =
  /^(?:tell|tells|told|telling|urge[sd]?|urging|warn(?:s|ed|ing)?|call(?:s|ed|ing)?|describe[sd]?|describing|critici[sz](?:e|es|ed|ing)|blast(?:s|ed|ing)?|slam(?:s|med|ming)?|praise[sd]?|praising|hail(?:s|ed|ing)?|welcome[sd]?|welcoming|order(?:s|ed|ing)?|instruct(?:s|ed|ing)?|demand(?:s|ed|ing)?|charge[sd]?|charging|characteri[sz](?:e|es|ed|ing)|allege[sd]?|alleging)$/;

interface Ctx {
  text: string;
  masked: string;
  found: FoundEntities;
  quotes: QuoteSpan[];
  speakers: Ref[];
  /** 1 for every character inside a quotation: mentions there never name the speaker. */
  quoted: Uint8Array;
  /** Each entity's sex, when its given name tells it. */
  sexes: (Sex | null)[];
}

/** A quote's speaker (an entity index, or null when not named) and how it was found. */
export interface Attribution {
  entity: number | null;
  via: Via;
}

/**
 * A quotation whose words end with a period and which a new sentence follows ("… a long night.” Baker
 * shared it") ends the sentence that frames it: the masked copy keeps that one period, so the next
 * sentence's verb is not taken for this quotation's. A "?" or "!" stays masked: "“Why?” she asked."
 */
function endSentencesAtQuotes(text: string, masked: string, quotes: QuoteSpan[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    if (!q.closed || text[q.end - 1] !== '.' || !/^\s+\p{Lu}/u.test(text.slice(q.close, q.close + 3)))
      continue;
    parts.push(masked.slice(at, q.end - 1), '.');
    at = q.end;
  }
  parts.push(masked.slice(at));
  return parts.join('');
}

const isNamed = (r: Ref): r is Named => r !== null && typeof r === 'object' && 'entity' in r;
const isPronoun = (r: Ref): r is Pronoun => r !== null && typeof r === 'object' && 'pronoun' in r;

/**
 * The speaker of each quote: from the speech verb of the quote's sentence and its subject ("X
 * said", "said X", "X, the minister, said", "according to X", "X told reporters"), colon
 * introductions, pronouns and descriptions resolved backwards, and quotes continuing the previous
 * speaker's run. Each attribution says how it was made (`via`).
 */
export function attributeSpeakers(
  text: string,
  blocks: Span[],
  quotes: QuoteSpan[],
  found: FoundEntities,
): Attribution[] {
  const masked = endSentencesAtQuotes(text, maskQuotes(text, quotes), quotes);
  const quoted = new Uint8Array(text.length + 1);
  for (const q of quotes) quoted.fill(1, q.start, q.end);
  const ctx: Ctx = {
    text,
    masked,
    found,
    quotes,
    speakers: [],
    quoted,
    sexes: entitySexes(found, text, quoted),
  };
  const sentencesOf = blocks.map((b) => splitSentences(masked, b.start, b.end));
  quotes.forEach((q, i) => {
    ctx.speakers.push(speakerOf(ctx, q, i, blocks, sentencesOf[q.block] ?? []));
  });
  echoSpeakers(ctx);
  return ctx.speakers.map((r) =>
    isNamed(r)
      ? { entity: r.entity, via: r.via }
      : { entity: null, via: r === 'unnamed' ? 'unnamed' : 'none' },
  );
}

/** Fewer words than this and a repeated phrase ("historic") is a common phrase, not an echo. */
const MIN_ECHO_WORDS = 3;

const wordsOf = (quote: string): string =>
  ` ${
    quote
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.join(' ') ?? ''
  } `;

/**
 * A quotation with no speaker of its own that repeats words of another quotation is that
 * quotation's speaker's: a heading that previews a quote ("Our fears were realized" above
 * "Baker told the committee, '… Our fears were realized.'"), or a phrase quoted again later
 * ("By his own account, Baker 'feared the leak'"). Only when every
 * quotation it repeats has the same speaker. The route is `echo:` and the source's own route.
 */
function echoSpeakers(ctx: Ctx): void {
  const words = ctx.quotes.map((q) => wordsOf(q.text));
  const found = ctx.speakers.map((ref, i) => {
    const own = words[i] as string;
    if (ref !== null || own.split(' ').length - 2 < MIN_ECHO_WORDS) return null;
    const sources = ctx.speakers.filter((other, j): other is Named => {
      const theirs = words[j] as string;
      return j !== i && theirs.length >= own.length && theirs.includes(own) && isNamed(other);
    });
    const entities = new Set(sources.map((r) => r.entity));
    const first = sources[0];
    return entities.size === 1 && first ? { entity: first.entity, via: `echo:${first.via}` } : null;
  });
  found.forEach((ref, i) => {
    if (ref) ctx.speakers[i] = ref;
  });
}

const tagged = (r: Ref, via: Via): Ref => (isNamed(r) ? { entity: r.entity, via: `${via}:${r.via}` } : r);

/** One quote's speaker, the strongest evidence first. */
function speakerOf(ctx: Ctx, q: QuoteSpan, i: number, blocks: Span[], sentences: Span[]): Ref {
  const b = blocks[q.block] as Span;
  const sentence = sentences.find((s) => s.start <= q.open && q.open < s.end) ?? b;
  const prev = i > 0 ? (ctx.quotes[i - 1] as QuoteSpan) : null;
  const prevRef = i > 0 ? (ctx.speakers[i - 1] ?? null) : null;
  let ref = fromSentence(ctx, q, sentence);
  if (ref === null) ref = tagged(fromColon(ctx, q, b, blocks), 'colon');
  if (ref === null && prev && isNamed(prevRef) && continuesRun(ctx, q, prev, prevRef, b, sentences)) {
    ref = { entity: prevRef.entity, via: 'continues' };
  }
  if (ref === null) ref = tagged(fromNeighbourSentence(ctx, q, sentence, sentences), 'neighbour');
  if (ref === null) ref = precedingSubject(ctx, q, sentence, sentences);
  // A quotation standing alone in its paragraph speaks for the person the previous one named,
  // or continues the quotation before it.
  if (ref === null && q.open === b.start && q.block > 0) {
    const previous = previousParagraph(ctx, blocks, q.block);
    ref = reportedSpeaker(ctx, previous);
    if (ref === null) {
      const last = lastPerson(ctx, q.open, previous.start);
      // "“…,” says Smith, an elder of the tribe." then "“…”": Smith's quotation goes on.
      const continued = isNamed(last) && isNamed(prevRef) && prev && prev.start >= previous.start;
      ref =
        continued && last.entity === prevRef.entity
          ? { ...last, via: 'standalone-continues' }
          : tagged(last, 'standalone');
    }
    if (ref === null && prev && q.block - prev.block <= 2 && isNamed(prevRef)) {
      ref = { entity: prevRef.entity, via: 'standalone-continues' };
    }
  }
  if (isPronoun(ref)) ref = resolvePronoun(ctx, q, b, blocks, sentences, prev, prevRef, ref);
  if (ref === 'it') ref = tagged(lastOf(ctx, q.open, 'organization'), 'it');
  return ref;
}

/** A line with no closing punctuation, such as a photo caption, between two paragraphs of the story. */
const CAPTION_LIKE = /[^.!?…:;"“”’»)\]]\s*$/u;
const MAX_CAPTION_CHARS = 200;

/** The paragraph before block `i`, passing over one caption-like line in between. */
function previousParagraph(ctx: Ctx, blocks: Span[], i: number): Span {
  const before = blocks[i - 1] as Span;
  const caption =
    before.end - before.start <= MAX_CAPTION_CHARS &&
    CAPTION_LIKE.test(ctx.text.slice(before.start, before.end));
  return caption && i > 1 ? (blocks[i - 2] as Span) : before;
}

/**
 * The person whose words the paragraph before reports ("Smith said the move was unlawful."), when
 * it holds no quotation of its own: a quotation paragraph after it is most often that person's.
 */
function reportedSpeaker(ctx: Ctx, previous: Span): Ref {
  if (ctx.quotes.some((x) => x.start >= previous.start && x.end <= previous.end)) return null;
  const sentences = splitSentences(ctx.masked, previous.start, previous.end);
  for (const s of sentences.reverse()) {
    for (const v of findSpeechVerbs(ctx.masked, s.start, s.end).reverse()) {
      if (PARTICIPLE.test(v.word) || v.word === 'according') continue;
      const r = subjectBefore(ctx, s.start, v.start);
      if (isNamed(r) && ctx.found.entities[r.entity]?.type === 'person')
        return { entity: r.entity, via: 'standalone-reported' };
      if (r !== null) return null;
    }
  }
  return null;
}

/**
 * Whether a quote with no attribution of its own continues the previous speaker: the next
 * quote in the same paragraph with no other name between them, or a paragraph that opens with
 * a quotation right after the previous one.
 */
function continuesRun(
  ctx: Ctx,
  q: QuoteSpan,
  prev: QuoteSpan,
  prevRef: Named,
  b: Span,
  sentences: Span[],
): boolean {
  if (prev.block === q.block)
    return !otherSpeakerBetween(ctx, afterSentenceOf(sentences, prev), q.open, prevRef.entity);
  return q.open === b.start && (q.block - prev.block === 1 || (!prev.closed && q.block - prev.block <= 2));
}

/** The end of the sentence holding the quote's attribution: names inside it describe the speaker. */
function afterSentenceOf(sentences: Span[], q: QuoteSpan): number {
  const at = q.close - 1;
  return sentences.find((s) => s.start <= at && at < s.end)?.end ?? q.close;
}

/**
 * A person other than `entity` named (as more than a possessive) in [from, to): a new person
 * breaks a speaker's run; the organizations of an appositive ("a fellow at Harvard") do not.
 */
function otherSpeakerBetween(ctx: Ctx, from: number, to: number, entity: number): boolean {
  return mentionsIn(ctx, from, to).some(
    (m) =>
      m.end <= to &&
      m.entity !== entity &&
      ctx.found.entities[m.entity]?.type === 'person' &&
      !insideQuote(ctx, m) &&
      !isPossessive(ctx, m),
  );
}

const isPossessive = (ctx: Ctx, m: Span) => /^['’]s?\b/.test(ctx.text.slice(m.end, m.end + 2));

/**
 * "he said": the person the pronoun most likely points to, of the pronoun's sex when both are
 * known. The previous speaker while nobody else has been named since; else the person who is
 * the subject of a sentence earlier in the paragraph (never one named after the pronoun in its
 * own sentence: "he called Smith a liar" is not Smith speaking); else the previous speaker of the
 * last paragraph; else the subject of the previous paragraph; else the last person named.
 */
function resolvePronoun(
  ctx: Ctx,
  q: QuoteSpan,
  b: Span,
  blocks: Span[],
  sentences: Span[],
  prev: QuoteSpan | null,
  prevRef: Ref,
  { pronoun: sex, at }: Pronoun,
): Ref {
  const agrees = (entity: number) => {
    const e = ctx.found.entities[entity];
    if (e?.type !== 'person') return false;
    const known = ctx.sexes[entity];
    return !sex || !known || known === sex;
  };
  const prevPerson = prev && isNamed(prevRef) && agrees(prevRef.entity) ? prevRef : null;
  if (
    prevPerson &&
    prev &&
    prev.block === q.block &&
    !otherSpeakerBetween(ctx, prev.close, q.open, prevPerson.entity)
  )
    return { entity: prevPerson.entity, via: 'pronoun-previous' };
  const candidate = (m: Mention) => agrees(m.entity) && !insideQuote(ctx, m) && !isPossessive(ctx, m);
  const limit = Math.min(q.open, at);
  const inParagraph = mentionsIn(ctx, b.start, limit).filter((m) => m.end <= limit && candidate(m));
  const subjects = inParagraph.filter((m) => opensSentence(ctx, sentences, m));
  const subject = subjects.at(-1) ?? inParagraph.at(-1);
  if (subject)
    return { entity: subject.entity, via: subjects.length ? 'pronoun-subject' : 'pronoun-paragraph' };
  if (prevPerson && prev && q.block - prev.block <= 1)
    return { entity: prevPerson.entity, via: 'pronoun-previous' };
  const previous = q.block > 0 ? blocks[q.block - 1] : undefined;
  if (previous) {
    const previousSentences = splitSentences(ctx.masked, previous.start, previous.end);
    const previousSubject = mentionsIn(ctx, previous.start, previous.end)
      .filter((m) => m.end <= previous.end && candidate(m) && opensSentence(ctx, previousSentences, m))
      .at(-1);
    if (previousSubject) return { entity: previousSubject.entity, via: 'pronoun-previous-subject' };
  }
  // The last person named before the pronoun ("he called Smith a liar" is not Smith's), passing
  // over the objects of prepositions ("a call to the office of X").
  const named = (m: Mention) => agrees(m.entity) && !insideQuote(ctx, m);
  const last =
    lastMention(
      ctx,
      limit,
      0,
      (m) => named(m) && !PREPOSITION_BEFORE.test(ctx.masked.slice(Math.max(0, m.start - 12), m.start)),
    ) ?? lastMention(ctx, limit, 0, named);
  return last ? { entity: last.entity, via: 'pronoun-last' } : null;
}

const PREPOSITION_BEFORE = /\b(?:of|to|for|with|against|about|at|from)\s+(?:the\s+)?$/i;

/** A mention that opens its sentence, after at most a determiner and capitalised titles ("Former Sen. X"). */
function opensSentence(ctx: Ctx, sentences: Span[], m: Span): boolean {
  const s = sentences.find((x) => x.start <= m.start && m.start < x.end);
  if (!s) return false;
  const before = ctx.masked.slice(s.start, m.start);
  return /^\s*(?:[“"«„_]+\s*)?(?:(?:the|a|an|former|then)\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}$/u.test(before);
}

/**
 * A quotation that is a sentence of its own after a sentence about a named person ("Smith
 * returned to the issue later. “What…?”"): that person, when nobody else is named in between.
 */
function precedingSubject(ctx: Ctx, q: QuoteSpan, sentence: Span, sentences: Span[]): Ref {
  const i = sentences.indexOf(sentence);
  const prev = i > 0 ? sentences[i - 1] : undefined;
  if (!prev || !/^[\s“"«„]*$/.test(ctx.masked.slice(sentence.start, q.open))) return null;
  if (ctx.quotes.some((x) => x !== q && x.start >= prev.start && x.end <= prev.end)) return null;
  const people = mentionsIn(ctx, prev.start, prev.end).filter(
    (m) => m.end <= prev.end && ctx.found.entities[m.entity]?.type === 'person' && !isPossessive(ctx, m),
  );
  const subject = people[0];
  if (!subject || !opensSentence(ctx, sentences, subject) || people.some((m) => m.entity !== subject.entity))
    return null;
  return { entity: subject.entity, via: 'preceding-subject' };
}

/**
 * Each person's sex, when its given name or the article's own pronouns tell it: "he"/"his" or
 * "she"/"her" right after a mention, in the same sentence and outside quotations.
 */
function entitySexes(found: FoundEntities, text: string, quoted: Uint8Array): (Sex | null)[] {
  const votes = found.entities.map(() => ({ female: 0, male: 0 }));
  for (const m of found.mentions) {
    if (found.entities[m.entity]?.type !== 'person') continue;
    const after = /^[^.!?“”"«»]{0,60}/.exec(text.slice(m.end, m.end + 60))?.[0] ?? '';
    const pronoun = /\b(?:(he|his|him)|(she|her|hers))\b/i.exec(after);
    if (!pronoun || quoted[m.end + pronoun.index] === 1) continue;
    const vote = votes[m.entity];
    if (vote) vote[pronoun[1] ? 'male' : 'female']++;
  }
  return found.entities.map((e, i) => {
    if (e.type !== 'person') return null;
    const words = e.name.split(' ');
    const byName = words.length > 1 ? givenNameSex(words[0] ?? '') : null;
    const { female, male } = votes[i] ?? { female: 0, male: 0 };
    if (female >= 2 * male + 1) return 'female';
    if (male >= 2 * female + 1) return 'male';
    return byName;
  });
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
  return best ? { entity: best.entity, via: 'last-mention' } : null;
}

/** Nouns that stand for an organization in a description ("the company said"). */
const ORGANIZATION_NOUN =
  /^(?:company|firm|label|group|agency|organi[sz]ation|network|studio|retailer|carrier|airline|bank|publisher|chain|brand|startup|manufacturer|automaker|carmaker|insurer|broadcaster|newspaper|club|team|league|union|department|ministry|office|university|hospital|council|commission|committee|board|charity|foundation|institute|regulator|operator)$/;

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
  return best ? { entity: best.entity, via: 'description' } : null;
}

/** The subject right before `end` (a verb): a mention, a pronoun, a description or "unnamed". */
function subjectBefore(ctx: Ctx, from: number, end: number): Ref {
  let stop = end;
  const pre = ctx.masked.slice(from, stop);
  const filler = FILLER.exec(pre);
  if (filler) stop -= filler[0].length;
  const trimmed = ctx.masked.slice(from, stop).replace(/\s+$/, '');
  stop = from + trimmed.length;
  const apposed = apposedName(ctx, from, stop);
  if (apposed) return apposed;
  // "X, the minister, said": skip one appositive between commas.
  const appos = /,\s+[^,"“”«»_]{1,200},$/.exec(trimmed);
  const candidates = [stop, appos ? stop - appos[0].length : -1].filter((x) => x > from);
  for (const at of candidates) {
    const m = mentionsIn(ctx, from, at).find(
      (x) =>
        x.end <= at && at - x.end <= 3 && /^['’]?s?\s*$/.test(ctx.text.slice(x.end, at)) && x.start >= from,
    );
    if (m && isSpeaker(ctx, m))
      return headOfPhrase(ctx, from, m) ?? { entity: m.entity, via: 'subject-before' };
    // A country speaking for its government: "Russia said", "Britain's foreign ministry said".
    if (m && ctx.found.entities[m.entity]?.type === 'place')
      return { entity: m.entity, via: 'place-subject' };
    const owner = placeOwnerOf(ctx, from, at);
    if (owner) return owner;
    const tail = ctx.masked.slice(from, at);
    const word = /([\p{L}-]+)$/u.exec(tail)?.[1] ?? '';
    if (PRONOUN.test(word)) return pronounRef(word, from + tail.length - word.length);
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
      // "the production company said": a speaker we cannot name, not the previous one.
      if (ORGANIZATION_NOUN.test(desc[1].split(/\s+/).pop() ?? '')) return 'unnamed';
    }
  }
  return null;
}

/**
 * The name set off by commas after a description of its bearer: "the company's spokeswoman, Ana
 * Ruiz, said", "her brother, Tom, said". The clause ends `text[from, stop)` in ", Name,".
 */
function apposedName(ctx: Ctx, from: number, stop: number): Ref {
  if (ctx.masked[stop - 1] !== ',') return null;
  const m = mentionsIn(ctx, from, stop).find(
    (x) => x.end <= stop && /^,$/.test(ctx.masked.slice(x.end, stop)),
  );
  if (!m || ctx.found.entities[m.entity]?.type !== 'person' || insideQuote(ctx, m)) return null;
  // The description: lower-case words (a possessive may lead) right before the name's comma.
  const description =
    /(?:^|[\s,])(?:[\p{L}.’'-]+['’]s\s+|the\s+|an?\s+|his\s+|her\s+|its\s+|their\s+)(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+,\s*$/u;
  return description.test(ctx.masked.slice(from, m.start)) ? { entity: m.entity, via: 'apposed-name' } : null;
}

/**
 * A name inside a prepositional phrase before the verb is not its subject: "Jane Doe of the Acme
 * Institute said" is Jane Doe; "the authors of a study in the journal Acme Medicine argued" is
 * nobody named. Null when `m` is not inside such a phrase.
 */
function headOfPhrase(ctx: Ctx, from: number, m: Mention): Ref {
  const before = ctx.masked.slice(from, m.start);
  if (!/\b(?:of|for|at|from|in|with)\s+(?:the\s+|an?\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u.test(before)) return null;
  const person = mentionsIn(ctx, from, m.start)
    .filter(
      (x) =>
        x.end <= m.start &&
        ctx.found.entities[x.entity]?.type === 'person' &&
        !insideQuote(ctx, x) &&
        !isPossessive(ctx, x) &&
        /^\s*,?\s*(?:[\p{Ll}-]+\s+){0,4}(?:of|for|at|from|in|with)\b/u.test(ctx.masked.slice(x.end, m.start)),
    )
    .at(0);
  if (person) return { entity: person.entity, via: 'subject-before' };
  const opening =
    /^\s*(?:the|a|an)\s+((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)\s+(?:of|for|at|from|in|with)\b/iu.exec(before);
  return opening?.[1] && !titleHead(opening[1]) && !/spokes/.test(opening[1]) ? 'unnamed' : null;
}

/** "Britain's foreign ministry": the place whose government body is the subject before `at`. */
function placeOwnerOf(ctx: Ctx, from: number, at: number): Ref {
  const tail = ctx.masked.slice(from, at);
  const body =
    /['’]s\s+(?:[\p{Ll}-]+\s+){0,2}(?:ministry|government|embassy|foreign office|office|cabinet)$/u.exec(
      tail,
    );
  if (!body) return null;
  const m = mentionsIn(ctx, from, at).find((x) => x.end === from + body.index);
  return m && ctx.found.entities[m.entity]?.type === 'place'
    ? { entity: m.entity, via: 'place-subject' }
    : null;
}

/** The subject right after a verb: "said Stoltenberg", "says president Jane Doe", "said he". */
function subjectAfter(ctx: Ctx, start: number, limit: number): Ref {
  const window = ctx.masked.slice(start, Math.min(limit, start + 90));
  const lead = /^\s*(?:(?:on|in|at|na|ve|v|se|si)\s+)?/u.exec(window)?.[0] ?? '';
  const word = /^[\p{L}-]+/u.exec(window.slice(lead.length))?.[0] ?? '';
  if (PRONOUN.test(word)) return pronounRef(word, start + lead.length);
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
  if (m) return { entity: m.entity, via: 'subject-after' };
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
    if (v.start > q.close && introducesNextQuote(ctx, v, s)) continue;
    const clauseStart = v.start > q.close ? q.close : lastBoundary(ctx, s, v.start);
    if (v.start > q.close) {
      const opener = clauseOpener(ctx, q.close, v.start);
      if (opener) return opener;
    }
    if (PARTICIPLE.test(v.word)) {
      const r = participleSubject(ctx, s, v);
      if (r) return r;
      continue;
    }
    const before = subjectBefore(ctx, clauseStart, v.start);
    if (before) return before;
    // "told the BBC", "called Omar a terrorist", "alleged that X": what follows is not the speaker.
    const reported = /^\s*,?\s*(?:that|whether|if|how|why)\b/i.test(ctx.masked.slice(v.end, v.end + 12));
    // Right after the quotation the order may be inverted ("“Go,” urged Smith"), never with "told".
    const inverted = v.start >= q.close && /^[\s,—–-]*$/.test(ctx.masked.slice(q.close, v.start));
    const objectFollows = OBJECT_VERB.test(v.word) && (!inverted || /^tel/.test(v.word));
    if (!objectFollows && !reported) {
      const after = subjectAfter(ctx, v.end, v.start < q.open ? q.open : s.end);
      if (after) return after;
    }
  }
  // A participle whose main verb was not found: the subject opens the sentence.
  const v = order[0];
  if (v) {
    const inSentence = mentionsIn(ctx, s.start, v.start).filter(
      (x) => x.start >= s.start && x.end <= v.start && isSpeaker(ctx, x) && !insideQuote(ctx, x),
    );
    const m = inSentence.find((x) => ctx.found.entities[x.entity]?.type === 'person') ?? inSentence[0];
    if (m) return { entity: m.entity, via: 'sentence-opening' };
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
    if (before) return { entity: before.entity, via: 'relative-clause' };
  }
  // "The secretary-general said that ..., adding that": the subject of the main speech verb.
  const main = findSpeechVerbs(ctx.masked, from, v.start).find((x) => !PARTICIPLE.test(x.word));
  if (main) {
    const r = subjectBefore(ctx, from, main.start);
    if (r) return r;
  }
  // Otherwise the name that opens the clause ("Smith retweeted the story, saying").
  // Not a name inside a phrase that sets the scene ("On one fan forum a poster wrote, saying").
  const opening = inRegion.filter(
    (m) =>
      ctx.masked.slice(from, m.start).split(/\s+/).length <= 8 &&
      !/(?:^|\s)(?:on|in|at|of|for|from|with|by|to|into|onto|under|over|after|before)\s+(?:[\p{L}\p{N}.’'-]+\s+){0,2}$/iu.test(
        ctx.masked.slice(from, m.start),
      ),
  );
  const m = opening.find((x) => ctx.found.entities[x.entity]?.type === 'person') ?? opening[0];
  return m ? { entity: m.entity, via: 'participle' } : null;
}

/** "Smith agreed: “…”": a verb whose clause ends in a colon before a later quote speaks for that one. */
function introducesNextQuote(ctx: Ctx, v: Span, s: Span): boolean {
  const next = ctx.quotes.find((x) => x.open >= v.end && x.open < s.end);
  return !!next && /^[^.;!?]*:\s*$/.test(ctx.masked.slice(v.end, next.open));
}

/**
 * The person who opens the clause right after a quotation, before its verb: "“…,” Jane Doe, a
 * research analyst at the Acme Institute, told reporters."
 */
function clauseOpener(ctx: Ctx, from: number, to: number): Ref {
  const m = mentionsIn(ctx, from, to).find((x) => x.end <= to);
  if (!m || ctx.found.entities[m.entity]?.type !== 'person' || isPossessive(ctx, m)) return null;
  if (!/^[\s,—–-]*$/.test(ctx.masked.slice(from, m.start))) return null;
  // The name is the subject only if an appositive, not a verb, follows it ("Doe, a fellow at …").
  return /^\s*,/.test(ctx.masked.slice(m.end, m.end + 3)) ? { entity: m.entity, via: 'clause-opener' } : null;
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
    // "He told the BBC:": the listener after the verb is not the speaker.
    const r =
      subjectBefore(ctx, s.start, v.start) ??
      (OBJECT_VERB.test(v.word) ? null : subjectAfter(ctx, v.end, s.end));
    if (r) return r;
  }
  // No speech verb: the person the sentence is about ("Smith found one drawback in working with
  // Doe:"), else the last one named ("The verdict of the coach, Jane Doe:").
  const named = mentionsIn(ctx, s.start, s.end).filter((x) => x.end <= s.end && isSpeaker(ctx, x));
  const subject = named.find(
    (x) =>
      ctx.found.entities[x.entity]?.type === 'person' &&
      !isPossessive(ctx, x) &&
      opensSentence(ctx, [s], x) &&
      /^\s+\p{Ll}/u.test(ctx.masked.slice(x.end, x.end + 3)),
  );
  const m = subject ?? named.pop();
  return m ? { entity: m.entity, via: subject ? 'colon-subject' : 'colon-mention' } : null;
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
