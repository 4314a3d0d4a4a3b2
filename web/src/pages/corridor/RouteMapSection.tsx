// Where the route runs: the map of the corridor with its places, a legend,
// and the same places as a table for those who do not see the map.

import { useMemo } from 'preact/hooks';
import countriesText from '../../../../data/geo/panama_colombia_ne50m.geojson?raw';
import placesText from '../../../../data/geo/route_places.csv?raw';
import type { FeatureCollection, Geometry } from 'geojson';
import { useI18n } from '../../i18n';
import { countryName } from '../../ui/countries';
import { DataTable } from '../../ui/DataTable';
import type { CountryShape, MapText } from './map/layout';
import { PLACE_KINDS, parsePlaces, type Place } from './map/places';
import { PlaceSymbol, RouteMap } from './map/RouteMap';

/** Natural Earth numbers its countries by ISO 3166-1 numeric code. */
const ISO_NUMERIC_TO_ALPHA3: Record<string, string> = { '591': 'PAN', '170': 'COL' };

const PLACES = parsePlaces(placesText);
const COUNTRIES: { iso3: string; geometry: Geometry }[] = (
  JSON.parse(countriesText) as FeatureCollection<Geometry, { name?: string; iso_n3?: string }>
).features.flatMap((feature) => {
  const iso3 = ISO_NUMERIC_TO_ALPHA3[feature.properties?.iso_n3 ?? ''];
  return iso3 ? [{ iso3, geometry: feature.geometry }] : [];
});

export function RouteMapSection() {
  const { t, locale, formatNumber } = useI18n();
  const countries = useMemo<CountryShape[]>(
    () => COUNTRIES.map((c) => ({ ...c, name: countryName(c.iso3, locale) ?? c.iso3 })),
    [locale],
  );
  const texts = useMemo<MapText[]>(
    () => [
      { key: 'PAN', text: (countryName('PAN', locale) ?? 'Panama').toLocaleUpperCase(locale), lon: -80.05, lat: 8.45, kind: 'country' },
      { key: 'COL', text: (countryName('COL', locale) ?? 'Colombia').toLocaleUpperCase(locale), lon: -76.55, lat: 7.25, kind: 'country' },
      { key: 'caribbean', text: t('corridor.map.caribbean'), lon: -79.3, lat: 9.3, kind: 'sea' },
      { key: 'pacific', text: t('corridor.map.pacific'), lon: -79.2, lat: 7.35, kind: 'sea' },
    ],
    [locale, t],
  );
  const kindName = (place: Place) => t(`corridor.map.kind.${place.kind}`);
  const coordinate = (value: number) => formatNumber(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

  return (
    <section class="section" aria-labelledby="route-heading" data-testid="route">
      <h2 class="heading-l" id="route-heading">
        {t('corridor.map.title')}
      </h2>
      <p>{t('corridor.map.lead')}</p>
      <figure class="figure">
        <RouteMap
          countries={countries}
          places={PLACES}
          texts={texts}
          title={t('corridor.map.svgTitle')}
          description={t('corridor.map.svgDescription', { count: PLACES.length })}
        />
        <figcaption>
          <ul class="map-legend" aria-label={t('corridor.map.legend')}>
            {PLACE_KINDS.map((kind) => (
              <li key={kind} class="map-legend__item">
                <svg class="map-legend__symbol" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                  <PlaceSymbol kind={kind} x={10} y={10} />
                </svg>
                {t(`corridor.map.kind.${kind}`)}
              </li>
            ))}
          </ul>
          <p class="source" data-testid="map-source">
            {t('corridor.map.source')}
          </p>
        </figcaption>
      </figure>
      <DataTable
        caption={t('corridor.map.tableCaption')}
        testId="route-places"
        rows={PLACES}
        rowKey={(place) => place.name}
        exportName="darien-route-places"
        columns={[
          { key: 'name', header: t('corridor.map.col.place'), value: (place) => place.name },
          { key: 'kind', header: t('corridor.map.col.kind'), value: kindName },
          { key: 'country', header: t('corridor.map.col.country'), value: (place) => countryName(place.country, locale) ?? place.country },
          { key: 'admin1', header: t('corridor.map.col.admin1'), value: (place) => place.admin1, wideOnly: true },
          { key: 'lat', header: t('corridor.map.col.lat'), value: (place) => place.lat, render: (place) => coordinate(place.lat), numeric: true },
          { key: 'lon', header: t('corridor.map.col.lon'), value: (place) => place.lon, render: (place) => coordinate(place.lon), numeric: true },
          {
            key: 'confidence',
            header: t('corridor.map.col.confidence'),
            value: (place) => t(`corridor.map.confidence.${place.confidence}`),
          },
        ]}
      />
      <p class="hint">{t('corridor.map.confidenceHint')}</p>
    </section>
  );
}
