import type { StoredQuote } from '@/lib/db/schema';

/** `reader.html?id=…&quote=<start>`: the offset of the quote to open the article at, or null. */
export function quoteParam(search: string): number | null {
  const value = new URLSearchParams(search).get('quote');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The quote marks of the rendered article that draw `quote` (one quote can span several marks). */
function quoteMarks(body: Element, quote: StoredQuote): HTMLElement[] {
  const byIndex = new Map<string, HTMLElement[]>();
  for (const mark of body.querySelectorAll<HTMLElement>('mark[data-quote]')) {
    const index = mark.dataset.quoteIndex ?? '';
    byIndex.set(index, [...(byIndex.get(index) ?? []), mark]);
  }
  const wanted = squash(quote.text);
  for (const marks of byIndex.values()) {
    if (squash(marks.map((mark) => mark.textContent ?? '').join(' ')).includes(wanted.slice(0, 60)))
      return marks;
  }
  return [];
}

/** The block of the article body whose text holds the quote's beginning (when quotes are not drawn). */
function quoteBlock(body: Element, quote: StoredQuote): HTMLElement | null {
  const head = squash(quote.text).slice(0, 40);
  for (const block of body.querySelectorAll<HTMLElement>('p, li, blockquote, h2, h3, h4, td')) {
    if (squash(block.textContent ?? '').includes(head)) return block;
  }
  return null;
}

/**
 * Scrolls to the quote and marks it (`data-quote-target`, styled as a lasting highlight plus the
 * reader's flash). Waits for the highlights, drawn after the article paints, for up to `waitMs`;
 * without them (quotes switched off) the paragraph holding the quote is marked instead.
 */
export function showQuote(quote: StoredQuote, waitMs = 4000): () => void {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = () => {
    const body = document.querySelector('[data-testid="article-body"]');
    const marks = body ? quoteMarks(body, quote) : [];
    const late = performance.now() - started > waitMs;
    const targets = marks.length ? marks : late && body ? [quoteBlock(body, quote)].filter((b) => !!b) : [];
    if (targets.length === 0) {
      if (!late) timer = setTimeout(attempt, 100);
      return;
    }
    for (const target of targets as HTMLElement[]) {
      target.setAttribute('data-quote-target', '');
      target.classList.add('hl-flash');
    }
    (targets[0] as HTMLElement).scrollIntoView({ block: 'center' });
  };
  attempt();
  return () => clearTimeout(timer);
}
