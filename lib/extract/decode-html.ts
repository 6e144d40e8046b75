/**
 * Decodes the bytes of an HTML file the way a browser does without HTTP headers: a byte order mark
 * wins, then the charset the page declares (`<meta charset>` or `http-equiv="content-type"`) in its
 * first bytes, else UTF-8. TextDecoder knows every WHATWG label (windows-1251, Shift_JIS, ...).
 */
export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(sniffCharset(bytes)).decode(bytes);
}

/** The WHATWG encoding label for `bytes`. UTF-16 declared in a meta tag means UTF-8, as in the spec. */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // Browsers pre-scan 1024 bytes; real pages often declare later (long <head> comments), so look
  // further. Latin-1 keeps every byte as one char, so ASCII markup reads right whatever the encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (!direct) continue;
    const isHttpEquiv = /http-equiv\s*=\s*["']?content-type/i.test(meta);
    if (!/^<meta[^>]*\scharset\s*=/i.test(meta) && !isHttpEquiv) continue;
    const label = normalizeLabel(direct[1]);
    if (label) return label;
  }
  return 'utf-8';
}

function normalizeLabel(raw: string): string | null {
  try {
    const encoding = new TextDecoder(raw.toLowerCase()).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null; // an unknown label: the caller falls back to UTF-8
  }
}
