// Renders news templates. Values are inserted as plain text; nothing here is ever HTML.
import type { Compiled } from './compile.ts';

/** Values a template may use. */
export interface TextVars {
  actor?: string;
  target?: string;
  round: number;
  killed?: number;
  verified?: number;
  mediator?: string;
  claims?: Record<string, number>;
}

const PLACEHOLDER = /\{(actor|target|round|date|killed|verified|mediator|claim:([a-z][a-z0-9-]*))\}/g;

/** The in-game date and time of a round, in the scenario's own UTC offset. */
export function roundDate(c: Compiled, round: number): string {
  const { start, hoursPerRound } = c.scenario.meta;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(start);
  const offsetMin = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const t = Date.parse(start) + Math.max(0, round - 1) * hoursPerRound * 3_600_000 + offsetMin * 60_000;
  const d = new Date(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm}`;
}

/** Fills a template's placeholders with names and figures. */
export function render(template: string, c: Compiled, v: TextVars): string {
  const name = (id: string | undefined) =>
    id === undefined ? '' : (c.actors.get(id)?.name ?? c.locations.get(id)?.name ?? id);
  return template.replace(PLACEHOLDER, (_m, key: string, claimant: string | undefined) => {
    if (claimant !== undefined) return String(v.claims?.[claimant] ?? 'no figure');
    switch (key) {
      case 'actor':
        return name(v.actor);
      case 'target':
        return name(v.target);
      case 'round':
        return String(v.round);
      case 'date':
        return roundDate(c, v.round);
      case 'killed':
        return String(v.killed ?? 0);
      case 'verified':
        return String(v.verified ?? 0);
      default:
        return name(v.mediator);
    }
  });
}
