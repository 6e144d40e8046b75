/**
 * `tsx scripts/annotate-corpus.ts [PRED_DIR] [--text TEXT_DIR]`: extracts every page of the
 * annotation dev set (../shared/corpus/annotations), annotates it and writes PRED_DIR/<id>.json
 * in the scorer's format (score with ../shared/tools/score-annotations.mjs GOLD_DIR PRED_DIR).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { annotate } from '../lib/annotate/annotate';
import { toCliAnnotations } from '../lib/annotate/to-cli-annotations';
import { extractArticle } from '../lib/extract/extract-article';

export const corpusDir = new URL('../../shared/corpus/annotations/', import.meta.url).pathname;

const BLOCKS = 'p, figcaption, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt';

/**
 * Body text with blank lines between blocks. Main's minimal extractor returns Readability's
 * textContent (no block breaks); until the block-aware extractor lands, rebuild the text from
 * the extracted HTML so the annotator sees paragraphs as the reader will.
 */
export function blockText(contentHtml: string, textContent: string): string {
  if (textContent.includes('\n\n')) return textContent;
  const doc = new JSDOM(`<body>${contentHtml}</body>`).window.document;
  for (const n of doc.querySelectorAll('script, style')) n.remove();
  const blocks: string[] = [];
  for (const el of doc.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) blocks.push(t);
  }
  return blocks.join('\n\n');
}

export interface CorpusPage {
  id: string;
  html: string;
  url: string;
}

export function corpusPages(): CorpusPage[] {
  const pages = join(corpusDir, 'pages');
  return readdirSync(pages)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html$/, '');
      const gold = JSON.parse(readFileSync(join(corpusDir, 'gold', `${id}.json`), 'utf8')) as { url: string };
      return { id, html: readFileSync(join(pages, f), 'utf8'), url: gold.url || `https://example.com/${id}` };
    });
}

/** A jsdom for a saved page, without the console noise of its unparsable stylesheets. */
export function pageDom(page: CorpusPage): JSDOM {
  return new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
}

export function pageText(page: CorpusPage): string {
  const dom = pageDom(page);
  const article = extractArticle(dom.window.document, page.url);
  return article ? blockText(article.contentHtml, article.textContent) : '';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const args = process.argv.slice(2);
  const textIdx = args.indexOf('--text');
  const textDir = textIdx >= 0 ? args[textIdx + 1] : null;
  const predDir = args.find((a, i) => !a.startsWith('--') && (textIdx < 0 || i !== textIdx + 1)) ?? 'pred';
  mkdirSync(predDir, { recursive: true });
  if (textDir) mkdirSync(textDir, { recursive: true });
  for (const page of corpusPages()) {
    const text = pageText(page);
    if (textDir) writeFileSync(join(textDir, `${page.id}.txt`), text);
    const out = toCliAnnotations(annotate({ textContent: text }));
    writeFileSync(join(predDir, `${page.id}.json`), `${JSON.stringify({ id: page.id, ...out }, null, 2)}\n`);
  }
  console.log(`wrote ${predDir}`);
}
