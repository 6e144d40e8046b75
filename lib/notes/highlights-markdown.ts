import type { LedeDB } from '../db/schema';
import { markdownText } from '../library/markdown-export';
import { articleHighlights } from './highlights-db';
import type { StoredHighlight } from './stored-highlight';

/** A note's lines as Markdown text, each escaped (a note is text, never markup). */
function noteMarkdown(note: string): string {
  return note
    .split(/\n+/)
    .map((line) => markdownText(line))
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The reader's highlights of one article as a Markdown section, in text order: each highlight a
 * blockquote (paragraph breaks kept), its note beneath as plain text; those no longer found in
 * the article are marked so. '' when there are none.
 */
export function highlightsToMarkdown(highlights: readonly StoredHighlight[]): string {
  if (!highlights.length) return '';
  const sorted = [...highlights].sort((a, b) => a.orphaned - b.orphaned || a.start - b.start);
  const parts = sorted.map((h) => {
    const quote = h.exact
      .split(/\n{2,}/)
      .map((paragraph) => `> ${markdownText(paragraph)}`)
      .join('\n>\n');
    const orphan = h.orphaned ? '\n\n*(Not found in the article’s current text.)*' : '';
    const note = h.note.trim() ? `\n\n${noteMarkdown(h.note)}` : '';
    return `${quote}${orphan}${note}`;
  });
  return `## Highlights\n\n${parts.join('\n\n')}\n`;
}

/** An article's Markdown (`markdown`) with its highlights section appended, if it has highlights. */
export async function withHighlightsMarkdown(
  db: LedeDB,
  articleId: string,
  markdown: string,
): Promise<string> {
  const section = highlightsToMarkdown(await articleHighlights(db, articleId));
  return section ? `${markdown.trimEnd()}\n\n${section}` : markdown;
}
