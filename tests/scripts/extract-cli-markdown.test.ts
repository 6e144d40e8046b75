import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

/**
 * `--format markdown` prints Markdown that stays text: the CLI uses the library's converter
 * (lib/library/markdown-export), so a page's `&lt;script&gt;` text and its title do not come out as
 * live tags, and `javascript:` links lose their link.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lede-cli-md-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PARAGRAPH =
  'The council met on Tuesday and agreed the budget for the coming year after a long debate about the ferry service, the library and the harbour wall, which residents had asked about for years.';

test('a hostile page prints as Markdown text: no live tag, no script link', { timeout: 60_000 }, () => {
  const page = join(dir, 'hostile.html');
  writeFileSync(
    page,
    `<!doctype html><html lang="en"><head><title>Budget &lt;img src=x onerror=alert(1)&gt; agreed</title></head><body><article>
<h1>Budget &lt;img src=x onerror=alert(1)&gt; agreed</h1>
<p>${PARAGRAPH} &lt;script&gt;alert(1)&lt;/script&gt; <a href="javascript:alert(2)">Read the plan</a>.</p>
<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH} <a href="https://news.example/plan">The plan</a>.</p>
</article></body></html>`,
  );
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/extract.ts', page, '--format', 'markdown'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(run.status).toBe(0);
  const md = run.stdout;
  expect(md).toContain('\\<script>alert(1)\\</script>');
  expect(md).toMatch(/^# Budget \\<img src=x onerror=alert\(1\)> agreed$/m);
  expect(md).not.toMatch(/(?<!\\)<(?:script|img)/);
  expect(md).not.toContain('javascript:');
  expect(md).toContain('Read the plan');
  expect(md).toContain('[The plan](https://news.example/plan)');
});
