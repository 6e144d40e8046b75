/**
 * `srcset` read as browsers read it (the HTML standard's "parse a srcset attribute"): a candidate
 * is a URL up to whitespace (a URL may contain commas), then descriptors up to a comma. Splitting
 * on ", " instead lets `/a.png 1x,https://tracker.example/t.gif` hide a second URL in a "descriptor".
 */

export interface SrcsetCandidate {
  url: string;
  /** The candidate's descriptors as written, e.g. `["480w"]` or `["1.5x"]`; often none. */
  descriptors: string[];
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/** The descriptors after a candidate's URL, from `start`; returns them and where the candidate ends. */
function readDescriptors(value: string, start: number): { descriptors: string[]; end: number } {
  const descriptors: string[] = [];
  let current = '';
  let inParens = false;
  let i = start;
  while (i < value.length && isSpace(value[i])) i++;
  for (; i < value.length; i++) {
    const c = value[i];
    if (inParens) {
      current += c;
      if (c === ')') inParens = false;
    } else if (c === ',') {
      i++;
      break;
    } else if (isSpace(c)) {
      if (current) descriptors.push(current);
      current = '';
    } else {
      if (c === '(') inParens = true;
      current += c;
    }
  }
  if (current) descriptors.push(current);
  return { descriptors, end: i };
}

/** Every candidate of a `srcset` value, in order, descriptors unchecked (see `isWidthOrDensity`). */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (isSpace(value[i]) || value[i] === ',')) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !isSpace(value[i])) i++;
    let stop = i;
    while (value[stop - 1] === ',') stop--;
    const url = value.slice(start, stop);
    if (stop < i) {
      // A URL that ends in commas has no descriptors: the commas end the candidate.
      candidates.push({ url, descriptors: [] });
      continue;
    }
    const { descriptors, end } = readDescriptors(value, i);
    candidates.push({ url, descriptors });
    i = end;
  }
  return candidates;
}

const WIDTH = /^\d+w$/;
const DENSITY = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?x$/;

/** No descriptor, or exactly one width (`480w`, not 0) or density (`1.5x`): what a reader keeps. */
export function isWidthOrDensity(descriptors: readonly string[]): boolean {
  if (descriptors.length === 0) return true;
  if (descriptors.length > 1) return false;
  const [d] = descriptors;
  return (WIDTH.test(d) && Number.parseInt(d, 10) > 0) || DENSITY.test(d);
}

/** The first candidate's URL (what an offline copy stores for an image with only a srcset). */
export function firstSrcsetUrl(value: string | null | undefined): string | undefined {
  return value ? parseSrcset(value)[0]?.url || undefined : undefined;
}
