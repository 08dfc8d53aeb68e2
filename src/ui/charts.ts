// Line charts with uPlot, with the rungs crossed and the mediation milestones drawn as marked
// vertical lines, and a data table beside each as its text alternative. Loaded lazily. Each chart is made
// and destroyed by a lit directive (plot), so no chart, nor the window listeners uPlot adds, outlives its figure.
import { html, noChange, type TemplateResult } from 'lit-html';
import {
  AsyncDirective,
  directive,
  type ElementPart,
  type PartInfo,
  PartType,
} from 'lit-html/async-directive.js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Marker, Series } from '../sim/series.ts';
import { num } from './dom.ts';

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

/** The symbol drawn at the top of a marker's line. */
export const markSymbol = (m: Marker) => (m.kind === 'rung-up' ? '▲' : m.kind === 'rung-down' ? '▼' : '◆');

/** What one chart shows. */
export interface ChartSpec {
  id: string;
  title: string;
  /** What the y axis measures, for the caption and the table. */
  unit: string;
  /** The y axis's own label, short enough for the chart's height (the unit when not given). */
  axis?: string;
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
            ctx.fillText(markSymbol(m), x + 2, u.bbox.top + (stack + 1) * 12 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** uPlot's options for a chart: its legend names the series only, with no value under the pointer. */
function plotOptions(spec: ChartSpec): uPlot.Options {
  return {
    width: spec.width ?? 560,
    height: spec.height ?? 220,
    scales: { x: { time: false } },
    legend: { live: false },
    axes: [
      { label: 'Round', values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      { label: spec.axis ?? spec.unit },
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
  };
}

/** Draws a uPlot chart into the element it sits on; destroys it when the element leaves the page. */
class PlotDirective extends AsyncDirective {
  private chart: uPlot | null = null;
  private host: HTMLElement | null = null;
  private spec: ChartSpec | null = null;
  /** The spec drawn, as text: a re-render with equal figures leaves the chart alone. */
  private drawn = '';

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('plot() goes on an element');
  }

  render(_spec: ChartSpec) {
    return noChange;
  }

  override update(part: ElementPart, [spec]: [ChartSpec]) {
    this.host = part.element as HTMLElement;
    const key = JSON.stringify(spec);
    if (this.chart && this.drawn === key) return noChange;
    this.spec = spec;
    this.drawn = key;
    this.draw();
    return noChange;
  }

  private draw(): void {
    this.chart?.destroy();
    const spec = this.spec;
    if (!spec || !this.host) return;
    const data: uPlot.AlignedData = [spec.rounds, ...spec.series.map((x) => x.values)];
    this.chart = new uPlot(plotOptions(spec), data, this.host);
  }

  override disconnected(): void {
    this.chart?.destroy();
    this.chart = null;
  }

  override reconnected(): void {
    this.draw();
  }
}

/** Draws `spec` as a uPlot chart in the element this sits on (`<div ${plot(spec)}>`). */
export const plot = directive(PlotDirective);

/** The data table that stands in for a chart (and for its markers) for screen readers. */
export function chartTable(spec: ChartSpec): TemplateResult {
  return html`<table class="chart-table">
    <caption>${spec.title} (${spec.unit}), by round</caption>
    <thead><tr><th scope="col">Round</th>${spec.series.map((x) => html`<th scope="col">${x.name}</th>`)}<th scope="col">Marked</th></tr></thead>
    <tbody>${spec.rounds.map(
      (r, i) =>
        html`<tr><th scope="row">${r === 0 ? 'Opening' : String(r)}</th>${spec.series.map((x) => html`<td>${num(x.values[i] ?? 0)}</td>`)}<td>${spec.markers
          .filter((m) => m.round === r)
          .map((m) => m.label)
          .join('; ')}</td></tr>`,
    )}</tbody>
  </table>`;
}

/** A figure: the uPlot chart, a caption and the data table (the markers are explained once, above the charts). */
export function chartFigure(spec: ChartSpec): TemplateResult {
  return html`<figure class="chart" id=${`chart-${spec.id}`} data-chart=${spec.id}>
    <figcaption>${spec.title} (${spec.unit})</figcaption>
    <div class="chart-plot" aria-hidden="true" ${plot(spec)}></div>
    <details class="chart-data"><summary>Data table: ${spec.title}</summary>${chartTable(spec)}</details>
  </figure>`;
}
