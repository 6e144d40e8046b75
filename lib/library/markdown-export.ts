import TurndownService from 'turndown';
import type { StoredArticle } from '../db/schema';

let service: TurndownService | undefined;

function turndown(): TurndownService {
  if (!service) {
    service = new TurndownService({
      headingStyle: 'atx',
      codeBlockStyle: 'fenced',
      bulletListMarker: '-',
      emDelimiter: '*',
    });
    // Figures keep their image and caption; the caption becomes an italic line under the image.
    service.addRule('figcaption', {
      filter: 'figcaption',
      replacement: (content) => (content.trim() ? `\n\n*${content.trim()}*\n\n` : ''),
    });
  }
  return service;
}

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars, so no escaping is hand-rolled. */
function yaml(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

/** YAML front matter with the article's metadata, tags and quotes (with speakers). */
function frontMatter(article: StoredArticle): string {
  const lines = [
    '---',
    `title: ${yaml(article.title)}`,
    `author: ${yaml(article.byline)}`,
    `site: ${yaml(article.siteName ?? article.site)}`,
    `date: ${yaml(article.publishedTime)}`,
    `url: ${yaml(article.canonicalUrl)}`,
    `saved: ${yaml(new Date(article.savedAt).toISOString())}`,
    `tags: [${article.tags.map(yaml).join(', ')}]`,
  ];
  if (article.quotes.length === 0) lines.push('quotes: []');
  else {
    lines.push('quotes:');
    for (const quote of article.quotes) {
      lines.push(`  - text: ${yaml(quote.text)}`, `    speaker: ${yaml(quote.speaker)}`);
    }
  }
  lines.push('---');
  return lines.join('\n');
}

/** One article as Markdown: front matter, title, byline, then the body converted by turndown. */
export function articleToMarkdown(article: StoredArticle): string {
  const heading = `# ${article.title.replace(/\s+/g, ' ').trim()}`;
  const byline = article.byline ? `\n\n*${article.byline}*` : '';
  const body = turndown().turndown(article.html);
  return `${frontMatter(article)}\n\n${heading}${byline}\n\n${body}\n`;
}

/** A file name for an article's Markdown: its title, slugged, ASCII only. */
export function markdownFileName(article: Pick<StoredArticle, 'title' | 'id'>): string {
  const slug = article.title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || article.id}.md`;
}
