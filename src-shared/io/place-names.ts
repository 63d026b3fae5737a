import { gazetteer, type Place } from '../generate/gazetteer';

/**
 * Coordinates for a site known only by a place name ("San Jose, CA",
 * "Brussels, Belgium", "London"), from the GeoNames gazetteer the generator
 * uses (places of ≥ 15,000 people). Rocketfuel-style labels carry no
 * coordinates, and a wrong guess is worse than none on a map an architect
 * reads, so a name is placed only when it is not ambiguous:
 * - a suffix that is a US state (code or name) limits the search to the US,
 *   a country's English name (or a listed alias) to that country; a suffix
 *   that names neither leaves the site unplaced;
 * - the place is taken when it is the only one of that name, or at least
 *   ten times as populous as the next (London, UK over London, Ontario);
 * - otherwise (Springfield, MA among the US Springfields; villages under
 *   15,000 people) the site stays without coordinates, and the import says so.
 */
export interface NamedPlace {
  place: Place;
  /** Other places of the same name that were passed over (0 when unique). */
  passedOver: number;
}

const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ' +
    'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine ' +
    'Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia ' +
    'Washington Wisconsin Wyoming'
  )
    .split(' ')
    .map((s) => s.toLowerCase()),
);
const TWO_WORD_STATES = ['new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'rhode island', 'south carolina', 'south dakota', 'west virginia'];

/** How much more populous the chosen place must be than the next of its name. */
export const DOMINANCE = 10;

/** Names compared without case, accents or punctuation ("Lee's Summit" = "Lees Summit", "Zürich" = "Zurich"). */
export const normaliseName = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9 ]+/g, '').replace(/\s+/g, ' ').trim();

/**
 * Where the gazetteer spells a place differently from common network labels
 * (GeoNames' English names): an explicit, short list, extended as labels need it.
 */
const ALIASES: Record<string, string> = {
  'new york': 'new york city',
  frankfurt: 'frankfurt am main',
  nuremberg: 'nurnberg',
  firenze: 'florence',
  torino: 'turin',
  milano: 'milan',
  roma: 'rome',
  munchen: 'munich',
  koln: 'cologne',
};

/** Qualifiers that name a country or a state of one, where the country's own name is not used. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', us: 'US', uk: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', czechrepublic: 'CZ', holland: 'NL',
  tasmania: 'AU', tazmania: 'AU', queensland: 'AU', victoria: 'AU', newsouthwales: 'AU', ontario: 'CA', quebec: 'CA',
};

let byName: Map<string, Place[]> | null = null;
let countryByName: Map<string, string> | null = null;

function placesNamed(name: string): Place[] {
  if (byName === null) {
    byName = new Map();
    for (const p of gazetteer()) {
      const key = normaliseName(p.name);
      const list = byName.get(key);
      if (list) list.push(p);
      else byName.set(key, [p]);
    }
  }
  const key = normaliseName(name);
  return byName.get(ALIASES[key] ?? key) ?? [];
}

/** The ISO code a qualifier names: a US state, a country (English name) or an alias; undefined when unknown. */
function countryOf(qualifier: string): string | undefined {
  if (isUsState(qualifier)) return 'US';
  if (countryByName === null) {
    countryByName = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of new Set(gazetteer().map((p) => p.country))) {
      const name = names.of(code);
      if (name !== undefined) countryByName.set(normaliseName(name).replace(/ /g, ''), code);
    }
  }
  const key = normaliseName(qualifier).replace(/ /g, '');
  return COUNTRY_ALIASES[key] ?? countryByName.get(key);
}

const isUsState = (s: string): boolean => US_STATES.has(s.toLowerCase()) || TWO_WORD_STATES.includes(s.toLowerCase());

/**
 * The place a "City" or "City, Qualifier" label names, or undefined when
 * none or ambiguous. A qualifier that names no known country or US state
 * leaves the site unplaced rather than guessing the country.
 */
export function placeForName(label: string): NamedPlace | undefined {
  // "Washington, DC" is itself a gazetteer name ("Washington, D.C."): try the whole label first.
  const whole = placesNamed(label).filter((p) => p.country === 'US' || !label.includes(','));
  if (label.includes(',') && whole.length > 0) return dominant(whole);
  const comma = label.lastIndexOf(',');
  const city = (comma >= 0 ? label.slice(0, comma) : label).trim();
  const qualifier = comma >= 0 ? label.slice(comma + 1).trim() : '';
  if (city === '') return undefined;
  const country = qualifier === '' ? undefined : countryOf(qualifier);
  if (qualifier !== '' && country === undefined) return undefined;
  // The gazetteer is largest first, so each list is too.
  return dominant(placesNamed(city).filter((p) => country === undefined || p.country === country));
}

function dominant(candidates: Place[]): NamedPlace | undefined {
  const [first, second] = candidates;
  if (first === undefined) return undefined;
  if (second !== undefined && first.population < DOMINANCE * second.population) return undefined;
  return { place: first, passedOver: candidates.length - 1 };
}
