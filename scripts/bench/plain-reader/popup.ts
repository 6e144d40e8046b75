/**
 * The baseline's popup: inject Readability into the tab (`?tab=<id>`, else the active tab), then
 * show the title, byline and the body through Lede's own sanitizer (lib/sanitize.ts), and mark the
 * frame that shows it the same way Lede does (lib/reader/reader-timing.ts).
 */
import { afterNextPaint } from '../../../lib/reader/reader-timing';
import { sanitizeArticleHtml } from '../../../lib/sanitize';

interface PlainArticle {
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: string | null;
  content: string;
  ran: [number, number];
}

interface ChromeApi {
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(d: { target: { tabId: number }; files: string[] }): Promise<{ result?: unknown }[]>;
  };
}

const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
const app = document.getElementById('app') as HTMLElement;

async function tabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) return Number(param);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function show(article: PlainArticle | null): void {
  if (!article) {
    app.textContent = 'No article found.';
    app.dataset.state = 'empty';
    return;
  }
  const start = performance.now();
  const body = sanitizeArticleHtml(article.content, window, { baseUrl: article.url });
  performance.measure('plain:sanitize', { start, end: performance.now() });
  const h1 = document.createElement('h1');
  h1.textContent = article.title;
  h1.setAttribute('elementtiming', 'article-title');
  const meta = document.createElement('p');
  meta.textContent = [article.byline, article.siteName].filter(Boolean).join(' · ');
  const div = document.createElement('div');
  div.innerHTML = body.html;
  if (article.lang) app.lang = article.lang;
  app.dir = article.dir ?? 'auto';
  app.replaceChildren(h1, meta, div);
  app.dataset.state = 'ready';
}

performance.mark('plain:boot');
const id = await tabId();
if (id !== undefined) {
  performance.mark('plain:extract-start');
  const [injection] = await chrome.scripting.executeScript({ target: { tabId: id }, files: ['inject.js'] });
  performance.mark('plain:extract-end');
  const ran = (injection?.result as PlainArticle | null | undefined)?.ran;
  if (ran) {
    performance.mark('plain:tab-script-start', { startTime: ran[0] - performance.timeOrigin });
    performance.mark('plain:tab-script-end', { startTime: ran[1] - performance.timeOrigin });
  }
  show((injection?.result as PlainArticle | null | undefined) ?? null);
  performance.mark('plain:rendered');
  await afterNextPaint();
  performance.mark('plain:painted');
}
