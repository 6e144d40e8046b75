/**
 * What an image download really is, read from its first bytes (a server's Content-Type is not
 * trusted). Only raster formats a browser decodes in an <img> are kept for offline reading; SVG
 * (a document that can carry scripts and links) and anything else are refused.
 */

export type RasterType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'image/avif'
  | 'image/bmp'
  | 'image/x-icon';

/** Bytes enough to recognise every type below (an AVIF `ftyp` box lists its brands in ~32). */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** ISO-BMFF `ftyp` box whose major or a compatible brand is AVIF (`avif` still, `avis` sequence). */
function isAvif(bytes: Uint8Array): boolean {
  if (!ascii(bytes, 4, 'ftyp')) return false;
  const size = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const end = Math.min(size || bytes.length, bytes.length);
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) {
    // Major brand at 8, minor version at 12, compatible brands from 16.
    if (ascii(bytes, at, 'avif') || ascii(bytes, at, 'avis')) return true;
  }
  return false;
}

/** The raster type `bytes` (the start of a file) are, or null when they are none of them. */
export function sniffImageType(bytes: Uint8Array): RasterType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (isAvif(bytes)) return 'image/avif';
  if (ascii(bytes, 0, 'BM') && bytes.length >= 14) return 'image/bmp';
  // ICO: reserved 0, type 1, at least one image.
  if (startsWith(bytes, [0, 0, 1, 0]) && bytes.length >= 6 && (bytes[4] | bytes[5]) !== 0)
    return 'image/x-icon';
  return null;
}

/** Why bytes that are not a raster image were refused, for the "not saved" report. */
export function notAnImageReason(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, SNIFF_BYTES))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg') || head.startsWith('<?xml') || head.includes('<svg'))
    return 'SVG images are not saved';
  if (head.startsWith('<')) return 'not an image (the server sent a web page)';
  if (bytes.length === 0) return 'not an image (empty)';
  return 'not an image (unknown format)';
}
