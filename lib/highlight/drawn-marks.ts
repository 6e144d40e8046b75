/**
 * Which annotations get a mark on screen. Marking every mention of every name clutters a page
 * (two marks a paragraph on the median page), so by default a name is marked where the reader
 * meets it: its first mention, and its first mention again after each heading (a reader may jump
 * into a section). A quote's speaker is labelled where a run of quotes by one speaker starts.
 */
import type { Quote, Span } from '../annotate/annotations';
import type { TextMap } from './text-map';

/** Every mention, or the first one in each section (before the first heading, after each heading). */
export type MentionMarks = 'first' | 'all';

/** What a speaker label reads for a quote whose speaker the text does not name. */
export const SPEAKER_NOT_NAMED = 'speaker not named';

/** The label (and hover title) text for a quote's speaker. */
export function speakerName(speaker: string | null): string {
  return speaker ?? SPEAKER_NOT_NAMED;
}

const SECTION_HEADINGS = 'h2, h3, h4, h5, h6';

/**
 * Where each h2–h6 heading of `root` begins in `map.text`, ascending. A heading with no text in
 * the map (empty, or inside a skipped element such as a caption) starts no section.
 */
export function headingStarts(root: Element, map: TextMap): number[] {
  const headings = root.querySelectorAll(SECTION_HEADINGS);
  if (!headings.length) return [];
  const firstChar = new Map<Text, number>();
  for (let i = 0; i < map.text.length; i++) {
    const n = map.nodeOf[i];
    if (n >= 0 && !firstChar.has(map.nodes[n])) firstChar.set(map.nodes[n], i);
  }
  const starts: number[] = [];
  for (const heading of headings) {
    const walker = root.ownerDocument.createTreeWalker(heading, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = firstChar.get(node as Text);
      if (at === undefined) continue;
      // A heading nested in another (rare, but pages do it) starts no second section.
      if (starts.at(-1) !== at) starts.push(at);
      break;
    }
  }
  return starts.sort((a, b) => a - b);
}

/** The section a text offset is in: 0 before the first heading, k after the k-th. */
function sectionOf(offset: number, starts: readonly number[]): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The mentions of one entity that are drawn: all of them, or (`first`) the first mention in each
 * section that has one. `sectionStarts` are heading offsets from `headingStarts`.
 */
export function drawnMentions<T extends Span>(
  mentions: readonly T[],
  sectionStarts: readonly number[],
  mode: MentionMarks = 'first',
): T[] {
  if (mode === 'all') return [...mentions];
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  const drawn: T[] = [];
  let lastSection = -1;
  for (const m of ordered) {
    const section = sectionOf(m.start, sectionStarts);
    if (section === lastSection) continue;
    drawn.push(m);
    lastSection = section;
  }
  return drawn;
}

/**
 * For each quote (in text order), whether it starts a run: the first quote, a quote whose speaker
 * differs from the previous quote's (an unnamed speaker counts as one speaker), or the first
 * quote after a heading.
 */
export function speakerRunStarts(
  quotes: readonly Pick<Quote, 'start' | 'speaker'>[],
  sectionStarts: readonly number[] = [],
): boolean[] {
  return quotes.map((q, i) => {
    if (i === 0) return true;
    const prev = quotes[i - 1];
    return (
      prev.speaker !== q.speaker || sectionOf(prev.start, sectionStarts) !== sectionOf(q.start, sectionStarts)
    );
  });
}
