// The student's gauges, always in view: the rung of the ladder and the next threshold, the few meters
// that matter to the role on screen, the round and the deadline. The meters are chosen from the
// scenario's data (the role's objectives, then metric roles), never from ids written here.
import { html, type TemplateResult } from 'lit-html';
import type { Condition, Metric } from '../scenario/schema.ts';
import type { Compiled } from '../sim/compile.ts';
import { num, roundDate } from '../sim/text.ts';
import type { GameState } from '../sim/types.ts';
import { signed } from './dom.ts';

/** How many meters a role sees at a glance: more turns the strip back into the full table. */
const MOST_METERS = 4;

/** One meter as the strip shows it: its name, value and change in words, and a fill for a 0..1 bar. */
export interface Gauge {
  id: string;
  name: string;
  value: string;
  change: string;
  delta: number;
  /** Where the value sits in its range (0..1), for indices only: a count's range says nothing. */
  fill: number | null;
}

/** The ladder in words: the current rung, and the escalation that moves it up or down. */
export interface RungGauge {
  name: string;
  /** 1-based place on the ladder, and how many rungs there are. */
  step: number;
  of: number;
  next: string | null;
  below: string | null;
  change: 'up' | 'down' | null;
}

/** Everything the strip shows. */
export interface GaugeData {
  round: string;
  date: string;
  deadline: string;
  /** Which round the changes are of: "in the opening", "in round 3". */
  when: string;
  rung: RungGauge;
  meters: Gauge[];
}

/** A metric's value in plain words and units: "274 killed", "22.3 million people", "15%", "60 out of 100". */
export function plainValue(m: Metric, value: number): string {
  if (m.unit === '%') return `${num(value)}%`;
  if (m.unit) return `${num(value)} ${m.unit}`;
  return m.min === 0 ? `${num(value)} out of ${num(m.max)}` : num(value);
}

/** A change in words, with the unit for a count: "+64 killed", "−0.2 million people", "no change". */
export function plainChange(m: Metric, delta: number): string {
  if (signed(delta) === '0') return 'no change';
  if (m.unit === '%') return `${signed(delta)} points`;
  return m.unit ? `${signed(delta)} ${m.unit}` : signed(delta);
}

/** Every metric id a condition tests. */
export function metricsIn(cond: Condition): string[] {
  if ('all' in cond) return cond.all.flatMap(metricsIn);
  if ('any' in cond) return cond.any.flatMap(metricsIn);
  if ('not' in cond) return metricsIn(cond.not);
  if ('sustained' in cond) return metricsIn(cond.sustained);
  if ('metric' in cond) return [cond.metric];
  return [];
}

/** The public metric that stands in for a hidden one: a side's true dead are shown as its verified dead. */
function shownFor(c: Compiled, m: Metric): Metric | undefined {
  if (m.public) return m;
  if (m.role === 'casualties-true' && m.actor) {
    const id = c.casualtiesVerified.get(m.actor);
    return id ? c.metrics.get(id) : undefined;
  }
  return undefined;
}

/** What a metric role says about a role's stake in it, best first, for meters no objective names. */
const STAKES: Metric['role'][] = ['standing', 'casualties-verified', 'humanitarian', 'trade', 'pain'];

/**
 * The meters that matter to `roles` (the people at this screen): first those their objectives test,
 * then their own standing, losses and pain, then the crisis's humanitarian need and trade; public only.
 */
export function mattering(c: Compiled, roles: string[]): Metric[] {
  const fromObjectives = roles.flatMap((r) =>
    (c.actors.get(r)?.objectives ?? []).flatMap((o) => metricsIn(o.when)),
  );
  const own = STAKES.flatMap((role) =>
    c.scenario.metrics.filter((m) => m.role === role && (m.actor === undefined || roles.includes(m.actor))),
  );
  const chosen: Metric[] = [];
  for (const id of fromObjectives) {
    const m = c.metrics.get(id);
    const shown = m && shownFor(c, m);
    if (shown && !chosen.includes(shown)) chosen.push(shown);
  }
  for (const m of own) if (m.public && !chosen.includes(m)) chosen.push(m);
  return chosen.filter((m) => m.role !== 'escalation').slice(0, MOST_METERS);
}

/** A metric's change over one round (0 when it did not move). */
export function deltaIn(s: GameState, metric: Metric, round: number): number {
  const ch = s.changes.filter((x) => x.round === round && x.subject === `metric:${metric.id}`);
  const first = ch[0];
  const last = ch[ch.length - 1];
  return first && last && typeof first.from === 'number' && typeof last.to === 'number'
    ? last.to - first.from
    : 0;
}

/** The rung the ladder stood on before `round` (its index). */
export function rungBefore(c: Compiled, s: GameState, round: number): number {
  const moved = s.changes.find((x) => x.round === round && x.subject === 'rung');
  return moved ? (c.rungIndex.get(String(moved.from)) ?? s.rung) : s.rung;
}

/** The ladder now: its rung, the escalation at which it climbs and below which it steps down. */
export function rungGauge(c: Compiled, s: GameState, round: number): RungGauge {
  const ladder = c.scenario.ladder;
  const rung = ladder[s.rung];
  const up = ladder[s.rung + 1];
  const down = ladder[s.rung - 1];
  const before = rungBefore(c, s, round);
  const escalation = Math.round(s.metrics[c.escalation.id] ?? c.escalation.start);
  return {
    name: rung?.name ?? String(s.rung),
    step: s.rung + 1,
    of: ladder.length,
    next: up ? `${up.name} at escalation ${num(up.enterAt)} (now ${escalation})` : null,
    below: down && rung ? `${down.name} if escalation falls below ${num(rung.leaveBelow)}` : null,
    change: s.rung > before ? 'up' : s.rung < before ? 'down' : null,
  };
}

/** "Orders due by 14:05" in the reader's own clock, or why there is no deadline. */
export function deadlineText(s: GameState, clock: (t: number) => string): string {
  if (s.paused) return 'Paused by the trainer';
  return s.deadline === null ? 'No deadline' : `Orders due by ${clock(s.deadline)}`;
}

/**
 * The strip's data for the people at this screen (`roles`; several in hot-seat and on shared screens),
 * with the changes of `round` (the last resolved round on an orders screen, this round after it resolves).
 */
export function gaugeData(
  c: Compiled,
  s: GameState,
  roles: string[],
  round: number,
  clock: (t: number) => string,
): GaugeData {
  return {
    round: s.round === 0 ? 'Before round 1' : `Round ${s.round} of ${c.scenario.meta.maxRounds}`,
    date: roundDate(c, s.round),
    deadline: deadlineText(s, clock),
    when: round === 0 ? 'in the opening' : `in round ${round}`,
    rung: rungGauge(c, s, round),
    meters: mattering(c, roles).map((m) => {
      const value = s.metrics[m.id] ?? m.start;
      const delta = deltaIn(s, m, round);
      const index = !m.unit && m.max > m.min;
      return {
        id: m.id,
        name: m.name,
        value: plainValue(m, value),
        change: plainChange(m, delta),
        delta,
        fill: index ? Math.min(1, Math.max(0, (value - m.min) / (m.max - m.min))) : null,
      };
    }),
  };
}

const arrow = (d: number) => (d > 0 ? '▲' : d < 0 ? '▼' : '');

/** The strip itself. */
export function gaugesView(d: GaugeData): TemplateResult {
  const r = d.rung;
  return html`<div class="gauges" data-testid="gauges">
    <p class="gauge-round"><strong>${d.round}</strong> <span>${d.date}</span>
      <span class="gauge-deadline">${d.deadline}</span></p>
    <div class="gauge gauge-rung" data-change=${r.change ?? 'none'}>
      <span class="gauge-name">Escalation ladder</span>
      <span class="gauge-value">${r.name} <small>(rung ${r.step} of ${r.of})</small>
        ${r.change ? html`<span class="gauge-change">${r.change === 'up' ? '▲ rose' : '▼ fell'} ${d.when}</span>` : ''}</span>
      ${r.next ? html`<span class="gauge-next">Next rung up: ${r.next}</span>` : html`<span class="gauge-next">The top of the ladder</span>`}
    </div>
    <ul class="gauge-meters">
      ${d.meters.map(
        (g) => html`<li class="gauge" data-metric=${g.id}>
          <span class="gauge-name">${g.name}</span>
          <span class="gauge-value">${g.value}</span>
          ${g.fill === null ? '' : html`<span class="gauge-bar" aria-hidden="true"><span style=${`width:${Math.round(g.fill * 100)}%`}></span></span>`}
          <span class="gauge-change" data-delta=${Math.sign(g.delta)}>${arrow(g.delta)} ${g.change} ${d.when}</span>
        </li>`,
      )}
    </ul>
  </div>`;
}
