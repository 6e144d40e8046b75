import { crc32 as zlibCrc32 } from 'node:zlib';
import { expect, test } from 'vitest';
import type { StoredArticle } from '@/lib/db/schema';
import { articleToMarkdown, htmlToMarkdown, markdownFileName } from '@/lib/library/markdown-export';
import { safeEntryName, zipFiles } from '@/lib/library/zip-files';

const article = {
  id: '0abc-1',
  title: 'Zelensky: Ukraine will join "NATO"',
  byline: 'Olena Kovalenko',
  siteName: 'The Kyiv Independent',
  site: 'kyivindependent.com',
  publishedTime: '2024-04-29',
  canonicalUrl: 'https://kyivindependent.com/zelensky-nato',
  savedAt: Date.UTC(2024, 4, 1),
  tags: ['war', 'nato: alliance'],
  quotes: [
    { text: 'Ukraine will be in NATO', speaker: 'Jens Stoltenberg', start: 0, end: 10 },
    { text: 'unnamed', speaker: null, start: 20, end: 27 },
  ],
  html: '<h2>Summit</h2><p>First <a href="https://nato.int/">paragraph</a> with <em>emphasis</em>.</p><figure><img src="https://img.example/a.jpg" alt="A photo"><figcaption>Caption here</figcaption></figure><ul><li>one</li><li>two</li></ul>',
} as StoredArticle;

test('an article becomes Markdown with YAML front matter and the quotes list', () => {
  const md = articleToMarkdown(article);
  expect(
    md.startsWith('---\ntitle: "Zelensky: Ukraine will join \\"NATO\\""\nauthor: "Olena Kovalenko"\n'),
  ).toBe(true);
  expect(md).toContain(
    'site: "The Kyiv Independent"\ndate: "2024-04-29"\nurl: "https://kyivindependent.com/zelensky-nato"',
  );
  expect(md).toContain('tags: ["war", "nato: alliance"]');
  expect(md).toContain(
    'quotes:\n  - text: "Ukraine will be in NATO"\n    speaker: "Jens Stoltenberg"\n  - text: "unnamed"\n    speaker: null\n---',
  );
  expect(md).toContain('# Zelensky: Ukraine will join "NATO"\n\n*Olena Kovalenko*');
  expect(md).toContain('## Summit');
  expect(md).toContain('First [paragraph](https://nato.int/) with *emphasis*.');
  expect(md).toContain('![A photo](https://img.example/a.jpg)');
  expect(md).toContain('*Caption here*');
  expect(md).toMatch(/^- {1,3}one$/m);
  expect(markdownFileName(article)).toBe('zelensky-ukraine-will-join-nato.md');
});

/** Markup a Markdown renderer would make live: an unescaped `<` opening a tag or an autolink. */
const LIVE_MARKUP = /(?<!\\)<[a-z!/?]/i;

test('text that reads as markup stays text: titles, bylines and the body are escaped', () => {
  const md = articleToMarkdown({
    ...article,
    title: 'Bad <img src=x onerror=alert(1)> [x](javascript:alert(2))',
    byline: '*Eve* <script>alert(3)</script>',
    html: '<p>&lt;script&gt;alert(4)&lt;/script&gt; &lt;javascript:alert(5)&gt; &amp;lt;b&amp;gt;</p><pre><code>&lt;kept&gt; in code</code></pre>',
  });
  const [, frontMatter, body] = md.split(/^---$/m);
  expect(body.replace(/```[\s\S]*?```/g, '')).not.toMatch(LIVE_MARKUP);
  expect(body).toContain('# Bad \\<img src=x onerror=alert(1)> \\[x\\](javascript:alert(2))');
  expect(body).toContain('*\\*Eve\\* \\<script>alert(3)\\</script>*');
  expect(body).toContain('\\<script>alert(4)\\</script> \\<javascript:alert(5)> \\&lt;b\\&gt;');
  // Code is code: shown literally by any renderer, so not escaped.
  expect(body).toContain('```\n<kept> in code\n```');
  // Front matter values are YAML data, exact.
  expect(frontMatter).toContain('title: "Bad <img src=x onerror=alert(1)> [x](javascript:alert(2))"');
});

test('only http(s), mailto and same-document links stay links', () => {
  const md = htmlToMarkdown(
    '<p><a href="javascript:alert(1)">js</a> <a href=" JaVaScRiPt:alert(1)">js2</a> ' +
      '<a href="data:text/html,<script>alert(1)</script>">data</a> <a href="vbscript:x">vb</a> ' +
      '<a href="file:///etc/passwd">file</a> <a href="relative/page">rel</a> ' +
      '<a href="https://news.example/a_(b)" title="Say &quot;hi&quot;">web</a> ' +
      '<a href="mailto:desk@news.example">mail</a> <a href="#user-content-fn1">1</a></p>',
  );
  expect(md).toBe(
    'js js2 data vb file rel [web](https://news.example/a_\\(b\\) "Say \\"hi\\"") ' +
      '[mail](mailto:desk@news.example) [1](#user-content-fn1)',
  );
});

test('an image cannot break out of its alt text or load a script URL', () => {
  const md = htmlToMarkdown(
    '<p><img src="https://img.example/a.jpg" alt="x](https://e.example) <script>alert(1)</script>">' +
      '<img src="javascript:alert(1)" alt="js"><img src="data:text/html,x" alt="d"></p>',
  );
  expect(md).toBe('![x\\](https://e.example) \\<script>alert(1)\\</script>](https://img.example/a.jpg)');
});

test('front matter stays valid YAML whatever the title holds', () => {
  const md = articleToMarkdown({
    ...article,
    title: 'Line\nbreak\n---\nsneaky: true \u2028 \u0085 \u007f \ud800 end',
    byline: null,
  });
  const frontMatter = md.split(/^---$/m)[1];
  expect(frontMatter.split('\n').filter((line) => line.startsWith('sneaky'))).toEqual([]);
  expect(frontMatter).toContain(
    'title: "Line\\nbreak\\n---\\nsneaky: true \\u2028 \\u0085 \\u007f \ufffd end"',
  );
});

test('a file name is never a path, also when the title has no ASCII and the id comes from a backup', () => {
  expect(markdownFileName({ title: '../../etc/passwd', id: 'x' })).toBe('etc-passwd.md');
  expect(markdownFileName({ title: '東京の記事', id: '../../../evil' })).toBe('evil.md');
  expect(markdownFileName({ title: '東京', id: '..\\..' })).toBe('article.md');
});

/** Reads a stored (uncompressed) zip through its central directory, checking each CRC. */
function readZip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + buf.readUInt16LE(local + 26);
    const data = buf.subarray(start, start + size);
    expect(zlibCrc32(data)).toBe(crc);
    files.set(name, data.toString('utf8'));
    at += 46 + nameLength;
  }
  return files;
}

test('a selection zips into one archive with unique names and valid checksums', async () => {
  const zip = zipFiles([
    { name: 'a.md', text: '# A\n' },
    { name: 'a.md', text: '# Ä second\n' },
  ]);
  const files = readZip(Buffer.from(await zip.arrayBuffer()));
  expect([...files]).toEqual([
    ['a.md', '# A\n'],
    ['a-2.md', '# Ä second\n'],
  ]);
});

test('zip entry names are plain file names: no folder, no "..", no absolute path or drive', async () => {
  expect(safeEntryName('../../.bashrc')).toBe('bashrc');
  expect(safeEntryName('/etc/cron.d/x.md')).toBe('x.md');
  expect(safeEntryName('..\\..\\Startup\\evil.md')).toBe('evil.md');
  expect(safeEntryName('C:evil.md')).toBe('C-evil.md');
  expect(safeEntryName('..')).toBe('file');
  expect(safeEntryName('a\u0000b|c.md')).toBe('a-b-c.md');
  expect(safeEntryName('con.md')).toBe('_con.md');
  const zip = zipFiles([
    { name: '../evil.md', text: 'x' },
    { name: 'evil.md', text: 'y' },
  ]);
  const files = readZip(Buffer.from(await zip.arrayBuffer()));
  expect([...files.keys()]).toEqual(['evil.md', 'evil-2.md']);
});
