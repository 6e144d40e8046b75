import { ORGANIZATIONS as LEXICON_ORGANIZATIONS } from './lexicon.generated';

/**
 * Organizations every news reader knows, with their acronyms (`=` joins the forms of one
 * organization; the first is canonical). Matched case-sensitively for all-caps forms.
 */
const ORGS =
  'NATO|United Nations=UN=U.N.|European Union=EU=E.U.|European Commission|European Parliament|Council of Europe|World Health Organization=WHO|World Bank|International Monetary Fund=IMF|World Trade Organization=WTO|OPEC|Red Cross|Amnesty International|Human Rights Watch|Doctors Without Borders=MSF|Greenpeace|UNICEF|UNESCO|UNHCR|Interpol|Europol|African Union|Arab League|ASEAN|G7|G20|BRICS|Hamas|Hezbollah|Taliban|Islamic State=ISIS=ISIL|al-Qaeda=al-Qaida|Muslim Brotherhood|Wagner|Kremlin|Pentagon|White House|Congress|Senate|Parliament|Supreme Court|Bundestag|Knesset|Duma|Rada|Verkhovna Rada|Downing Street|Federal Reserve=Fed|FBI|CIA|NSA|NASA|CDC|FDA|EPA|FAA|FEMA|ICE|IRS|DHS|DOJ|SEC|FTC|FCC|NHS|MI5|MI6|KGB|FSB|SBU|GRU|ICC|IAEA|OSCE|OECD|AP=Associated Press|AFP=Agence France-Presse|Reuters|Bloomberg|BBC|CNN|NBC|CBS|ABC|Fox News|MSNBC|NPR|PBS|Al Jazeera|Sky News|CNBC|New York Times|Washington Post|Wall Street Journal|Guardian|Financial Times|Economist|Le Monde|Der Spiegel|Politico|Axios|Twitter|Facebook|Instagram|YouTube|TikTok|WhatsApp|Telegram|Google|Apple|Microsoft|Amazon|Meta|Netflix|Tesla|SpaceX|OpenAI|Uber|Airbnb|Samsung|Sony|Toyota|Volkswagen|Boeing|Airbus|Gazprom|Rosneft|Shell|BP|ExxonMobil|Walmart|Disney|IBM|Intel|Nvidia|Huawei|Alibaba|Tencent|Reddit|LinkedIn|Snapchat|Wikipedia|Navy|Army|Air Force|Marines|Labor|Labour|Likud|Conservatives|Tories|Republican Party|Democratic Party|Getty Images';

/** Lowercased form -> canonical name. */
export const ORGANIZATIONS = new Map<string, string>();
/** Lowercased form -> the form as spelled, to require capitals for acronyms ("UN", not "Un"). */
export const ORGANIZATION_SPELLING = new Map<string, string>();
for (const group of ORGS.split('|')) {
  const forms = group.split('=');
  for (const f of forms) {
    ORGANIZATIONS.set(f.toLowerCase(), forms[0] as string);
    ORGANIZATION_SPELLING.set(f.toLowerCase(), f);
  }
}

// The lexicon's organizations and sports teams ("Aston Villa" plays; it does not live anywhere).
for (const org of LEXICON_ORGANIZATIONS.split('|')) {
  if (!ORGANIZATIONS.has(org)) {
    ORGANIZATIONS.set(org, org);
    ORGANIZATION_SPELLING.set(org, org);
  }
}
