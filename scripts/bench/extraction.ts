/**
 * `npm run bench -- extraction`: our extractor against plain Readability on the shared dev corpus
 * (../shared/corpus/extraction), same DOM library, same run.
 *
 * Quality: both predictions go to bench-results/ and through the shared scorer (F1, precision,
 * recall over token 4-grams). Speed: each page is parsed once, outside the timed region; both
 * extractors then run on fresh clones of that document, in alternating order, after a warm-up,
 * several rounds (fastest kept). Only the extraction is timed. Also checks the seed page against its gold.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import {
  checkSeed,
  corpusHtml,
  corpusPages,
  GROUND_TRUTH,
  SCORER,
  SEED_HTML,
  seedGold,
} from '../../tests/support/extraction-corpus';
import type { BenchSection } from '../bench';

type Extractor = 'ours' | 'plain';
const EXTRACTORS: Record<Extractor, (doc: Document, url: string) => string> = {
  ours: (doc, url) => extractArticle(doc, url)?.textContent ?? '',
  plain: (doc) => new Readability(doc).parse()?.textContent ?? '',
};
const WARM_UP_PAGES = 5;
/**
 * Each page is extracted this many times by each extractor and its fastest time kept: the
 * machine's noise (other processes, GC) only ever adds time. `BENCH_ROUNDS` overrides.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 3);

interface Score {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}

export async function run(): Promise<BenchSection> {
  const pages = corpusPages();
  const predictions: Record<Extractor, Record<string, { articleBody: string }>> = { ours: {}, plain: {} };
  const times: Record<Extractor, number[]> = { ours: [], plain: [] };
  const crashes: Record<Extractor, string[]> = { ours: [], plain: [] };

  const docs = pages
    .slice(0, WARM_UP_PAGES)
    .map((p) => ({ doc: parseHtml(corpusHtml(p), p.url), url: p.url }));
  for (const { doc, url } of docs) {
    for (const name of ['ours', 'plain'] as const) {
      try {
        EXTRACTORS[name](doc.cloneNode(true) as Document, url);
      } catch {
        // warm-up only: crashes are counted in the measured run
      }
    }
  }

  pages.forEach((page, i) => {
    const doc = parseHtml(corpusHtml(page), page.url);
    const best: Record<Extractor, number> = { ours: Infinity, plain: Infinity };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Extractor[] = (i + round) % 2 === 0 ? ['ours', 'plain'] : ['plain', 'ours'];
      for (const name of order) {
        const clone = doc.cloneNode(true) as Document;
        let text = '';
        const start = performance.now();
        try {
          text = EXTRACTORS[name](clone, page.url);
        } catch {
          if (round === 0) crashes[name].push(page.id);
        }
        best[name] = Math.min(best[name], performance.now() - start);
        predictions[name][page.id] = { articleBody: text };
      }
    }
    times.ours.push(best.ours);
    times.plain.push(best.plain);
  });

  mkdirSync('bench-results', { recursive: true });
  const scores = {} as Record<Extractor, Score>;
  for (const name of ['ours', 'plain'] as const) {
    const file = join('bench-results', `extraction-${name}.json`);
    writeFileSync(file, JSON.stringify(predictions[name]));
    scores[name] = JSON.parse(
      execFileSync(process.execPath, [SCORER, GROUND_TRUTH, file, '--json'], { encoding: 'utf8' }),
    );
  }

  const gold = seedGold();
  const seed = checkSeed(
    extractArticle(parseHtml(readFileSync(SEED_HTML, 'utf8'), gold.url), gold.url),
    gold,
  );
  const seedPassed = seed.filter((c) => c.pass).length;

  const stats = (name: Extractor) => ({
    median: quantile(times[name], 0.5),
    p95: quantile(times[name], 0.95),
  });
  const speed = { ours: stats('ours'), plain: stats('plain') };
  const ratio = speed.ours.median / speed.plain.median;

  const row = (label: string, name: Extractor) =>
    `| ${label} | ${f3(scores[name].f1)} | ${f3(scores[name].precision)} | ${f3(scores[name].recall)} | ${f3(scores[name].accuracy)} | ${crashes[name].length} | ${speed[name].median.toFixed(1)} | ${speed[name].p95.toFixed(1)} |`;
  const table = [
    `${pages.length} dev pages, jsdom, Node ${process.version}, fastest of ${ROUNDS} runs per page`,
    '',
    '| extractor | F1 | precision | recall | accuracy | crashes | median ms | p95 ms |',
    '|---|---|---|---|---|---|---|---|',
    row('Lede extractArticle', 'ours'),
    row('plain Readability', 'plain'),
    '',
    `speed ratio ours/plain (median per page): ${ratio.toFixed(2)}×`,
    `seed page: ${seedPassed}/${seed.length} gold checks pass`,
    ...seed.map(
      (c) => `  ${c.pass ? 'pass' : 'FAIL'}  ${c.item}${!c.pass && c.got ? ` (got ${c.got})` : ''}`,
    ),
  ].join('\n');

  return {
    name: 'extraction',
    table,
    results: {
      pages: pages.length,
      rounds: ROUNDS,
      ours: { ...scores.ours, ...speed.ours, crashes: crashes.ours },
      plain: { ...scores.plain, ...speed.plain, crashes: crashes.plain },
      speedRatio: ratio,
      seed: { passed: seedPassed, total: seed.length, checks: seed },
    },
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.ceil(pos)] - sorted[lo]) * (pos - lo);
}

function f3(n: number): string {
  return n.toFixed(3);
}
