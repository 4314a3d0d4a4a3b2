// Country names for ISO 3166-1 alpha-3 codes, in the UI's language, from the
// browser's own locale data (Intl.DisplayNames takes alpha-2 codes, hence the
// table). An unknown code is shown as it is.

import type { MessageKey } from '../i18n';

const ALPHA3_TO_ALPHA2 =
  'ABW:AW AFG:AF AGO:AO AIA:AI ALA:AX ALB:AL AND:AD ARE:AE ARG:AR ARM:AM ASM:AS ATA:AQ ATF:TF ' +
  'ATG:AG AUS:AU AUT:AT AZE:AZ BDI:BI BEL:BE BEN:BJ BES:BQ BFA:BF BGD:BD BGR:BG BHR:BH BHS:BS ' +
  'BIH:BA BLM:BL BLR:BY BLZ:BZ BMU:BM BOL:BO BRA:BR BRB:BB BRN:BN BTN:BT BVT:BV BWA:BW CAF:CF ' +
  'CAN:CA CCK:CC CHE:CH CHL:CL CHN:CN CIV:CI CMR:CM COD:CD COG:CG COK:CK COL:CO COM:KM CPV:CV ' +
  'CRI:CR CUB:CU CUW:CW CXR:CX CYM:KY CYP:CY CZE:CZ DEU:DE DJI:DJ DMA:DM DNK:DK DOM:DO DZA:DZ ' +
  'ECU:EC EGY:EG ERI:ER ESH:EH ESP:ES EST:EE ETH:ET FIN:FI FJI:FJ FLK:FK FRA:FR FRO:FO FSM:FM ' +
  'GAB:GA GBR:GB GEO:GE GGY:GG GHA:GH GIB:GI GIN:GN GLP:GP GMB:GM GNB:GW GNQ:GQ GRC:GR GRD:GD ' +
  'GRL:GL GTM:GT GUF:GF GUM:GU GUY:GY HKG:HK HMD:HM HND:HN HRV:HR HTI:HT HUN:HU IDN:ID IMN:IM ' +
  'IND:IN IOT:IO IRL:IE IRN:IR IRQ:IQ ISL:IS ISR:IL ITA:IT JAM:JM JEY:JE JOR:JO JPN:JP KAZ:KZ ' +
  'KEN:KE KGZ:KG KHM:KH KIR:KI KNA:KN KOR:KR KWT:KW LAO:LA LBN:LB LBR:LR LBY:LY LCA:LC LIE:LI ' +
  'LKA:LK LSO:LS LTU:LT LUX:LU LVA:LV MAC:MO MAF:MF MAR:MA MCO:MC MDA:MD MDG:MG MDV:MV MEX:MX ' +
  'MHL:MH MKD:MK MLI:ML MLT:MT MMR:MM MNE:ME MNG:MN MNP:MP MOZ:MZ MRT:MR MSR:MS MTQ:MQ MUS:MU ' +
  'MWI:MW MYS:MY MYT:YT NAM:NA NCL:NC NER:NE NFK:NF NGA:NG NIC:NI NIU:NU NLD:NL NOR:NO NPL:NP ' +
  'NRU:NR NZL:NZ OMN:OM PAK:PK PAN:PA PCN:PN PER:PE PHL:PH PLW:PW PNG:PG POL:PL PRI:PR PRK:KP ' +
  'PRT:PT PRY:PY PSE:PS PYF:PF QAT:QA REU:RE ROU:RO RUS:RU RWA:RW SAU:SA SDN:SD SEN:SN SGP:SG ' +
  'SGS:GS SHN:SH SJM:SJ SLB:SB SLE:SL SLV:SV SMR:SM SOM:SO SPM:PM SRB:RS SSD:SS STP:ST SUR:SR ' +
  'SVK:SK SVN:SI SWE:SE SWZ:SZ SXM:SX SYC:SC SYR:SY TCA:TC TCD:TD TGO:TG THA:TH TJK:TJ TKL:TK ' +
  'TKM:TM TLS:TL TON:TO TTO:TT TUN:TN TUR:TR TUV:TV TWN:TW TZA:TZ UGA:UG UKR:UA UMI:UM URY:UY ' +
  'USA:US UZB:UZ VAT:VA VCT:VC VEN:VE VGB:VG VIR:VI VNM:VN VUT:VU WLF:WF WSM:WS YEM:YE ZAF:ZA ' +
  'ZMB:ZM ZWE:ZW XKX:XK';

const alpha2 = new Map(
  ALPHA3_TO_ALPHA2.split(' ').map((pair) => pair.split(':') as [string, string]),
);

const namers = new Map<string, Intl.DisplayNames>();

export function countryName(iso3: string, locale: string): string | undefined {
  const code = alpha2.get(iso3.toUpperCase());
  if (!code) return undefined;
  let namer = namers.get(locale);
  if (!namer) {
    namer = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    namers.set(locale, namer);
  }
  return namer.of(code) ?? undefined;
}

/** A nationality's name in the UI's language; the code itself when it has none. */
export function nationalityName(iso3: string, locale: string, t: (key: MessageKey) => string): string {
  if (iso3 === 'OOO') return t('nationality.OOO');
  if (iso3 === 'TIB') return t('nationality.TIB');
  return countryName(iso3, locale) ?? iso3;
}

/** Every ISO 3166-1 alpha-3 code with a country name. */
export const COUNTRY_CODES: readonly string[] = [...alpha2.keys()];

export interface CountryOption {
  code: string;
  name: string;
  /** What a list shows and a field holds once chosen: "Venezuela (VEN)". */
  label: string;
}

const optionLists = new Map<string, CountryOption[]>();

/** Every country named in `locale`, in that language's alphabetical order. */
export function countryOptions(locale: string): CountryOption[] {
  let list = optionLists.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    list = COUNTRY_CODES.map((code) => {
      const name = countryName(code, locale) ?? code;
      return { code, name, label: countryLabel(code, locale) };
    }).sort((a, b) => collator.compare(a.name, b.name));
    optionLists.set(locale, list);
  }
  return list;
}

/** "Venezuela (VEN)"; the code alone when it names no country. */
export function countryLabel(code: string, locale: string): string {
  const name = countryName(code, locale);
  return name ? `${name} (${code})` : code;
}

/** Lower case without accents or extra spaces, so "HAITÍ " finds "Haití". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The alpha-3 code of what someone typed: a code ("ven"), a country's name in
 * the UI's language or in English ("Haiti", "haití"), or a label from the list
 * ("Venezuela (VEN)"). Any other three letters are taken as a code as they
 * are; anything else gives undefined.
 */
export function findCountry(text: string, locale: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  const labelled = /\(([A-Za-z]{3})\)$/.exec(typed);
  if (labelled) return labelled[1]!.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(typed) && alpha2.has(typed.toUpperCase())) return typed.toUpperCase();
  const wanted = fold(typed);
  for (const lang of [locale, 'en']) {
    const found = countryOptions(lang).find((option) => fold(option.name) === wanted);
    if (found) return found.code;
  }
  if (/^[A-Za-z]{3}$/.test(typed)) return typed.toUpperCase();
  return undefined;
}
