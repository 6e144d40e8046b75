/**
 * `npx tsx scripts/annotation-eval/errors.ts [OUT.md]` (default /tmp/annotation-errors.md): an
 * error analysis of our annotator on both gold sets, for whoever tunes the rules. Nothing is
 * written to the repo.
 *
 * - Entities: false positives and false negatives (typed, as the scorer counts them) grouped by
 *   likely cause: wrong type (which types are confused), missed (and why it looks missed),
 *   spurious (split referent, wrong span, not a gold entity).
 * - Speakers: every matched quote whose speaker is wrong or missing, with the gold speaker, ours,
 *   the attribution pattern the text shows and the surrounding text; counts by pattern.
 * - Rule lists: which entries of the gazetteers, speech verbs, titles and name keywords are only
 *   backed by a single dev page (they occur in the dev gold / dev text and nowhere in the news set).
 *
 * The matching replicates ../shared/tools/score-annotations.mjs (normalisation, greedy one-to-one
 * matching, token F1 ≥ 0.8 for quotes); the totals are checked against the scorer's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../../lib/annotate/annotate';
import type { Annotations } from '../../lib/annotate/annotations';
import { FIRST_NAMES } from '../../lib/annotate/gazetteer/first-names';
import { ORGANIZATIONS } from '../../lib/annotate/gazetteer/organizations';
import { PLACES } from '../../lib/annotate/gazetteer/places';
import { isSpeechVerb } from '../../lib/annotate/speech-verbs';
import { toCliAnnotations } from '../../lib/annotate/to-cli-annotations';
import { goldDir, type SetName, type TextSource } from '../annotate-corpus';
import { type GoldDoc, readGold, runScorer, type ScoreTotals, setPages } from './evaluate';
import { norm, normEnt, tokenF1 } from './match';

// ---------- the scorer's matching ----------

type Pair = { g: number; p: number; score: number };

function greedy(pairs: Pair[]): { gUsed: Map<number, number>; pUsed: Map<number, number> } {
  pairs.sort((x, y) => y.score - x.score || x.p - y.p || x.g - y.g);
  const gUsed = new Map<number, number>();
  const pUsed = new Map<number, number>();
  for (const { g, p } of pairs) {
    if (gUsed.has(g) || pUsed.has(p)) continue;
    gUsed.set(g, p);
    pUsed.set(p, g);
  }
  return { gUsed, pUsed };
}

function forms(e: { name: string; aliases?: string[] }): Set<string> {
  const set = new Set<string>();
  for (const s of [e.name, ...(e.aliases ?? [])]) {
    const n = normEnt(s);
    if (n) set.add(n);
  }
  return set;
}

type GoldEntity = GoldDoc['entities'][number];
type PredEntity = Annotations['entities'][number];

function matchEntities(gold: GoldEntity[], pred: PredEntity[], typed: boolean) {
  const gf = gold.map(forms);
  const pf = pred.map(forms);
  const pairs: Pair[] = [];
  gold.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      if (typed && g.type.toLowerCase() !== p.type.toLowerCase()) return;
      let overlap = 0;
      for (const f of pf[pi] ?? []) if (gf[gi]?.has(f)) overlap++;
      if (overlap) pairs.push({ g: gi, p: pi, score: overlap });
    });
  });
  return greedy(pairs);
}

// ---------- the analysis of one set ----------

interface EntityError {
  page: string;
  name: string;
  detail: string;
}

interface SpeakerError {
  page: string;
  quote: string;
  gold: string | null;
  ours: string | null;
  kind: 'wrong' | 'missing' | 'unnamed-given-name';
  pattern: string;
  goldNamed: string;
  goldFound: boolean;
  context: string;
}

interface SetAnalysis {
  label: string;
  short: string;
  wrongType: (EntityError & { goldType: string; ourType: string })[];
  missed: Map<string, EntityError[]>;
  spurious: Map<string, EntityError[]>;
  speakers: SpeakerError[];
  quoteMissed: EntityError[];
  quoteSpurious: EntityError[];
  check: string;
}

function pageLabel(set: SetName, id: string, site: string): string {
  return set === 'annotations' ? id : `${site}:${id.slice(0, 8)}`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const wordsOf = (s: string) => normEnt(s).split(' ').filter(Boolean);

/** True when every word of `a` occurs in `b` in order as a contiguous run. */
function containsWords(b: string[], a: string[]): boolean {
  if (!a.length || a.length > b.length) return false;
  for (let i = 0; i + a.length <= b.length; i++) if (a.every((w, j) => b[i + j] === w)) return true;
  return false;
}

function occursIn(text: string, alias: string): boolean {
  const esc = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

async function analyseSet(
  set: SetName,
  source: TextSource,
  label: string,
  short: string,
): Promise<SetAnalysis> {
  const out: SetAnalysis = {
    label,
    short,
    wrongType: [],
    missed: new Map(),
    spurious: new Map(),
    speakers: [],
    quoteMissed: [],
    quoteSpurious: [],
    check: '',
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let spkDen = 0;
  let spkOk = 0;
  for (const { info, text } of setPages(set, source)) {
    const page = pageLabel(set, info.id, info.site);
    const gold = readGold(set, info.id);
    const a = annotate({ textContent: text });
    const ge = gold.entities;
    const pe = a.entities;

    // Entities: typed matching as the scorer counts, untyped to tell wrong types from misses.
    const typed = matchEntities(ge, pe, true);
    const untyped = matchEntities(ge, pe, false);
    const predForms = pe.map(forms);
    ge.forEach((g, gi) => {
      if (g.optional) return;
      if (typed.gUsed.has(gi)) {
        tp++;
        return;
      }
      fn++;
      const pi = untyped.gUsed.get(gi);
      if (pi != null && !typed.pUsed.has(pi)) {
        const p = pe[pi] as PredEntity;
        out.wrongType.push({
          page,
          name: g.name,
          detail: p.name === g.name ? '' : `ours: "${p.name}"`,
          goldType: g.type,
          ourType: p.type,
        });
        return;
      }
      const gf = [...forms(g)];
      const gWords = gf.map((f) => f.split(' '));
      const inText = g.aliases.some((al) => occursIn(text, al));
      const owner = pe.findIndex((_, i) => gf.some((f) => predForms[i]?.has(f)));
      let cause: string;
      let detail = `aliases ${JSON.stringify(g.aliases)}`;
      if (!inText) cause = 'missed: no alias in our text (extraction)';
      else if (owner >= 0) {
        const o = pe[owner] as PredEntity;
        cause =
          o.type !== g.type
            ? 'missed: an alias sits in one of our entities of another type that matched another gold entity'
            : 'missed: merged into one of our entities that matched another gold entity';
        detail += ` → ours "${o.name}" (${o.type}, aliases ${JSON.stringify(o.aliases)})`;
      } else {
        const partial = pe.find((p) =>
          [...forms(p)].some((pf) => {
            const pw = pf.split(' ');
            return gWords.some((gw) => containsWords(pw, gw) || containsWords(gw, pw));
          }),
        );
        if (partial) {
          cause = 'missed: found with a wrong span (longer or shorter name)';
          detail += ` → ours "${partial.name}" (${partial.type})`;
        } else cause = `missed: not found (${g.type})`;
      }
      push(out.missed, cause, { page, name: `${g.name} (${g.type})`, detail });
    });
    const goldForms = ge.map(forms);
    pe.forEach((p, pi) => {
      if (typed.pUsed.has(pi)) return;
      fp++;
      const ui = untyped.pUsed.get(pi);
      if (ui != null && !typed.gUsed.has(ui)) return; // counted under wrong type
      const pf = [...forms(p)];
      const pw = pf.map((f) => f.split(' '));
      const sameRef = ge.findIndex((_, gi) => pf.some((f) => goldForms[gi]?.has(f)));
      let cause: string;
      let detail = `aliases ${JSON.stringify(p.aliases)}`;
      if (sameRef >= 0) {
        const g = ge[sameRef] as GoldEntity;
        cause = g.optional
          ? 'spurious: duplicate of an optional gold entity'
          : 'spurious: split referent (a second entry for a gold entity already matched)';
        detail += ` → gold "${g.name}" (${g.type})`;
      } else {
        const g = ge.find((x) =>
          [...forms(x)].some((f) => {
            const gw = f.split(' ');
            return pw.some((w) => containsWords(w, gw) || containsWords(gw, w));
          }),
        );
        if (g) {
          cause = 'spurious: wrong span of a gold name (longer or shorter)';
          detail += ` → gold "${g.name}" (${g.type})`;
        } else cause = `spurious: not a gold entity (ours ${p.type})`;
      }
      push(out.spurious, cause, { page, name: `${p.name} (${p.type})`, detail });
    });

    // Quotes and speakers.
    const gq = gold.quotes.map((q) => norm(q.text));
    const pq = a.quotes.map((q) => norm(q.text));
    const pairs: Pair[] = [];
    gq.forEach((g, gi) => {
      pq.forEach((p, pi) => {
        const f = tokenF1(g, p);
        if (f >= 0.8) pairs.push({ g: gi, p: pi, score: f });
      });
    });
    const qm = greedy(pairs);
    gold.quotes.forEach((g, gi) => {
      if (g.optional) return;
      const pi = qm.gUsed.get(gi);
      if (pi == null) {
        out.quoteMissed.push({ page, name: clip(g.text, 80), detail: `gold speaker ${g.speaker ?? 'null'}` });
        return;
      }
      const p = a.quotes[pi] as Annotations['quotes'][number];
      const goldEnt = g.speaker == null ? null : (ge.find((e) => e.name === g.speaker) ?? null);
      let ok: boolean;
      if (g.speaker == null) ok = p.speaker == null || norm(p.speaker) === '';
      else {
        const f = goldEnt ? forms(goldEnt) : new Set([normEnt(g.speaker)]);
        ok = p.speaker != null && f.has(normEnt(p.speaker));
        spkDen++;
        if (ok) spkOk++;
      }
      if (ok) return;
      const goldFound = goldEnt
        ? pe.some((e) => [...forms(e)].some((f) => forms(goldEnt).has(f)))
        : g.speaker == null;
      out.speakers.push({
        page,
        quote: clip(g.text, 80),
        gold: g.speaker,
        ours: p.speaker,
        kind: g.speaker == null ? 'unnamed-given-name' : p.speaker == null ? 'missing' : 'wrong',
        pattern: attributionPattern(text, a, pi, g.speaker == null),
        goldNamed: goldEnt ? whereNamed(text, a, pi, goldEnt.aliases) : '-',
        goldFound,
        context: context(text, p.start, p.end),
      });
    });
    a.quotes.forEach((q, pi) => {
      if (qm.pUsed.has(pi)) return;
      out.quoteSpurious.push({ page, name: clip(q.text, 80), detail: `our speaker ${q.speaker ?? 'null'}` });
    });
  }
  const scored = scoreSet(set, source);
  out.check =
    scored.entitiesTyped.tp === tp &&
    scored.entitiesTyped.fp === fp &&
    scored.entitiesTyped.fn === fn &&
    scored.speakerEligible === spkDen &&
    Math.round((scored.speakerAccuracy ?? 0) * spkDen) === spkOk
      ? `matches the scorer (entities typed tp ${tp} / fp ${fp} / fn ${fn}; speaker ${spkOk}/${spkDen})`
      : `DIFFERS from the scorer: here tp ${tp} fp ${fp} fn ${fn} speaker ${spkOk}/${spkDen}; scorer tp ${scored.entitiesTyped.tp} fp ${scored.entitiesTyped.fp} fn ${scored.entitiesTyped.fn} speaker ${Math.round((scored.speakerAccuracy ?? 0) * scored.speakerEligible)}/${scored.speakerEligible}`;
  return out;
}

const scoreCache = new Map<string, ScoreTotals>();

function scoreSet(set: SetName, source: TextSource): ScoreTotals {
  const key = `${set}-${source}`;
  const cached = scoreCache.get(key);
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'lede-annotation-errors-'));
  try {
    for (const { info, text } of setPages(set, source)) {
      writeFileSync(
        join(dir, `${info.id}.json`),
        JSON.stringify(toCliAnnotations(annotate({ textContent: text }))),
      );
    }
    const totals = runScorer(goldDir(set), dir).totals;
    scoreCache.set(key, totals);
    return totals;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** ~150 characters either side of the quote, the quote itself shortened, paragraph breaks as ¶. */
function context(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 151);
  const to = Math.min(text.length, end + 151);
  const inner = text.slice(start, end);
  const shown = inner.length > 90 ? `${inner.slice(0, 45)} […] ${inner.slice(-40)}` : inner;
  const flat = (s: string) => s.replace(/\s*\n\s*\n\s*/g, ' ¶ ').replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, start))}${flat(shown)}${flat(text.slice(end, to))}${to < text.length ? '…' : ''}`;
}

// ---------- attribution patterns ----------

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it']);
const DETS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'one']);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu;

function words(s: string): string[] {
  return [...s.matchAll(WORD)].map((m) => m[0].replace(/[.’']+$/u, ''));
}

const isCap = (w: string | undefined) => !!w && /^\p{Lu}/u.test(w);

/** The paragraph around offset `at`. */
function blockAt(text: string, at: number): { start: number; end: number } {
  const s = text.lastIndexOf('\n\n', at);
  const e = text.indexOf('\n\n', at);
  return { start: s < 0 ? 0 : s + 2, end: e < 0 ? text.length : e };
}

/** `text` with every quotation's inner text replaced by "Q" runs, so only the narration is read. */
function masked(text: string, a: Annotations): string {
  let out = text;
  for (const q of a.quotes) out = out.slice(0, q.start) + 'Q'.repeat(q.end - q.start) + out.slice(q.end);
  return out;
}

type Kind = 'pronoun' | 'description' | 'appositive' | 'name' | 'according' | 'other';

const KIND_LABEL: Record<Kind, string> = {
  pronoun: 'pronoun (he said)',
  description: 'description (the company said)',
  appositive: 'appositive (X, the Y, said)',
  name: 'name (X said / said X)',
  according: 'according to X',
  other: 'other subject',
};

/**
 * The kind of attribution in a piece of narration, if it has a speech verb among its first
 * `within` words: pronoun, description, appositive, name...
 */
function kindOf(narration: string, within = 60): Kind | null {
  if (/\baccording to\b/i.test(narration)) return 'according';
  const ws = words(narration);
  const v = ws.findIndex((w, i) => i < within && isSpeechVerb(w));
  if (v < 0) return null;
  const low = (i: number) => (ws[i] ?? '').toLowerCase();
  if (PRONOUNS.has(low(v - 1)) || PRONOUNS.has(low(v - 2)) || PRONOUNS.has(low(v + 1))) return 'pronoun';
  if (/\p{Lu}[\p{L}’'.-]*,\s+(?:a|an|the|who|his|her|their)\s/u.test(narration)) return 'appositive';
  if (isCap(ws[v - 1]) || isCap(ws[v + 1]) || (/ly$/.test(low(v - 1)) && isCap(ws[v - 2]))) return 'name';
  if ([v - 1, v - 2, v - 3, v - 4, v + 1].some((i) => DETS.has(low(i)))) return 'description';
  return 'other';
}

/** Where the sentence holding offset `open` starts: after ". " in the narration or after a quotation ending in [.!?]. */
function sentenceStart(text: string, m: string, blockStart: number, open: number): number {
  for (let i = open - 2; i > blockStart; i--) {
    const c = m[i] ?? '';
    if (!/\s/.test(m[i + 1] ?? '')) continue;
    if (/[.!?]/.test(c)) return i + 1;
    if (/[”"»]/.test(c) && /[.!?]/.test(text[i - 1] ?? '')) return i + 1;
  }
  return blockStart;
}

/**
 * The attribution pattern the narration around quote `qi` shows (heuristic, for grouping): where
 * the attribution is (after the quote, before it, in the first half of an interrupted quote, in
 * the sentence before, nowhere in the paragraph) and its kind (pronoun, description, appositive,
 * name, according to).
 */
function attributionPattern(text: string, a: Annotations, qi: number, goldNull: boolean): string {
  const q = a.quotes[qi] as Annotations['quotes'][number];
  const prefix = goldNull ? 'gold null (unnamed source), ' : '';
  const m = masked(text, a);
  const b = blockAt(text, q.start);
  let open = q.start - 1;
  while (open > b.start && /\s/.test(text[open] ?? '')) open--;
  // After the closing mark up to the end of the sentence or the next quotation.
  let after = m.slice(Math.min(q.end + 1, b.end), b.end);
  const stop = after.search(/[.!?](?:\s|$)|[“"«„]/u);
  if (stop >= 0) after = after.slice(0, stop);
  const afterKind = kindOf(after, 8);
  if (afterKind) return `${prefix}after the quote: ${KIND_LABEL[afterKind]}`;

  const sStart = sentenceStart(text, m, b.start, open);
  const before = m.slice(sStart, Math.max(sStart, open));
  const lastQ = before.lastIndexOf('Q');
  if (lastQ >= 0) {
    const kind = kindOf(before.slice(lastQ + 1));
    if (kind) return `${prefix}second half of an interrupted quote (“A,” ${KIND_LABEL[kind]}, “B”)`;
  }
  const beforeKind = kindOf(before);
  if (beforeKind) {
    return /:\s*$/.test(before)
      ? `${prefix}colon introduction: ${KIND_LABEL[beforeKind]}`
      : `${prefix}reported speech / partial quote, verb before: ${KIND_LABEL[beforeKind]}`;
  }
  if (!before.trim()) {
    const prev = qi > 0 ? a.quotes[qi - 1] : undefined;
    if (prev && prev.start >= b.start) {
      const kind = kindOf(m.slice(prev.end + 1, sStart));
      return `${prefix}quote sentence following an attributed quote in the paragraph (“A,” ${kind ? KIND_LABEL[kind] : 'no attribution'}. “B.”)`;
    }
    if (open <= b.start) {
      return kindOf(m.slice(b.start, b.end))
        ? `${prefix}quote opens the paragraph, attribution later in it`
        : `${prefix}continuation paragraph / standalone quote (no known speech verb in the paragraph)`;
    }
    return `${prefix}quote opens a sentence mid-paragraph, no known attribution in its sentence`;
  }
  return `${prefix}partial quote in a sentence without a known speech verb (called it “…”, warned of “…”)`;
}

/** Where the gold speaker is last named (an alias, case-sensitive) before the quote, or after it. */
function whereNamed(text: string, a: Annotations, qi: number, aliases: string[]): string {
  const q = a.quotes[qi] as Annotations['quotes'][number];
  const b = blockAt(text, q.start);
  let last = -1;
  let next = -1;
  for (const al of aliases) {
    const esc = al.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu'))) {
      const at = m.index ?? 0;
      if (at >= q.start && at < q.end) continue; // inside the quote itself
      if (at < q.start) last = Math.max(last, at);
      else if (next < 0 || at < next) next = at;
    }
  }
  if (last >= b.start) return 'same paragraph, before';
  if (next >= 0 && next < b.end) return 'same paragraph, after';
  if (last < 0) return next >= 0 ? 'only later paragraphs' : 'never by an alias (only in descriptions)';
  const paras = text.slice(last, b.start).split(/\n\s*\n/).length - 1;
  return paras === 1 ? 'previous paragraph' : `${paras} paragraphs earlier`;
}

// ---------- rule lists backed by one dev page ----------

interface RuleSets {
  devGold: { page: string; gold: GoldDoc }[];
  newsGold: { page: string; gold: GoldDoc }[];
  devText: { page: string; text: string }[];
  newsText: { page: string; text: string }[];
}

function loadRuleSets(): RuleSets {
  const load = (set: SetName, source: TextSource) =>
    setPages(set, source).map(({ info, text }) => ({
      page: pageLabel(set, info.id, info.site),
      text,
      gold: readGold(set, info.id),
    }));
  const dev = load('annotations', 'extracted');
  const news = load('annotations-news', 'gold');
  return {
    devGold: dev.map(({ page, gold }) => ({ page, gold })),
    newsGold: news.map(({ page, gold }) => ({ page, gold })),
    devText: dev.map(({ page, text }) => ({ page, text })),
    newsText: news.map(({ page, text }) => ({ page, text })),
  };
}

/** Pages whose gold has an entity with one of `entryForms` (normalised) as an alias. */
function goldPagesWith(
  docs: { page: string; gold: GoldDoc }[],
  entryForms: Set<string>,
): { page: string; name: string; type: string }[] {
  const out: { page: string; name: string; type: string }[] = [];
  for (const { page, gold } of docs) {
    for (const e of gold.entities) {
      if ([...forms(e)].some((f) => entryForms.has(f))) out.push({ page, name: e.name, type: e.type });
    }
  }
  return out;
}

function textPagesWith(docs: { page: string; text: string }[], word: string): string[] {
  const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'iu');
  return docs.filter((d) => re.test(d.text)).map((d) => d.page);
}

/**
 * The gazetteer entries written by hand (the `const X = '...'` lists of each file, `=` joining the
 * forms of one entry), apart from what the files add from the generated lexicon
 * (gazetteer/lexicon.generated.ts, built from compromise's data, not from our pages).
 */
function gazetteerSection(r: RuleSets): string[] {
  const lines: string[] = [];
  const lists: [string, Map<string, string>][] = [
    ['gazetteer/organizations.ts', ORGANIZATIONS],
    ['gazetteer/places.ts', PLACES],
  ];
  for (const [file, runtime] of lists) {
    const hand = [...wordLists(file).values()].flat().map((g) => g.split('='));
    const handForms = new Set(hand.flat().map((f) => f.toLowerCase()));
    lines.push(`### ${file}: hand-written entries that are dev-gold entities`, '');
    lines.push(
      '| entry (forms) | dev pages (gold type) | news gold pages | news text pages |',
      '|---|---|---|---|',
    );
    let n = 0;
    let onlyOne = 0;
    const seen = new Set<string>();
    for (const forms of hand.sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''))) {
      const key = forms.join('=');
      if (seen.has(key)) continue;
      seen.add(key);
      const nf = new Set(forms.map((f) => normEnt(f)).filter(Boolean));
      const dev = goldPagesWith(r.devGold, nf);
      if (!dev.length) continue;
      n++;
      const news = goldPagesWith(r.newsGold, nf);
      const newsText = new Set(forms.flatMap((f) => textPagesWith(r.newsText, f)));
      const devPages = [...new Set(dev.map((d) => `${d.page} (${d.type})`))];
      const single = new Set(dev.map((d) => d.page)).size === 1 && !news.length;
      if (single) onlyOne++;
      lines.push(
        `| ${single ? '**' : ''}${forms[0]}${single ? '**' : ''}${forms.length > 1 ? ` (${forms.slice(1).join(', ')})` : ''} | ${devPages.join(', ')} | ${new Set(news.map((x) => x.page)).size} | ${newsText.size} |`,
      );
    }
    // Dev-gold entities that only the generated lexicon knows (for scale, not page-tuned).
    const lexiconOnly = new Set<string>();
    for (const { gold } of r.devGold)
      for (const e of gold.entities)
        for (const al of e.aliases) {
          const low = al.toLowerCase();
          if (runtime.has(low) && !handForms.has(low)) lexiconOnly.add(al);
        }
    lines.push(
      '',
      `${n} of ${seen.size} hand-written entries are dev-gold entities; ${onlyOne} of them (bold) on one dev page only and in no news gold. Dev-gold aliases known only from the generated lexicon: ${lexiconOnly.size}${lexiconOnly.size ? ` (${[...lexiconOnly].sort().join(', ')})` : ''}.`,
      '',
    );
  }

  // First names: the hand-written supplement (or whatever hand lists the file has).
  const handNames = new Set(
    [...wordLists('gazetteer/first-names.ts').values()].flat().map((w) => w.toLowerCase()),
  );
  lines.push('### gazetteer/first-names.ts: hand-written names that are first names of dev-gold persons', '');
  lines.push('| first name | dev gold persons | news gold persons with that first name |', '|---|---|---|');
  const firstNames = (docs: { page: string; gold: GoldDoc }[]) => {
    const m = new Map<string, string[]>();
    for (const { page, gold } of docs)
      for (const e of gold.entities) {
        if (e.type !== 'person') continue;
        for (const al of [e.name, ...e.aliases]) {
          const w = al.split(/\s+/);
          if (w.length < 2) continue;
          push(m, (w[0] ?? '').toLowerCase(), `${e.name} [${page}]`);
        }
      }
    return m;
  };
  const devFirst = firstNames(r.devGold);
  const newsFirst = firstNames(r.newsGold);
  let n = 0;
  for (const name of [...handNames].sort()) {
    const dev = devFirst.get(name);
    if (!dev) continue;
    n++;
    const news = newsFirst.get(name);
    lines.push(
      `| ${name} | ${[...new Set(dev)].join('; ')} | ${news ? [...new Set(news)].join('; ') : '-'} |`,
    );
  }
  const lexiconOnly = [...devFirst.keys()].filter((k) => FIRST_NAMES.has(k) && !handNames.has(k)).sort();
  lines.push(
    '',
    `${n} of ${handNames.size} hand-written names are dev-gold first names. Dev-gold first names known only from the generated lexicon: ${lexiconOnly.length} (${lexiconOnly.join(', ')}).`,
    '',
  );
  return lines;
}

/** The `const NAME = '...'` word lists of a source file under lib/annotate (read, never imported). */
function wordLists(file: string): Map<string, string[]> {
  const src = readFileSync(fileURLToPath(new URL(`../../lib/annotate/${file}`, import.meta.url)), 'utf8');
  const out = new Map<string, string[]>();
  for (const m of src.matchAll(/const ([A-Z_]+) =\s*(?:'([^']*)'|"([^"]*)");/g)) {
    out.set(m[1] as string, (m[2] ?? m[3] ?? '').split('|').filter(Boolean));
  }
  return out;
}

function regularForms(stem: string): string[] {
  const base = stem.endsWith('e') ? stem.slice(0, -1) : stem;
  return [stem, `${stem}s`, stem.endsWith('e') ? `${stem}d` : `${stem}ed`, `${base}ing`];
}

function ruleListSection(r: RuleSets): string[] {
  const lines: string[] = [];
  const files: [string, string, (name: string, w: string) => string[]][] = [
    ['speech-verbs.ts', 'speech verb', (name, w) => (name === 'EN_REGULAR' ? regularForms(w) : [w])],
    ['titles.ts', 'title', (_n, w) => [w]],
    ['name-keywords.ts', 'name keyword', (_n, w) => [w]],
  ];
  const devNames = r.devGold.flatMap(({ page, gold }) =>
    gold.entities.map((e) => ({ page, words: wordsOf(e.name), type: e.type })),
  );
  const newsNames = r.newsGold.flatMap(({ page, gold }) =>
    gold.entities.map((e) => ({ page, words: wordsOf(e.name), type: e.type })),
  );
  for (const [file, what, expand] of files) {
    lines.push(`### ${file}`, '');
    const single: string[] = [];
    const none: string[] = [];
    let total = 0;
    for (const [name, list] of wordLists(file)) {
      for (const w of new Set(list)) {
        total++;
        const fs = expand(name, w);
        const dev = new Set(fs.flatMap((f) => textPagesWith(r.devText, f)));
        const news = new Set(fs.flatMap((f) => textPagesWith(r.newsText, f)));
        let extra = '';
        if (file === 'name-keywords.ts') {
          const dn = [...new Set(devNames.filter((n) => n.words.includes(w)).map((n) => n.page))];
          const nn = new Set(newsNames.filter((n) => n.words.includes(w)).map((n) => n.page));
          extra = ` — in dev gold names on ${dn.length} page(s)${dn.length ? ` (${dn.join(', ')})` : ''}, news gold names on ${nn.size}`;
          if (dn.length === 1 && nn.size === 0) single.push(`\`${w}\` (${name}): ${dn[0]}${extra}`);
          else if (!dn.length && !dev.size && !news.size) none.push(w);
          continue;
        }
        if (dev.size === 1 && news.size === 0) single.push(`\`${w}\` (${name}): ${[...dev][0]}`);
        else if (!dev.size && !news.size) none.push(`${w}`);
      }
    }
    lines.push(
      file === 'name-keywords.ts'
        ? `${total} ${what}s. In the names of exactly one dev page's gold entities and in no news gold name (${single.length}):`
        : `${total} ${what}s. In the text of exactly one dev page and of no news page (${single.length}):`,
      '',
      ...single.map((s) => `- ${s}`),
      '',
      `In no page of either set (untested either way, ${none.length}): ${none.join(', ')}`,
      '',
    );
  }
  return lines;
}

// ---------- report ----------

function countBy<T>(xs: T[], key: (x: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function setSection(a: SetAnalysis): string[] {
  const lines: string[] = [`## ${a.label}`, '', `Consistency: ${a.check}.`, ''];
  const missedN = [...a.missed.values()].reduce((s, l) => s + l.length, 0);
  const spuriousN = [...a.spurious.values()].reduce((s, l) => s + l.length, 0);
  lines.push(
    `### (a) Entity errors: ${a.wrongType.length} wrong type (each 1 FP + 1 FN), ${missedN} missed (FN), ${spuriousN} spurious (FP)`,
    '',
  );
  lines.push('#### Wrong type (gold → ours)', '');
  for (const [k, n] of countBy(a.wrongType, (e) => `${e.goldType} → ${e.ourType}`))
    lines.push(`- ${k}: ${n}`);
  lines.push('');
  for (const e of a.wrongType.sort((x, y) =>
    `${x.goldType}${x.ourType}`.localeCompare(`${y.goldType}${y.ourType}`),
  ))
    lines.push(`- ${e.goldType} → ${e.ourType}: **${e.name}** [${e.page}]${e.detail ? ` ${e.detail}` : ''}`);
  lines.push('');
  for (const [title, m] of [
    ['Missed', a.missed],
    ['Spurious', a.spurious],
  ] as const) {
    lines.push(`#### ${title}`, '');
    for (const [cause, list] of [...m].sort((x, y) => y[1].length - x[1].length)) {
      lines.push(`- **${cause}** (${list.length})`);
      for (const e of list) lines.push(`  - ${e.name} [${e.page}] — ${e.detail}`);
    }
    lines.push('');
  }

  lines.push(`### (b) Speaker errors on matched quotes (${a.speakers.length})`, '');
  lines.push(
    'kind: wrong = we named someone else; missing = we gave no speaker; unnamed-given-name = gold null, we named someone. "gold named" = where the gold speaker is last named (an alias) relative to the quote in our text; "found" = the gold speaker is among our entities.',
    '',
  );
  for (const s of a.speakers) {
    lines.push(
      `- [${s.page}] “${s.quote}” — gold: **${s.gold ?? 'null'}** — ours: **${s.ours ?? 'null'}** (${s.kind}; ${s.pattern}; gold named: ${s.goldNamed}; found: ${s.goldFound ? 'yes' : 'NO'})`,
      `  > ${s.context}`,
    );
  }
  lines.push('');
  lines.push('### (c) Speaker errors by pattern', '');
  lines.push('| pattern | wrong | missing | unnamed given a name | total |', '|---|---:|---:|---:|---:|');
  const byPattern = new Map<string, [number, number, number]>();
  for (const s of a.speakers) {
    const base = s.pattern.replace(/^gold null \(unnamed source\), /, '');
    const row = byPattern.get(base) ?? [0, 0, 0];
    row[s.kind === 'wrong' ? 0 : s.kind === 'missing' ? 1 : 2]++;
    byPattern.set(base, row);
  }
  for (const [p, [w, m, u]] of [...byPattern].sort(
    (x, y) => y[1][0] + y[1][1] + y[1][2] - (x[1][0] + x[1][1] + x[1][2]),
  ))
    lines.push(`| ${p} | ${w} | ${m} | ${u} | ${w + m + u} |`);
  lines.push('');
  lines.push('| where the gold speaker is last named | count |', '|---|---:|');
  for (const [k, n] of countBy(a.speakers, (s) => s.goldNamed)) lines.push(`| ${k} | ${n} |`);
  lines.push('');
  lines.push(
    `Gold speaker not among our entities (the attribution could not be right): ${a.speakers.filter((s) => !s.goldFound).length}.`,
    '',
  );
  lines.push(
    `### Quote detection errors: ${a.quoteMissed.length} missed, ${a.quoteSpurious.length} spurious`,
    '',
  );
  for (const q of a.quoteMissed) lines.push(`- missed [${q.page}] “${q.name}” (${q.detail})`);
  for (const q of a.quoteSpurious) lines.push(`- spurious [${q.page}] “${q.name}” (${q.detail})`);
  lines.push('');
  return lines;
}

async function main(): Promise<void> {
  const outPath = process.argv[2] ?? '/tmp/annotation-errors.md';
  const analyses = [
    await analyseSet(
      'annotations',
      'extracted',
      'Dev set (annotations, 16 pages), our extracted text',
      'dev',
    ),
    await analyseSet(
      'annotations-news',
      'gold',
      'News set (annotations-news, 25 pages), ground-truth text (annotator errors only)',
      'news, ground-truth text',
    ),
    await analyseSet(
      'annotations-news',
      'extracted',
      'News set (annotations-news, 25 pages), our extracted text (what the reader sees)',
      'news, extracted',
    ),
  ];
  const r = loadRuleSets();
  const lines = [
    '# Annotation error analysis',
    '',
    `Generated by \`npx tsx scripts/annotation-eval/errors.ts\` on ${new Date().toISOString()}.`,
    'News pages are shown as `site:first 8 hex of the id`. Patterns are heuristic (read from the narration around the quote) and meant for grouping; the context shows the text.',
    '',
    '## Summary: speaker errors by pattern',
    '',
    `| pattern | ${analyses.map((a) => a.short).join(' | ')} |`,
    `|---|${analyses.map(() => '---:').join('|')}|`,
  ];
  const patterns = countBy(
    analyses.flatMap((a) => a.speakers),
    (s) => s.pattern.replace(/^gold null \(unnamed source\), /, ''),
  );
  for (const [p] of patterns)
    lines.push(
      `| ${p} | ${analyses.map((a) => a.speakers.filter((s) => s.pattern.replace(/^gold null \(unnamed source\), /, '') === p).length).join(' | ')} |`,
    );
  lines.push(
    `| **unnamed source given a name (any pattern)** | ${analyses.map((a) => a.speakers.filter((s) => s.kind === 'unnamed-given-name').length).join(' | ')} |`,
    `| **total** | ${analyses.map((a) => a.speakers.length).join(' | ')} |`,
    '',
  );
  // The same errors by the kind of reference the text uses for the speaker, wherever it stands.
  const kindOfPattern = (p: string) => {
    for (const [k, label] of Object.entries(KIND_LABEL)) if (p.includes(label)) return k;
    if (p.includes('no attribution')) return 'none in the narration (follow-on quote)';
    if (p.includes('continuation') || p.includes('opens'))
      return 'none in the sentence (continuation / standalone)';
    return 'none: partial quote without speech verb';
  };
  lines.push('By the kind of reference to the speaker (any position):', '');
  lines.push(
    `| reference | ${analyses.map((a) => a.short).join(' | ')} |`,
    `|---|${analyses.map(() => '---:').join('|')}|`,
  );
  for (const [k] of countBy(
    analyses.flatMap((a) => a.speakers),
    (s) => kindOfPattern(s.pattern),
  ))
    lines.push(
      `| ${k} | ${analyses.map((a) => a.speakers.filter((s) => kindOfPattern(s.pattern) === k).length).join(' | ')} |`,
    );
  lines.push('');
  for (const a of analyses) lines.push(...setSection(a));
  lines.push(
    '## (d) Rule-list entries backed by a single dev page',
    '',
    'Dev gold = ../shared/corpus/annotations/gold; news gold = ../shared/corpus/annotations-news/gold; news text = the ground-truth article bodies. An entry in the dev gold of one page only and nowhere in the news set is the candidate for "added for that page".',
    '',
    ...gazetteerSection(r),
    ...ruleListSection(r),
  );
  writeFileSync(outPath, `${lines.join('\n')}\n`);
  console.log(`wrote ${outPath}`);
}

await main();
