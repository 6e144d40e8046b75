import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/annotate/annotate';

const entities = (text: string) => annotate({ textContent: text }).entities;
const byName = (text: string, name: string) => entities(text).find((e) => e.name === name);

describe('entities', () => {
  it('merges a full name with its surname and strips titles', () => {
    const text = 'President Volodymyr Zelensky spoke in Kyiv. Later, Mr. Zelensky thanked Zelensky’s allies.';
    const z = byName(text, 'Volodymyr Zelensky');
    expect(z?.type).toBe('person');
    expect(z?.aliases.sort()).toEqual(['Volodymyr Zelensky', 'Zelensky']);
    expect(z?.count).toBe(3);
  });

  it('keeps name particles ("Ursula von der Leyen")', () => {
    const names = entities(
      'Ursula von der Leyen met Charles de Gaulle’s heirs in Paris, the Commission said.',
    ).map((e) => e.name);
    expect(names).toContain('Ursula von der Leyen');
    expect(names).toContain('Charles de Gaulle');
  });

  it('guesses no names in a language it does not support, but still marks its quotes', () => {
    const german = 'Ursula von der Leyen traf Olaf Scholz. „Wir stehen an der Seite der Ukraine“, sagte er.';
    const result = annotate({ textContent: german });
    expect(result.entities).toEqual([]);
    expect(result.unsupportedLanguage).toBe('de');
    expect(result.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['Wir stehen an der Seite der Ukraine', null],
    ]);
    const russian = annotate({
      textContent: 'Владимир Путин заявил: «Мы не отступим и будем защищать нашу страну до конца».',
      lang: 'en',
    });
    expect(russian.unsupportedLanguage).toBe('ru');
    expect(russian.quotes).toHaveLength(1);
    expect(annotate({ textContent: german, lang: 'en-GB' }).unsupportedLanguage).toBeUndefined();
  });

  it('merges inflected forms of a name in Czech text', () => {
    const text =
      'Tým manažera Davida Moyese prohání giganty. David Moyes si zaslouží obrovský kredit, řekl Gary Lineker. ' +
      'Před Moyesem je třeba smeknout, píše server. Hráči věří, že čeština a přízeň fanoušků ještě porostou, že ždímají ' +
      'ze sebe všechno a že šťastné časy přijdou.';
    const moyes = entities(text).filter((e) =>
      e.aliases.some((a) => a.startsWith('Moyes') || a.endsWith('Moyese')),
    );
    expect(moyes).toHaveLength(1);
    expect(moyes[0]?.type).toBe('person');
  });

  it('links an acronym to the long form the article gives', () => {
    const text = 'The Food Standards Agency (FSA) issued a warning. The FSA said pills were dangerous.';
    const fsa = byName(text, 'Food Standards Agency');
    expect(fsa?.type).toBe('organization');
    expect(fsa?.aliases).toContain('FSA');
    expect(entities(text).filter((e) => e.aliases.includes('FSA'))).toHaveLength(1);
  });

  it('rejects demonyms, months and weekdays', () => {
    const text =
      'Russian forces attacked on Monday in April, Ukrainian officials said. The Russians retreated.';
    const names = entities(text).flatMap((e) => e.aliases);
    for (const junk of ['Russian', 'Ukrainian', 'Russians', 'Monday', 'April'])
      expect(names).not.toContain(junk);
  });

  it('does not take acronyms of common nouns for organizations', () => {
    const text =
      'An outbreak of CRE (carbapenem-resistant bacteria) hit the ward. Pills of dinitrophenol, known as DNP, killed her.';
    const names = entities(text).flatMap((e) => e.aliases);
    expect(names).not.toContain('CRE');
    expect(names).not.toContain('DNP');
  });

  it('does not glue names across commas or sentence starts', () => {
    const text = 'Troops came from Italy, Poland and Germany. Meanwhile Paris waited.';
    const names = entities(text).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Italy', 'Poland', 'Germany', 'Paris']));
    expect(names.some((n) => n.includes(',') || n.includes('Meanwhile'))).toBe(false);
  });

  it('types organizations and places from their own words and from gazetteers', () => {
    const text =
      'Researchers at Columbia University met officials of the Interior Ministry near Ninety Mile Beach, in New Zealand, and at NATO headquarters.';
    const type = (n: string) => entities(text).find((e) => e.aliases.includes(n))?.type;
    expect(type('Columbia University')).toBe('organization');
    expect(type('Interior Ministry')).toBe('organization');
    expect(type('Ninety Mile Beach')).toBe('place');
    expect(type('New Zealand')).toBe('place');
    expect(type('NATO')).toBe('organization');
  });

  it('keeps an institution whole across "for", a demonym, a possessive or a calendar word', () => {
    const text =
      'Anna Berg of the Alliance for American Manufacturing and a doctor at the Mayo Clinic testified. ' +
      'The Institute for Functional Genomics and the People’s Liberation Army were named at Westminster Magistrate’s Court.';
    const names = entities(text).map((e) => [e.name, e.type]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['Alliance for American Manufacturing', 'organization'],
        ['Mayo Clinic', 'organization'],
        ['Institute for Functional Genomics', 'organization'],
        ['People’s Liberation Army', 'organization'],
        ['Westminster Magistrate’s Court', 'organization'],
      ]),
    );
  });

  it('keeps a hyphenated given name whole but drops compound tails ("Kyiv-based")', () => {
    const names = entities(
      'The police came. Lee Hau-yip, the commander of the district, spoke to a Kyiv-based group.',
    ).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Lee Hau-yip', 'Kyiv']));
    expect(names).not.toContain('Kyiv-based');
  });

  it('reads a one-word name after "told" or "according to" as an organization', () => {
    const text =
      'Jane Doe told KXTV that the bridge was safe. The repairs cost $3 million, according to Roadstat.';
    expect(byName(text, 'KXTV')?.type).toBe('organization');
    expect(byName(text, 'Roadstat')?.type).toBe('organization');
  });

  it('reads the first words of a company’s name as the company', () => {
    const text =
      'Blue Harbor Records denied it. Later, Blue Harbor said it would appeal, and Blue Harbor staff agreed.';
    const label = byName(text, 'Blue Harbor Records');
    expect(label?.type).toBe('organization');
    expect(label?.aliases).toContain('Blue Harbor');
  });

  it('types business and sports names from their context', () => {
    const text =
      'Dan Ives, an analyst at Wedbush Securities, praised Goldman Sachs. Manchester United won at Old Trafford on Sunday, and Erik ten Hag said the team was ready.';
    const type = (n: string) => entities(text).find((e) => e.aliases.includes(n))?.type;
    expect(type('Wedbush Securities')).toBe('organization');
    expect(type('Manchester United')).toBe('organization');
    expect(type('Old Trafford')).toBe('place');
    expect(type('Erik ten Hag')).toBe('person');
  });

  it('keeps a person behind "the X administration" and reads names in a byline list', () => {
    const text =
      'President Obama will sign the order. Obama administration officials said so.\n\nAnalysis: Jon Sopel, BBC News, Washington';
    const type = (n: string) => entities(text).find((e) => e.aliases.includes(n))?.type;
    expect(type('Obama')).toBe('person');
    expect(type('Washington')).toBe('place');
    expect(type('Jon Sopel')).toBe('person');
  });

  it('reads a dateline as a place and drops photo credits glued to captions', () => {
    const text = 'CAIRO — Gunmen opened fire.\n\nA street in Queens.CreditChang W. Lee';
    const e = entities(text);
    expect(e.find((x) => x.name === 'CAIRO')?.type).toBe('place');
    expect(e.some((x) => x.name.includes('Credit'))).toBe(false);
  });

  it('does not take two surnames joined by a hyphen for a third person', () => {
    const text =
      'Ann Roe and Tom Baker study the gut. Piotr Kowal and Eva van Dijk study the lungs. The Baker-Roe and Kowal-van Dijk papers were featured in Science and Nature.';
    const names = entities(text).map((e) => e.name);
    expect(names).toContain('Ann Roe');
    expect(names).not.toContain('Baker-Roe');
    expect(names).not.toContain('Kowal-van Dijk');
    const own = 'Jane Smith-Jones runs the lab. Smith-Jones said the cells were everywhere.';
    expect(byName(own, 'Jane Smith-Jones')?.type).toBe('person');
  });

  it('drops a lowercase compound tail after a name that starts in lowercase', () => {
    const names = entities(
      'Militants from an al-Shabaab-linked group attacked the hotel, and al-Shabaab praised them.',
    ).map((e) => e.name);
    expect(names).toContain('al-Shabaab');
    expect(names).not.toContain('al-Shabaab-linked');
  });

  it('takes neither contractions nor demonym adjectives for names', () => {
    const text =
      'Maria Lopez sang. “When I’m on stage, I forget,” she said. “So I’m not nervous.” Later, I’m told, the Mancunian singer and Chilean prosecutors met Mancunian fans and Chilean officials.';
    const names = entities(text).map((e) => e.name);
    expect(names).toContain('Maria Lopez');
    expect(names).not.toContain('I’m');
    expect(names).not.toContain('Mancunian');
    expect(names).not.toContain('Chilean');
  });

  it('gives mention offsets that slice to an alias', () => {
    const text = 'Jens Stoltenberg met Volodymyr Zelensky.\n\nStoltenberg said NATO would help Ukraine.';
    for (const e of entities(text)) {
      expect(e.mentions).toHaveLength(e.count);
      for (const m of e.mentions) expect(e.aliases).toContain(text.slice(m.start, m.end));
    }
  });
});
