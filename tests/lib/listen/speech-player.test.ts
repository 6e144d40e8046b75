import { expect, test, vi } from 'vitest';
import { buildSpeechPlan } from '@/lib/listen/speech-plan';
import { type PlayerState, SpeechPlayer } from '@/lib/listen/speech-player';
import { MAX_UTTERANCE_CHARS, sentenceAtChar, splitAtWords, utteranceAt } from '@/lib/listen/utterances';
import { FakeSynth, FakeUtterance } from './fake-synth';

const TEXT = 'First one. Second one here.\n\nThird in two. Fourth.\n\nFifth.';
const plan = buildSpeechPlan(TEXT, null, { lang: 'en', announceSpeakers: true });
const VOICE = { voiceURI: 'v1', name: 'One', lang: 'en-US', default: true, localService: true };

function setup() {
  const synth = new FakeSynth();
  const states: PlayerState[] = [];
  const player = new SpeechPlayer(
    synth,
    (text) => new FakeUtterance(text),
    plan,
    { voice: VOICE, lang: 'en', rate: 1.25 },
    (s) => states.push(s),
  );
  return { synth, player, states };
}

test('without boundary events: one sentence per utterance, the sentence follows each start', () => {
  const { synth, player, states } = setup();
  player.play();
  expect(synth.current?.text).toBe('First one.');
  expect(synth.current?.rate).toBe(1.25);
  expect(synth.current?.voice).toBe(VOICE);
  expect(synth.current?.lang).toBe('en');
  synth.start();
  synth.end();
  expect(player.state).toMatchObject({ status: 'playing', sentence: 1 });
  expect(synth.finish()).toEqual(['Second one here.', 'Third in two.', 'Fourth.', 'Fifth.']);
  expect(player.state).toMatchObject({ status: 'ended', sentence: -1 });
  expect(states.map((s) => s.sentence).filter((s, i, a) => s !== a[i - 1])).toEqual([0, 1, 2, 3, 4, -1]);
});

test('once the engine reports boundaries, a paragraph is one utterance and boundaries move the sentence', () => {
  const { synth, player } = setup();
  player.play();
  synth.start();
  synth.boundary(0);
  synth.end();
  // From now on sentences of a paragraph are grouped.
  expect(synth.current?.text).toBe('Second one here.');
  synth.start();
  synth.end();
  expect(synth.current?.text).toBe('Third in two. Fourth.');
  synth.start();
  expect(player.state.sentence).toBe(2);
  synth.boundary('Third in two. '.length);
  expect(player.state.sentence).toBe(3);
  synth.end();
  expect(synth.current?.text).toBe('Fifth.');
});

test('pause cancels and remembers the sentence; play resumes it; stale events are ignored', () => {
  const { synth, player } = setup();
  player.play();
  synth.start();
  synth.end();
  const second = synth.current as FakeUtterance;
  player.pause();
  expect(player.state).toMatchObject({ status: 'paused', sentence: 1 });
  second.onend?.({}); // the cancelled utterance ends late: nothing moves
  expect(player.state).toMatchObject({ status: 'paused', sentence: 1 });
  player.toggle();
  expect(player.state.status).toBe('playing');
  expect(synth.current?.text).toBe('Second one here.');
});

test('next and previous paragraph, playing and paused', () => {
  const { synth, player } = setup();
  player.play();
  player.skip(1);
  expect(synth.current?.text).toBe('Third in two.');
  player.skip(1);
  expect(player.state.sentence).toBe(4);
  player.skip(1); // past the last paragraph: stays
  expect(player.state.sentence).toBe(4);
  player.skip(-1);
  expect(synth.current?.text).toBe('Third in two.');
  player.pause();
  player.skip(-1);
  expect(player.state).toMatchObject({ status: 'paused', sentence: 0 });
  expect(synth.current).toBeUndefined();
});

test('errors are reported, never a silent stop; not-allowed asks for a press', () => {
  const { synth, player } = setup();
  player.play(2);
  synth.fail('synthesis-failed');
  expect(player.state).toMatchObject({ status: 'error', sentence: 2 });
  expect(player.state.message).toMatch(/synthesis-failed/);
  player.play();
  synth.fail('not-allowed');
  expect(player.state.status).toBe('blocked');
});

test('changing the rate restarts the current sentence with it', () => {
  const { synth, player } = setup();
  player.play(1);
  player.configure({ voice: null, lang: 'en', rate: 2 });
  expect(synth.current).toMatchObject({ text: 'Second one here.', rate: 2 });
});

test('a sentence longer than the utterance limit is cut at words and read through', () => {
  const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
  const longPlan = buildSpeechPlan(`${long}. Short.`, null, { lang: 'en', announceSpeakers: true });
  const synth = new FakeSynth();
  const player = new SpeechPlayer(
    synth,
    (t) => new FakeUtterance(t),
    longPlan,
    { voice: null, lang: 'en', rate: 1 },
    () => {},
  );
  player.play();
  const texts = synth.finish();
  expect(texts.length).toBeGreaterThan(3);
  expect(texts.every((t) => t.length <= MAX_UTTERANCE_CHARS)).toBe(true);
  expect(texts.join(' ')).toBe(`${long}. Short.`);
  expect(player.state.status).toBe('ended');
});

test('splitting prefers punctuation in the second half of the window', () => {
  const pieces = splitAtWords('aaaa bbbb cccc, dddd eeee ffff gggg', 20);
  expect(pieces).toEqual(['aaaa bbbb cccc,', 'dddd eeee ffff gggg']);
});

test('an announcement is spoken before its sentence, in the same utterance', () => {
  const text = '“We will win,” Jens Stoltenberg said. Next.';
  const p = buildSpeechPlan(
    text,
    { quotes: [{ start: 1, end: 13, text: 'We will win,', speaker: 'Jens Stoltenberg' }], entities: [] },
    { lang: 'en', announceSpeakers: true },
  );
  const u = utteranceAt(p, { sentence: 0, piece: 0 }, true);
  expect(u?.text).toBe('Stoltenberg said: “We will win,” Jens Stoltenberg said. Next.');
  expect(u && sentenceAtChar(u, u.text.indexOf('Next'))).toBe(1);
  expect(u && sentenceAtChar(u, 3)).toBe(0);
});

test('an engine that starts and never ends is reported, not left hanging', () => {
  vi.useFakeTimers();
  try {
    const { synth, player } = setup();
    player.play();
    synth.start();
    vi.advanceTimersByTime(5_000);
    expect(player.state.status).toBe('playing');
    synth.boundary(3); // progress restarts the wait
    vi.advanceTimersByTime(9_000);
    expect(player.state.status).toBe('playing');
    vi.advanceTimersByTime(10_000);
    expect(player.state).toMatchObject({ status: 'error', sentence: 0 });
    expect(player.state.message).toMatch(/stopped answering/);
    expect(synth.current).toBeUndefined();
    // An engine that ends in time never trips it.
    player.play();
    synth.finish();
    vi.advanceTimersByTime(60_000);
    expect(player.state.status).toBe('ended');
  } finally {
    vi.useRealTimers();
  }
});
