import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '@/lib/extract/decode-html';
import { parseHtml } from '@/lib/extract/parse-html';

export const FIXTURE_URL = 'https://news.example.com/2024/03/tram-extension';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/extract/${name}`, import.meta.url));
}

/** Raw bytes of a fixture in tests/fixtures/extract. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(fixturePath(name));
}

/** A fixture page parsed as a browser would parse it at FIXTURE_URL. */
export function fixtureDoc(name: string, url = FIXTURE_URL): Document {
  return parseHtml(decodeHtml(fixtureBytes(name)), url);
}

/** An inline HTML snippet as a document. */
export function htmlDoc(html: string, url = FIXTURE_URL): Document {
  return parseHtml(html, url);
}

/** Text of the document body, whitespace collapsed: what a test looks for words in. */
export function bodyText(doc: Document): string {
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ');
}
