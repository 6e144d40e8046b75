import type { SynthLike, UtteranceLike } from '@/lib/listen/speech-player';

/** A stand-in utterance: what the player set on it, and its handlers. */
export class FakeUtterance implements UtteranceLike {
  lang = '';
  rate = 1;
  voice: UtteranceLike['voice'] = null;
  onstart: UtteranceLike['onstart'] = null;
  onend: UtteranceLike['onend'] = null;
  onerror: UtteranceLike['onerror'] = null;
  onboundary: UtteranceLike['onboundary'] = null;
  constructor(public text: string) {}
}

/**
 * A stand-in `speechSynthesis` driven by the test: `speak` queues, `cancel` drops the queue (and
 * reports `interrupted` on the one speaking, as Chrome does), and the test fires the events.
 */
export class FakeSynth implements SynthLike {
  queue: FakeUtterance[] = [];
  spoken: FakeUtterance[] = [];
  speak(u: UtteranceLike) {
    this.queue.push(u as FakeUtterance);
    this.spoken.push(u as FakeUtterance);
  }
  cancel() {
    const current = this.queue[0];
    this.queue = [];
    current?.onerror?.({ error: 'interrupted' });
  }
  get current(): FakeUtterance | undefined {
    return this.queue[0];
  }
  start() {
    this.current?.onstart?.({});
  }
  boundary(charIndex: number) {
    this.current?.onboundary?.({ charIndex, name: 'word' });
  }
  /** Ends the utterance speaking (the player queues the next from its `end` handler). */
  end() {
    const u = this.queue.shift();
    u?.onend?.({});
  }
  fail(error: string) {
    const u = this.queue.shift();
    u?.onerror?.({ error });
  }
  /** Speaks everything to the end, firing start and end for each utterance; returns the texts. */
  finish(limit = 1000): string[] {
    const texts: string[] = [];
    for (let i = 0; i < limit && this.current; i++) {
      texts.push(this.current.text);
      this.start();
      this.end();
    }
    return texts;
  }
}
