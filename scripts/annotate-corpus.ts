/**
 * `tsx scripts/annotate-corpus.ts [PRED_DIR] [--set annotations|annotations-news]
 *   [--text-source extracted|gold] [--text TEXT_DIR]`
 *
 * Annotates every page of an annotation gold set in ../shared/corpus and writes PRED_DIR/<id>.json
 * (default `pred`) in the scorer's format; score with
 * `node ../shared/tools/score-annotations.mjs ../shared/corpus/<set>/gold PRED_DIR`.
 *
 * - `--set annotations` (default): the 16-page dev set, pages `<id>.html`.
 * - `--set annotations-news`: the 25 benchmark news pages, pages `<id>.html.gz`.
 * - `--text-source extracted` (default): the text our extractor gives for the page, parsed at the
 *   URL its gold file names. `gold`: the ground-truth `articleBody` of
 *   ../shared/corpus/extraction/ground-truth.json, the text the news set was annotated on (the dev
 *   set has none).
 * - `--text TEXT_DIR`: also writes the annotated text to TEXT_DIR/<id>.txt.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM, VirtualConsole } from 'jsdom';
import { annotate } from '../lib/annotate/annotate';
import { toCliAnnotations } from '../lib/annotate/to-cli-annotations';
import { extractArticle } from '../lib/extract/extract-article';
import { readPageHtml } from '../lib/extract/load-page';

/** ../shared beside the checkout; `LEDE_SHARED` overrides it, as for the extraction corpus. */
export const SHARED_DIR = resolve(
  process.env.LEDE_SHARED ?? fileURLToPath(new URL('../../shared', import.meta.url)),
);

export const SETS = ['annotations', 'annotations-news'] as const;
export type SetName = (typeof SETS)[number];

/** Where the text to annotate comes from: our extraction of the page, or the ground-truth body. */
export const TEXT_SOURCES = ['extracted', 'gold'] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];

export function isSetName(s: string): s is SetName {
  return (SETS as readonly string[]).includes(s);
}

export function setDir(set: SetName): string {
  return join(SHARED_DIR, 'corpus', set);
}

export function goldDir(set: SetName): string {
  return join(setDir(set), 'gold');
}

/** The dev set's folder (kept for the tests that score it). */
export const corpusDir = setDir('annotations');

export const GROUND_TRUTH = join(SHARED_DIR, 'corpus/extraction/ground-truth.json');

export interface CorpusPage {
  id: string;
  html: string;
  /** The page URL from its gold file (the document URL to extract it with). */
  url: string;
  set?: SetName;
}

const PAGE_FILE = /\.html(?:\.gz)?$/;

/** Every page of `set` (sorted by file name), read and decoded, with the URL its gold gives. */
export function corpusPages(set: SetName = 'annotations'): CorpusPage[] {
  const pages = join(setDir(set), 'pages');
  return readdirSync(pages)
    .filter((f) => PAGE_FILE.test(f))
    .sort()
    .map((f) => {
      const id = f.replace(PAGE_FILE, '');
      const gold = JSON.parse(readFileSync(join(goldDir(set), `${id}.json`), 'utf8')) as { url?: string };
      return { id, set, html: readPageHtml(join(pages, f)), url: gold.url || `https://example.com/${id}` };
    });
}

/** A jsdom for a saved page, without the console noise of its unparsable stylesheets. */
export function pageDom(page: CorpusPage): JSDOM {
  return new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
}

/**
 * The text the reader annotates: the extractor's `textContent`, already built block by block
 * (lib/extract/block-text.ts: blank lines between blocks, captions and credits left out).
 */
export function pageText(page: CorpusPage): string {
  const article = extractArticle(pageDom(page).window.document, page.url);
  return article?.textContent ?? '';
}

let groundTruth: Record<string, { url: string; articleBody: string }> | null = null;

/**
 * The ground-truth article body of page `id`, paragraphs separated by a blank line (the file
 * already uses "\n\n" between paragraphs; a body with single line breaks only is converted).
 * Null when the page is not in the ground truth (the dev set's pages are not).
 */
export function goldText(id: string): string | null {
  if (!groundTruth) {
    if (!existsSync(GROUND_TRUTH)) return null;
    groundTruth = JSON.parse(readFileSync(GROUND_TRUTH, 'utf8')) as typeof groundTruth;
  }
  const body = groundTruth?.[id]?.articleBody;
  if (body == null) return null;
  const text = body.replace(/\r\n?/g, '\n').trim();
  return text.includes('\n\n') ? text : text.replace(/\n+/g, '\n\n');
}

/** The page's text from `source`; throws when the ground truth has no body for the page. */
export function textFor(page: CorpusPage, source: TextSource): string {
  if (source === 'extracted') return pageText(page);
  const text = goldText(page.id);
  if (text == null) throw new Error(`no ground-truth articleBody for page ${page.id} in ${GROUND_TRUTH}`);
  return text;
}

function main(): void {
  const usage =
    'usage: tsx scripts/annotate-corpus.ts [PRED_DIR] [--set annotations|annotations-news] [--text-source extracted|gold] [--text TEXT_DIR]';
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      set: { type: 'string', default: 'annotations' },
      'text-source': { type: 'string', default: 'extracted' },
      text: { type: 'string' },
    },
  });
  const set = values.set ?? 'annotations';
  const source = values['text-source'] ?? 'extracted';
  if (!isSetName(set) || !(TEXT_SOURCES as readonly string[]).includes(source) || positionals.length > 1) {
    console.error(usage);
    process.exit(2);
  }
  if (source === 'gold' && set === 'annotations') {
    console.error(
      'annotate-corpus: the dev set (annotations) has no ground-truth text; use --text-source extracted',
    );
    process.exit(2);
  }
  const predDir = positionals[0] ?? 'pred';
  const textDir = values.text;
  mkdirSync(predDir, { recursive: true });
  if (textDir) mkdirSync(textDir, { recursive: true });
  for (const page of corpusPages(set)) {
    const text = textFor(page, source as TextSource);
    if (textDir) writeFileSync(join(textDir, `${page.id}.txt`), text);
    const out = toCliAnnotations(annotate({ textContent: text }));
    writeFileSync(join(predDir, `${page.id}.json`), `${JSON.stringify({ id: page.id, ...out }, null, 2)}\n`);
  }
  console.log(`wrote ${predDir} (${set}, ${source} text)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
