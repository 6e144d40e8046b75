/**
 * `npm run bench -- annotation`: annotation quality on the dev set (../shared/corpus/annotations,
 * scored by ../shared/tools/score-annotations.mjs) for our annotator and for baselines measured
 * in the same run (compromise for entities, a plain regex for quotes, the nearest name as speaker),
 * the seed page check, annotation time per article, and extract+annotate time against plain
 * Readability on the same jsdom documents.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import nlp from 'compromise';
import { annotate } from '../../lib/annotate/annotate';
import type { Annotations } from '../../lib/annotate/annotations';
import { toCliAnnotations } from '../../lib/annotate/to-cli-annotations';
import { extractArticle } from '../../lib/extract/extract-article';
import { type CorpusPage, corpusDir, corpusPages, pageDom, pageText } from '../annotate-corpus';
import type { BenchSection } from '../bench';

const scorer = new URL('../../../shared/tools/score-annotations.mjs', import.meta.url).pathname;
const seedDir = new URL('../../../shared/corpus/seed/', import.meta.url).pathname;

interface Totals {
  entitiesTyped: { f1: number; p: number; r: number };
  entitiesUntyped: { f1: number };
  quotes: { f1: number; p: number; r: number };
  speakerAccuracy: number | null;
}

/** Runs the shared scorer on PRED_DIR and returns its micro totals. */
export function score(goldDir: string, predDir: string): Totals {
  const out = execFileSync(process.execPath, [scorer, goldDir, predDir, '--json'], { encoding: 'utf8' });
  return (JSON.parse(out) as { totals: Totals }).totals;
}

type Pred = {
  entities: { name: string; type: string; aliases: string[] }[];
  quotes: { text: string; speaker: string | null }[];
};

/** compromise's people/organizations/places, one entry per distinct string. */
export function compromiseEntities(text: string): Pred['entities'] {
  const doc = nlp(text);
  const out = new Map<string, { name: string; type: string; aliases: string[] }>();
  const add = (names: string[], type: string) => {
    for (const raw of names) {
      const name = raw
        .replace(/[.,;:!?"“”«»'’]+$/u, '')
        .replace(/['’]s$/u, '')
        .trim();
      if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), { name, type, aliases: [name] });
    }
  };
  add(doc.people().out('array') as string[], 'person');
  add(doc.organizations().out('array') as string[], 'organization');
  add(doc.places().out('array') as string[], 'place');
  return [...out.values()];
}

/** Every span between double quotation marks, and the closest compromise person as speaker. */
export function baselineQuotes(text: string): Pred['quotes'] {
  const people = (
    nlp(text).people().json({ offset: true }) as { text: string; offset: { start: number } }[]
  ).map((p) => ({
    name: p.text.replace(/[.,;:!?"“”'’]+$/u, '').trim(),
    at: p.offset.start,
  }));
  const quotes: Pred['quotes'] = [];
  for (const m of text.matchAll(/[“"«„]([^”"»“\n]+)[”"»“]/g)) {
    const at = m.index ?? 0;
    let best: { name: string; at: number } | null = null;
    for (const p of people) if (!best || Math.abs(p.at - at) < Math.abs(best.at - at)) best = p;
    quotes.push({ text: (m[1] ?? '').trim(), speaker: best?.name ?? null });
  }
  return quotes;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function timePages(pages: CorpusPage[], reps: number) {
  const annotateMs: number[] = [];
  const ratios: number[] = [];
  const extractRatios: number[] = [];
  for (const page of pages) {
    const doc = pageDom(page).window.document;
    let plain = 0;
    let full = 0;
    let ann = 0;
    let extract = 0;
    // Interleave the two pipelines so that machine noise hits both alike.
    for (let i = 0; i < reps; i++) {
      const a = doc.cloneNode(true) as Document;
      const t0 = performance.now();
      new Readability(a).parse();
      const t1 = performance.now();
      const b = doc.cloneNode(true) as Document;
      const t2 = performance.now();
      const article = extractArticle(b, page.url);
      const t3 = performance.now();
      if (article) annotate(article);
      const t4 = performance.now();
      plain += t1 - t0;
      full += t4 - t2;
      ann += t4 - t3;
      extract += t3 - t2;
    }
    annotateMs.push(ann / reps);
    ratios.push(full / plain);
    extractRatios.push(extract / plain);
  }
  return {
    annotateMedianMs: percentile(annotateMs, 50),
    annotateP95Ms: percentile(annotateMs, 95),
    ratioMedian: percentile(ratios, 50),
    ratioMax: Math.max(...ratios),
    extractOnlyRatioMedian: percentile(extractRatios, 50),
  };
}

interface SeedGold {
  url: string;
  entities: { name: string; type: string; aliases: string[] }[];
  quotes: { text: string; speaker: string }[];
}

/** The seed page: every gold quote found with its speaker, every gold entity typed right, no junk persons. */
export function seedCheck(a: Annotations, gold: SeedGold) {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N} ]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const quotesRight = gold.quotes.filter((g) =>
    a.quotes.some((q) => norm(q.text) === norm(g.text) && q.speaker === g.speaker),
  ).length;
  const entitiesRight = gold.entities.filter((g) =>
    a.entities.some(
      (e) => e.type === g.type && e.aliases.some((x) => g.aliases.some((y) => norm(x) === norm(y))),
    ),
  ).length;
  const junkPersons = a.entities.filter(
    (e) => e.type === 'person' && e.aliases.some((x) => /^(?:april|russian)$/i.test(x)),
  );
  return {
    quotes: `${quotesRight}/${gold.quotes.length}`,
    entities: `${entitiesRight}/${gold.entities.length}`,
    junkPersons: junkPersons.map((e) => e.name),
    pass:
      quotesRight === gold.quotes.length &&
      entitiesRight === gold.entities.length &&
      junkPersons.length === 0,
  };
}

export async function run(): Promise<BenchSection> {
  const pages = corpusPages();
  const goldDir = join(corpusDir, 'gold');
  const root = mkdtempSync(join(tmpdir(), 'lede-annotation-'));
  const ours = join(root, 'ours');
  const base = join(root, 'baseline');
  mkdirSync(ours);
  mkdirSync(base);
  for (const page of pages) {
    const text = pageText(page);
    writeFileSync(
      join(ours, `${page.id}.json`),
      JSON.stringify(toCliAnnotations(annotate({ textContent: text }))),
    );
    writeFileSync(
      join(base, `${page.id}.json`),
      JSON.stringify({ entities: compromiseEntities(text), quotes: baselineQuotes(text) }),
    );
  }
  const o = score(goldDir, ours);
  const b = score(goldDir, base);

  const seedGold = JSON.parse(readFileSync(join(seedDir, 'zelensky-nato.gold.json'), 'utf8')) as SeedGold;
  const seedPage = {
    id: 'seed',
    html: readFileSync(join(seedDir, 'zelensky-nato.html'), 'utf8'),
    url: seedGold.url,
  };
  const seedText = pageText(seedPage);
  const seed = seedCheck(annotate({ textContent: seedText }), seedGold);
  const baseSeed = seedCheck(
    {
      quotes: baselineQuotes(seedText).map((q) => ({ ...q, start: 0, end: 0 })),
      entities: compromiseEntities(seedText).map((e) => ({
        ...e,
        type: e.type as 'person',
        count: 1,
        mentions: [],
      })),
    },
    seedGold,
  );

  const timing = timePages([...pages, seedPage], 3);
  const f = (x: number | null) => (x == null ? '-' : x.toFixed(3));
  const table = [
    '| metric (dev set, 16 pages) | ours | baseline | bar |',
    '|---|---:|---:|---:|',
    `| entity typed F1 | ${f(o.entitiesTyped.f1)} | ${f(b.entitiesTyped.f1)} (compromise) | ≥ 0.80 |`,
    `| entity untyped F1 | ${f(o.entitiesUntyped.f1)} | ${f(b.entitiesUntyped.f1)} (compromise) | |`,
    `| quote F1 | ${f(o.quotes.f1)} | ${f(b.quotes.f1)} (plain regex) | ≥ 0.96 |`,
    `| speaker accuracy | ${f(o.speakerAccuracy)} | ${f(b.speakerAccuracy)} (nearest name) | ≥ 0.85 |`,
    `| seed quotes with right speaker | ${seed.quotes} | ${baseSeed.quotes} | 6/6 |`,
    `| seed entities typed right | ${seed.entities} | ${baseSeed.entities} | 7/7 |`,
    `| seed junk persons (April, Russian) | ${seed.junkPersons.length} | ${baseSeed.junkPersons.length} | 0 |`,
    `| annotate ms/article (median / p95) | ${timing.annotateMedianMs.toFixed(1)} / ${timing.annotateP95Ms.toFixed(1)} | | |`,
    `| (extract + annotate) / Readability (median / max) | ${timing.ratioMedian.toFixed(2)}× / ${timing.ratioMax.toFixed(2)}× | 1× | ≤ 3× |`,
    `| extract alone / Readability (median) | ${timing.extractOnlyRatioMedian.toFixed(2)}× | 1× | |`,
  ].join('\n');
  return {
    name: 'annotation',
    table,
    results: { ours: o, baseline: b, seed, baselineSeed: baseSeed, timing },
  };
}
