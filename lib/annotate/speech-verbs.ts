/**
 * Words that report speech or writing ("said", "a déclaré", "sagte", "dijo", "заявив", "řekl"),
 * in English, French, German, Spanish, Ukrainian and Czech. Used to tell real quotations from
 * scare quotes and to find who is speaking.
 */

// Regular English verbs: the stem gets -s, -ed/-d and -ing forms.
const EN_REGULAR =
  'add|state|explain|note|ask|argue|insist|warn|declare|announce|claim|respond|remark|recall|continue|conclude|acknowledge|admit|observe|suggest|comment|tweet|post|describe|call|urge|promise|vow|predict|caution|emphasize|emphasise|stress|agree|complain|concede|confirm|joke|muse|report|shout|wonder|repeat|recount|plead|scream|yell|whisper|exclaim|answer|counter|contend|maintain|assert|allege|lament|concur|quip|boast|mention|reflect|reason|caution|chime|interject|demand|instruct|order|tell|testify|reiterate|underline|highlight|charge|complain|characterize|characterise|predict|estimate|recommend|advise|conclude|pledge|blast|slam|criticize|criticise|praise|hail|welcome';
const EN_IRREGULAR =
  'said|say|says|saying|pointed|told|tells|telling|wrote|write|writes|writing|written|replied|replies|reply|replying|denied|denies|deny|testified|testifies|spoke|speaks|speak|speaking|according|words|quoted|quoting|admitted|admitting|slammed|quipped|concurred';
const FR =
  "dit|déclare|déclaré|affirme|affirmé|explique|expliqué|ajoute|ajouté|estime|estimé|précise|précisé|souligne|souligné|indique|indiqué|selon|confie|confié|raconte|raconté|assure|assuré|insiste|insisté|rappelle|rappelé|évoque|évoqué|lance|lancé|annonce|annoncé|note|noté|dénonce|dénoncé|regrette|regretté|réagit|réagi|écrit|martèle|martelé|prévient|prévenu|interroge|résume|résumé|poursuit|poursuivi|reconnaît|reconnu|commente|commenté|juge|jugé|qualifie|qualifié|parle|parlé|déplore|déploré|avance|avancé|craint|admet|admis|observe|observé|témoigne|témoigné|s'inquiète|s’inquiète";
const DE =
  'sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|laut|berichtete|berichtet|schrieb|schreibt|warnte|warnt|kritisierte|kritisiert|sprach|spricht|äußerte|äußert|fügte|teilte|forderte|fordert|ergänzte|ergänzt|sagen|erklären|antwortete|antwortet|bestätigte|bestätigt|räumte|zitiert|zitierte';
const ES =
  'dijo|dice|afirmó|afirma|declaró|declara|explicó|explica|añadió|añade|agregó|agrega|señaló|señala|aseguró|asegura|indicó|indica|según|comentó|comenta|escribió|escribe|advirtió|advierte|sostuvo|sostiene|manifestó|expresó|subrayó|destacó|destaca|apuntó|insistió|respondió|contó|cuenta|relató|precisó|reconoció|denunció|criticó|calificó|opinó|opina';
const UK =
  'сказав|сказала|сказали|заявив|заявила|заявили|зазначив|зазначила|зазначили|додав|додала|додали|наголосив|наголосила|повідомив|повідомила|повідомили|каже|кажуть|говорить|розповів|розповіла|пояснив|пояснила|написав|написала|написали|пише|підкреслив|підкреслила|відповів|відповіла|вважає|переконаний|переконана|словами|заявляє|зауважив|зауважила|запевнив|запевнила|висловився|прокоментував|прокоментувала';
const CS =
  'řekl|řekla|řekli|říká|říkají|říkáme|uvedl|uvedla|uvedli|uvádí|dodal|dodala|dodává|prohlásil|prohlásila|prohlašuje|píše|napsal|napsala|přidává|hodnotí|zhodnotil|zhodnotila|míní|tvrdí|tvrdil|tvrdila|konstatoval|konstatovala|poznamenal|poznamenala|vysvětlil|vysvětlila|vysvětluje|podotkl|podotkla|sdělil|sdělila|upozornil|upozornila|zdůraznil|zdůraznila|komentoval|komentovala|podle|pochvaluje|pochválil|ocenil|ocenila|svěřil|svěřila|prozradil|prozradila|dodává|nechal|slyšet|napsal';

function regularForms(stems: string): string[] {
  const out: string[] = [];
  for (const s of stems.split('|')) {
    const base = s.endsWith('e') ? s.slice(0, -1) : s;
    out.push(s, `${s}s`, s.endsWith('e') ? `${s}d` : `${s}ed`, `${base}ing`);
  }
  return out;
}

const WORDS = new Set<string>([
  ...regularForms(EN_REGULAR),
  ...[EN_IRREGULAR, FR, DE, ES, UK, CS].flatMap((l) => l.split('|')),
]);

/** True when `word` (any case) reports speech. */
export function isSpeechVerb(word: string): boolean {
  return WORDS.has(word.toLowerCase());
}

const WORD_RE = /[\p{L}’']+/gu;

/** Offsets of every speech word in `text` between `from` and `to`. */
export function findSpeechVerbs(
  text: string,
  from = 0,
  to = text.length,
): { start: number; end: number; word: string }[] {
  const out: { start: number; end: number; word: string }[] = [];
  WORD_RE.lastIndex = from;
  for (let m = WORD_RE.exec(text); m && m.index < to; m = WORD_RE.exec(text)) {
    const w = m[0].replace(/^['’]+|['’]+$/g, '');
    if (isSpeechVerb(w)) out.push({ start: m.index, end: m.index + m[0].length, word: w.toLowerCase() });
  }
  return out;
}
