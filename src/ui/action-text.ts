// An action described by what it does, read from its targets, tags, cost and its outcomes' effects:
// "Strikes a capital, city or province; likely: kills 10–35 on the Taliban side …". The conflict
// weight (Goldstein) is kept apart, for a trainer's detail and the debrief. The words are pure; the
// template only describes markup for lit-html to render.
import { html, type TemplateResult } from 'lit-html';
import type { Action, Effect } from '../scenario/schema.ts';
import type { Compiled } from '../sim/compile.ts';
import { nameOf } from './causes.ts';
import { signed } from './dom.ts';

const KIND_WORDS: Record<string, string> = {
  capital: 'capital',
  city: 'city',
  province: 'province',
  'military-post': 'military post',
  crossing: 'border crossing',
  airbase: 'air base',
  camp: 'camp',
  other: 'place',
};

const MEDIATION: Record<string, string> = {
  offer: 'offers mediation',
  accept: 'accepts mediation',
  reject: 'turns mediation down',
  collapse: 'ends the talks',
};

const CEASEFIRE: Record<string, string> = {
  declare: 'declares a ceasefire',
  break: 'breaks the ceasefire',
  strain: 'strains the ceasefire',
  monitor: 'brings monitors to the ceasefire',
  guarantee: 'guarantees the ceasefire',
};

/** "a, b or c". */
function either(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** "a, b and c". */
function both(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** What the action is aimed at, with its verb: "Strikes a city or province", "Aimed at Kabul or Herat". */
export function targetPhrase(c: Compiled, action: Action): string {
  const t = action.targets;
  const strike = action.tags.includes('strike');
  if (t.type === 'none') return '';
  let what: string;
  if (t.type === 'actor') what = either((c.targets.get(action.id) ?? []).map((id) => nameOf(c, id)));
  else if (t.kinds?.length) {
    const words = t.kinds.map((k) => KIND_WORDS[k] ?? k);
    what = `${/^[aeiou]/.test(words[0] ?? '') ? 'an' : 'a'} ${either(words)}`;
  } else what = either((c.targets.get(action.id) ?? []).map((id) => nameOf(c, id)));
  if (!what) return '';
  return strike ? `Strikes ${what}` : `Aimed at ${what}`;
}

/** One consequence: a verb and its object (so that "raises A and B" shares the verb), and how early it comes. */
interface Words {
  key: string;
  verb: string;
  object: string;
  /** Deaths first, then crossings, the ladder, mediation and the ceasefire, then the meters. */
  rank: number;
}

/** One effect in words, or null for what a player cannot see (flags, hidden metrics). */
function effectWords(c: Compiled, e: Effect): Words | null {
  if ('casualties' in e) {
    const [lo, hi] = e.casualties.killed;
    const object = `${lo}–${hi} on the ${nameOf(c, e.casualties.side)} side`;
    return { key: `casualties:${e.casualties.side}`, verb: 'kills', object, rank: 0 };
  }
  if ('metric' in e) {
    const m = c.metrics.get(e.metric);
    if (!m?.public || m.role === 'escalation') return null;
    if (e.set !== undefined)
      return { key: `metric:${m.id}`, verb: 'sets', object: `${m.name} to ${e.set}`, rank: 4 };
    const up = (e.add ?? 0) > 0 || (e.scale ?? 1) > 1;
    const down = (e.add ?? 0) < 0 || (e.scale ?? 1) < 1;
    if (!up && !down) return null;
    return { key: `metric:${m.id}:${up}`, verb: up ? 'raises' : 'lowers', object: m.name, rank: 4 };
  }
  if ('crossing' in e) {
    const verb = e.status === 'open' ? 'opens' : 'closes';
    return { key: `crossing:${e.crossing}`, verb, object: `the ${nameOf(c, e.crossing)} crossing`, rank: 1 };
  }
  if ('rung' in e) {
    const object = `the crisis ${e.rung === 'down' ? 'down' : 'up'} a rung`;
    return { key: 'rung', verb: 'moves', object, rank: 2 };
  }
  const words =
    'mediation' in e ? MEDIATION[e.mediation] : 'ceasefire' in e ? CEASEFIRE[e.ceasefire] : undefined;
  if (!words) return null;
  const [verb = '', ...rest] = words.split(' ');
  return { key: words, verb, object: rest.join(' '), rank: 3 };
}

/** How likely a consequence is, by the summed probability of the outcomes that bring it. */
function likelihood(p: number): 'always' | 'likely' | 'may' {
  if (p >= 0.999) return 'always';
  if (p >= 0.6) return 'likely';
  return 'may';
}

/** Consequences of one likelihood as a phrase, one verb for its objects: "kills …; raises A and B". */
function phrase(items: Words[]): string {
  const verbs = new Map<string, string[]>();
  for (const w of [...items].sort((a, b) => a.rank - b.rank))
    verbs.set(w.verb, [...(verbs.get(w.verb) ?? []), w.object]);
  return [...verbs].map(([verb, objects]) => `${verb} ${both(objects)}`).join('; ');
}

/** A casualty range widened to cover another outcome's: "2–35" from "10–35" and "2–25". */
function widened(a: Words, b: Words): Words {
  const [, al = '0', ah = '0'] = /^(\d+)–(\d+)/.exec(a.object) ?? [];
  const [, bl = '0', bh = '0'] = /^(\d+)–(\d+)/.exec(b.object) ?? [];
  const range = `${Math.min(Number(al), Number(bl))}–${Math.max(Number(ah), Number(bh))}`;
  return { ...a, object: a.object.replace(/^\d+–\d+/, range) };
}

/** What the action does, in sentences: its aim, its consequences by how likely they are, its cost. */
export function describeAction(c: Compiled, action: Action): string {
  const found = new Map<string, { words: Words; chance: number }>();
  for (const o of action.outcomes) {
    const seen = new Set<string>();
    for (const e of o.effects) {
      const w = effectWords(c, e);
      if (!w || seen.has(w.key)) continue;
      seen.add(w.key);
      const had = found.get(w.key);
      const words = had && w.verb === 'kills' ? widened(w, had.words) : w;
      found.set(w.key, { words, chance: (had?.chance ?? 0) + o.probability });
    }
  }
  const sentences: string[] = [];
  const aim = targetPhrase(c, action);
  if (action.tags.includes('capital-threshold'))
    sentences.push(`${aim || 'Acts'}; aimed at a capital, it moves the crisis up a rung`);
  else if (aim) sentences.push(aim);
  for (const level of ['always', 'likely', 'may'] as const) {
    const here = [...found.values()].filter((x) => likelihood(x.chance) === level).map((x) => x.words);
    if (here.length === 0) continue;
    const text = phrase(here);
    sentences.push(level === 'always' ? capital(text) : `${capital(level)}: ${text}`);
  }
  if (action.tags.includes('strike')) sentences.push('Breaks any ceasefire in force');
  const cost = action.cost
    .filter((x) => c.metrics.get(x.metric)?.public !== false)
    .map((x) => `${nameOf(c, x.metric)} ${signed(x.add)}`);
  if (cost.length > 0) sentences.push(`Costs ${both(cost)}, whatever happens`);
  return sentences.length > 0 ? `${sentences.join('. ')}.` : 'Changes nothing the meters show.';
}

/** The conflict weight, for the trainer's detail: "Goldstein weight −10 (conflict); CAMEO code 195". */
export function weightText(action: Action): string {
  const g = action.goldstein;
  const tone = g < 0 ? 'conflict' : g > 0 ? 'cooperation' : 'neutral';
  return `Goldstein weight ${signed(g)} (${tone}); CAMEO code ${action.cameo}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What an action does, with its conflict weight folded away for trainers. */
export function actionEffects(c: Compiled, action: Action): TemplateResult {
  return html`<p class="does">${describeAction(c, action)}</p>
    <details class="weight"><summary>Conflict weight (for trainers)</summary><p>${weightText(action)}</p></details>`;
}
