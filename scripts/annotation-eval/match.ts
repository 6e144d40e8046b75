/**
 * The shared scorer's text normalisation and quote matching (../shared/tools/score-annotations.mjs),
 * for scripts that need to know which gold quote or entity a prediction would be matched to.
 */

export function norm(s: string | null | undefined): string {
  if (s == null) return '';
  return String(s)
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normEnt(s: string | null | undefined): string {
  if (s == null) return '';
  return norm(
    String(s)
      .normalize('NFKC')
      .replace(/['’]s\b/gu, ''),
  );
}

export function tokenF1(a: string, b: string): number {
  const ta = a.split(' ').filter(Boolean);
  const tb = b.split(' ').filter(Boolean);
  if (!ta.length || !tb.length) return 0;
  const cnt = new Map<string, number>();
  for (const t of ta) cnt.set(t, (cnt.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const c = cnt.get(t) ?? 0;
    if (c > 0) {
      common++;
      cnt.set(t, c - 1);
    }
  }
  if (!common) return 0;
  const p = common / tb.length;
  const r = common / ta.length;
  return (2 * p * r) / (p + r);
}
