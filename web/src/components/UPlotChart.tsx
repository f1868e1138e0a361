import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Colours from the stylesheet, so charts follow the light/dark theme and keep its contrast. */
export function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#333';
}

interface UPlotChartProps {
  /** Built for a width; must keep its identity between renders unless the chart should be rebuilt. */
  options: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  name: string;
  points: number;
}

/** A uPlot chart that fills its container's width and follows its resizes. */
export function UPlotChart({ options, data, label, name, points }: UPlotChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const plot = useRef<{ chart: uPlot; data: uPlot.AlignedData } | null>(null);
  const latest = useRef(data);
  latest.current = data;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const widthOf = () => Math.max(280, Math.floor(el.clientWidth));
    const chart = new uPlot(options(widthOf()), latest.current, el);
    plot.current = { chart, data: latest.current };
    el.dataset.drawn = 'true';
    const ro = new ResizeObserver(() => {
      const w = widthOf();
      if (Math.abs(w - chart.width) > 1) chart.setSize({ width: w, height: chart.height });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
      plot.current = null;
      delete el.dataset.drawn;
    };
  }, [options]);
  // New data for the same chart (live polling): redraw in place rather than rebuild.
  useEffect(() => {
    const p = plot.current;
    if (p && p.data !== data) {
      p.chart.setData(data);
      p.data = data;
    }
  }, [data]);
  return <div ref={ref} class="chart" role="img" aria-label={label} data-chart={name} data-points={points} />;
}

export { uPlot };
