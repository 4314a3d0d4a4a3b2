// The places of the route (data/geo/route_places.csv), read from the CSV
// bundled into the build, and the kind of each for the map's legend.

export type PlaceKind = 'departure' | 'landing' | 'community' | 'reception';

export const PLACE_KINDS: readonly PlaceKind[] = ['departure', 'landing', 'community', 'reception'];

export type Confidence = 'high' | 'medium' | 'low';

export interface Place {
  name: string;
  /** ISO 3166-1 alpha-3 */
  country: string;
  /** Department (Colombia), province or comarca (Panama). */
  admin1: string;
  /** What the place is on the route, in the words of the source table (English). */
  role: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  source: string;
  confidence: Confidence;
}

/**
 * The kind of place from its name and role on the route. Only a station is a
 * reception station: not the village named after one ("village of the Lajas
 * Blancas ERM"), nor a community where people are received ("reception point").
 */
export function kindOf(name: string, role: string): PlaceKind {
  const text = role.toLowerCase();
  if (/\bERM\b/.test(name) || text.startsWith('migrant reception station')) return 'reception';
  if (text.includes('departure')) return 'departure';
  if (text.includes('landing') || text.includes('entry')) return 'landing';
  return 'community';
}

/** One line of CSV as its fields (RFC 4180 quoting). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      out.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  out.push(field);
  return out;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The places of the CSV (columns name, country_iso3, admin1, role, lat, lon,
 * coord_source, confidence). The two free-text columns, role and
 * coord_source, may hold an unquoted comma: the row is read around the
 * coordinates, the first two numeric fields after admin1, so such a comma
 * stays inside its column. Rows without coordinates are skipped.
 */
export function parsePlaces(csv: string): Place[] {
  const lines = csv.replace(/^\ufeff/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const places: Place[] = [];
  for (const line of lines.slice(1)) {
    const cells = fields(line).map((cell) => cell.trim());
    let at = -1;
    for (let i = 4; i + 1 < cells.length - 2; i += 1) {
      if (NUMBER.test(cells[i]!) && NUMBER.test(cells[i + 1]!)) {
        at = i;
        break;
      }
    }
    if (at < 0 || cells.length < 8) continue;
    const [name = '', country = '', admin1 = ''] = cells;
    const role = cells.slice(3, at).join(', ');
    const confidence = cells[cells.length - 1]!;
    places.push({
      name,
      country,
      admin1,
      role,
      kind: kindOf(name, role),
      lat: Number(cells[at]),
      lon: Number(cells[at + 1]),
      source: cells.slice(at + 2, cells.length - 1).join(', '),
      confidence: confidence === 'high' || confidence === 'medium' ? confidence : 'low',
    });
  }
  return places;
}
