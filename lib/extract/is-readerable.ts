import { isProbablyReaderable } from '@mozilla/readability';
import { charsPerMinute } from './reading-time';

/** Readability's defaults, calibrated on English text. */
const MIN_CONTENT_LENGTH = 140;
const MIN_SCORE = 20;

/**
 * `isProbablyReaderable`, measured in reading time rather than characters. Its thresholds were set
 * for English: a Japanese paragraph says as much in a third of the characters, so Japanese and
 * Chinese articles looked "too short" to be articles. The thresholds are scaled by the language's
 * reading speed (Firefox's table): a paragraph's length divides by k = English speed / the
 * language's, and since each paragraph scores √(length − min), the minimum score divides by √k.
 */
export function isReaderable(doc: Document, lang: string | null): boolean {
  const k = charsPerMinute('en') / charsPerMinute(lang);
  return isProbablyReaderable(doc, {
    minContentLength: MIN_CONTENT_LENGTH / k,
    minScore: MIN_SCORE / Math.sqrt(k),
  });
}
