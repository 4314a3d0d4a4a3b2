// Horizontal bars for a ranking (the top nationalities): names and values are
// HTML text, so they wrap, zoom and read out like any text; each bar is an SVG
// rectangle sized by attribute (no inline style, for the CSP).

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as shown at the end of the bar. */
  valueText: string;
}

export function BarChart({ bars, label, testId }: { bars: Bar[]; label: string; testId?: string }) {
  const max = bars.reduce((top, bar) => Math.max(top, bar.value), 0);
  return (
    <ol class="bar-chart" aria-label={label} data-testid={testId}>
      {bars.map((bar) => {
        const length = max > 0 ? (bar.value / max) * 100 : 0;
        return (
          <li class="bar-chart__row" key={bar.key} data-key={bar.key}>
            <span class="bar-chart__label">{bar.label}</span>
            <svg class="bar-chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="bar-chart__fill" x="0" y="0" width={Math.max(length, 0.5).toFixed(2)} height="10" />
            </svg>
            <span class="bar-chart__value">{bar.valueText}</span>
          </li>
        );
      })}
    </ol>
  );
}
