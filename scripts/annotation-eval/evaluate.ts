/**
 * `npx tsx scripts/annotation-eval/evaluate.ts [--set annotations|annotations-news|both]
 *   [--text-source extracted|gold|both] [--site-folds] [--json] [--out DIR]`
 *
 * Annotates every page of the annotation gold sets in ../shared/corpus (the 16-page dev set
 * `annotations` and the 25-page `annotations-news`), scores each set with the shared scorer
 * (../shared/tools/score-annotations.mjs) and prints one row per set — entity typed F1, quote F1,
 * speaker accuracy, named-speaker precision — and the micro totals over both sets.
 *
 * `--text-source` applies to the news set, whose gold was made on the ground-truth article text:
 * `extracted` annotates our extraction of the page, `gold` the ground-truth `articleBody`, `both`
 * (default) reports both. The dev set has no ground-truth text: it is always extracted.
 *
 * `--site-folds` also scores every site on its own (the site is the domain of the gold `url`; one
 * site may have pages in both sets). Anything fitted to the gold data should be reported with
 * `leaveOneSiteOut`, which annotates each site with a model fitted on the other sites only.
 *
 * Other scripts call `evaluateSets(annotateFn)` with an alternative annotator.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { annotate } from '../../lib/annotate/annotate';
import { toCliAnnotations } from '../../lib/annotate/to-cli-annotations';
import {
  type CorpusPage,
  corpusPages,
  goldDir,
  isSetName,
  SETS,
  type SetName,
  SHARED_DIR,
  TEXT_SOURCES,
  type TextSource,
  textFor,
} from '../annotate-corpus';

export const SCORER = join(SHARED_DIR, 'tools/score-annotations.mjs');

// ---------- the scorer's JSON ----------

export interface Prf {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface ScoreTotals {
  documents: number;
  entitiesTyped: Prf;
  entitiesUntyped: Prf;
  quotes: Prf;
  speakerAccuracy: number | null;
  speakerEligible: number;
  namedSpeakerPrecision: number | null;
  namedSpeakers: number;
  speaker: { p: number; r: number; f1: number; tp: number };
}

export interface ScoreDocument {
  id: string;
  goldEntities: number;
  predEntities: number;
  entitiesTyped: Prf;
  entitiesUntyped: Prf & { missed: string[]; spurious: string[] };
  goldQuotes: number;
  predQuotes: number;
  quotes: Prf & { missed: string[]; spurious: string[] };
  speakerAccuracy: number | null;
  speakerCorrect: number;
  speakerEligible: number;
  wrongSpeaker: { text: string; gold: string; pred: string | null }[];
}

export interface ScoreReport {
  totals: ScoreTotals;
  documents: ScoreDocument[];
}

/** Runs the shared scorer on GOLD_DIR and PRED_DIR. */
export function runScorer(gold: string, pred: string): ScoreReport {
  const out = execFileSync(process.execPath, [SCORER, gold, pred, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as ScoreReport;
}

// ---------- pages, sites and texts ----------

export interface GoldDoc {
  id: string;
  lang?: string;
  url?: string;
  entities: { name: string; type: string; aliases: string[]; optional?: boolean }[];
  quotes: { text: string; speaker: string | null; optional?: boolean }[];
}

/** What an annotator is told about the page it annotates (never its gold). */
export interface PageInfo {
  set: SetName;
  id: string;
  url: string;
  /** The site the page comes from: see `siteOf`. */
  site: string;
  lang: string | null;
}

/** What an annotator returns: the scorer's input (extra fields are ignored). */
export interface PredAnnotations {
  entities: { name: string; type: string; aliases: string[] }[];
  quotes: { text: string; speaker: string | null }[];
}

export type AnnotateFn = (text: string, page: PageInfo) => PredAnnotations | Promise<PredAnnotations>;

/** Our annotator, as the reader runs it. */
export const ourAnnotator: AnnotateFn = (text) => toCliAnnotations(annotate({ textContent: text }));

const TWO_LEVEL_SUFFIX = /\.(?:co|com|org|net|ac|gov|edu)\.[a-z]{2}$/;

/**
 * The site of a page: the registrable label of its URL's host ("money.cnn.com" and "cnn.com" →
 * "cnn", "heraldsun.com.au" → "heraldsun"), else the page id without a trailing "-N".
 */
export function siteOf(url: string | null | undefined, id: string): string {
  try {
    const host = new URL(url ?? '').hostname.toLowerCase();
    const labels = host.split('.');
    const label = labels[labels.length - (TWO_LEVEL_SUFFIX.test(host) ? 3 : 2)];
    if (label) return label;
  } catch {
    // no URL: fall back on the id
  }
  return id.replace(/-\d+$/, '');
}

export function readGold(set: SetName, id: string): GoldDoc {
  return JSON.parse(readFileSync(join(goldDir(set), `${id}.json`), 'utf8')) as GoldDoc;
}

export interface EvalPage {
  info: PageInfo;
  text: string;
}

const pageCache = new Map<SetName, CorpusPage[]>();
const textCache = new Map<string, string>();

/** Every page of `set` with the text to annotate from `source` (cached for the process). */
export function setPages(set: SetName, source: TextSource): EvalPage[] {
  let pages = pageCache.get(set);
  if (!pages) {
    pages = corpusPages(set);
    pageCache.set(set, pages);
  }
  return pages.map((page) => {
    const key = `${set}\u0000${source}\u0000${page.id}`;
    let text = textCache.get(key);
    if (text == null) {
      text = textFor(page, source);
      textCache.set(key, text);
    }
    const gold = readGold(set, page.id);
    return {
      info: { set, id: page.id, url: page.url, site: siteOf(gold.url, page.id), lang: gold.lang ?? null },
      text,
    };
  });
}

// ---------- evaluation ----------

export interface Run {
  set: SetName;
  source: TextSource;
}

export interface RunResult extends Run {
  pages: PageInfo[];
  report: ScoreReport;
}

export interface CombinedResult {
  /** The runs pooled, one per set. */
  runs: Run[];
  totals: ScoreTotals;
}

export interface SiteResult {
  site: string;
  sets: SetName[];
  pages: number;
  totals: ScoreTotals;
}

export interface Evaluation {
  runs: RunResult[];
  /** Micro totals over both sets, one entry per text source of the news set. */
  combined: CombinedResult[];
  /** Per-site scores over the first combination, with `siteFolds`. */
  sites?: SiteResult[];
}

export interface EvaluateOptions {
  /** Default: both sets on extracted text. The dev set only has extracted text. */
  runs?: Run[];
  siteFolds?: boolean;
  /** Keep the predictions in DIR/<set>-<source>/<id>.json (default: a temp dir, removed). */
  outDir?: string;
}

export const DEFAULT_RUNS: Run[] = [
  { set: 'annotations', source: 'extracted' },
  { set: 'annotations-news', source: 'extracted' },
];

/**
 * Annotates every page of each run with `annotateFn`, scores each run with the shared scorer, and
 * pools the sets (micro totals) and, with `siteFolds`, the pages of each site.
 */
export async function evaluateSets(
  annotateFn: AnnotateFn,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const runs = options.runs ?? DEFAULT_RUNS;
  const root = options.outDir
    ? resolve(options.outDir)
    : mkdtempSync(join(tmpdir(), 'lede-annotation-eval-'));
  try {
    const results: RunResult[] = [];
    const predDirs = new Map<string, string>();
    for (const run of runs) {
      const dir = join(root, `${run.set}-${run.source}`);
      mkdirSync(dir, { recursive: true });
      const pages = setPages(run.set, run.source);
      for (const { info, text } of pages) {
        const out = await annotateFn(text, info);
        writeFileSync(join(dir, `${info.id}.json`), JSON.stringify({ id: info.id, ...out }));
      }
      predDirs.set(runKey(run), dir);
      results.push({ ...run, pages: pages.map((p) => p.info), report: runScorer(goldDir(run.set), dir) });
    }

    const combined: CombinedResult[] = [];
    for (const pick of combinations(runs)) {
      if (new Set(pick.map((r) => r.set)).size < 2) continue;
      combined.push({ runs: pick, totals: pooledScore(root, pick, results, predDirs, () => true) });
    }

    let sites: SiteResult[] | undefined;
    if (options.siteFolds) {
      const pick = combinations(runs)[0] ?? [];
      const pages = pick.flatMap((run) => resultOf(results, run).pages);
      sites = [...new Set(pages.map((p) => p.site))].sort().map((site) => {
        const mine = pages.filter((p) => p.site === site);
        return {
          site,
          sets: [...new Set(mine.map((p) => p.set))],
          pages: mine.length,
          totals: pooledScore(root, pick, results, predDirs, (p) => p.site === site),
        };
      });
    }
    return { runs: results, combined, ...(sites ? { sites } : {}) };
  } finally {
    if (!options.outDir) rmSync(root, { recursive: true, force: true });
  }
}

/** A training page for `leaveOneSiteOut`: the page, its text and its gold. */
export interface TrainingPage extends EvalPage {
  gold: GoldDoc;
}

/**
 * Leave-one-site-out: for every site, `fitAnnotator` gets the pages of all the OTHER sites (of the first
 * combination of runs) and returns the annotator used on that site's pages. Report these numbers,
 * not `evaluateSets` on a fitted annotator, for anything tuned on the gold sets.
 */
export async function leaveOneSiteOut(
  fitAnnotator: (train: TrainingPage[]) => AnnotateFn | Promise<AnnotateFn>,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const runs = options.runs ?? DEFAULT_RUNS;
  const pick = combinations(runs)[0] ?? [];
  const all: TrainingPage[] = pick.flatMap((run) =>
    setPages(run.set, run.source).map((p) => ({ ...p, gold: readGold(run.set, p.info.id) })),
  );
  const fitted = new Map<string, AnnotateFn>();
  for (const site of new Set(all.map((p) => p.info.site))) {
    fitted.set(site, await fitAnnotator(all.filter((p) => p.info.site !== site)));
  }
  return evaluateSets((text, page) => {
    const fn = fitted.get(page.site) ?? fitted.values().next().value;
    if (!fn) throw new Error(`no annotator fitted for site ${page.site}`);
    return fn(text, page);
  }, options);
}

function runKey(run: Run): string {
  return `${run.set}-${run.source}`;
}

function resultOf(results: RunResult[], run: Run): RunResult {
  const r = results.find((x) => x.set === run.set && x.source === run.source);
  if (!r) throw new Error(`no run ${runKey(run)}`);
  return r;
}

/**
 * One run per set for each text source in `runs` (a set without that source keeps its first run):
 * dev + news on extracted text, dev + news on ground-truth text.
 */
function combinations(runs: Run[]): Run[][] {
  const out: Run[][] = [];
  const seen = new Set<string>();
  for (const source of new Set(runs.map((r) => r.source))) {
    const pick: Run[] = [];
    for (const set of new Set(runs.map((r) => r.set))) {
      const run = runs.find((r) => r.set === set && r.source === source) ?? runs.find((r) => r.set === set);
      if (run) pick.push(run);
    }
    const key = pick.map(runKey).join('+');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(pick);
    }
  }
  return out;
}

let pooled = 0;

/** The scorer's micro totals over the pages of `pick` that `keep` selects (gold and predictions linked into one folder). */
function pooledScore(
  root: string,
  pick: Run[],
  results: RunResult[],
  predDirs: Map<string, string>,
  keep: (p: PageInfo) => boolean,
): ScoreTotals {
  const dir = join(root, `pooled-${pooled++}`);
  rmSync(dir, { recursive: true, force: true });
  const gold = join(dir, 'gold');
  const pred = join(dir, 'pred');
  mkdirSync(gold, { recursive: true });
  mkdirSync(pred, { recursive: true });
  const ids = new Set<string>();
  for (const run of pick) {
    for (const page of resultOf(results, run).pages) {
      if (!keep(page)) continue;
      if (ids.has(page.id)) throw new Error(`page id ${page.id} is in two sets`);
      ids.add(page.id);
      symlinkSync(join(goldDir(run.set), `${page.id}.json`), join(gold, `${page.id}.json`));
      symlinkSync(join(predDirs.get(runKey(run)) ?? '', `${page.id}.json`), join(pred, `${page.id}.json`));
    }
  }
  return runScorer(gold, pred).totals;
}

// ---------- tables ----------

const f3 = (x: number | null | undefined) => (x == null ? '-' : x.toFixed(3));

export const SET_LABEL: Record<SetName, string> = {
  annotations: 'dev (annotations)',
  'annotations-news': 'news (annotations-news)',
};
export const SOURCE_LABEL: Record<TextSource, string> = {
  extracted: 'extracted',
  gold: 'ground-truth text',
};

/** "0.919 (113/123)": speaker accuracy with its counts. */
export function speakerCell(t: ScoreTotals): string {
  if (t.speakerAccuracy == null) return '-';
  return `${f3(t.speakerAccuracy)} (${Math.round(t.speakerAccuracy * t.speakerEligible)}/${t.speakerEligible})`;
}

export function namedCell(t: ScoreTotals): string {
  if (t.namedSpeakerPrecision == null) return '-';
  return `${f3(t.namedSpeakerPrecision)} (${Math.round(t.namedSpeakerPrecision * t.namedSpeakers)}/${t.namedSpeakers})`;
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function totalsCells(t: ScoreTotals): string[] {
  return [
    `${f3(t.entitiesTyped.f1)} (${f3(t.entitiesTyped.p)}/${f3(t.entitiesTyped.r)})`,
    f3(t.quotes.f1),
    speakerCell(t),
    namedCell(t),
  ];
}

const METRIC_HEADER = [
  'entity typed F1 (P/R)',
  'quote F1',
  'speaker acc (right/n)',
  'named-speaker prec (right/n)',
];

/** One row per run and per combination. */
export function formatTable(e: Evaluation): string {
  const lines = [
    row(['set', 'text', 'pages', ...METRIC_HEADER]),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const r of e.runs) {
    lines.push(
      row([SET_LABEL[r.set], SOURCE_LABEL[r.source], r.pages.length, ...totalsCells(r.report.totals)]),
    );
  }
  for (const c of e.combined) {
    const sources = c.runs.map((r) => (r.set === 'annotations' ? 'dev' : `news ${SOURCE_LABEL[r.source]}`));
    lines.push(
      row(['**combined (micro)**', sources.join(' + '), c.totals.documents, ...totalsCells(c.totals)]),
    );
  }
  return lines.join('\n');
}

export function formatSiteTable(sites: SiteResult[]): string {
  const lines = [
    row([
      'site',
      'set',
      'pages',
      'entity typed F1 (tp/fp/fn)',
      'quote F1 (tp/fp/fn)',
      'speaker acc (right/n)',
      'named-speaker prec (right/n)',
    ]),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const s of sites) {
    const t = s.totals;
    const e = t.entitiesTyped;
    const q = t.quotes;
    lines.push(
      row([
        s.site,
        s.sets.map((x) => (x === 'annotations' ? 'dev' : 'news')).join('+'),
        s.pages,
        `${f3(e.f1)} (${e.tp}/${e.fp}/${e.fn})`,
        `${f3(q.f1)} (${q.tp}/${q.fp}/${q.fn})`,
        speakerCell(t),
        namedCell(t),
      ]),
    );
  }
  const mean = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x != null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  lines.push(
    row([
      `**macro mean of ${sites.length} sites**`,
      '',
      sites.reduce((a, s) => a + s.pages, 0),
      f3(mean(sites.map((s) => s.totals.entitiesTyped.f1))),
      f3(mean(sites.map((s) => s.totals.quotes.f1))),
      f3(mean(sites.map((s) => s.totals.speakerAccuracy))),
      f3(mean(sites.map((s) => s.totals.namedSpeakerPrecision))),
    ]),
  );
  return lines.join('\n');
}

// ---------- CLI ----------

async function main(): Promise<void> {
  const usage =
    'usage: npx tsx scripts/annotation-eval/evaluate.ts [--set annotations|annotations-news|both] [--text-source extracted|gold|both] [--site-folds] [--json] [--out DIR]';
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'both' },
      'text-source': { type: 'string', default: 'both' },
      'site-folds': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const setArg = values.set ?? 'both';
  const sourceArg = values['text-source'] ?? 'both';
  const sets: SetName[] = setArg === 'both' ? [...SETS] : isSetName(setArg) ? [setArg] : [];
  const sources: TextSource[] =
    sourceArg === 'both'
      ? [...TEXT_SOURCES]
      : (TEXT_SOURCES as readonly string[]).includes(sourceArg)
        ? [sourceArg as TextSource]
        : [];
  if (!sets.length || !sources.length) {
    console.error(usage);
    process.exit(2);
  }
  // The dev set has no ground-truth text: it is annotated on our extraction whatever the source.
  const runs: Run[] = sets.flatMap((set): Run[] =>
    set === 'annotations' ? [{ set, source: 'extracted' }] : sources.map((source) => ({ set, source })),
  );
  const e = await evaluateSets(ourAnnotator, { runs, siteFolds: values['site-folds'], outDir: values.out });
  if (values.json) {
    console.log(JSON.stringify(e, null, 2));
    return;
  }
  console.log(formatTable(e));
  if (e.sites) {
    const pick = e.combined[0]?.runs ?? runs.slice(0, 1);
    console.log(
      `\nPer site (${pick.map((r) => `${r.set} ${SOURCE_LABEL[r.source]}`).join(' + ')}; site = domain of the gold url):\n`,
    );
    console.log(formatSiteTable(e.sites));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
