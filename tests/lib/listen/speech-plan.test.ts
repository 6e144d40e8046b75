import { expect, test } from 'vitest';
import type { Annotations } from '@/lib/annotate/annotations';
import { announcedName, announcementText, speakerAnnouncements } from '@/lib/listen/speaker-announcements';
import { buildSpeechPlan, paragraphStep, sentenceAt } from '@/lib/listen/speech-plan';
import { speechSentences } from '@/lib/listen/speech-sentences';

const said = (text: string) => speechSentences(text).map((s) => text.slice(s.start, s.end));

test('sentences keep abbreviations, initials, decimals and times whole', () => {
  expect(said('Mr. Smith met Dr. Jones in the U.S. capital. Prices rose 3.5 percent.')).toEqual([
    'Mr. Smith met Dr. Jones in the U.S. capital.',
    'Prices rose 3.5 percent.',
  ]);
  expect(said('The vote is at 6 p.m. Monday in Washington. It may slip.')).toEqual([
    'The vote is at 6 p.m. Monday in Washington.',
    'It may slip.',
  ]);
  expect(said('Growth was 2.75% in Q3. That beat forecasts of 2.1.')).toEqual([
    'Growth was 2.75% in Q3.',
    'That beat forecasts of 2.1.',
  ]);
});

test('a closing quote ends a sentence with it; a quote followed by its attribution does not split', () => {
  expect(said('“We are ready.” The minister left. “Are you?” he asked.')).toEqual([
    '“We are ready.”',
    'The minister left.',
    '“Are you?” he asked.',
  ]);
});

test('sentences are numbered by paragraph, blank lines separate paragraphs', () => {
  const text = 'One. Two.\n\nThree.\n\n\n\nFour? Five!';
  expect(speechSentences(text).map((s) => s.paragraph)).toEqual([0, 0, 1, 2, 2]);
});

const TEXT =
  'NATO chief Jens Stoltenberg said on Monday: “We stand with Ukraine.”\n\n' +
  '“It is vital work,” he added. “We will not stop.”\n\n' +
  '“Nobody knows,” a resident said.\n\n' +
  '“The war will end,” Zelensky told reporters.';

function quote(text: string, speaker: string | null, from = 0) {
  const start = TEXT.indexOf(text, from);
  return { start, end: start + text.length, text, speaker };
}

const ANNOTATIONS: Pick<Annotations, 'quotes' | 'entities'> = {
  quotes: [
    quote('We stand with Ukraine.', 'Jens Stoltenberg'),
    quote('It is vital work,', 'Jens Stoltenberg'),
    quote('We will not stop.', 'Jens Stoltenberg'),
    quote('Nobody knows,', null),
    quote('The war will end,', 'Volodymyr Zelensky'),
  ],
  entities: [
    { name: 'Jens Stoltenberg', type: 'person', aliases: [], count: 2, mentions: [] },
    { name: 'Volodymyr Zelensky', type: 'person', aliases: [], count: 1, mentions: [] },
    { name: 'NATO', type: 'organization', aliases: [], count: 1, mentions: [] },
  ],
};

test('speakers are announced by surname before a confident quote, once per run, not when already named', () => {
  const sentences = speechSentences(TEXT);
  const announced = speakerAnnouncements(TEXT, sentences, ANNOTATIONS, 'en');
  const byText = [...announced].map(([i, words]) => [
    TEXT.slice(sentences[i].start, sentences[i].end),
    words,
  ]);
  // The first quote's sentence names Stoltenberg already; the run goes on in paragraph 2; the
  // resident is not named (speaker null: the annotator was not confident), so nothing is said.
  expect(byText).toEqual([['“The war will end,” Zelensky told reporters.', 'Zelensky said:']]);
});

test('a quote opening a paragraph with its speaker after it is announced', () => {
  const text = '“We will win,” Jens Stoltenberg said.';
  const annotations = {
    quotes: [{ start: 1, end: 13, text: 'We will win,', speaker: 'Jens Stoltenberg' }],
    entities: [],
  };
  const plan = buildSpeechPlan(text, annotations, { lang: 'en', announceSpeakers: true });
  expect(plan.sentences[0].announcement).toBe('Stoltenberg said:');
  expect(
    buildSpeechPlan(text, annotations, { lang: 'en', announceSpeakers: false }).sentences[0].announcement,
  ).toBe(null);
  expect(
    buildSpeechPlan(text, annotations, { lang: 'fr', announceSpeakers: true }).sentences[0].announcement,
  ).toBe('Stoltenberg a dit :');
});

test('announced names: persons by surname, organizations and places whole', () => {
  expect(announcedName('Martin Luther King Jr.', { entities: [] })).toBe('King');
  const entities = [
    { name: 'European Union', type: 'organization' as const, aliases: [], count: 1, mentions: [] },
  ];
  expect(announcedName('European Union', { entities })).toBe('European Union');
  expect(announcementText('Smith', 'es-MX')).toBe('Smith dijo:');
  expect(announcementText('Smith', 'de')).toBe('Smith said:');
});

test('paragraph steps and offsets', () => {
  const plan = buildSpeechPlan(TEXT, null, { lang: 'en', announceSpeakers: true });
  expect(plan.paragraphStarts).toEqual([0, 1, 3, 4]);
  expect(paragraphStep(plan, 2, 1)).toBe(3);
  expect(paragraphStep(plan, 2, -1)).toBe(0);
  expect(paragraphStep(plan, 0, -1)).toBe(0);
  expect(paragraphStep(plan, 4, 1)).toBe(-1);
  expect(sentenceAt(plan, TEXT.indexOf('We will not'))).toBe(2);
  expect(plan.sentences.every((s) => !s.text.includes('\n'))).toBe(true);
});
