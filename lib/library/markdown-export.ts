import TurndownService from 'turndown';
import type { StoredArticle } from '../db/schema';

/**
 * Markdown that stays text. Markdown passes raw HTML and `<…>` autolinks through, and turndown
 * escapes neither `<` nor entities, so article text `&lt;script&gt;` (a `<script>` as text) would
 * come out as a live `<script>` tag. Text is escaped, and only http(s) and mailto links (and
 * same-document `#` links) stay links; images keep http(s), file (the CLI's saved pages) and
 * inline raster `data:` sources.
 */

let service: TurndownService | undefined;

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:', 'file:']);
const RASTER_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif)[;,]/i;

/** turndown's escaping plus what it leaves live: `<` (tags, autolinks) and `&` before an entity. */
function escapeMore(text: string): string {
  return text.replace(/</g, '\\<').replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
}

/** A URL as a link destination: absolute and serialized (no spaces or `<>` left), parentheses escaped. */
function destination(url: URL): string {
  return url.href.replace(/[\s<>]/g, encodeURIComponent).replace(/[()]/g, '\\$&');
}

/** An attribute (link or image title) as a Markdown title, or ''. */
function titlePart(value: string | null): string {
  const title = value?.replace(/\s+/g, ' ').trim();
  // A title is an attribute value, never markup: only its quote and backslash need escaping.
  return title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : '';
}

function absolute(value: string | null): URL | null {
  try {
    return value ? new URL(value.trim()) : null;
  } catch {
    return null;
  }
}

function linkReplacement(content: string, node: HTMLElement): string {
  const href = node.getAttribute('href')?.trim() ?? '';
  if (/^#[^\s<>()]*$/.test(href)) return `[${content}](${href})`;
  const url = absolute(href);
  // Any other scheme (javascript:, data:, file:…) or a relative URL: the text, without the link.
  if (!url || !LINK_SCHEMES.has(url.protocol)) return content;
  return `[${content}](${destination(url)}${titlePart(node.getAttribute('title'))})`;
}

function imageReplacement(_content: string, node: HTMLElement): string {
  const src = node.getAttribute('src')?.trim() ?? '';
  const alt = markdownText(node.getAttribute('alt') ?? '');
  const title = titlePart(node.getAttribute('title'));
  if (RASTER_DATA_IMAGE.test(src) && !/[\s()<>]/.test(src)) return `![${alt}](${src}${title})`;
  const url = absolute(src);
  if (!url || !IMAGE_SCHEMES.has(url.protocol)) return '';
  return `![${alt}](${destination(url)}${title})`;
}

function turndown(): TurndownService {
  if (!service) {
    const created = new TurndownService({
      headingStyle: 'atx',
      codeBlockStyle: 'fenced',
      bulletListMarker: '-',
      emDelimiter: '*',
    });
    const turndownEscape = created.escape.bind(created);
    created.escape = (text: string) => escapeMore(turndownEscape(text));
    // Added rules win over turndown's own `inlineLink` and `image`.
    created.addRule('safeLink', {
      filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
      replacement: (content, node) => linkReplacement(content, node as HTMLElement),
    });
    created.addRule('safeImage', {
      filter: 'img',
      replacement: (content, node) => imageReplacement(content, node as HTMLElement),
    });
    // Figures keep their image and caption; the caption becomes an italic line under the image.
    created.addRule('figcaption', {
      filter: 'figcaption',
      replacement: (content) => (content.trim() ? `\n\n*${content.trim()}*\n\n` : ''),
    });
    service = created;
  }
  return service;
}

/** A line of plain text (a title, a byline) as Markdown that shows exactly that text. */
export function markdownText(text: string): string {
  return turndown().escape(text.replace(/\s+/g, ' ').trim());
}

/** Article HTML as Markdown, with text escaped and only safe links (shared with the CLI). */
export function htmlToMarkdown(html: string): string {
  return turndown().turndown(html);
}

/** Characters YAML does not allow raw in a scalar (or reads as line breaks), besides JSON's. */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A YAML double-quoted scalar: JSON strings are valid YAML double-quoted scalars, once the
 * characters YAML forbids or breaks lines at (DEL, C1 controls, U+2028/9, BOM, lone surrogates)
 * are escaped too. The value stays data: never markup, never a second key or a `---`.
 */
function yaml(value: string | null): string {
  if (value === null) return 'null';
  return JSON.stringify(value.replace(LONE_SURROGATE, '\ufffd')).replace(
    YAML_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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
  const heading = `# ${markdownText(article.title)}`;
  const byline = article.byline ? `\n\n*${markdownText(article.byline)}*` : '';
  const body = htmlToMarkdown(article.html);
  return `${frontMatter(article)}\n\n${heading}${byline}\n\n${body}\n`;
}

/** `text` as a file-name slug: accents dropped, ASCII letters and digits joined by "-", at most `max` long. */
export function fileSlug(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

/** A file name for an article's Markdown: its title, slugged, ASCII only (the id when none is left). */
export function markdownFileName(article: Pick<StoredArticle, 'title' | 'id'>): string {
  const slug = (text: string) => fileSlug(text, 80);
  // The id comes from the library or a restored backup: slugged as well, never a path.
  return `${slug(article.title) || slug(article.id) || 'article'}.md`;
}
