/**
 * How the CLI prints a page: JSON (one object per line, or indented for a single page), or text and
 * Markdown for people, which never carry a page's control characters to the terminal. Used by the
 * workers (extract-file.ts) and, for pages a worker gave up on, by the CLI itself (extract.ts).
 */
import type { Article } from '../lib/extract/article';
import { markdownText } from '../lib/library/markdown-export';
import type { PageRecord } from '../lib/pipeline/page-record';

export type Format = 'json' | 'markdown' | 'text';

/** What the CLI asks of a worker: one page, printed in `format`. */
export interface PageJob {
  path: string;
  url?: string;
  format: Format;
  /** Single-page JSON is indented; directory mode prints one object per line. */
  pretty: boolean;
  /** Text and Markdown in directory mode start with a `==> name <==` header. */
  withName: boolean;
}

/** What a worker hands back: the page's output (without the final newline) and whether it had an article. */
export interface PageOutput {
  ok: boolean;
  text: string;
}

export function formatRecord(
  record: PageRecord,
  article: Article | null,
  job: Omit<PageJob, 'path' | 'url'>,
  /** Article HTML → Markdown; only needed for `markdown` with an article. */
  toMarkdown?: (html: string) => string,
): string {
  if (job.format === 'json') return jsonText(record, job.pretty);
  return terminalSafe(render(record, article, job.format, job.withName, toMarkdown));
}

/** JSON escapes C0 controls itself; DEL and the C1 controls (8-bit CSI, OSC…) are escaped here too. */
function jsonText(record: PageRecord, pretty: boolean): string {
  return JSON.stringify(record, null, pretty ? 2 : undefined).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Text for a terminal: control characters other than newline and tab are dropped, so a page
 * cannot write escape sequences (OSC 52 clipboard writes, screen clears, cursor moves) to it.
 */
export function terminalSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function render(
  record: PageRecord,
  article: Article | null,
  format: 'markdown' | 'text',
  withName: boolean,
  toMarkdown?: (html: string) => string,
): string {
  const header = withName ? `==> ${record.file} <==\n` : '';
  if (!record.ok || !article) return `${header}[no article: ${record.ok ? 'unknown' : record.error}]\n`;
  const meta = [article.byline, article.siteName, article.publishedTime].filter(Boolean).join(' · ');
  if (format === 'text')
    return `${header}${article.title}\n${meta ? `${meta}\n` : ''}\n${article.textContent}\n`;
  const body = toMarkdown ? toMarkdown(article.contentHtml) : article.contentHtml;
  // Title and byline are text: escaped, so `<script>` in a title stays text in the Markdown.
  return `${header}# ${markdownText(article.title)}\n\n${meta ? `*${markdownText(meta)}*\n\n` : ''}${body}\n`;
}
