// Incidents on an offline map: the Panama and Colombia outlines and the
// sectors as SVG (d3-geo, bundled Natural Earth outlines, no tiles), the
// incidents as dots on a canvas beneath them so that a hundred thousand points
// draw in one pass without a DOM node each, and the hotspots' extents on top.
// Sectors are coloured by risk or by planned coverage.

import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint, Polygon } from 'geojson';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useElementWidth } from '../../ui/useElementWidth';

export interface MapPoints {
  lon: number[];
  lat: number[];
  type: number[];
}

export interface SectorShape {
  code: string;
  name: string;
  /** 0..1: the share of the top sector's risk, or the planned coverage. */
  value: number;
  geometry: Polygon;
}

/** The corridor shown: Metetí to the Gulf of Urabá, [lon, lat]. */
const EXTENT: MultiPoint = {
  type: 'MultiPoint',
  coordinates: [[-78.3, 7.4], [-76.4, 7.4], [-76.4, 9.05], [-78.3, 9.05]],
};

/**
 * d3-geo reads polygons on the sphere, where a ring's winding says which side
 * is inside (clockwise: the small side); GeoJSON from the server winds outer
 * rings counter-clockwise (RFC 7946). Reversed, each ring encloses its area
 * rather than the rest of the globe.
 */
export function forD3(polygon: Polygon): Polygon {
  return { type: 'Polygon', coordinates: polygon.coordinates.map((ring) => [...ring].reverse()) };
}

/** One colour per incident type, in the order the server lists the types. */
export const TYPE_COLOURS = [
  '#b35806', '#d6604d', '#762a83', '#e08214', '#8c510a', '#a50026',
  '#4d4d4d', '#2166ac', '#5aae61', '#1b7837', '#878787', '#542788',
];

/** Light to dark: more risk or more coverage. */
export function shade(value: number): string {
  const steps = ['#fff7ec', '#fee8c8', '#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#990000'];
  const i = Math.max(0, Math.min(steps.length - 1, Math.floor(value * steps.length)));
  return steps[i] as string;
}

interface IncidentMapProps {
  countries: FeatureCollection<Geometry>;
  sectors: SectorShape[];
  hotspots: Feature<Polygon>[];
  points: MapPoints | null;
  title: string;
  /** Told how long the points took to draw, in milliseconds. */
  onDrawn?: (ms: number, count: number) => void;
}

export function IncidentMap({ countries, sectors, hotspots, points, title, onDrawn }: IncidentMapProps) {
  const [box, width] = useElementWidth<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const height = Math.round(Math.max(320, width * 0.75));
  const projection = useMemo<GeoProjection | null>(
    () => (width > 0 ? geoMercator().fitSize([width, height], EXTENT) : null),
    [width, height],
  );
  const path = useMemo(() => (projection ? geoPath(projection) : null), [projection]);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !projection) return;
    const started = performance.now();
    context.clearRect(0, 0, width, height);
    const n = points?.lon.length ?? 0;
    if (points && n > 0) {
      // Project once with the projection's linear form (Mercator: x linear in
      // longitude, y through the log-tangent), then draw type by type.
      const [x0, y0] = projection([0, 0]) as [number, number];
      const [x1] = projection([1, 0]) as [number, number];
      const scaleX = x1 - x0;
      const k = scaleX * (180 / Math.PI);
      for (let type = 0; type < TYPE_COLOURS.length; type++) {
        context.fillStyle = TYPE_COLOURS[type] as string;
        context.globalAlpha = 0.55;
        context.beginPath();
        for (let i = 0; i < n; i++) {
          if (points.type[i] !== type) continue;
          const lon = points.lon[i] as number;
          const lat = points.lat[i] as number;
          const x = x0 + lon * scaleX;
          const y = y0 - k * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
          context.rect(x - 1.5, y - 1.5, 3, 3);
        }
        context.fill();
      }
      context.globalAlpha = 1;
    }
    if (points) onDrawn?.(performance.now() - started, n);
  }, [points, projection, width, height]);

  return (
    <div class="incident-map" ref={box} data-testid="incident-map">
      {projection && path && (
        <div class="incident-map__stack">
          <svg class="incident-map__base" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
            <rect class="route-map__water" x={0} y={0} width={width} height={height} />
            {countries.features.map((f, i) => (
              <path key={i} class="route-map__land" d={path(f) ?? ''} />
            ))}
          </svg>
          <canvas class="incident-map__points" ref={canvas} width={width} height={height} data-testid="incident-canvas" />
          <svg class="incident-map__over" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
            <title>{title}</title>
            {sectors.map((s) => (
              <path key={s.code} class="incident-map__sector" d={path(forD3(s.geometry)) ?? ''} fill={shade(s.value)} data-sector={s.code}>
                <title>{`${s.code} ${s.name}`}</title>
              </path>
            ))}
            {sectors.map((s) => {
              const c = path.centroid(forD3(s.geometry));
              return (
                <text key={`l-${s.code}`} class="incident-map__label" x={c[0]} y={c[1]} text-anchor="middle">
                  {s.code}
                </text>
              );
            })}
            {hotspots.map((h, i) => (
              <path key={`h-${i}`} class="incident-map__hotspot" d={path(forD3(h.geometry)) ?? ''} data-testid="hotspot" />
            ))}
          </svg>
        </div>
      )}
    </div>
  );
}
