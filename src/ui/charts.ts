// Line charts with uPlot, with the rungs crossed and the mediation milestones drawn as marked
// vertical lines, and a data table beside each as its text alternative. Loaded lazily.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Marker, Series } from '../sim/series.ts';
import { el, num } from './dom.ts';

const COLOURS = ['#8a2c0d', '#1d5fbf', '#2f7d32', '#7b3fa0', '#b8860b', '#00838f'];
const MARK_COLOURS: Record<Marker['kind'], string> = {
  'rung-up': '#b3261e',
  'rung-down': '#2f7d32',
  offered: '#1d5fbf',
  accepted: '#1d5fbf',
  talks: '#1d5fbf',
  agreement: '#2f7d32',
  collapsed: '#6b4e16',
};

/** What one chart shows. */
export interface ChartSpec {
  id: string;
  title: string;
  /** What the y axis measures, for the caption and the table. */
  unit: string;
  rounds: number[];
  series: Series[];
  markers: Marker[];
  width?: number;
  height?: number;
}

/** Draws the markers: a dashed line per marked round, with a short label at the top. */
function markerPlugin(markers: Marker[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          const seen = new Map<number, number>();
          ctx.save();
          ctx.setLineDash([4, 4]);
          ctx.font = `${Math.round(10 * devicePixelRatio)}px system-ui, sans-serif`;
          for (const m of markers) {
            const x = Math.round(u.valToPos(m.round, 'x', true));
            const stack = seen.get(m.round) ?? 0;
            seen.set(m.round, stack + 1);
            ctx.strokeStyle = MARK_COLOURS[m.kind];
            ctx.fillStyle = MARK_COLOURS[m.kind];
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            const symbol = m.kind === 'rung-up' ? '▲' : m.kind === 'rung-down' ? '▼' : '◆';
            ctx.fillText(symbol, x + 2, u.bbox.top + (stack + 1) * 12 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** The data table that stands in for a chart (and for its markers) for screen readers and print. */
export function chartTable(spec: ChartSpec): HTMLElement {
  return el(
    'table',
    { class: 'chart-table' },
    el('caption', {}, `${spec.title} (${spec.unit}), by round`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Round'),
        spec.series.map((x) => el('th', { scope: 'col' }, x.name)),
        el('th', { scope: 'col' }, 'Marked'),
      ),
    ),
    el(
      'tbody',
      {},
      spec.rounds.map((r, i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, r === 0 ? 'Opening' : String(r)),
          spec.series.map((x) => el('td', {}, num(x.values[i] ?? 0))),
          el(
            'td',
            {},
            spec.markers
              .filter((m) => m.round === r)
              .map((m) => m.label)
              .join('; '),
          ),
        ),
      ),
    ),
  );
}

/** A figure: the uPlot chart, a caption, a legend of the markers, and the data table. */
export function chartFigure(spec: ChartSpec): HTMLElement {
  const plotHost = el('div', { class: 'chart-plot', 'aria-hidden': 'true' });
  const marks = spec.markers.length
    ? el(
        'p',
        { class: 'chart-marks' },
        `Marked: ${spec.markers.map((m) => `round ${m.round}, ${m.label}`).join('; ')}.`,
      )
    : null;
  const figure = el(
    'figure',
    { class: 'chart', id: `chart-${spec.id}`, 'data-chart': spec.id },
    el('figcaption', {}, `${spec.title} (${spec.unit})`),
    plotHost,
    marks,
    el('details', { class: 'chart-data' }, el('summary', {}, `Data table: ${spec.title}`), chartTable(spec)),
  );
  const data: uPlot.AlignedData = [spec.rounds, ...spec.series.map((x) => x.values)];
  new uPlot(
    {
      width: spec.width ?? 560,
      height: spec.height ?? 220,
      title: undefined,
      scales: { x: { time: false } },
      axes: [
        { label: 'Round', values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
        { label: spec.unit },
      ],
      series: [
        { label: 'Round' },
        ...spec.series.map((x, i) => ({
          label: x.name,
          stroke: COLOURS[i % COLOURS.length],
          width: 2,
          points: { show: true },
        })),
      ],
      plugins: [markerPlugin(spec.markers)],
    },
    data,
    plotHost,
  );
  return figure;
}
