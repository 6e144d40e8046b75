import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { extractArticle } from '@/lib/extract/extract-article';
import { parseHtml } from '@/lib/extract/parse-html';
import { checkSeed, corpusAvailable, SEED_HTML, seedGold } from '@/tests/support/extraction-corpus';

test.skipIf(!corpusAvailable())(
  'the seed page matches its gold: metadata, every body sentence, none of the noise',
  () => {
    const gold = seedGold();
    const article = extractArticle(parseHtml(readFileSync(SEED_HTML, 'utf8'), gold.url), gold.url);
    const failures = checkSeed(article, gold).filter((c) => !c.pass);
    expect(failures).toEqual([]);
    expect(article?.readerable).toBe(true);
    // All body paragraphs, each its own block.
    expect(article?.textContent.split('\n\n')).toHaveLength(10);
  },
);
