// Monthly transits as a uPlot line. The canvas is hidden from assistive
// technology: the figure's caption summarises it and the monthly table next
// to it holds every value.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../../i18n';
import { token } from '../../ui/chart';

export interface MonthPoint {
  month: string;
  total: number;
}

export function TransitsChart({ series }: { series: MonthPoint[] }) {
  const { t, formatNumber, formatMonth } = useI18n();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element || series.length === 0) return undefined;
    const xs = series.map((_, index) => index);
    const ys = series.map((point) => point.total);
    const januaries = series.flatMap((point, index) => (point.month.endsWith('-01') ? [index] : []));
    const ink = token('--color-text', '#0b0c0c');
    const grid = token('--color-border', '#b1b4b6');
    const line = token('--color-chart-line', '#1d70b8');
    const font = `${token('--font-size-s', '16px')} ${token('--font-family', 'sans-serif')}`;
    const height = () => (element.clientWidth < 600 ? 260 : 340);

    const options: uPlot.Options = {
      width: element.clientWidth,
      height: height(),
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max * 1.05] } },
      series: [
        { label: t('overview.chart.month'), value: (_u, index) => (index == null ? '–' : formatMonth(series[index]?.month ?? '')) },
        {
          label: t('overview.chart.transits'),
          stroke: line,
          width: 2,
          fill: `${line}1a`,
          points: { show: false },
          value: (_u, value) => (value == null ? '–' : formatNumber(value)),
        },
      ],
      axes: [
        {
          stroke: ink,
          font,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          splits: () => januaries,
          values: (_u, splits) => splits.map((index) => series[index]?.month.slice(0, 4) ?? ''),
        },
        {
          stroke: ink,
          font,
          size: 80,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          values: (_u, splits) => splits.map((value) => formatNumber(value)),
        },
      ],
      cursor: { points: { size: 8 } },
      legend: { live: true },
    };
    const plot = new uPlot(options, [xs, ys], element);
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) plot.setSize({ width: element.clientWidth, height: height() });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [series, t, formatNumber, formatMonth]);

  return <div class="chart" ref={box} aria-hidden="true" data-testid="transits-chart" />;
}
