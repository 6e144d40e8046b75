import type { Span } from './annotations';
import { findSpeechVerbs } from './speech-verbs';
import { splitSentences } from './split-sentences';

/** A quotation found between marks, before attribution. */
export interface QuoteSpan extends Span {
  text: string;
  /** Index of the paragraph (block) that holds the quote. */
  block: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark, or the paragraph end when the paragraph leaves it open. */
  close: number;
  closed: boolean;
}

// Opening mark -> the marks that may close it. „ closes with “ (German, Czech) or ” (Polish, some
// Czech sites); « with »; straight quotes with themselves.
const CLOSERS: Record<string, string> = { '“': '”', '„': '“”', '«': '»', '"': '"' };

/**
 * A straight `"` or a doubled `’’` closing a “: a doubled apostrophe always does; a straight
 * mark does when no ” follows in the paragraph, or when the next mark is straight too (“…," he
 * said, "…”).
 */
function closesMixed(text: string, i: number, closers: string, end: number): boolean {
  if (closers !== '”') return false;
  const ch = text[i];
  if ((ch === '’' || ch === "'") && text[i + 1] === ch) return true;
  if (ch !== '"') return false;
  const next = /["”]/.exec(text.slice(i + 1, end))?.[0];
  return next === undefined || next === '"';
}

/** Every span between double quotation marks, paragraph by paragraph (before filtering). */
function findQuoteMarks(text: string, blocks: Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  blocks.forEach((b, block) => {
    let open = -1;
    let closers = '';
    const emit = (from: number, to: number, close: number, closed: boolean) => {
      let s = from;
      let e = to;
      while (s < e && /[\s\u00a0\u202f]/.test(text[s] ?? '')) s++;
      while (e > s && /[\s\u00a0\u202f]/.test(text[e - 1] ?? '')) e--;
      if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) {
        out.push({ start: s, end: e, text: text.slice(s, e), block, open: from - 1, close, closed });
      }
    };
    for (let i = b.start; i < b.end; i++) {
      const ch = text[i] as string;
      if (open < 0) {
        const c = CLOSERS[ch];
        if (c) {
          open = i;
          closers = c;
        }
      } else if (closers.includes(ch)) {
        emit(open + 1, i, i + 1, true);
        open = -1;
      } else if (closesMixed(text, i, closers, b.end)) {
        // Copy-edited text often mixes marks: “…" or “…’’. Closes only when no proper mark follows.
        const width = ch === '"' ? 1 : 2;
        emit(open + 1, i, i + width, true);
        open = -1;
        i += width - 1;
      }
    }
    if (open >= 0) emit(open + 1, b.end, b.end, false);
  });
  return out;
}

/** `text` with every quotation's words blanked out, so sentence and verb searches see only the frame. */
export function maskQuotes(text: string, quotes: Span[]): string {
  let out = '';
  let at = 0;
  for (const q of quotes) {
    out += text.slice(at, q.start) + text.slice(q.start, q.end).replace(/[^\n]/g, '_');
    at = q.end;
  }
  return out + text.slice(at);
}

// Words that introduce a name, a term or a title rather than reported words.
const NAMING =
  /(?:(?:^|[\s(])(?:so-called|sogenannte|sogenannten|sogenannter|sogenanntes|soi-disant|llamado|llamada|takzvaný|takzvaná|takzvané|tzv\.|так званий|так звана|так зване|called|dubbed|nicknamed|named|titled|entitled|known as|term|word|words|phrase|slogan|hashtag|label|labelled|labeled|labelling|labeling|branded|read|reads|reading|marked|sign|film|book|song|show|album|series|movie|article|headline|tag|mot|terme|surnommé|appelé|baptisé|intitulé|slovo|termín|přezdívka)\s*)$/i;

// Verbs that often frame a term rather than report words ("asked people to perform a “task”").
const WEAK_VERB = /^(?:words|ask|answer|wonder|suggest|describ|call|note|report|explain|think|post)/;

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const minor = /^(?:a|an|the|of|in|on|at|to|for|and|or|but|with|by|from|is|de|la|le|el|y|und|der|die|das)$/;
  return words.length >= 2 && words.every((w, i) => /^[\p{Lu}\p{N}‘'"]/u.test(w) || (i > 0 && minor.test(w)));
}

/**
 * The direct quotations of `text`: every quoted span except scare quotes, nicknames, titles and
 * terms. A quote counts when it has the shape of speech (a clause with inner punctuation, or
 * several words) or when its sentence reports speech (a speech verb outside the quotation).
 */
export function findQuotes(text: string, blocks: Span[]): QuoteSpan[] {
  const marks = findQuoteMarks(text, blocks);
  const masked = maskQuotes(text, marks);
  return marks.filter((q) => {
    const b = blocks[q.block] as Span;
    const words = q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const before = text.slice(Math.max(b.start, q.open - 30), q.open);
    if (NAMING.test(before) && words < 6) return false;
    // A paragraph that starts with an unclosed mark is a quotation continuing or opening.
    if (!q.closed && q.open === b.start) return true;
    const bare = q.text.replace(/[’'"”»)\]]+$/u, '');
    if (isTitleCase(q.text) && !/[.,!?]$/.test(bare)) return false;
    const sentence = splitSentences(masked, b.start, b.end).find((s) => s.start <= q.open && q.open < s.end);
    const verbs = sentence ? findSpeechVerbs(masked, sentence.start, sentence.end) : [];
    // A short quoted term used as a modifier ("a “post-truth” society", "the “tip of the iceberg”
    // pierces") is the writer's wording, unless the sentence plainly reports speech.
    const after = text.slice(q.close, Math.min(b.end, q.close + 20));
    const wordFollows =
      /^\s+\p{Ll}/u.test(after) && !/^\s+(?:said|says|he|she|they|and|or|but)\b/.test(after);
    if (words <= 5 && wordFollows) {
      if (/^[\p{L}]+-[\p{L}-]+[!?.]?$/u.test(q.text)) return false;
      const determiner = /\b(?:a|an|the|our|their|his|her|its|this|that|these|those)\s*$/i.test(before);
      if (determiner && !verbs.some((v) => !WEAK_VERB.test(v.word))) return false;
    }
    if (words >= 4) return true;
    return verbs.length > 0;
  });
}
