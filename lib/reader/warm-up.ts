/**
 * What a reader page does while the tab extracts (it has nothing else to do then): the code the
 * article's first frame runs (the sanitizer, the date format) runs once on a small sample, so the
 * real article does not pay for compiling it cold. Nothing of it is kept or shown, and the sample
 * loads nothing: no images or media, and it is parsed in the sanitizer's inert document.
 */
import { formatPublished } from '../format-date';
import { sanitizeArticleHtml } from '../sanitize';

/** A small article body with the markup bodies usually have (and some they should not). */
export const WARM_UP_HTML = `<div id="story" class="body"><h2>A heading</h2>
<p>The council <strong>agreed</strong> the <em>budget</em> on Tuesday, <a href="/news/budget" class="x">after a debate</a>
about the <a href="https://example.com/ferry">ferry</a> and the <a href="#note">harbour wall</a>.</p>
<blockquote><p>“We have done what we could,” she said.</p></blockquote>
<figure><figcaption>A caption <span>with a credit</span></figcaption></figure>
<ul><li>One point</li><li>Another <code>point</code></li></ul>
<aside><p style="color:red" onclick="x()">A box</p></aside><script>x()</script>
<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table><h3>More</h3><p>The end.</p></div>`;

/** Runs the first frame's costliest code once on the sample (see above); returns the sanitized sample. */
export function warmUpReader(win: Window & typeof globalThis = window): string {
  formatPublished('2024-04-30T10:00:00Z');
  formatPublished('2024-04-30');
  return sanitizeArticleHtml(WARM_UP_HTML, win, { baseUrl: 'https://example.com/news/story' }).html;
}

/** `warmUpReader` in a task of its own, after the one running now (the page's first render). */
export function warmUpSoon(): void {
  setTimeout(() => {
    try {
      warmUpReader();
    } catch {
      // Only a head start: the real article runs the same code and reports its own errors.
    }
  }, 0);
}
