import { expect, test } from 'vitest';
import { cleanByline } from '@/lib/extract/clean-byline';

test.each([
  // Text nodes glued without a space: the change of case is the boundary, the organization goes.
  ['JANE DOE and JOHN ROEWire Service', 'JANE DOE and JOHN ROE'],
  ['DANA KIRK and JILL LAWSONAssociated Press', 'DANA KIRK and JILL LAWSON'],
  ['Carla ArnoldNovember 19, 2019', 'Carla Arnold'],
  ['Jeff FrostMonday, November 18, 2019', 'Jeff Frost'],
  ['Victor TangerFuturism', 'Victor Tanger'],
  // An organization, a role or a credential after a comma, a full stop or a bar.
  ['By Jane Doe, Reuters', 'Jane Doe'],
  ['Jane Doe, Associated Press', 'Jane Doe'],
  ['Jill Dix, CNN Business', 'Jill Dix'],
  ['GREG BEACH, AP Sports Writer', 'GREG BEACH'],
  ['Analysis by Chris Cole, Example News Editor-at-large', 'Chris Cole'],
  ['Finn Cunning. Example International', 'Finn Cunning'],
  ['Troy L. Smith, Example.com', 'Troy L. Smith'],
  ['Ilana Muhl, MS, RDN', 'Ilana Muhl'],
  ['Jane Doe | The Daily Example', 'Jane Doe'],
  ['Текст: Вера Ерофеева', 'Вера Ерофеева'],
  // Prefixes in any case and language reach their patterns (the prefilters let them through).
  ['Testo: Mario Rossi', 'Mario Rossi'],
  ['BY JANE DOE', 'JANE DOE'],
  ['WRITTEN BY Jane Doe', 'Jane Doe'],
  ['Von Anna Schmidt', 'Anna Schmidt'],
  ['Jane DoeMonday 3 March', 'Jane Doe'],
])('%j → %j', (raw, want) => {
  expect(cleanByline(raw)).toBe(want);
});

test.each([
  ['Kevin Johnson and Kevin McCoy'],
  ['Lia Eustace, Yaron Stein'],
  ['Mary-Kate O’Neil & Sam de la Cruz'],
  ['Bryan DeArdo'],
  ['Kyle MacKenzie'],
  ['John McDonald'],
  ['J.R.R. Tolkien'],
  ['Doe, Jane'],
  ['Reuters'],
  ['The Associated Press'],
  ['ExampleInsider'],
  ['Science X staff'],
])('%j is kept as it is', (raw) => {
  expect(cleanByline(raw)).toBe(raw);
});

test('the site itself is dropped where it follows a name', () => {
  expect(cleanByline('Charlie Wood, Business Example', 'Business Example Deutschland')).toBe('Charlie Wood');
});

test.each([
  ['Guest Author'],
  ['guest-post'],
  ['Staff'],
  ['Staff Writer'],
  ['Admin'],
  ['jdadmin'],
  ['Contributor'],
  ['Гость'],
  ['kei_eno'],
  ['gto'],
])('%j names nobody: null', (raw) => {
  expect(cleanByline(raw)).toBeNull();
});

test('names in scripts without capitals are kept: there is no case to judge them by', () => {
  expect(cleanByline('山田太郎, 佐藤花子, 鈴木一郎')).toBe('山田太郎, 佐藤花子, 鈴木一郎');
});
