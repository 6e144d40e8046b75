import { expect, test } from 'vitest';
import { notAnImageReason, sniffImageType } from '@/lib/library/sniff-image';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

test('the raster formats a reader shows are recognised by their signature', () => {
  expect(sniffImageType(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]))).toBe('image/png');
  expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xdb, 0, 0]))).toBe('image/jpeg');
  expect(sniffImageType(bytes('GIF87a', [1, 0]))).toBe('image/gif');
  expect(sniffImageType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
  // AVIF: the brand may be the major one or only a compatible one (after `mif1`).
  expect(sniffImageType(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'))).toBe('image/avif');
  expect(sniffImageType(bytes([0, 0, 0, 0x20], 'ftypmif1', [0, 0, 0, 0], 'mif1miafavisMA1B'))).toBe(
    'image/avif',
  );
  expect(sniffImageType(bytes('BM', [0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]))).toBe('image/bmp');
  expect(sniffImageType(bytes([0, 0, 1, 0, 1, 0, 16, 16]))).toBe('image/x-icon');
});

test('anything else is refused, with a reason', () => {
  // HEIC is an ftyp box too, but not one browsers show.
  expect(sniffImageType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBeNull();
  expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
  expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  expect(sniffImageType(bytes([0, 0, 1, 0, 0, 0]))).toBeNull();
  expect(sniffImageType(bytes([]))).toBeNull();
  expect(notAnImageReason(bytes('\uFEFF  <?xml version="1.0"?><svg/>'))).toBe('SVG images are not saved');
  expect(notAnImageReason(bytes('<!DOCTYPE html><title>404</title>'))).toBe(
    'not an image (the server sent a web page)',
  );
  expect(notAnImageReason(bytes('%PDF-1.7'))).toBe('not an image (unknown format)');
  expect(notAnImageReason(bytes([]))).toBe('not an image (empty)');
});
