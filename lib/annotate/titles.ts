/**
 * Titles and offices that precede a person's name ("President", "Secretary-General", "Mr.").
 * They are not part of the name; they are evidence that a person follows and let descriptions
 * like "the secretary-general said" point back to the person introduced with the title.
 */
const CORE =
  'president|president-elect|administrator|inspector-general|vice-president|minister|secretary|secretary-general|attorney-general|general|gen|mr|mrs|ms|miss|dr|prof|professor|sen|senator|rep|representative|gov|governor|mayor|king|queen|prince|princess|pope|chancellor|judge|justice|commissioner|ambassador|director|chairman|chairwoman|chair|speaker|lt|col|capt|sgt|cmdr|commander|adm|officer|detective|coach|manager|sir|dame|lord|lady|rabbi|sheikh|emir|ayatollah|archbishop|bishop|cardinal|superintendent|inspector|premier|spokesman|spokeswoman|spokesperson|congressman|congresswoman|councilman|councilwoman|assemblyman|assemblywoman|monsieur|mme|herr|frau|adviser|advisor|ceo|founder|sergeant|captain|colonel|lieutenant|admiral|marshal|sheriff|rev|reverend|chief|prosecutor|deputy|leader|prophet|imam|pastor|priest|saint|président|ministre|präsident|minister|kanzler|bundeskanzler|presidente|ministro|premiér|prezident|ministr|trenér|manažer|dr|ing|mgr';
const MODIFIERS =
  'vice|prime|foreign|defense|defence|interior|finance|justice|health|trade|economy|economic|communications|attorney|state|minority|majority|senior|executive|press|field|first|deputy|acting|former|chief|general|assistant|associate|managing|team|club|head|lead|supreme|grand|high|de|la|of|du|des|für|der';

const CORE_SET = new Set(CORE.split('|'));
const ANY_SET = new Set([...CORE_SET, ...MODIFIERS.split('|')]);

/** True for a lowercased title that names an office by itself ("president", not "prime"). */
export function isCoreTitle(word: string): boolean {
  return CORE_SET.has(word);
}

/** True for a capitalised title word ("President", "Mr.", "Secretary-General"). */
export function isTitleWord(word: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  return ANY_SET.has(word.replace(/\.$|['’]s$/, '').toLowerCase());
}

/** The head noun of a description ("the secretary-general", "the prime minister") if it is a title. */
export function titleHead(words: string): string | null {
  const w = words.toLowerCase().trim().split(/\s+/);
  const last = w[w.length - 1] ?? '';
  return CORE_SET.has(last) ? last : null;
}
