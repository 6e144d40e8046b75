import { crc32 as zlibCrc32 } from 'node:zlib';
import { expect, test } from 'vitest';
import type { StoredArticle } from '@/lib/db/schema';
import { articleToMarkdown, markdownFileName } from '@/lib/library/markdown-export';
import { zipFiles } from '@/lib/library/zip-files';

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
