// lib/listen: the article read aloud — what is spoken (sentences, announcements), in which utterances, by which voice.
import type { Span } from '../annotate/annotations';
import { splitSentences } from '../annotate/split-sentences';

/** A sentence to speak: `text.slice(start, end)` of the body text, in paragraph `paragraph`. */
export interface SpeechSentence extends Span {
  paragraph: number;
}

// Splits the annotator's splitter makes that a listener should not hear as a sentence end: times
// ("6 p.m. Monday", "a.m.") and a few abbreviations it does not know.
const NOT_AN_END =
  /(?:^|[\s(“"«„])(?:[ap]\.m|Ph\.D|Nr|Ste|Mme|Mlle|Sra|Dña|Ing|Mgr|Bc|cf|pp|vol|ca|Univ|Dept)\.$/;

/**
 * The sentences of `text` (body text: blocks separated by a blank line, see lib/highlight/text-map),
 * paragraph by paragraph. Reuses the annotator's splitter (abbreviations, decimals, closing quotes)
 * without changing it, and joins the splits it makes after times and a few more abbreviations.
 */
export function speechSentences(text: string): SpeechSentence[] {
  const out: SpeechSentence[] = [];
  let paragraph = 0;
  for (const block of blocksOf(text)) {
    let previous: SpeechSentence | null = null;
    for (const s of splitSentences(text, block.start, block.end)) {
      const trimmed = trimSpan(text, s);
      if (!trimmed || !/[\p{L}\p{N}]/u.test(text.slice(trimmed.start, trimmed.end))) continue;
      const tail = text.slice(Math.max(block.start, (previous?.end ?? 0) - 12), previous?.end ?? 0);
      if (previous && NOT_AN_END.test(tail)) {
        previous.end = trimmed.end;
        continue;
      }
      previous = { ...trimmed, paragraph };
      out.push(previous);
    }
    if (previous) paragraph++;
  }
  return out;
}

/** Paragraph spans of body text (blank-line separated); single line breaks stay inside a block. */
function blocksOf(text: string): Span[] {
  const blocks: Span[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) blocks.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (text.length > start) blocks.push({ start, end: text.length });
  return blocks;
}

function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
