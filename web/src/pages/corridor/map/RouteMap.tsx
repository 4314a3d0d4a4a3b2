// The route through the Darién on an offline map: Panama and Colombia from
// Natural Earth, the places of the route as labelled markers, drawn as SVG
// from attributes only (the CSP allows no inline style). No tiles, no
// network: both files are bundled into the build.

import { useMemo } from 'preact/hooks';
import { useI18n } from '../../../i18n';
import { useElementWidth } from '../../../ui/useElementWidth';
import { LABEL_SIZE, layoutMap, type CountryShape, type MapText, type Measure } from './layout';
import type { Place, PlaceKind } from './places';

const SYMBOL_SIZE = 7;

/** A place's marker: departure ▲, landing ●, community ◆, reception station ■; the legend uses the same. */
export function PlaceSymbol({ kind, x, y }: { kind: PlaceKind; x: number; y: number }) {
  const r = SYMBOL_SIZE;
  const className = `map-symbol map-symbol--${kind}`;
  switch (kind) {
    case 'departure':
      return <path class={className} d={`M${x},${y - r} L${x + r},${y + r * 0.75} L${x - r},${y + r * 0.75} Z`} />;
    case 'landing':
      return <circle class={className} cx={x} cy={y} r={r * 0.8} />;
    case 'community':
      return <path class={className} d={`M${x},${y - r} L${x + r},${y} L${x},${y + r} L${x - r},${y} Z`} />;
    case 'reception':
      return <rect class={className} x={x - r * 0.75} y={y - r * 0.75} width={r * 1.5} height={r * 1.5} />;
  }
}

let canvas: HTMLCanvasElement | undefined;

/** Text widths from the canvas, in the fonts the map's CSS gives its labels. */
function canvasMeasure(): Measure {
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-family').trim() || 'sans-serif';
  return (text, kind) => {
    const size = kind === 'country' ? LABEL_SIZE + 2 : LABEL_SIZE;
    const weight = kind === 'sea' ? 'italic 400' : '700';
    if (!context) return text.length * size * 0.62;
    context.font = `${weight} ${size}px ${family}`;
    // Country names are spaced out (letter-spacing in the CSS).
    const spacing = kind === 'country' ? text.length * 2 : 0;
    return context.measureText(text).width + spacing;
  };
}

interface RouteMapProps {
  countries: CountryShape[];
  places: Place[];
  texts: MapText[];
  title: string;
  description: string;
}

export function RouteMap({ countries, places, texts, title, description }: RouteMapProps) {
  const { language } = useI18n();
  const [box, width] = useElementWidth<HTMLDivElement>();
  const layout = useMemo(
    () => (width > 0 ? layoutMap(width, countries, places, texts, canvasMeasure()) : null),
    [width, countries, places, texts],
  );
  return (
    <div class="route-map" ref={box} data-testid="route-map">
      {layout && (
        <svg
          class="route-map__svg"
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-labelledby="route-map-title route-map-desc"
          lang={language}
        >
          <title id="route-map-title">{title}</title>
          <desc id="route-map-desc">{description}</desc>
          <rect class="route-map__water" x="0" y="0" width={layout.width} height={layout.height} />
          {layout.countries.map((country) => (
            <path key={country.iso3} class={`route-map__land route-map__land--${country.iso3}`} d={country.d} data-country={country.iso3}>
              <title>{country.name}</title>
            </path>
          ))}
          {layout.texts.map((text) => (
            <text key={text.key} class={`route-map__${text.kind}-name`} x={text.x} y={text.y} text-anchor="middle">
              {text.text}
            </text>
          ))}
          {layout.labels.map((label) =>
            label.leader ? (
              <line
                key={`leader-${label.place.name}`}
                class="route-map__leader"
                x1={label.leader.x1}
                y1={label.leader.y1}
                x2={label.leader.x2}
                y2={label.leader.y2}
              />
            ) : null,
          )}
          {layout.labels.map((label) => (
            <g key={`marker-${label.place.name}`} data-place={label.place.name}>
              <PlaceSymbol kind={label.place.kind} x={label.px} y={label.py} />
            </g>
          ))}
          {layout.labels.map((label) => (
            <text
              key={`label-${label.place.name}`}
              class="route-map__label"
              x={label.x}
              y={label.y}
              text-anchor={label.anchor}
              data-label={label.place.name}
            >
              {label.place.name}
            </text>
          ))}
        </svg>
      )}
    </div>
  );
}
