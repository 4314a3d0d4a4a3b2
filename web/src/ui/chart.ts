// What every chart shares: colours and type from the design tokens, read at
// draw time so a chart follows tokens.css rather than its own copies.

import type uPlot from 'uplot';

/** The value of a design token (a CSS custom property on :root), or `fallback`. */
export function token(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** The canvas font of chart axes: the small size of the body font. */
export function chartFont(): string {
  return `${token('--font-size-s', '16px')} ${token('--font-family', 'sans-serif')}`;
}

/** An axis drawn in the text colour with light grid lines. */
export function axisStyle(): Pick<uPlot.Axis, 'stroke' | 'font' | 'grid' | 'ticks'> {
  const grid = token('--color-border', '#b1b4b6');
  return {
    stroke: token('--color-text', '#0b0c0c'),
    font: chartFont(),
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid },
  };
}

/** Chart height for a container width: shorter on narrow screens. */
export function chartHeight(width: number): number {
  return width < 600 ? 260 : 320;
}
