/**
 * Cheap necessary conditions checked before a costly regular expression. The extractor is injected
 * fresh into every page it reads, so each pattern it runs is compiled there for the first time;
 * most lines of an article cannot match most patterns (a sentence starting "The minister…" is no
 * "Read more:" label), and a plain string test that rules a line out spares that compilation and
 * the run. A prefilter may let through lines the pattern then rejects, never the other way round.
 */

/**
 * `text` in lower case for prefix tests against case-insensitive patterns: `toLowerCase`, plus the
 * long s (ſ), which such patterns (with the `u` flag) match as "s" and `toLowerCase` keeps.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

/** True when `lower` starts with one of `prefixes` (lower case). */
export function startsWithAny(lower: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (lower.startsWith(p)) return true;
  return false;
}

/** True when `lower` contains one of `parts` (lower case). */
export function includesAny(lower: string, parts: readonly string[]): boolean {
  for (const p of parts) if (lower.includes(p)) return true;
  return false;
}

/** True when `text` has an ASCII digit (what `\d` matches). */
export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
