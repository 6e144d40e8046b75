// lib/html: HTML text read as browsers read it, where it must be read before parsing — start tags, srcset.
/**
 * Renames `on…` attributes and `<base>` start tags before the HTML is parsed at all. Not a
 * sanitizer (DOMPurify removes both anyway): Chrome reports a CSP violation for every inline
 * handler it merely parses in an extension page (DOMParser, <template>, createHTMLDocument alike),
 * and for every `<base href>` (the pages' CSP has `base-uri 'none'`), even in an inert document;
 * a reader page should log nothing of the sort. So this cannot work on parsed nodes: it is the
 * tokenizer's part of the HTML standard instead (tags, attributes, quotes, comments, raw-text
 * elements), one pass per reading, each character looked at a bounded number of times: no regular
 * expression over the HTML, so no input can make it backtrack.
 *
 * Which elements hold raw text depends on the tree (`<style>` is raw text in HTML, markup inside
 * `<svg>`), which a tokenizer does not build. So the HTML is read twice, once with raw-text
 * elements and once without (CDATA sections as in SVG), and what either reading finds as a start
 * tag is defused. Defusing one too many only changes text that is never shown as markup (no
 * attribute the reader keeps starts with "on"; `<base>` is never kept).
 */

/** Put before a handler's name: `data-defused-onclick`, an attribute the sanitizer drops. */
const DEFUSED_ATTRIBUTE = 'data-defused-';
/** Put before `base`: `<lede-defused-base>`, an unknown element the sanitizer drops. */
const DEFUSED_ELEMENT = 'lede-defused-';
/** Elements whose content the HTML tokenizer reads as text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);

/** Work done, for tests: characters looked at, over both readings. */
export interface ScanStats {
  steps: number;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
const isAlpha = (c: string | undefined) => !!c && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

class Scanner {
  i = 0;
  /** What to insert where: before handler attribute names and `base` tag names. */
  readonly insertions: [number, string][] = [];

  constructor(
    readonly html: string,
    readonly stats: ScanStats,
    /** Whether `<script>`, `<style>`… hold raw text (HTML) or markup (as inside SVG and MathML). */
    readonly rawText: boolean,
  ) {}

  get done(): boolean {
    return this.i >= this.html.length;
  }

  /** Moves to the next occurrence of `c` (or the end); returns whether it was found. */
  skipTo(c: string): boolean {
    const { html } = this;
    while (this.i < html.length && html[this.i] !== c) {
      this.i++;
      this.stats.steps++;
    }
    return this.i < html.length;
  }

  skipSpace(): void {
    while (this.i < this.html.length && isSpace(this.html[this.i])) {
      this.i++;
      this.stats.steps++;
    }
  }

  /** Past the first `end` (or to the end of the input). */
  skipPast(end: string): void {
    const { html } = this;
    while (this.i < html.length && !html.startsWith(end, this.i)) {
      this.i++;
      this.stats.steps++;
    }
    this.i += end.length;
  }

  run(): [number, string][] {
    const { html } = this;
    while (this.skipTo('<')) {
      const next = html[this.i + 1];
      if (isAlpha(next)) {
        const at = ++this.i;
        const name = this.tag(false);
        if (name === 'base') this.insertions.push([at, DEFUSED_ELEMENT]);
        if (name === 'plaintext' && this.rawText) break;
        if (name && this.rawText && RAW_TEXT.has(name)) this.skipRawText(name);
      } else if (next === '/') {
        this.i += 2;
        if (isAlpha(html[this.i])) this.tag(true);
        else this.skipPast('>');
      } else if (next === '!') {
        this.i += 2;
        if (html.startsWith('--', this.i)) this.comment();
        else if (!this.rawText && html.startsWith('[CDATA[', this.i)) this.skipPast(']]>');
        else this.skipPast('>'); // doctype or bogus comment
      } else if (next === '?') this.skipPast('>');
      else this.i++;
      this.stats.steps++;
    }
    return this.insertions;
  }

  /** From after `<!`: `<!-->`, `<!--->`, else up to `-->` or `--!>`. */
  comment(): void {
    const { html } = this;
    this.i += 2;
    if (html[this.i] === '>') {
      this.i += 1;
      return;
    }
    if (html.startsWith('->', this.i)) {
      this.i += 2;
      return;
    }
    while (this.i < html.length) {
      const end = html.startsWith('-->', this.i) ? 3 : html.startsWith('--!>', this.i) ? 4 : 0;
      if (end) {
        this.i += end;
        return;
      }
      this.i++;
      this.stats.steps++;
    }
  }

  /** Up to the end tag of a raw-text element (`</name` then whitespace, `/` or `>`). */
  skipRawText(name: string): void {
    const { html } = this;
    while (this.skipTo('<')) {
      const after = this.i + 2 + name.length;
      if (
        html[this.i + 1] === '/' &&
        html.slice(this.i + 2, after).toLowerCase() === name &&
        (after >= html.length || isSpace(html[after]) || html[after] === '/' || html[after] === '>')
      )
        return;
      this.i++;
      this.stats.steps++;
    }
  }

  /**
   * A tag from its name on; records handler attributes of a start tag. Returns the tag name, or
   * null when the input ends inside the tag (the parser then drops it).
   */
  tag(isEnd: boolean): string | null {
    const { html } = this;
    const start = this.i;
    while (this.i < html.length && !isSpace(html[this.i]) && html[this.i] !== '/' && html[this.i] !== '>') {
      this.i++;
      this.stats.steps++;
    }
    const name = html.slice(start, this.i).toLowerCase();
    for (;;) {
      this.skipSpace();
      if (this.done) return null;
      const c = html[this.i];
      if (c === '>') {
        this.i++;
        return name;
      }
      if (c === '/') {
        this.i++;
        continue;
      }
      if (!this.attribute(isEnd)) return null;
    }
  }

  /** One attribute, name and value; returns false when the input ends inside it. */
  attribute(isEnd: boolean): boolean {
    const { html } = this;
    const start = this.i;
    this.i++; // the first character is the name's, even "="
    while (
      this.i < html.length &&
      !isSpace(html[this.i]) &&
      html[this.i] !== '/' &&
      html[this.i] !== '>' &&
      html[this.i] !== '='
    ) {
      this.i++;
      this.stats.steps++;
    }
    if (
      !isEnd &&
      (html[start] === 'o' || html[start] === 'O') &&
      (html[start + 1] ?? '').toLowerCase() === 'n'
    )
      this.insertions.push([start, DEFUSED_ATTRIBUTE]);
    this.skipSpace();
    if (html[this.i] !== '=') return !this.done;
    this.i++;
    this.skipSpace();
    const quote = html[this.i];
    if (quote === '"' || quote === "'") {
      this.i++;
      if (!this.skipTo(quote)) return false;
      this.i++;
      return true;
    }
    while (this.i < html.length && !isSpace(html[this.i]) && html[this.i] !== '>') {
      this.i++;
      this.stats.steps++;
    }
    return !this.done;
  }
}

/**
 * `html` with every start-tag attribute named `on…` renamed `data-defused-on…`, and every `<base>`
 * start tag renamed `<lede-defused-base>`.
 */
export function defuseMarkup(html: string, stats: ScanStats = { steps: 0 }): string {
  const found = new Map([...new Scanner(html, stats, true).run(), ...new Scanner(html, stats, false).run()]);
  if (found.size === 0) return html;
  const parts: string[] = [];
  let last = 0;
  for (const at of [...found.keys()].sort((a, b) => a - b)) {
    parts.push(html.slice(last, at), found.get(at) as string);
    last = at;
  }
  parts.push(html.slice(last));
  return parts.join('');
}
