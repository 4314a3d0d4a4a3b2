// A monthly line drawn with uPlot. The canvas is hidden from assistive
// technology: the figure around it carries a written summary and a table
// holds every value.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../i18n';
import { axisStyle, chartHeight, token } from './chart';

export interface MonthValue {
  /** `YYYY-MM` */
  month: string;
  value: number | null;
}

interface LineChartProps {
  points: MonthValue[];
  /** The series' name in the legend. */
  label: string;
  format: (value: number) => string;
  /** The top of the value axis; a little above the largest value when omitted. */
  max?: number;
  testId?: string;
}

export function LineChart({ points, label, format, max, testId }: LineChartProps) {
  const { t, formatMonth, formatMonthName } = useI18n();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element || points.length === 0) return undefined;
    const xs = points.map((_, index) => index);
    const ys = points.map((point) => point.value);
    // Short ranges get a tick each quarter, long ones each January.
    const step = points.length <= 36 ? 3 : 12;
    const ticks = points.flatMap((point, index) =>
      (Number(point.month.slice(5, 7)) - 1) % step === 0 ? [index] : [],
    );
    const line = token('--color-chart-line', '#1a5f99');
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: chartHeight(element.clientWidth),
      scales: {
        x: { time: false },
        y: { range: (_u, _min, top) => [0, max ?? Math.max(top * 1.1, 1)] },
      },
      series: [
        { label: t('chart.month'), value: (_u, index) => (index == null ? '–' : formatMonth(points[index]?.month ?? '')) },
        {
          label,
          stroke: line,
          width: 2,
          points: { show: points.length < 40, size: 5 },
          value: (_u, value) => (value == null ? '–' : format(value)),
        },
      ],
      axes: [
        {
          ...axisStyle(),
          splits: () => ticks,
          values: (_u, splits) =>
            splits.map((index) => {
              const month = points[index]?.month ?? '';
              // January stands for its year; the other ticks are months of it.
              return month.endsWith('-01') ? month.slice(0, 4) : formatMonthName(month, 'short');
            }),
        },
        { ...axisStyle(), size: 80, values: (_u, splits) => splits.map(format) },
      ],
      cursor: { points: { size: 8 } },
      legend: { live: true },
    };
    const plot = new uPlot(options, [xs, ys], element);
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) plot.setSize({ width: element.clientWidth, height: chartHeight(element.clientWidth) });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [points, label, format, max, t, formatMonth, formatMonthName]);

  return <div class="chart" ref={box} aria-hidden="true" data-testid={testId} />;
}
