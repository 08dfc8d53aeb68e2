// The map's legend: each icon the map draws for a kind of place (src/map/icons.ts), the crossings open
// and closed, the highlighted borders, and the animations' colours, drawn as SVG with the same points and
// the map's palette. Only the kinds of place the scenario has are listed.
import { html, svg, type TemplateResult } from 'lit-html';
import { css, palette } from '../map/colour.ts';
import { star } from '../map/icons.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The colour a place takes when no actor governs its country. */
const NEUTRAL = css(palette.neutral);
const INK = css(palette.ink);
const HALO = css(palette.halo);

/** What each kind of place stands for, in the legend's words. */
const KINDS: Record<string, string> = {
  capital: 'Capital (star)',
  city: 'City',
  province: 'Province (diamond)',
  'military-post': 'Military post (triangle)',
  airbase: 'Air base',
  camp: 'Camp (triangle with a pole)',
  other: 'Other place',
};

/** One line of the legend: the shape's id and its words. */
export interface LegendEntry {
  shape: string;
  label: string;
}

/** The legend's lines for a scenario: its kinds of place in the map's order, then the crossings, border and cues. */
export function legendEntries(sc: Scenario): LegendEntry[] {
  const kinds = new Set(sc.locations.map((l) => l.kind));
  const places = Object.keys(KINDS)
    .filter((k) => kinds.has(k as never))
    .map((k) => ({ shape: k, label: KINDS[k] as string }));
  const crossings = kinds.has('crossing')
    ? [
        { shape: 'crossing-open', label: 'Border crossing, open (green bar raised)' },
        { shape: 'crossing-closed', label: 'Border crossing, closed (red bar, crossed)' },
      ]
    : [];
  const border = sc.map.borders.map((b) => ({
    shape: 'border',
    label: `${b.name}: the highlighted border (red dashes)`,
  }));
  return [
    ...places,
    ...crossings,
    ...border,
    { shape: 'strike', label: 'Strike or clash this round (flash and smoke)' },
    { shape: 'drone', label: 'Drone strike (purple trail)' },
    { shape: 'aid', label: 'Aid convoy (green route)' },
    {
      shape: 'draft',
      label:
        'Your order, drafted and not sent yet (dashed ring: blue, or red or green for a crossing to close or open; a dashed line for a route)',
    },
    { shape: 'reach', label: 'What the drafted order you point at could touch (teal ring)' },
  ];
}

/** The map's capital star (icons.ts) as SVG points. */
function starPoints(outer: number, inner: number): string {
  const flat = star(outer, inner);
  const pairs: string[] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push(`${flat[i]?.toFixed(2)},${flat[i + 1]?.toFixed(2)}`);
  return pairs.join(' ');
}

/** A crossing's gate: two posts and a bar, raised and green when open, red and crossed when closed. */
function gate(open: boolean) {
  const colour = css(open ? palette.open : palette.closed);
  return svg`<rect x="-10" y="-7" width="20" height="14" rx="3" fill=${HALO} stroke=${INK} stroke-width="1"/>
    <rect x="-8" y="-5" width="2" height="10" fill=${INK}/><rect x="6" y="-5" width="2" height="10" fill=${INK}/>
    ${
      open
        ? svg`<line x1="-6" y1="1" x2="4" y2="-5" stroke=${colour} stroke-width="3"/>`
        : svg`<rect x="-7" y="-2" width="14" height="4" fill=${colour}/>
          <path d="M-4 -6 4 6M4 -6 -4 6" stroke=${colour} stroke-width="2"/>`
    }`;
}

/** The SVG inside a 24×24 box centred on (0, 0) for one shape. */
function shape(id: string) {
  switch (id) {
    case 'capital':
      return svg`<polygon points=${starPoints(9, 4)} fill=${NEUTRAL} stroke=${INK} stroke-width="1.5"/>`;
    case 'city':
      return svg`<circle r="4.5" fill=${NEUTRAL} stroke=${HALO} stroke-width="1.5"/>`;
    case 'province':
      return svg`<polygon points="0,-7 7,0 0,7 -7,0" fill=${NEUTRAL} fill-opacity="0.55" stroke=${INK} stroke-width="1.5"/>`;
    case 'military-post':
      return svg`<polygon points="0,-8 7,5 -7,5" fill=${NEUTRAL} stroke=${INK} stroke-width="1.5"/>`;
    case 'airbase':
      return svg`<circle r="7" fill=${HALO} stroke=${NEUTRAL} stroke-width="1.5"/>
        <path d="M-5 0H5M0 -5V5" stroke=${NEUTRAL} stroke-width="2.5"/>`;
    case 'camp':
      return svg`<polygon points="0,-7 8,6 -8,6" fill=${HALO} stroke=${NEUTRAL} stroke-width="1.5"/>
        <path d="M0 -7V6" stroke=${NEUTRAL} stroke-width="1.5"/>`;
    case 'crossing-open':
      return gate(true);
    case 'crossing-closed':
      return gate(false);
    case 'border':
      return svg`<path d="M-11 0H11" stroke=${css(palette.borderGlow)} stroke-width="7"/>
        <path d="M-11 0H11" stroke=${css(palette.border)} stroke-width="3" stroke-dasharray="6 3"/>`;
    case 'strike':
      return svg`<circle r="8" fill=${css(palette.flash)}/><circle r="4" cx="3" cy="-3" fill=${css(palette.smoke)} fill-opacity="0.7"/>`;
    case 'drone':
      return svg`<path d="M-10 8 8 -6" stroke=${css(palette.drone)} stroke-width="1.5" stroke-dasharray="3 2"/>
        <circle cx="8" cy="-6" r="3" fill=${css(palette.flash)}/>`;
    case 'aid':
      return svg`<path d="M-10 6C-4 -6 4 6 10 -6" fill="none" stroke=${css(palette.aid)} stroke-width="2.5"/>`;
    case 'draft':
      return svg`<path d="M-11 9 2 -2" stroke=${css(palette.draft)} stroke-width="2" stroke-dasharray="4 3"/>
        <circle cx="4" cy="-4" r="6.5" fill="none" stroke=${css(palette.draft)} stroke-width="2" stroke-dasharray="4 2.5"/>`;
    case 'reach':
      return svg`<circle r="8" fill="none" stroke=${css(palette.reach)} stroke-opacity="0.45" stroke-width="5"/>`;
    default:
      return svg`<circle r="4" fill=${HALO} stroke=${NEUTRAL} stroke-width="2"/>`;
  }
}

/** The legend, a disclosure: open or folded as the caller says, then as the reader leaves it. */
export function legendView(entries: LegendEntry[], open: boolean): TemplateResult {
  return html`<details class="legend" data-testid="legend" ?open=${open}>
    <summary>Map legend</summary>
    <ul>
      ${entries.map(
        (e) => html`<li data-shape=${e.shape}>
          <svg viewBox="-12 -12 24 24" width="24" height="24" aria-hidden="true" focusable="false">${shape(e.shape)}</svg>
          <span>${e.label}</span>
        </li>`,
      )}
    </ul>
  </details>`;
}
