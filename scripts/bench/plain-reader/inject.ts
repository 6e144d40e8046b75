/**
 * The baseline's injected script: plain Readability on a clone of the page, as Firefox Reader View
 * and most reader extensions run it. Its completion value (the article) is what `executeScript`
 * hands back to the popup (esbuild's footer puts `plainRead.result` last, see scripts/bench/_plain-reader.ts).
 */
import { Readability } from '@mozilla/readability';

// When the work started and ended, on a clock the popup shares (the bench's breakdown, as Lede's `ran`).
const now = () => performance.timeOrigin + performance.now();
const started = now();
const parsed = new Readability(document.cloneNode(true) as Document).parse();

export const result = parsed
  ? {
      url: location.href,
      title: parsed.title ?? '',
      byline: parsed.byline ?? null,
      siteName: parsed.siteName ?? null,
      lang: parsed.lang ?? null,
      dir: parsed.dir ?? null,
      content: parsed.content ?? '',
      ran: [started, now()],
    }
  : null;
