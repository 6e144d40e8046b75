import { expect, test } from 'vitest';
import { chooseVoice, voicesFor } from '@/lib/listen/choose-voice';
import { handoffOf, handoffParams, parseHandoff, resolveHandoff } from '@/lib/listen/handoff';
import { normalizeListenSettings } from '@/lib/listen/listen-settings';
import { buildSpeechPlan } from '@/lib/listen/speech-plan';

const v = (voiceURI: string, lang: string, extra: { default?: boolean; localService?: boolean } = {}) => ({
  voiceURI,
  name: voiceURI,
  lang,
  default: extra.default ?? false,
  localService: extra.localService ?? true,
});
const VOICES = [
  v('us', 'en-US', { default: true }),
  v('gb', 'en-GB'),
  v('fr', 'fr-FR'),
  v('fr-net', 'fr-CA', { localService: false }),
];

test('the voice follows the article language: exact region, then the language', () => {
  expect(chooseVoice(VOICES, 'en-GB')).toMatchObject({
    voice: { voiceURI: 'gb' },
    reason: 'language',
    note: null,
  });
  expect(chooseVoice(VOICES, 'en')?.voice.voiceURI).toBe('us');
  expect(chooseVoice(VOICES, 'fr')?.voice.voiceURI).toBe('fr');
  expect(chooseVoice(VOICES, 'fr-CA')?.voice.voiceURI).toBe('fr-net');
});

test('the kept voice wins only for its own language', () => {
  expect(chooseVoice(VOICES, 'fr', 'fr-net')).toMatchObject({
    voice: { voiceURI: 'fr-net' },
    reason: 'preferred',
  });
  expect(chooseVoice(VOICES, 'en', 'fr-net')?.voice.voiceURI).toBe('us');
  expect(chooseVoice(VOICES, 'en', 'uninstalled')?.voice.voiceURI).toBe('us');
});

test('no voice for the language: the default voice, with a note; no voices at all: null', () => {
  const choice = chooseVoice(VOICES, 'cs');
  expect(choice).toMatchObject({ voice: { voiceURI: 'us' }, reason: 'fallback' });
  expect(choice?.note).toBe('No Czech voice is installed: reading with us (en-US).');
  expect(chooseVoice([], 'en')).toBeNull();
  expect(chooseVoice(VOICES, null)).toMatchObject({ voice: { voiceURI: 'us' }, note: null });
});

test('voices offered: those of the article language; all (default first, capped) when none speaks it', () => {
  expect(voicesFor(VOICES, 'fr').map((x) => x.voiceURI)).toEqual(['fr', 'fr-net']);
  expect(voicesFor(VOICES, 'cs').map((x) => x.voiceURI)).toEqual(['us', 'gb', 'fr', 'fr-net']);
  expect(voicesFor(VOICES, 'fr', VOICES[0]).map((x) => x.voiceURI)).toEqual(['us', 'fr', 'fr-net']);
  const many = Array.from({ length: 5000 }, (_, i) => v(`v${i}`, 'af'));
  expect(voicesFor(many, 'en')).toHaveLength(300);
});

test('listen settings are normalized', () => {
  expect(normalizeListenSettings(undefined)).toEqual({ rate: 1, voices: {}, announceSpeakers: true });
  expect(
    normalizeListenSettings({ rate: 9, voices: { en: 'x', 'bad key': 'y', fr: 3 }, announceSpeakers: false }),
  ).toEqual({
    rate: 2,
    voices: { en: 'x' },
    announceSpeakers: false,
  });
});

test('the handoff survives the URL and finds its sentence by offset, or by words if offsets moved', () => {
  const plan = buildSpeechPlan('One here. Two there.\n\nThree is last.', null, {
    lang: 'en',
    announceSpeakers: true,
  });
  const handoff = handoffOf(plan, 2);
  const query = new URLSearchParams(handoffParams(handoff)).toString();
  expect(parseHandoff(`?tab=3&${query}`)).toEqual(handoff);
  expect(resolveHandoff(plan, handoff)).toBe(2);
  const shifted = buildSpeechPlan('Intro. One here. Two there.\n\nThree is last.', null, {
    lang: 'en',
    announceSpeakers: true,
  });
  expect(resolveHandoff(shifted, handoff)).toBe(3);
  expect(parseHandoff('?tab=3')).toBeNull();
  expect(parseHandoff('?listen-at=-4')).toBeNull();
});
