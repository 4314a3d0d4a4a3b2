// The year so far and its projection as a fan: people counted since January
// up to the cut-off, then a line to the projected December total inside its
// 80% interval, and, for a year already over, what really happened. The
// canvas is hidden from assistive technology: the caption says the same.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../../i18n';
import { axisStyle, chartHeight, token } from '../../ui/chart';
import { makeMonth } from './months';

export interface FanChartProps {
  year: number;
  /** The cut-off month, 1..11. */
  cutoff: number;
  /** People counted by the end of each month, January to the cut-off. */
  known: number[];
  point: number;
  low80: number;
  high80: number;
  /** People counted by the end of each month of the whole year, when the year is over. */
  actual: number[] | null;
}

/** From the value at the cut-off to `end` in December, in a straight line. */
function toDecember(start: number, end: number, cutoff: number): (number | null)[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    if (month < cutoff) return null;
    return start + ((end - start) * (month - cutoff)) / (12 - cutoff);
  });
}

export function FanChart({ year, cutoff, known, point, low80, high80, actual }: FanChartProps) {
  const { t, formatNumber, formatMonth, formatMonthName } = useI18n();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const xs = Array.from({ length: 12 }, (_, index) => index + 1);
    const atCutoff = known[cutoff - 1] ?? 0;
    const knownLine = xs.map((month) => (month <= cutoff ? (known[month - 1] ?? null) : null));
    const projected = toDecember(atCutoff, point, cutoff);
    const low = toDecember(atCutoff, low80, cutoff);
    const high = toDecember(atCutoff, high80, cutoff);
    const counted = token('--color-chart-line', '#1a5f99');
    const projection = token('--color-chart-projection', '#8a4b00');
    const real = token('--color-chart-actual', '#0b0c0c');
    const number = (_u: uPlot, value: number | null) => (value == null ? '–' : formatNumber(Math.round(value)));
    const series: uPlot.Series[] = [
      { label: t('chart.month'), value: (_u, month) => (month == null ? '–' : formatMonth(makeMonth(year, month))) },
      { label: t('corridor.fan.counted'), stroke: counted, width: 3, points: { show: true, size: 6 }, value: number },
      { label: t('corridor.fan.projected'), stroke: projection, width: 2, dash: [8, 6], points: { show: false }, value: number },
      { label: t('corridor.fan.low'), stroke: `${projection}80`, width: 1, points: { show: false }, value: number },
      { label: t('corridor.fan.high'), stroke: `${projection}80`, width: 1, points: { show: false }, value: number },
    ];
    const data: uPlot.AlignedData = [xs, knownLine, projected, low, high];
    if (actual) {
      series.push({ label: t('corridor.fan.actual'), stroke: real, width: 2, points: { show: false }, value: number });
      data.push(actual);
    }
    const top = Math.max(high80, point, ...(actual ?? []), 1);
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: chartHeight(element.clientWidth),
      scales: { x: { time: false, range: [1, 12] }, y: { range: [0, top * 1.05] } },
      series,
      bands: [{ series: [4, 3], fill: `${projection}26` }],
      axes: [
        {
          ...axisStyle(),
          splits: () => xs,
          values: (_u, splits) => splits.map((month) => formatMonthName(makeMonth(year, month), 'short')),
        },
        // Wide enough for "1,400,000": a wide interval reaches millions.
        { ...axisStyle(), size: 100, values: (_u, splits) => splits.map((value) => formatNumber(value)) },
      ],
      cursor: { points: { size: 8 } },
      legend: { live: true },
    };
    const plot = new uPlot(options, data, element);
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) plot.setSize({ width: element.clientWidth, height: chartHeight(element.clientWidth) });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [year, cutoff, known, point, low80, high80, actual, t, formatNumber, formatMonth, formatMonthName]);

  return <div class="chart" ref={box} aria-hidden="true" data-testid="fan-chart" />;
}
