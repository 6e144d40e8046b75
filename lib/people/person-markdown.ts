import { fileSlug, markdownText } from '../library/markdown-export';
import type { QuoteGroup } from './people-queries';
import type { PersonEntry } from './resolve';

/** A source link: http(s) only, serialized, parentheses escaped; otherwise the title stays text. */
function sourceLink(title: string, url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return title;
    const href = parsed.href.replace(/[\s<>]/g, encodeURIComponent).replace(/[()]/g, '\\$&');
    return `[${title}](${href})`;
  } catch {
    return title;
  }
}

function isoDay(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}

/**
 * A person's (or organization's) quotes as Markdown: one section per article, newest first, with
 * a link to the source, its outlet and date, and each quote as a block quote. Text is escaped
 * (it stays text, never markup); only http(s) sources are links.
 */
export function personMarkdown(entry: PersonEntry, groups: QuoteGroup[], now = new Date()): string {
  const quoted = groups.filter((group) => group.quotes.length > 0);
  const count = quoted.reduce((n, group) => n + group.quotes.length, 0);
  const lines = [
    `# ${markdownText(entry.name)}`,
    '',
    `${count} quote${count === 1 ? '' : 's'} in ${quoted.length} saved article${quoted.length === 1 ? '' : 's'}, exported from Lede on ${isoDay(now.getTime())}.`,
  ];
  for (const group of quoted) {
    const { article } = group;
    const title = markdownText(article.title || article.url);
    const outlet = markdownText(article.siteName || article.site);
    lines.push('', `## ${sourceLink(title, article.url)}`, '', `${outlet} · ${isoDay(group.seen)}`);
    for (const quote of group.quotes) lines.push('', `> “${markdownText(quote.text)}”`);
  }
  return `${lines.join('\n')}\n`;
}

/** The file name of a person's Markdown export: `quotes-<name slug>.md`. */
export function personMarkdownFileName(name: string): string {
  const slug = fileSlug(name, 60);
  return `quotes-${slug || 'person'}.md`;
}
