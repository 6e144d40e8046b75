import { describe, expect, it } from 'vitest';
import { annotate, annotateWithEvidence } from '../../../lib/annotate/annotate';
import { UNCONFIDENT_ROUTES } from '../../../lib/annotate/speaker-confidence';

const speakers = (text: string) => annotate({ textContent: text }).quotes.map((q) => [q.text, q.speaker]);

describe('speaker attribution', () => {
  it('reads "X said" and "said X"', () => {
    expect(speakers('“We are ready,” Maria Lopez said.')).toEqual([['We are ready,', 'Maria Lopez']]);
    expect(speakers('“We are ready,” said Maria Lopez.')).toEqual([['We are ready,', 'Maria Lopez']]);
  });

  it('skips an appositive: "X, the minister, said"', () => {
    expect(speakers('Anna Berg, the finance minister of Sweden, said: “Taxes will fall.”')).toEqual([
      ['Taxes will fall.', 'Anna Berg'],
    ]);
  });

  it('reads "according to X" and "X told reporters"', () => {
    expect(speakers('The talks were “very productive,” according to Peter Novak.')).toEqual([
      ['very productive,', 'Peter Novak'],
    ]);
    expect(speakers('Peter Novak told reporters the talks were “very productive.”')).toEqual([
      ['very productive.', 'Peter Novak'],
    ]);
  });

  it('resolves a pronoun to the last person named', () => {
    const text = 'Secretary-General Jens Stoltenberg visited Kyiv on Monday.\n\n“We will help,” he said.';
    expect(speakers(text)).toEqual([['We will help,', 'Jens Stoltenberg']]);
  });

  it('never resolves a pronoun to a person named after it in its own sentence', () => {
    const text =
      'Tom Baker, 55, was charged on Monday.\n\nHe was arrested in April after a call to the office of Maria Lopez.\n\nDuring the call, he called Lopez a “traitor.”';
    expect(speakers(text)).toEqual([['traitor.', 'Tom Baker']]);
  });

  it('resolves a pronoun only to a person named before it, not to the one it acts on', () => {
    const text =
      'Tom Baker, 55, was charged on Monday.\n\nHe was arrested in April after a call to the office of Ilka Lopez.\n\nDuring the call, he called Lopez a “traitor” and said, “somebody ought to stop her.”';
    expect(speakers(text)).toEqual([
      ['traitor', 'Tom Baker'],
      ['somebody ought to stop her.', 'Tom Baker'],
    ]);
  });

  it('prefers the subject of the previous paragraph to a possessive named after it', () => {
    const text =
      'Jack Reed, who represents some of Anna Berg’s former employees, said he was pleased.\n\n“Nothing here is a coincidence,” he said.';
    expect(speakers(text)).toEqual([['Nothing here is a coincidence,', 'Jack Reed']]);
  });

  it('names nobody rather than the previous speaker when an unnamed organization speaks', () => {
    const text =
      '“We are shocked,” said Tom Baker.\n\n“Nothing was agreed,” the production company said in a statement.';
    expect(speakers(text)).toEqual([
      ['We are shocked,', 'Tom Baker'],
      ['Nothing was agreed,', null],
    ]);
  });

  it('does not continue a run from a speaker it did not trust', () => {
    const text = 'Anna Berg looked at the field.\n\n“The rain came late.”\n\n“And then it did not stop.”';
    const { annotations, attributions } = annotateWithEvidence({ textContent: text });
    expect(UNCONFIDENT_ROUTES.has(attributions[0]?.via ?? '')).toBe(true);
    expect(attributions[1]?.via).toMatch(/continues/);
    expect(annotations.quotes.map((q) => q.speaker)).toEqual([null, null]);
  });

  it('never takes the listener of a colon introduction for the speaker', () => {
    const text = 'Tom Baker left the party early.\n\nHe instead told the BBC: “I had to go.”';
    expect(speakers(text)).toEqual([['I had to go.', 'Tom Baker']]);
  });

  it('does not take a name inside "of the X" before the verb for the subject', () => {
    expect(speakers('Jane Doe of the Acme Institute said the plan was “a disaster.”')).toEqual([
      ['a disaster.', 'Jane Doe'],
    ]);
    expect(
      speakers('The authors of a study in the journal Acme Medicine argued the plan was “a disaster.”'),
    ).toEqual([['a disaster.', null]]);
  });

  it('gives a quotation paragraph to the person whose words the paragraph before reports', () => {
    const text =
      'Anna Berg met Tom Baker on Monday. Berg said the decision was unlawful and would be challenged.\n\n“We will see them in court.”';
    expect(speakers(text)).toEqual([['We will see them in court.', 'Anna Berg']]);
  });

  it('skips a long appositive between the name and the verb', () => {
    const text =
      'Anna Berg, an expert in water policy at the Department of Earth Sciences at the University of Lund who did not take part in the study, told reporters: “The numbers are sound.”';
    expect(speakers(text)).toEqual([['The numbers are sound.', 'Anna Berg']]);
  });

  it('resolves a title description to the person introduced with that title', () => {
    const text =
      'President Volodymyr Zelensky met NATO Secretary-General Jens Stoltenberg in Kyiv.\n\nThe secretary-general said there is “a lot of work ahead.”';
    expect(speakers(text)).toEqual([['a lot of work ahead.', 'Jens Stoltenberg']]);
  });

  it('gives a continuation paragraph to the previous speaker', () => {
    const text = '“The first part,” said John Carter.\n\n“And a second paragraph of the same statement.”';
    expect(speakers(text).map((s) => s[1])).toEqual(['John Carter', 'John Carter']);
  });

  it('gives both halves of an interrupted quote to the same speaker', () => {
    expect(speakers('“Yes,” Laura Kim said, “we agree.”').map((s) => s[1])).toEqual([
      'Laura Kim',
      'Laura Kim',
    ]);
  });

  it('gives a participle ("saying") the subject of its clause, or the antecedent of "which"', () => {
    const found = (text: string) => {
      const { annotations, attributions } = annotateWithEvidence(
        { textContent: text },
        { unconfident: new Set() },
      );
      return [annotations.quotes[0]?.speaker, attributions[0]?.via];
    };
    expect(found('David Emery retweeted the story, saying, “Are there calm supporters?”')).toEqual([
      'David Emery',
      'participle',
    ]);
    const text =
      'The Obama administration criticised the Likud party, which tried to rally support by saying that voters were “coming out in droves.”';
    expect(found(text)[0]).toBe('Likud');
  });

  it('does not name a speaker found by a route too unreliable to show', () => {
    const text =
      'The mayor met Jane Doe at the harbour on Monday.\n\n“We will rebuild the pier before winter.”';
    const { annotations, attributions } = annotateWithEvidence({ textContent: text });
    expect(UNCONFIDENT_ROUTES.has('standalone:last-mention')).toBe(true);
    expect(attributions[0]).toEqual({ entity: expect.any(Number), via: 'standalone:last-mention' });
    expect(annotations.quotes[0]?.speaker).toBeNull();
    expect(annotations.quotes[0]?.text).toBe('We will rebuild the pier before winter.');
  });

  it('takes a participle’s subject, but not a name in a phrase that sets the scene', () => {
    expect(speakers('Tom Baker shared the story, saying, “Are there calm supporters?”')).toEqual([
      ['Are there calm supporters?', 'Tom Baker'],
    ]);
    const { attributions } = annotateWithEvidence(
      {
        textContent:
          'On one Acme Social page a poster shared the photo, writing that it was “rude, tacky and wrong.”',
      },
      { unconfident: new Set() },
    );
    expect(attributions[0]?.via).not.toBe('participle');
  });

  it('gives a quotation that repeats another one’s words that one’s speaker', () => {
    const text =
      '“Our fears were realized”\n\nTom Baker told the committee, “I feared the leak at the time. Our fears were realized.”\n\nBy his own account, he “feared the leak at the time” and kept quiet about it.';
    expect(speakers(text)).toEqual([
      ['Our fears were realized', 'Tom Baker'],
      ['I feared the leak at the time. Our fears were realized.', 'Tom Baker'],
      ['feared the leak at the time', 'Tom Baker'],
    ]);
    // Two words are a common phrase, not an echo.
    expect(
      speakers('“It was historic,” Tom Baker said.\n\nThe press called the move “historic” too.')[1],
    ).toEqual(['historic', null]);
  });

  it('ends a sentence at a quotation that ends with a period', () => {
    const text =
      'The magazine’s post reads, “The show was interrupted by an angry fan.” Tom Baker shared the post, saying, “Are there calm fans?”';
    const got = speakers(text);
    expect(got[0]?.[1]).not.toBe('Tom Baker');
    expect(got[1]).toEqual(['Are there calm fans?', 'Tom Baker']);
  });

  it('names the subject of a colon introduction without a speech verb', () => {
    const text =
      'Jane Doe has found one drawback to working with Tom Baker and Ann Roe: “They sing so well that nobody else dares to.”';
    expect(speakers(text)).toEqual([['They sing so well that nobody else dares to.', 'Jane Doe']]);
  });

  it('names the person set off by commas after a description of them', () => {
    expect(speakers('“Two tablets were a lethal dose,” her brother, Tom Roe, said in a statement.')).toEqual([
      ['Two tablets were a lethal dose,', 'Tom Roe'],
    ]);
    expect(speakers('The company’s spokeswoman, Ana Ruiz, said: “We are reviewing the claims.”')).toEqual([
      ['We are reviewing the claims.', 'Ana Ruiz'],
    ]);
  });

  it('continues a speaker across a caption line between paragraphs', () => {
    const text =
      '“The ocean is changing,” says Ana Mere, an elder of the tribe.\n\nAna Mere at her farm near the coast\n\n“We have to listen to the sea, and we have to act.”';
    const { annotations, attributions } = annotateWithEvidence({ textContent: text });
    expect(attributions[1]?.via).toBe('standalone-continues');
    expect(annotations.quotes[1]?.speaker).toBe('Ana Mere');
  });

  it('reads "pointed out" as reporting speech', () => {
    expect(
      speakers(
        'But, as the Joint Committee on Energy has pointed out, it would be used “to find the sources of reporters”.',
      ),
    ).toEqual([['to find the sources of reporters', 'Joint Committee on Energy']]);
  });

  it('returns null for an unnamed speaker', () => {
    expect(speakers('“It was terrifying,” a resident said.')).toEqual([['It was terrifying,', null]]);
    expect(speakers('“The risk is real,” officials said.')).toEqual([['The risk is real,', null]]);
  });

  it('reads speech verbs in French, German, Spanish and Czech', () => {
    expect(speakers('« Nous sommes prêts », a déclaré Laurent Fabius.')[0]?.[1]).toBe('Laurent Fabius');
    expect(speakers('„Wir sind bereit“, sagte Olaf Scholz.')[0]?.[1]).toBe('Olaf Scholz');
    expect(speakers('“Estamos listos”, dijo Pedro Sánchez.')[0]?.[1]).toBe('Pedro Sánchez');
    // Cyrillic text is not a supported language: the quote is found, no speaker is guessed.
    expect(speakers('«Ми готові», — заявив Володимир Зеленський.')[0]).toEqual(['Ми готові', null]);
    expect(speakers('"Jsme připraveni," řekl Petr Fiala.')[0]?.[1]).toBe('Petr Fiala');
  });
});
