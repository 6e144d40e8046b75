/**
 * Words inside a name that tell its type: "Ministry", "University", "Party" make an organization;
 * "Street", "Beach", "Island" make a place. Lowercased; matched against any token of a name.
 */
const ORG =
  'university|universität|université|universidad|univerzita|institute|institution|institut|instituto|college|school|academy|ministry|ministère|ministerio|ministerium|ministerstvo|department|agency|party|parti|partei|partido|council|committee|commission|court|courts|police|army|navy|forces|corps|guard|corp|corporation|inc|ltd|llc|plc|gmbh|ag|sa|company|co|group|bank|association|society|foundation|trust|center|centre|news|times|post|journal|herald|tribune|gazette|chronicle|observer|standard|telegraph|mail|express|mirror|monitor|review|network|broadcasting|radio|tv|television|magazine|press|union|league|club|fc|authority|assembly|congress|parliament|senate|house|service|services|office|bureau|administration|organization|organisation|federation|fund|board|media|airlines|airways|motors|labs|laboratory|technologies|systems|brotherhood|movement|front|alliance|coalition|project|reserve|directorate|secretariat|cabinet|government|studios|records|pictures|entertainment|holdings|partners|energy|group|team|brigade|battalion|regiment|command|division|church|commission|tribunal|watch|international|unit';
const PLACE =
  'street|st|avenue|ave|road|rd|boulevard|blvd|square|lane|drive|highway|beach|island|islands|isle|harbour|harbor|river|lake|mountain|mountains|mount|mt|bay|valley|county|province|region|oblast|district|park|museum|airport|hospital|bridge|station|stadium|arena|wall|palace|castle|cathedral|mosque|temple|tower|plaza|gulf|sea|ocean|coast|peninsula|desert|canyon|falls|forest|hill|hills|heights|village|strait|channel|canal|port|embassy|prison|jail|base|side|city|town|state|territory|republic|kingdom|land|coast|quarter|market|hall|building|centre-ville|rue|place|gare|ulice|náměstí|straße|strasse|platz|calle|plaza|avenida';

export const ORG_KEYWORDS = new Set(ORG.split('|'));
export const PLACE_KEYWORDS = new Set(PLACE.split('|'));
