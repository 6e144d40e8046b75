/**
 * Node only (bench and regression test): the shared extraction corpus in ../shared, page by page.
 * `LEDE_SHARED` overrides where the shared folder is (it sits beside every checkout and in CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../lib/extract/article';
import { readPageHtml } from '../../lib/extract/load-page';

export const SHARED_DIR = resolve(
  process.env.LEDE_SHARED ?? fileURLToPath(new URL('../../../shared', import.meta.url)),
);
export const EXTRACTION_DIR = join(SHARED_DIR, 'corpus/extraction');
export const GROUND_TRUTH = join(EXTRACTION_DIR, 'ground-truth.json');
export const SCORER = join(SHARED_DIR, 'tools/score-extraction.mjs');
export const SEED_HTML = join(SHARED_DIR, 'corpus/seed/zelensky-nato.html');
export const SEED_GOLD = join(SHARED_DIR, 'corpus/seed/zelensky-nato.gold.json');

export interface CorpusPage {
  id: string;
  /** The page's original address: the document URL to parse it with. */
  url: string;
  articleBody: string;
}

export function corpusAvailable(): boolean {
  return existsSync(GROUND_TRUTH);
}

/** Every page of the ground truth, sorted by id. */
export function corpusPages(): CorpusPage[] {
  const truth = JSON.parse(readFileSync(GROUND_TRUTH, 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return Object.keys(truth)
    .sort()
    .map((id) => ({ id, url: truth[id].url, articleBody: truth[id].articleBody }));
}

export function corpusHtml(page: CorpusPage): string {
  return readPageHtml(join(EXTRACTION_DIR, 'pages', `${page.id}.html.gz`));
}

export interface SeedGold {
  url: string;
  metadata: { title: string; byline: string; siteName: string; publishedTime: string; lang: string };
  mustContain: string[];
  mustNotContain: string[];
}

export function seedGold(): SeedGold {
  return JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as SeedGold;
}

export interface GoldCheck {
  item: string;
  pass: boolean;
  /** What we extracted, when it differs. */
  got?: string;
}

/**
 * The seed page against its gold: exact title, byline and site name, the publication date, every
 * mustContain in the text and no mustNotContain in the text or the HTML.
 */
export function checkSeed(article: Article | null, gold: SeedGold): GoldCheck[] {
  const m = gold.metadata;
  const text = article?.textContent ?? '';
  const html = article?.contentHtml ?? '';
  const exact = (item: string, want: string, got: string | null | undefined): GoldCheck =>
    got === want ? { item, pass: true } : { item, pass: false, got: String(got) };
  return [
    exact('title', m.title, article?.title),
    exact('byline', m.byline, article?.byline),
    exact('siteName', m.siteName, article?.siteName),
    exact('lang', m.lang, article?.lang),
    {
      item: `publishedTime on ${m.publishedTime}`,
      pass: !!article?.publishedTime?.startsWith(m.publishedTime),
      got: article?.publishedTime ?? 'null',
    },
    ...gold.mustContain.map((s) => ({ item: `contains "${s}"`, pass: text.includes(s) })),
    ...gold.mustNotContain.map((s) => ({
      item: `lacks "${s}"`,
      pass: !text.includes(s) && !html.includes(s),
    })),
  ];
}
