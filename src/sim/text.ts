// Renders news templates. Values are inserted as plain text; nothing here is ever HTML.
import type { Metric } from '../scenario/schema.ts';
import { type Compiled, placeOrActorName } from './compile.ts';

/** Values a template may use. */
export interface TextVars {
  actor?: string;
  target?: string;
  round: number;
  killed?: number;
  verified?: number;
  mediator?: string;
  claims?: Record<string, number>;
  /** Metric values for {metric:ID}: the final state's, in ending descriptions. */
  metrics?: Record<string, number>;
}

/** Rounds a metric value for display (one decimal at most). */
export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A metric's value as the interface shows it: rounded, with the metric's unit. */
export function metricValue(metric: Metric, value: number): string {
  return `${num(value)}${metric.unit ? ` ${metric.unit}` : ''}`;
}

/**
 * A placeholder, optionally with plural forms after bars: `{killed|person|people}` gives "1 person" or
 * "12 people". The validator allows forms only on the placeholders that stand for a number.
 */
const PLACEHOLDER =
  /\{(actor|target|round|date|killed|verified|mediator|(claim|metric):([a-z][a-z0-9-]*))(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

/** A figure with the noun that fits it: "1 soldier", "3 soldiers", or `none` when there is no figure. */
function counted(
  n: number | undefined,
  none: string,
  one?: string,
  many?: string,
  bare: (n: number) => string = String,
): string {
  if (one === undefined || many === undefined) return n === undefined ? none : bare(n);
  if (n === undefined) return `${none} of ${many}`;
  const shown = num(n);
  return `${shown} ${shown === '1' ? one : many}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The scenario's start as a time and its UTC offset, read once per scenario: news render dates every round.
const starts = new WeakMap<Compiled, { time: number; offsetMin: number }>();

/** The in-game date and time of a round, in the scenario's own UTC offset. */
export function roundDate(c: Compiled, round: number): string {
  let start = starts.get(c);
  if (!start) {
    const text = c.scenario.meta.start;
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
    const offsetMin = offset
      ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
      : 0;
    start = { time: Date.parse(text), offsetMin };
    starts.set(c, start);
  }
  const { hoursPerRound } = c.scenario.meta;
  const t = start.time + Math.max(0, round - 1) * hoursPerRound * 3_600_000 + start.offsetMin * 60_000;
  const d = new Date(t);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm}`;
}

/** An actor's or a place's name; '' for no id. */
function nameOf(c: Compiled, id: string | undefined): string {
  return id === undefined ? '' : placeOrActorName(c, id);
}

/** The text of one placeholder (its parts as PLACEHOLDER captures them). */
function fill(
  c: Compiled,
  v: TextVars,
  key: string,
  kind?: string,
  ref?: string,
  one?: string,
  many?: string,
): string {
  if (kind === 'claim' && ref !== undefined) return counted(v.claims?.[ref], 'no figure', one, many);
  const metric = kind === 'metric' && ref !== undefined ? c.metrics.get(ref) : undefined;
  if (kind === 'metric')
    return counted(metric && (v.metrics?.[metric.id] ?? metric.start), 'no figure', one, many, (n) =>
      metric ? metricValue(metric, n) : String(n),
    );
  switch (key) {
    case 'actor':
      return nameOf(c, v.actor);
    case 'target':
      return nameOf(c, v.target);
    case 'round':
      return counted(v.round, '', one, many);
    case 'date':
      return roundDate(c, v.round);
    case 'killed':
      return counted(v.killed ?? 0, '', one, many);
    case 'verified':
      return counted(v.verified ?? 0, '', one, many);
    default:
      return nameOf(c, v.mediator);
  }
}

/** A template's parts: its text between placeholders, and each placeholder's captures. */
type Part = string | { key: string; kind?: string; ref?: string; one?: string; many?: string };

// Templates are the scenario's, few and rendered every round: each is split into its parts once.
const compiled = new Map<string, readonly Part[]>();
/** Design choice: the split templates kept, far above a scenario's; a trainer's on-the-spot injects add theirs. */
const KEPT_TEMPLATES = 2000;

function parts(template: string): readonly Part[] {
  let out = compiled.get(template);
  if (out === undefined) {
    const list: Part[] = [];
    let at = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      list.push(template.slice(at, m.index), {
        key: m[1] ?? '',
        kind: m[2],
        ref: m[3],
        one: m[4],
        many: m[5],
      });
      at = m.index + m[0].length;
    }
    list.push(template.slice(at));
    out = list;
    if (compiled.size >= KEPT_TEMPLATES) compiled.clear();
    compiled.set(template, out);
  }
  return out;
}

/** Fills a template's placeholders with names and figures. */
export function render(template: string, c: Compiled, v: TextVars): string {
  // Without a placeholder a template is its own text.
  if (!template.includes('{')) return template;
  let text = '';
  for (const p of parts(template))
    text += typeof p === 'string' ? p : fill(c, v, p.key, p.kind, p.ref, p.one, p.many);
  return text;
}
