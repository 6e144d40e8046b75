/**
 * The one safety check of sanitized HTML, shared by the sanitizer's tests and the property tests:
 * everything an extension page must never hold, one finding per string (empty means safe).
 */

/** Elements that run code, load documents or styles, submit, or hide markup from the check. */
const FORBIDDEN_ELEMENTS =
  'script,style,iframe,frame,object,embed,form,input,button,select,textarea,base,meta,link,svg,math,noscript,template';

/** Attributes a browser follows as URLs (`title="javascript:…"` is harmless text). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'data',
  'ping',
  'longdesc',
]);

/** Attributes that make the page request something as soon as it renders, on the elements they do. */
const LOADING_ATTRIBUTES = new Set(['src', 'srcset', 'poster']);
const LOADING_ELEMENTS = new Set(['img', 'source', 'video', 'audio', 'track', 'input']);

/**
 * What is unsafe in `doc`'s body. With `site`, every URL the page would load at once must be on
 * that site (or a `data:image/`): images from elsewhere are the reader's to hold back.
 */
export function unsafeMarkup(doc: Document, options: { site?: string } = {}): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`<${el.localName}>`);
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${name} on <${el.localName}>`);
      if (name === 'style' || name === 'ping' || name === 'background') found.push(`${name}=`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      // Browsers ignore whitespace and control characters inside a URL scheme; so must the check.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly those characters are stripped.
      const squashed = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (/^(?:javascript|vbscript|chrome|file):/.test(squashed) || squashed.startsWith('data:text'))
        found.push(`${name}=${attr.value}`);
      // A data: document a click would open (an href on anything but a link does nothing).
      else if (navigates(el.localName, name) && squashed.startsWith('data:')) found.push(`${name}=data:`);
      if (options.site && LOADING_ATTRIBUTES.has(name) && LOADING_ELEMENTS.has(el.localName)) {
        for (const url of loadedUrls(name, attr.value)) {
          const host = hostOf(url);
          if (host === null) found.push(`${name} is not an absolute URL: ${url}`);
          else if (host !== '' && host !== options.site && !host.endsWith(`.${options.site}`))
            found.push(`${name} loads ${host}`);
        }
      }
    }
  }
  return found;
}

/** Whether following this attribute opens a document: a link's href, a form's action. */
function navigates(element: string, attribute: string): boolean {
  if (attribute === 'href') return element === 'a' || element === 'area';
  return attribute === 'action' || attribute === 'formaction';
}

/** The URLs of a `src`/`poster` value, or of each `srcset` candidate ("url 2x, url 480w"). */
function loadedUrls(name: string, value: string): string[] {
  if (name !== 'srcset') return value.trim() ? [value.trim()] : [];
  return srcsetUrls(value);
}

/**
 * Every URL of a srcset as the HTML standard reads it, written apart from lib/html/srcset on
 * purpose: a URL runs to whitespace (commas inside it are its own), trailing commas end it, and
 * descriptors run to the next comma outside parentheses. Descriptors are not checked: whatever a
 * browser might fetch counts, even from a candidate it would reject.
 */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  const space = /[\t\n\f\r ]/;
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (space.test(value[i]) || value[i] === ',')) i++;
    const start = i;
    while (i < value.length && !space.test(value[i])) i++;
    let end = i;
    while (end > start && value[end - 1] === ',') end--;
    if (end > start) urls.push(value.slice(start, end));
    if (end < i) continue;
    let depth = 0;
    for (; i < value.length; i++) {
      if (value[i] === '(') depth = 1;
      else if (value[i] === ')') depth = 0;
      else if (value[i] === ',' && depth === 0) break;
    }
  }
  return urls;
}

/** The host a URL loads from; '' for an inline `data:image/`; null when it is not absolute. */
function hostOf(url: string): string | null {
  if (/^data:image\//i.test(url)) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
