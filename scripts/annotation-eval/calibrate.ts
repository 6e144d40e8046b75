/**
 * `npx tsx scripts/annotation-eval/calibrate.ts [--write]`: which speaker attributions are
 * confident enough to show a name.
 *
 * Every attribution records its route (`via`: "subject-before", "pronoun-previous", …). A route
 * is shown when its precision on training pages, shrunk towards their overall precision
 * ((right + 2·overall) / (named + 2)), reaches THRESHOLD; otherwise its quotes are marked with "speaker not named". The protocol, each step
 * scored by the shared scorer on pages the routes were not chosen on:
 *   1. choose on the dev set, score the news set; choose on the news set, score the dev set;
 *   2. leave one site out over both sets (a site's pages never choose their own routes);
 *   3. the final choice, on both sets, is what `--write` puts in lib/annotate/speaker-confidence.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { annotateWithEvidence } from '../../lib/annotate/annotate';
import { toCliAnnotations } from '../../lib/annotate/to-cli-annotations';
import type { SetName } from '../annotate-corpus';
import {
  type AnnotateFn,
  type Evaluation,
  evaluateSets,
  leaveOneSiteOut,
  readGold,
  setPages,
  type TrainingPage,
} from './evaluate';
import { norm, normEnt, tokenF1 } from './match';

/** A route is shown when its smoothed precision on the training pages reaches this. */
export const THRESHOLD = 0.8;
/** How many quotes' worth of the overall precision each route's estimate starts from. */
const PRIOR_WEIGHT = 2;

const OUT = fileURLToPath(new URL('../../lib/annotate/speaker-confidence.ts', import.meta.url));

/** One named attribution on a training page: its route and whether the name was right. */
interface Outcome {
  via: string;
  right: boolean;
}

/** The named attributions of a page matched to its gold quotes, as the shared scorer matches them. */
export function outcomes(page: TrainingPage): Outcome[] {
  const { annotations, attributions } = annotateWithEvidence(
    { textContent: page.text },
    { unconfident: new Set() },
  );
  const out: Outcome[] = [];
  annotations.quotes.forEach((q, i) => {
    const via = attributions[i]?.via;
    if (!q.speaker || !via) return;
    const best = page.gold.quotes
      .map((g) => ({ g, f: tokenF1(norm(g.text), norm(q.text)) }))
      .filter((x) => x.f >= 0.8)
      .sort((a, b) => b.f - a.f)[0]?.g;
    if (!best || best.optional) return;
    const ent = page.gold.entities.find((e) => e.name === best.speaker);
    const forms = new Set(
      [best.speaker, ...(ent?.aliases ?? [])].filter(Boolean).map((s) => normEnt(s as string)),
    );
    out.push({ via, right: best.speaker != null && forms.has(normEnt(q.speaker)) });
  });
  return out;
}

/** The routes whose smoothed precision on `pages` falls short of THRESHOLD. */
export function unconfidentRoutes(pages: TrainingPage[]): Set<string> {
  const tally = new Map<string, { right: number; named: number }>();
  for (const page of pages) {
    for (const o of outcomes(page)) {
      const t = tally.get(o.via) ?? { right: 0, named: 0 };
      t.named++;
      if (o.right) t.right++;
      tally.set(o.via, t);
    }
  }
  // Each route's precision is shrunk towards the training pages' overall precision, so a route
  // seen twice is neither trusted nor condemned on two quotes.
  let right = 0;
  let named = 0;
  for (const t of tally.values()) {
    right += t.right;
    named += t.named;
  }
  const prior = named ? right / named : 1;
  const out = new Set<string>();
  for (const [via, t] of tally)
    if ((t.right + PRIOR_WEIGHT * prior) / (t.named + PRIOR_WEIGHT) < THRESHOLD) out.add(via);
  return out;
}

/** Our annotator, abstaining on `routes`. */
export function abstainingAnnotator(routes: ReadonlySet<string>): AnnotateFn {
  return (text) =>
    toCliAnnotations(annotateWithEvidence({ textContent: text }, { unconfident: routes }).annotations);
}

function row(label: string, e: Evaluation, set: SetName): string {
  const run = e.runs.find((r) => r.set === set);
  const t = run?.report.totals;
  if (!t) return `| ${label} | - | - |`;
  const pct = (x: number | null | undefined) => (x == null ? '-' : x.toFixed(3));
  return `| ${label} | ${pct(t.speakerAccuracy)} | ${pct(t.namedSpeakerPrecision)} |`;
}

async function main(): Promise<void> {
  const runs = [
    { set: 'annotations' as const, source: 'extracted' as const },
    { set: 'annotations-news' as const, source: 'extracted' as const },
  ];
  const trainOn = (set: SetName) => (train: TrainingPage[]) =>
    abstainingAnnotator(unconfidentRoutes(train.filter((p) => p.info.set === set)));
  const lines = ['| protocol step | speaker accuracy | named-speaker precision |', '| --- | ---: | ---: |'];
  const none = await evaluateSets(abstainingAnnotator(new Set()), { runs });
  lines.push(
    row('no abstention, dev', none, 'annotations'),
    row('no abstention, news', none, 'annotations-news'),
  );
  // Cross-set: every site is held out, the routes are chosen on the other set only.
  const devToNews = await leaveOneSiteOut(trainOn('annotations'), { runs });
  const newsToDev = await leaveOneSiteOut(trainOn('annotations-news'), { runs });
  lines.push(row('chosen on dev → news', devToNews, 'annotations-news'));
  lines.push(row('chosen on news → dev', newsToDev, 'annotations'));
  const loso = await leaveOneSiteOut((train) => abstainingAnnotator(unconfidentRoutes(train)), { runs });
  lines.push(
    row('leave one site out, dev', loso, 'annotations'),
    row('leave one site out, news', loso, 'annotations-news'),
  );
  console.log(lines.join('\n'));
  if (process.argv.includes('--write')) {
    const all = collectAll(runs);
    const routes = [...unconfidentRoutes(all)].sort();
    writeFileSync(OUT, confidenceModule(routes));
    console.log(`wrote ${OUT}: ${routes.length} unconfident routes`);
  }
}

function collectAll(runs: { set: SetName; source: 'extracted' }[]): TrainingPage[] {
  return runs.flatMap((run) =>
    setPages(run.set, run.source).map((p) => ({ ...p, gold: readGold(run.set, p.info.id) })),
  );
}

function confidenceModule(routes: string[]): string {
  return `// Generated by scripts/annotation-eval/calibrate.ts --write; do not edit by hand.

/**
 * Attribution routes (see \`Attribution.via\`) whose precision on the annotation gold sets fell
 * short of ${THRESHOLD}: a quote attributed this way is marked with "speaker not named" rather
 * than risk a wrong name. The README's protocol section says how they were chosen and scored.
 */
export const UNCONFIDENT_ROUTES: ReadonlySet<string> = new Set(${JSON.stringify(routes)});
`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) await main();
