import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/annotate';
import { toCliAnnotations } from '../../../lib/annotate/to-cli-annotations';
import { corpusDir, corpusPages, pageText } from '../../../scripts/annotate-corpus';
import { score } from '../../../scripts/bench/annotation';

// Floors a little under what the annotator reaches on the dev set (0.880 / 0.984 / 0.919 at the
// time of writing); a drop below them is a regression.
const FLOORS = { entityTypedF1: 0.84, quoteF1: 0.97, speakerAccuracy: 0.89 };

describe('annotation dev set (16 pages, shared scorer)', () => {
  it('keeps entity typed F1, quote F1 and speaker accuracy above their floors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-annotate-'));
    for (const page of corpusPages()) {
      const out = toCliAnnotations(annotate({ textContent: pageText(page) }));
      writeFileSync(join(dir, `${page.id}.json`), JSON.stringify(out));
    }
    const t = score(join(corpusDir, 'gold'), dir);
    expect(t.entitiesTyped.f1).toBeGreaterThanOrEqual(FLOORS.entityTypedF1);
    expect(t.quotes.f1).toBeGreaterThanOrEqual(FLOORS.quoteF1);
    expect(t.speakerAccuracy ?? 0).toBeGreaterThanOrEqual(FLOORS.speakerAccuracy);
  }, 120_000);
});
