import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gunzipSync } from 'node:zlib';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  origin: string;
  /** Every path requested so far, in order, e.g. `/images/a.jpg`. */
  requests: string[];
  /** Serves `html` at `path` (overwrites an earlier route). */
  page(path: string, html: string): string;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A loopback HTTP server for fixture pages. Unknown `/images/*` paths get a real PNG. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    if (path.startsWith('/images/')) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      return res.end(solidPng(64, 40));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    page(path, html) {
      routes.set(path, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
      });
      return origin + path;
    },
    route(path, handler) {
      routes.set(path, handler);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The seed page from ../shared (read at run time, never copied into the repo). */
export function seedHtml(): string {
  return readFileSync(new URL('../../../../shared/corpus/seed/zelensky-nato.html', import.meta.url), 'utf8');
}

/** The saved pages of the dev extraction corpus (121 pages) in ../shared. */
export const EXTRACTION_PAGES = new URL('../../../../shared/corpus/extraction/pages/', import.meta.url);
/** The 25 news pages with gold quotes and names (the same bytes as their extraction-corpus copies). */
export const NEWS_PAGES = new URL('../../../../shared/corpus/annotations-news/pages/', import.meta.url);

/**
 * Serves the saved corpus page `<pages>/<id>.html.gz` at `/<id>/`, scripts blocked by CSP (the
 * corpus was captured without JavaScript), and returns its URL.
 */
export function serveCorpusPage(server: FixtureServer, pages: URL, id: string): string {
  const html = gunzipSync(readFileSync(new URL(`${id}.html.gz`, pages)));
  server.route(`/${id}/`, (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'",
    });
    res.end(html);
  });
  return `${server.origin}/${id}/`;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid RGB PNG of one colour, so image requests return something a browser decodes. */
export function solidPng(
  width: number,
  height: number,
  rgb: [number, number, number] = [70, 110, 160],
): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
