/**
 * Every bad input gets a clear answer, fast. Each committed fixture goes through the real
 * CLI once (as JSON Lines); the large generated cases go through the library in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractPage } from '../../lib/extract/extract-article';
import { parseHtml } from '../../lib/extract/parse-html';
import { deepNesting, hugeArticle } from '../fixtures/bad-input/generated';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/bad-input');

type CliRecord =
  | { file: string; ok: true; title: string; lang: string | null; dir: string | null; textContent: string }
  | { file: string; ok: false; error: string };

function runCli(): Map<string, CliRecord> {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/extract.ts', FIXTURES], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.error, 'the CLI did not finish in time').toBeUndefined();
  expect(run.status).toBe(0);
  const records = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CliRecord);
  return new Map(records.map((r) => [r.file, r]));
}

const records = runCli();

function article(file: string) {
  const record = records.get(file);
  expect(record, `${file} is in the output`).toBeDefined();
  if (!record?.ok)
    throw new Error(`${file}: expected an article, got "${record?.ok === false && record.error}"`);
  return record;
}

function refusal(file: string): string {
  const record = records.get(file);
  expect(record, `${file} is in the output`).toBeDefined();
  if (record?.ok !== false) throw new Error(`${file}: expected ok:false, got an article "${record?.title}"`);
  return record.error;
}

describe('pages with no prose are refused with a reason a reader understands', () => {
  test.each([
    ['empty', /empty/i],
    ['binary-garbage', /not (a web page|HTML|text)|binary/i],
    ['frameset', /frame/i],
    ['link-farm', /links/i],
    ['image-only', /images/i],
    ['corrupt', /gzip/i],
  ])('%s', (file, reason) => {
    expect(refusal(file)).toMatch(reason);
  });
});

describe('broken but readable pages still yield their article', () => {
  test('malformed markup (unclosed tags, a stray </html>) keeps every paragraph', () => {
    const page = article('malformed');
    expect(page.textContent).toContain('three months later than planned');
    expect(page.textContent).toContain('European Investment Bank');
  });

  test('a page without <body> is parsed as a browser would', () => {
    expect(article('no-body').textContent).toContain('European Investment Bank');
  });

  test('broken JSON-LD falls back to the other metadata', () => {
    const page = article('broken-json-ld') as ReturnType<typeof article> & {
      publishedTime: string;
      siteName: string;
    };
    expect(page.title).toBe('Port Alden ferry terminal delayed until spring');
    expect(page.publishedTime).toBe('2025-03-04T09:30:00Z');
    expect(page.siteName).toBe('Alden Gazette');
  });

  test('windows-1251 declared in http-equiv is decoded', () => {
    const page = article('windows-1251');
    expect(page.title).toBe('Полтава відремонтує старий міст');
    expect(page.textContent).toContain('тимчасовою переправою');
    expect(page.lang).toBe('uk');
  });

  test('Shift_JIS declared in <meta charset> is decoded', () => {
    const page = article('shift-jis');
    expect(page.title).toBe('湾岸の旧倉庫、図書館に生まれ変わる');
    expect(page.textContent).toContain('図書館として再利用する計画');
  });

  test('a right-to-left article keeps its direction', () => {
    const page = article('rtl-arabic');
    expect(page.dir).toBe('rtl');
    expect(page.lang).toBe('ar');
    expect(page.textContent).toContain('مركزا ثقافيا');
  });

  test('an article split across a shadow root is read whole', () => {
    const text = article('shadow-dom').textContent;
    expect(text).toContain('three months later than planned');
    expect(text).toContain('European Investment Bank');
  });

  test('a paywall-truncated article gives the visible text, not the paywall', () => {
    const text = article('paywall-truncated').textContent;
    expect(text).toContain('three months later than planned');
    expect(text).not.toMatch(/free articles|Subscribe/);
  });
});

// The timeouts are hang guards (the reader's own bound is 3 s in the page), not speed measurements.
describe('large inputs give an answer, not a hang or a crash', () => {
  test('a 5 MB article', () => {
    const html = hugeArticle();
    const { article } = extractPage(
      parseHtml(html, 'https://example.test/long'),
      'https://example.test/long',
    );
    expect(article?.textContent).toContain('Critics on the opposition benches');
    expect(article?.wordCount).toBeGreaterThan(500_000);
  }, 60_000);

  test('10,000-deep nesting gets an answer within the CLI time limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-deep-'));
    try {
      writeFileSync(join(dir, 'deep.html'), deepNesting());
      const run = spawnSync(
        join(ROOT, 'node_modules/.bin/tsx'),
        ['scripts/extract.ts', dir, '--timeout', '5'],
        { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.status).toBe(0);
      const record = JSON.parse(run.stdout) as CliRecord;
      // jsdom needs far longer than a browser for this (Blink caps the parser's nesting depth);
      // either way the reader gets a clear answer instead of a hang or a stack overflow.
      if (record.ok) expect(record.textContent).toContain('twenty million euros');
      else expect(record.error).toMatch(/gave up after 5 s|nested too deeply/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
