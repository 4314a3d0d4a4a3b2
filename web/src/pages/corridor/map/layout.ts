// Where everything goes on the route map: the projection of the corridor onto
// the available width, the country outlines as SVG paths, the place markers,
// and labels placed so that none covers another or a marker (the reception
// stations and Metetí lie a few pixels apart, so a label may move away from
// its point, joined to it by a leader line). Pure: plain data in, plain data
// out, so that it can be reasoned about apart from the page.

import { geoMercator, geoPath } from 'd3-geo';
import type { Geometry, MultiPoint } from 'geojson';
import type { Place } from './places';

/** The corridor shown: from the Azuero peninsula to the Gulf of Urabá, [lon, lat]. */
export const CORRIDOR: { west: number; south: number; east: number; north: number } = {
  west: -80.5,
  south: 7,
  east: -76,
  north: 9.5,
};

export interface CountryShape {
  iso3: string;
  name: string;
  /** GeoJSON geometry (Polygon or MultiPolygon) in WGS84. */
  geometry: Geometry;
}

/** A fixed text on the map (a country, a sea), at a point inside the corridor. */
export interface MapText {
  key: string;
  text: string;
  lon: number;
  lat: number;
  kind: 'country' | 'sea';
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  place: Place;
  /** The marker, in pixels. */
  px: number;
  py: number;
  /** The text's anchor point and alignment. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** A line from the marker to a label moved away from it. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

export interface MapLayout {
  width: number;
  height: number;
  countries: { iso3: string; name: string; d: string }[];
  texts: (MapText & { x: number; y: number })[];
  labels: PlacedLabel[];
}

/** Measures a text's width in pixels at the map's label size. */
export type Measure = (text: string, kind: 'place' | 'country' | 'sea') => number;

export const LABEL_SIZE = 14;
const MARKER_RADIUS = 7;
const GAP = 2;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

function inside(box: Box, width: number, height: number): boolean {
  return box.x >= 2 && box.y >= 2 && box.x + box.width <= width - 2 && box.y + box.height <= height - 2;
}

/** The box of a text whose baseline starts, centres or ends at (x, y). */
function textBox(x: number, y: number, anchor: PlacedLabel['anchor'], width: number, size: number): Box {
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x: left, y: y - size * 0.8, width, height: size * 1.05 };
}

/** The point of `box` nearest to (x, y): where a leader line meets the label. */
function nearestPoint(box: Box, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, box.x), box.x + box.width), Math.min(Math.max(y, box.y), box.y + box.height)];
}

/**
 * Candidate spots for a label around its marker, nearest first: to the right,
 * to the left, above, below, then the diagonals, at growing distances.
 */
function candidates(size: number): { dx: number; dy: number; anchor: PlacedLabel['anchor']; distance: number }[] {
  const out: { dx: number; dy: number; anchor: PlacedLabel['anchor']; distance: number }[] = [];
  const middle = size * 0.35;
  for (const distance of [MARKER_RADIUS + 4, 26, 44, 64, 88, 116]) {
    const diagonal = distance * 0.75;
    out.push(
      { dx: distance, dy: middle, anchor: 'start', distance },
      { dx: -distance, dy: middle, anchor: 'end', distance },
      { dx: 0, dy: -distance + size * 0.2, anchor: 'middle', distance },
      { dx: 0, dy: distance + size * 0.8, anchor: 'middle', distance },
      { dx: diagonal, dy: -diagonal + middle, anchor: 'start', distance },
      { dx: -diagonal, dy: -diagonal + middle, anchor: 'end', distance },
      { dx: diagonal, dy: diagonal + middle, anchor: 'start', distance },
      { dx: -diagonal, dy: diagonal + middle, anchor: 'end', distance },
    );
  }
  return out;
}

export function layoutMap(
  width: number,
  countries: CountryShape[],
  places: Place[],
  texts: MapText[],
  measure: Measure,
): MapLayout {
  const corners: MultiPoint = {
    type: 'MultiPoint',
    coordinates: [
      [CORRIDOR.west, CORRIDOR.south],
      [CORRIDOR.east, CORRIDOR.north],
    ],
  };
  const projection = geoMercator().fitWidth(width, corners);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(corners);
  const height = Math.round(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);

  const shapes = countries.map((country) => ({
    iso3: country.iso3,
    name: country.name,
    d: path(country.geometry) ?? '',
  }));

  const taken: Box[] = [];
  const placedTexts = texts.map((text) => {
    const [x, y] = projection([text.lon, text.lat]) ?? [0, 0];
    const size = text.kind === 'country' ? LABEL_SIZE + 2 : LABEL_SIZE;
    taken.push(textBox(x, y, 'middle', measure(text.text, text.kind), size));
    return { ...text, x, y };
  });

  const points = places.map((place) => {
    const [px, py] = projection([place.lon, place.lat]) ?? [0, 0];
    return { place, px, py };
  });
  for (const { px, py } of points) {
    taken.push({ x: px - MARKER_RADIUS, y: py - MARKER_RADIUS, width: 2 * MARKER_RADIUS, height: 2 * MARKER_RADIUS });
  }

  // The most crowded places first: they have the fewest good spots.
  const crowding = (p: { px: number; py: number }) =>
    points.filter((q) => Math.hypot(q.px - p.px, q.py - p.py) < 60).length;
  const order = [...points].sort((a, b) => crowding(b) - crowding(a) || a.px - b.px);

  const labels: PlacedLabel[] = [];
  for (const point of order) {
    const textWidth = measure(point.place.name, 'place');
    let chosen: PlacedLabel | undefined;
    let chosenBox: Box | undefined;
    for (const spot of candidates(LABEL_SIZE)) {
      const x = point.px + spot.dx;
      const y = point.py + spot.dy;
      const box = textBox(x, y, spot.anchor, textWidth, LABEL_SIZE);
      if (!inside(box, width, height) || taken.some((other) => overlaps(box, other))) continue;
      chosen = { place: point.place, px: point.px, py: point.py, x, y, anchor: spot.anchor };
      chosenBox = box;
      if (spot.distance > MARKER_RADIUS + 4) {
        const [x2, y2] = nearestPoint(box, point.px, point.py);
        chosen.leader = { x1: point.px, y1: point.py, x2, y2 };
      }
      break;
    }
    if (!chosen || !chosenBox) {
      // Nowhere free: to the right of the marker, even if it overlaps.
      const x = point.px + MARKER_RADIUS + 4;
      const y = point.py + LABEL_SIZE * 0.35;
      chosen = { place: point.place, px: point.px, py: point.py, x, y, anchor: 'start' };
      chosenBox = textBox(x, y, 'start', textWidth, LABEL_SIZE);
    }
    taken.push(chosenBox);
    labels.push(chosen);
  }
  return { width, height, countries: shapes, texts: placedTexts, labels };
}
