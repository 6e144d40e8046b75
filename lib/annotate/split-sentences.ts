import type { Span } from './annotations';

// Abbreviations whose period does not end a sentence ("Mr. Smith", "U.S. forces", "Jan. 5").
const ABBREV =
  /(?:^|[\s(“"«„])(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cmdr|Adm|Maj|Rev|Fr|Sr|Jr|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Nos|vs|etc|approx|Inc|Corp|Co|Ltd|Mt|Ft|Ave|Blvd|Pres|Supt|Det|Insp|Hon|e\.g|i\.e|[A-Z]|[A-Z]\.[A-Z](?:\.[A-Z])*)\.$/;

/**
 * Sentence ranges of `text[from, to)`. Pass a `masked` copy of the text (quoted words replaced)
 * so that periods inside quotations do not end the sentence that attributes them.
 */
export function splitSentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  const re = /[.!?…]+["”»’)]*\s+(?=[\p{Lu}\p{N}"“«„‘([])/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const head = text.slice(Math.max(from, m.index - 12), m.index + 1);
    if (m[0].startsWith('.') && ABBREV.test(head)) continue;
    const end = m.index + m[0].trimEnd().length;
    if (end > start) out.push({ start, end });
    start = m.index + m[0].length;
  }
  if (to > start) out.push({ start, end: to });
  return out;
}
