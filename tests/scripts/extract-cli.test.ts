import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FIXTURES = join(ROOT, 'tests/fixtures/extract');
const KEYS = [
  'file',
  'ok',
  'url',
  'title',
  'byline',
  'siteName',
  'publishedTime',
  'lang',
  'dir',
  'excerpt',
  'leadImage',
  'contentHtml',
  'textContent',
  'wordCount',
  'readingMinutes',
  'entities',
  'quotes',
];

// Each test starts the CLI in a fresh Node process (tsx compiles it, jsdom loads): seconds, not ms.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;

function extract(...args: string[]) {
  const run = spawnSync(TSX, ['scripts/extract.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-extract-'));
  copyFileSync(join(FIXTURES, 'metadata.html'), join(dir, 'a-metadata.html'));
  writeFileSync(
    join(dir, 'b-newsletter.html.gz'),
    gzipSync(readFileSync(join(FIXTURES, 'newsletter-box.html'))),
  );
  writeFileSync(join(dir, 'c-corrupt.html.gz'), 'this is not gzip');
  writeFileSync(join(dir, 'd-empty.html'), '<html><body></body></html>');
  writeFileSync(join(dir, 'notes.txt'), 'not a page');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a single .html file gives one JSON object with every key, in order', () => {
  const { status, stdout } = extract(join(FIXTURES, 'metadata.html'));
  expect(status).toBe(0);
  const page = JSON.parse(stdout);
  expect(Object.keys(page)).toEqual(KEYS);
  expect(page).toMatchObject({
    file: 'metadata',
    ok: true,
    // No --url: the page's canonical address.
    url: 'https://news.example.com/2024/03/tram-extension',
    title: 'Council backs tram extension',
    byline: 'Jane Doe, John Roe',
    publishedTime: '2024-03-05T09:30:00+01:00',
    entities: [],
    quotes: [],
  });
  expect(page.textContent).toContain('The city council voted on Tuesday');
  expect(page.wordCount).toBeGreaterThan(80);
});

test('a directory gives JSON Lines in name order; bad files fail alone, other files are ignored', () => {
  const { status, stdout } = extract(dir, '--url', 'https://example.org/story');
  expect(status).toBe(0);
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => [l.file, l.ok])).toEqual([
    ['a-metadata', true],
    ['b-newsletter', true],
    ['c-corrupt', false],
    ['d-empty', false],
  ]);
  expect(lines[0].url).toBe('https://example.org/story');
  expect(lines[1].textContent).not.toContain('newsletter');
  expect(lines[2].error).toMatch(/gzip/);
  expect(lines[3].error).toBe('the page is empty');
  expect(Object.keys(lines[2])).toEqual(['file', 'ok', 'error']);
});

test('--format text prints the title and the block text', () => {
  const { status, stdout } = extract(join(FIXTURES, 'newsletter-box.html'), '--format', 'text');
  expect(status).toBe(0);
  expect(stdout.startsWith('Council backs tram extension\n')).toBe(true);
  expect(stdout).toContain('\n\nSupporters said the new line');
});

test('--format markdown renders the article as Markdown', () => {
  const { status, stdout } = extract(join(FIXTURES, 'lazy-images.html'), '--format', 'markdown');
  expect(status).toBe(0);
  expect(stdout.startsWith('# Council backs tram extension\n')).toBe(true);
  // No canonical address in the page: relative images resolve against its file URL.
  expect(stdout).toContain('![A tram](file:///images/tram-1.jpg)');
});

test('an unreadable path exits 2 with a message on stderr', () => {
  const { status, stdout, stderr } = extract(join(dir, 'missing.html'));
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/cannot read .*missing\.html/);
});

test('a bad --format exits 2', () => {
  const { status, stderr } = extract(join(FIXTURES, 'metadata.html'), '--format', 'pdf');
  expect(status).toBe(2);
  expect(stderr).toMatch(/unknown format/);
});
