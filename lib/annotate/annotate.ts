// lib/annotate: quotes, their speakers and named entities, found in an article's text (pure, no DOM).
import type { Article } from '../extract/article';
import type { Annotations } from './annotations';
import { type Attribution, attributeSpeakers } from './attribute-speakers';
import { findEntities } from './find-entities';
import { findQuotes } from './find-quotes';
import { articleLanguage, isSupportedLanguage } from './languages';
import { UNCONFIDENT_ROUTES } from './speaker-confidence';
import { splitBlocks } from './split-blocks';
import { splitSentences } from './split-sentences';

/**
 * Past this many characters only the leading paragraphs are annotated, so a pathological page
 * (a 5 MB "article") costs a bounded time. Real articles, even long reads, stay well under it.
 */
export const MAX_ANNOTATED_CHARS = 300_000;

/** Routes that hand a quote the previous quote's speaker. */
const CONTINUING_ROUTES: ReadonlySet<string> = new Set(['continues', 'standalone-continues']);

/**
 * Finds the direct quotations (with their speakers) and the people, organizations and places of
 * an article. Pure and synchronous: runs in Node and in extension pages.
 */
export function annotate(article: Pick<Article, 'textContent'> & Partial<Article>): Annotations {
  return annotateWithEvidence(article).annotations;
}

/**
 * `annotate`, plus how each quote's speaker was found (for evaluation and tuning). A speaker found
 * by an `unconfident` route is not named: the quote stays, with "speaker not named".
 */
export function annotateWithEvidence(
  article: Pick<Article, 'textContent'> & Partial<Article>,
  { unconfident = UNCONFIDENT_ROUTES }: { unconfident?: ReadonlySet<string> } = {},
): {
  annotations: Annotations;
  attributions: Attribution[];
} {
  const text = annotatedPart(article.textContent);
  const blocks = splitBlocks(text);
  const lang = articleLanguage(text, article.lang);
  const supported = isSupportedLanguage(lang);
  const sentences = blocks.map((b) => splitSentences(text, b.start, b.end));
  const found = supported ? findEntities(text, blocks, sentences) : { entities: [], mentions: [] };
  const spans = findQuotes(text, blocks);
  const speakers = attributeSpeakers(text, blocks, spans, found);
  let withheld: number | null = null;
  const quotes = spans.map((q, i) => {
    const { entity, via } = speakers[i] ?? { entity: null, via: 'none' };
    // A run that continues a speaker we did not trust is not trusted either.
    // An echo is as sure as the quotation it repeats.
    const doubtful =
      unconfident.has(via.replace(/^echo:/, '')) || (CONTINUING_ROUTES.has(via) && entity === withheld);
    withheld = entity != null && doubtful ? entity : null;
    const speaker = entity == null || doubtful ? null : (found.entities[entity]?.name ?? null);
    return { text: q.text, speaker, start: q.start, end: q.end };
  });
  const entities = found.entities.map(({ name, type, aliases, count, mentions }) => ({
    name,
    type,
    aliases,
    count,
    mentions,
  }));
  const annotations = {
    quotes,
    entities,
    ...(text.length < article.textContent.length ? { annotatedChars: text.length } : {}),
    ...(supported ? {} : { unsupportedLanguage: lang ?? 'und' }),
  };
  return { annotations, attributions: speakers };
}

/** The whole text, or its leading whole paragraphs up to MAX_ANNOTATED_CHARS. */
function annotatedPart(text: string): string {
  if (text.length <= MAX_ANNOTATED_CHARS) return text;
  const cut = text.lastIndexOf('\n\n', MAX_ANNOTATED_CHARS);
  return text.slice(0, cut > 0 ? cut : MAX_ANNOTATED_CHARS);
}
