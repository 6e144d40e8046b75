import { describe, expect, it } from 'vitest';
import { evaluateSets, ourAnnotator } from '../../../scripts/annotation-eval/evaluate';

// Floors a little under what the annotator reaches on each gold set (README, "Highlights:
// measured"); a drop below one of them is a regression.
const FLOORS = {
  annotations: { entityTypedF1: 0.88, quoteF1: 0.98, speakerAccuracy: 0.89, namedSpeakerPrecision: 0.97 },
  'annotations-news': {
    entityTypedF1: 0.845,
    quoteF1: 0.97,
    speakerAccuracy: 0.89,
    namedSpeakerPrecision: 0.96,
  },
};

describe('annotation gold sets (shared scorer, extracted text)', () => {
  it('keeps entity typed F1, quote F1, speaker accuracy and named-speaker precision above their floors', async () => {
    const evaluation = await evaluateSets(ourAnnotator, {
      runs: [
        { set: 'annotations', source: 'extracted' },
        { set: 'annotations-news', source: 'extracted' },
      ],
    });
    expect(evaluation.runs).toHaveLength(2);
    for (const run of evaluation.runs) {
      const t = run.report.totals;
      const floor = FLOORS[run.set];
      expect
        .soft(t.entitiesTyped.f1, `${run.set} entity typed F1`)
        .toBeGreaterThanOrEqual(floor.entityTypedF1);
      expect.soft(t.quotes.f1, `${run.set} quote F1`).toBeGreaterThanOrEqual(floor.quoteF1);
      expect
        .soft(t.speakerAccuracy ?? 0, `${run.set} speaker accuracy`)
        .toBeGreaterThanOrEqual(floor.speakerAccuracy);
      expect
        .soft(t.namedSpeakerPrecision ?? 0, `${run.set} named-speaker precision`)
        .toBeGreaterThanOrEqual(floor.namedSpeakerPrecision);
    }
  }, 180_000);
});
