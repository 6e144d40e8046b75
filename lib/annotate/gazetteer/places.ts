import {
  CITIES as LEXICON_CITIES,
  COUNTRIES as LEXICON_COUNTRIES,
  REGIONS as LEXICON_REGIONS,
} from './lexicon.generated';

/**
 * Place names every news reader knows: countries (with their common short forms), capitals and
 * major cities, US states, regions, seas. `|` separates names; `=` joins the forms of one place
 * (the first form is the canonical one).
 */
const COUNTRIES =
  'Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic=Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar=Burma|Namibia|Nauru|Nepal|Netherlands=Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea=Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey=Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates=UAE|United Kingdom=UK=U.K.=Britain=Great Britain|United States=US=U.S.=USA=U.S.A.=America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Soviet Union=USSR|England|Scotland|Wales|Northern Ireland|Greenland|Puerto Rico|Hong Kong|Tibet|Crimea|Donbas|Gaza=Gaza Strip|West Bank|Kashmir|Chechnya|Kurdistan|Catalonia|Darfur';
const CITIES =
  'Kabul|Tirana|Algiers|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Vienna|Baku|Dhaka|Minsk|Brussels|Sarajevo|Brasilia|Rio de Janeiro|Sao Paulo|Sofia|Ottawa|Toronto|Montreal|Vancouver|Santiago|Beijing|Shanghai|Hong Kong|Bogota|Zagreb|Havana|Nicosia|Prague|Praha|Brno|Copenhagen|Cairo|Alexandria|Tallinn|Addis Ababa|Helsinki|Paris|Marseille|Lyon|Tbilisi|Berlin|Munich|Hamburg|Frankfurt|Cologne|Accra|Athens|Budapest|Reykjavik|New Delhi|Delhi|Mumbai|Jakarta|Tehran|Baghdad|Mosul|Basra|Dublin|Jerusalem|Tel Aviv|Rome|Milan|Naples|Venice|Tokyo|Osaka|Amman|Astana|Nairobi|Mombasa|Pristina|Kuwait City|Bishkek|Riga|Beirut|Tripoli|Benghazi|Vilnius|Skopje|Kuala Lumpur|Valletta|Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Casablanca|Maputo|Kathmandu|Amsterdam|Rotterdam|The Hague|Hague|Wellington|Auckland|Managua|Abuja|Lagos|Pyongyang|Oslo|Muscat|Islamabad|Karachi|Lahore|Panama City|Lima|Manila|Warsaw|Krakow|Lisbon|Porto|Doha|Bucharest|Moscow|St. Petersburg|Kigali|Riyadh|Jeddah|Mecca|Dakar|Belgrade|Bratislava|Ljubljana|Mogadishu|Johannesburg|Cape Town|Pretoria|Seoul|Juba|Madrid|Barcelona|Colombo|Khartoum|Stockholm|Geneva|Zurich|Bern|Damascus|Aleppo|Taipei|Dushanbe|Dodoma|Dar es Salaam|Bangkok|Tunis|Ankara|Istanbul|Kampala|Kyiv=Kiev|Kharkiv|Odesa=Odessa|Lviv|Dnipro|Zaporizhzhia|Mariupol|Bakhmut|Avdiivka|Kherson|Donetsk|Luhansk|Sevastopol|Abu Dhabi|Dubai|London|Manchester|Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Oxford|Cambridge|Washington|New York City=New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Francisco|Seattle|Boston|Miami|Atlanta|Detroit|Denver|Las Vegas|Baltimore|New Orleans|Orlando|Minneapolis|Pittsburgh|Cleveland|St. Louis|Nashville|Austin|Portland|Sacramento|Manhattan|Brooklyn|Queens|Bronx|Staten Island|Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Sanaa|Lusaka|Harare|Minsk|Strasbourg|Nice|Toulouse|Bordeaux|Lille|Nantes|Geneva|Milan|Turin|Florence|Seville|Valencia|Porto|Gothenburg|Krakow|Gdansk|Ostrava|Plzen|Plzeň|Salzburg|Antwerp|Luxembourg|Monaco|Gdańsk|Shenzhen|Guangzhou|Wuhan|Mumbai|Kolkata|Chennai|Bangalore|Hyderabad|Kandahar|Herat|Raqqa|Idlib|Homs|Rafah|Khan Younis|Gaza City|Ramallah|Hebron|Haifa|Bethlehem|Nazareth|Fallujah|Kirkuk|Erbil|Aden|Sochi|Novosibirsk|Yekaterinburg|Kazan|Vladivostok|Belgorod|Kursk';
const US_STATES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|District of Columbia|Ontario|Quebec|British Columbia|Alberta|Bavaria|Queensland|Victoria|Tasmania|New South Wales|Siberia|Normandy|Brittany|Provence|Tuscany|Sicily|Sardinia|Corsica|Andalusia|Punjab|Bengal|Kerala|Gujarat|Xinjiang|Lombardy|Silesia|Moravia|Bohemia';
const REGIONS =
  'Europe|Asia|Africa|North America|South America|Latin America|Central America|Middle East|Near East|Far East|Oceania|Antarctica|Arctic|Balkans|Caucasus|Scandinavia|Baltics|Caribbean|Mediterranean|Sahara|Sahel|Gulf|Persian Gulf|Black Sea|Red Sea|Baltic Sea|North Sea|Caspian Sea|South China Sea|Atlantic|Pacific|Indian Ocean|Amazon|Nile|Danube|Rhine|Thames|Dnipro River|Alps|Himalayas|Andes|Urals|Midwest|North Africa|West Africa|East Africa|Southeast Asia|Central Asia|Eastern Europe|Western Europe|Central Europe|Silicon Valley|Wall Street|Capitol Hill|Downing Street|Upper East Side|Upper West Side';

/** Lowercased form -> canonical name. */
export const PLACES = new Map<string, string>();
for (const list of [COUNTRIES, CITIES, US_STATES, REGIONS]) {
  for (const group of list.split('|')) {
    const forms = group.split('=');
    for (const f of forms) PLACES.set(f.toLowerCase(), forms[0] as string);
  }
}

// The lexicon's places, less airport and city codes ("dxb", "ord"), which are words elsewhere.
for (const list of [LEXICON_COUNTRIES, LEXICON_CITIES, LEXICON_REGIONS]) {
  for (const place of list.split('|')) if (place.length >= 4 && !PLACES.has(place)) PLACES.set(place, place);
}
