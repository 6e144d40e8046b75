/**
 * `npm run bench -- annotation`: annotation quality on both gold sets — the dev set
 * (../shared/corpus/annotations, 16 pages) and the news set (../shared/corpus/annotations-news,
 * 25 pages), each on our extraction of the page, separately and pooled (micro) — scored by
 * ../shared/tools/score-annotations.mjs (see scripts/annotation-eval/evaluate.ts), for our
 * annotator and for baselines measured in the same run (compromise for entities, a plain regex for
 * quotes, the nearest name as speaker); the seed page check, annotation time per article, and
 * extract+annotate time against plain Readability on the same jsdom documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import nlp from 'compromise';
import { annotate } from '../../lib/annotate/annotate';
import type { Annotations } from '../../lib/annotate/annotations';
import { extractArticle } from '../../lib/extract/extract-article';
import { type CorpusPage, corpusPages, pageDom, pageText } from '../annotate-corpus';
import {
  type AnnotateFn,
  DEFAULT_RUNS,
  type Evaluation,
  evaluateSets,
  namedCell,
  ourAnnotator,
  runScorer,
  type ScoreTotals,
  speakerCell,
} from '../annotation-eval/evaluate';
import type { BenchSection } from '../bench';

const seedDir = new URL('../../../shared/corpus/seed/', import.meta.url).pathname;

/** Runs the shared scorer on PRED_DIR and returns its micro totals. */
export function score(goldDir: string, predDir: string): ScoreTotals {
  return runScorer(goldDir, predDir).totals;
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

/** The baselines together: compromise entities, regex quotes with the nearest compromise person. */
export const baselineAnnotator: AnnotateFn = (text) => ({
  entities: compromiseEntities(text),
  quotes: baselineQuotes(text),
});

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

/** Dev, news and pooled totals of an evaluation over DEFAULT_RUNS (plus any extra runs). */
function bySet(e: Evaluation): { dev: ScoreTotals; news: ScoreTotals; combined: ScoreTotals } {
  const total = (set: string) => {
    const r = e.runs.find((x) => x.set === set && x.source === 'extracted');
    if (!r) throw new Error(`no ${set} run`);
    return r.report.totals;
  };
  const combined = e.combined[0]?.totals;
  if (!combined) throw new Error('no pooled totals');
  return { dev: total('annotations'), news: total('annotations-news'), combined };
}

export async function run(): Promise<BenchSection> {
  const pages = corpusPages();
  const oursEval = await evaluateSets(ourAnnotator, {
    runs: [...DEFAULT_RUNS, { set: 'annotations-news', source: 'gold' }],
  });
  const o = bySet(oursEval);
  const oNewsGoldText = oursEval.runs.find((r) => r.set === 'annotations-news' && r.source === 'gold')?.report
    .totals as ScoreTotals;
  const b = bySet(await evaluateSets(baselineAnnotator, { runs: DEFAULT_RUNS }));

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
  const sets = ['dev', 'news', 'combined'] as const;
  const metric = (label: string, cell: (t: ScoreTotals) => string, bar: string) =>
    `| ${label} | ${sets.map((k) => `${cell(o[k])} | ${cell(b[k])}`).join(' | ')} | ${bar} |`;
  const quality = [
    `| metric (extracted text; baseline in brackets) | dev (${oursEval.runs[0]?.pages.length} pages): ours | baseline | news (${oursEval.runs[1]?.pages.length} pages): ours | baseline | both (micro): ours | baseline | bar (dev) |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    metric('entity typed F1 (compromise)', (t) => f(t.entitiesTyped.f1), '≥ 0.80'),
    metric('entity untyped F1 (compromise)', (t) => f(t.entitiesUntyped.f1), ''),
    metric('quote F1 (plain regex)', (t) => f(t.quotes.f1), '≥ 0.96'),
    metric('speaker accuracy (nearest name)', speakerCell, '≥ 0.85'),
    metric('named-speaker precision (nearest name)', namedCell, ''),
  ].join('\n');
  const groundTruthNote = `\nOurs on the news set's ground-truth text (the text its gold was made on): entity typed F1 ${f(oNewsGoldText.entitiesTyped.f1)}, quote F1 ${f(oNewsGoldText.quotes.f1)}, speaker accuracy ${speakerCell(oNewsGoldText)}, named-speaker precision ${namedCell(oNewsGoldText)}.\n`;
  const table = [
    quality,
    groundTruthNote,
    '| seed page and timing | ours | baseline | bar |',
    '|---|---:|---:|---:|',
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
    results: {
      ours: { ...o, newsGroundTruthText: oNewsGoldText },
      baseline: b,
      seed,
      baselineSeed: baseSeed,
      timing,
    },
  };
}
