// A clause's parameters in a form: the values each may take, one control per parameter, and the values a
// filled-in form holds. Shared by the answer form (a changed clause) and the draft forms.
import { html } from 'lit-html';
import type { Clause, ClauseParam } from '../scenario/schema.ts';
import { paramText } from '../sim/clauses.ts';
import type { Compiled } from '../sim/compile.ts';
import type { GameState, ParamValue } from '../sim/types.ts';
import { nameOf } from './causes.ts';

/** The values a parameter may take, as [value, words]: rounds from now on, numbers in ten steps. */
function paramChoices(
  c: Compiled,
  s: GameState,
  p: ClauseParam,
  v: ParamValue | undefined,
): [string, string][] {
  if (p.kind === 'place' || p.kind === 'crossings') return (p.options ?? []).map((o) => [o, nameOf(c, o)]);
  const values: number[] = [];
  if (p.kind === 'round') for (let r = s.round; r <= c.scenario.meta.maxRounds; r++) values.push(r);
  else {
    const lo = p.min ?? 1;
    const hi = p.max ?? (p.kind === 'rounds' ? c.scenario.meta.maxRounds : lo + 100);
    const step = p.kind === 'number' ? Math.max(1, Math.round((hi - lo) / 10)) : 1;
    for (let x = lo; x <= hi; x += step) values.push(x);
    if (typeof v === 'number' && !values.includes(v)) values.push(v);
    values.sort((a, b) => a - b);
  }
  return values.map((x) => [String(x), paramText(c, p, x)]);
}

/** One control for a clause parameter, with its label; `key` (clause:param) names it for paramsIn. */
export function paramControl(
  c: Compiled,
  s: GameState,
  p: ClauseParam,
  v: ParamValue | undefined,
  id: string,
  key: string,
) {
  const choices = paramChoices(c, s, p, v);
  if (p.kind === 'crossings')
    return html`<fieldset class="param"><legend>${p.name}</legend>${choices.map(
      ([o, name]) =>
        html`<span class="choice"><input type="checkbox" id=${`${id}-${o}`} value=${o} data-param=${key}
          ?checked=${Array.isArray(v) && v.includes(o)}><label for=${`${id}-${o}`}>${name}</label></span>`,
    )}</fieldset>`;
  return html`<span class="param"><label for=${id}>${p.name} </label><select id=${id} data-param=${key}>${choices.map(
    ([x, words]) =>
      html`<option value=${x} ?selected=${v !== undefined && String(v) === x}>${words}</option>`,
  )}</select></span>`;
}

/** A clause's parameters as entered in `form`. */
export function paramsIn(form: HTMLFormElement, clause: Clause): Record<string, ParamValue> {
  const controls = (p: ClauseParam) =>
    [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-param]')].filter(
      (x) => x.dataset.param === `${clause.id}:${p.id}`,
    );
  return Object.fromEntries(
    clause.params.map((p): [string, ParamValue] => {
      const all = controls(p);
      if (p.kind === 'crossings')
        return [p.id, all.filter((x) => (x as HTMLInputElement).checked).map((x) => x.value)];
      const value = all[0]?.value ?? '';
      return [p.id, p.kind === 'place' ? value : Number(value)];
    }),
  );
}
